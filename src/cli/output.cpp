#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>

#include "cli/cli.hpp"

namespace resdiff::cli {

namespace {

std::runtime_error io_failure(const std::string& path, const char* what) {
    return std::runtime_error(path + ": " + what + ": " + std::strerror(errno));
}

}  // namespace

void write_all(int fd, const std::string& path, std::string_view content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw io_failure(path, "cannot write");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

void write_file_atomic(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (fs::is_directory(status)) {
        errno = EISDIR;
        throw io_failure(path, "cannot write");
    }
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        // A device, a pipe or a socket (-o /dev/null, -o >(gzip)): written to
        // as it is. Renamed over, /dev/null would become a regular file.
        const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) throw io_failure(path, "cannot open for writing");
        try {
            write_all(fd, path, content);
        } catch (...) {
            ::close(fd);
            throw;
        }
        if (::close(fd) != 0) throw io_failure(path, "cannot write");
        return;
    }
    // A symbolic link to a file: the file it names is replaced, not the link.
    const fs::path target = fs::is_symlink(fs::symlink_status(path, ec)) && fs::exists(status)
                                ? fs::canonical(path, ec)
                                : fs::path(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    std::string name = ".";
    name.append(target.filename().string()).append(".tmp-").append(std::to_string(::getpid()));
    name.append("-").append(std::to_string(rd() % 1000000));
    const fs::path tmp = dir / name;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw io_failure(path, "cannot create temporary file");
    try {
        write_all(fd, path, content);
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    const bool synced = ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!synced || !closed) {
        const auto err = io_failure(path, "cannot write");
        ::unlink(tmp.c_str());
        throw err;
    }
    if (std::rename(tmp.c_str(), target.c_str()) != 0) {
        const auto err = io_failure(path, "cannot rename temporary file into place");
        ::unlink(tmp.c_str());
        throw err;
    }
}

void emit(io& io, const std::string& path, const std::string& content) {
    if (path.empty() || path == "-") {
        io.out << content;
        return;
    }
    write_file_atomic(path, content);
}

}  // namespace resdiff::cli
