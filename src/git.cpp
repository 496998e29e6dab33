// git integration through the git command-line tool.
#include "resdiff/git.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace resdiff::git {

namespace {

struct fd_guard {
    int fd = -1;
    ~fd_guard() {
        if (fd >= 0) ::close(fd);
    }
    void reset() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

std::runtime_error sys_failure(const std::string& what) { return std::runtime_error(what + ": " + std::strerror(errno)); }

std::string first_line(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    if (const auto nl = s.find('\n'); nl != std::string::npos) {
        // git prints "fatal: ..." as the line that matters; prefer it
        const auto fatal = s.find("fatal: ");
        if (fatal != std::string::npos) {
            const auto end = s.find('\n', fatal);
            return s.substr(fatal, end == std::string::npos ? std::string::npos : end - fatal);
        }
        s = s.substr(0, nl);
    }
    return s;
}

std::string dir_arg(const std::filesystem::path& dir) { return dir.empty() ? std::string(".") : dir.string(); }

// Runs git in `dir`. Throws git_error when git cannot run at all.
process_result git(const std::vector<std::string>& args, const std::filesystem::path& dir) {
    std::vector<std::string> argv = {"git", "-C", dir_arg(dir), "-c", "core.quotepath=off", "--no-pager"};
    argv.insert(argv.end(), args.begin(), args.end());
    try {
        return run_process(argv);
    } catch (const std::runtime_error& e) {
        throw git_error(std::string("cannot run git: ") + e.what());
    }
}

void require_repository(const std::filesystem::path& dir) { (void)toplevel(dir); }

std::vector<std::string> split_nul(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        auto end = s.find('\0', start);
        if (end == std::string::npos) end = s.size();
        out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

process_result run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd, std::size_t max_output) {
    if (argv.empty()) throw std::runtime_error("run_process: no program");
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw sys_failure("cannot create a pipe");
    fd_guard out_r{out_pipe[0]}, out_w{out_pipe[1]};
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) throw sys_failure("cannot create a pipe");
    fd_guard err_r{err_pipe[0]}, err_w{err_pipe[1]};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_w.fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_w.fd, 2);
    if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);

    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        errno = rc;
        throw sys_failure("cannot run " + argv[0]);
    }
    out_w.reset();
    err_w.reset();

    process_result result;
    bool too_much = false;
    pollfd fds[2] = {{out_r.fd, POLLIN, 0}, {err_r.fd, POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_count = 2;
    char buf[65536];
    while (open_count > 0 && !too_much) {
        const int n = ::poll(fds, 2, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (got <= 0) {
                fds[i].fd = -1;
                --open_count;
                continue;
            }
            sinks[i]->append(buf, static_cast<std::size_t>(got));
            if (sinks[i]->size() > max_output) too_much = true;
        }
    }
    if (too_much) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) throw sys_failure("cannot wait for " + argv[0]);
    }
    if (too_much) throw std::runtime_error(argv[0] + ": output larger than " + std::to_string(max_output) + " bytes");
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    return result;
}

std::filesystem::path toplevel(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec)) throw git_error(dir.string() + ": no such folder");
    const auto r = git({"rev-parse", "--show-toplevel"}, dir);
    if (r.status != 0) {
        const std::string where = dir.empty() ? std::filesystem::current_path(ec).string() : dir.string();
        if (r.err.find("not a git repository") != std::string::npos) {
            throw git_error("not inside a git repository: " + where);
        }
        throw git_error("git rev-parse failed in " + where + ": " + first_line(r.err));
    }
    std::string top = r.out;
    while (!top.empty() && (top.back() == '\n' || top.back() == '\r')) top.pop_back();
    if (top.empty()) throw git_error("not inside a git work tree: " + dir_arg(dir));
    return top;
}

bool is_commit(const std::string& rev, const std::filesystem::path& dir) {
    if (rev.empty() || rev.front() == '-') return false;
    return git({"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"}, dir).status == 0;
}

std::string resolve(const std::string& rev, const std::filesystem::path& dir) {
    if (rev.empty() || rev.front() == '-') throw git_error("not a revision: '" + rev + "'");
    const auto r = git({"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"}, dir);
    if (r.status != 0) {
        require_repository(dir);
        throw git_error("unknown revision '" + rev + "'");
    }
    std::string id = r.out;
    while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) id.pop_back();
    return id;
}

std::string show(const std::string& rev, const std::string& path, const std::filesystem::path& dir) {
    const auto r = git({"cat-file", "blob", rev + ":" + path}, dir);
    if (r.status != 0) {
        require_repository(dir);
        throw git_error(path + " does not exist at " + rev + ": " + first_line(r.err));
    }
    return r.out;
}

std::vector<changed_file> changed_files(const std::string& rev1, const std::string& rev2,
                                        const std::vector<std::string>& paths, const std::filesystem::path& dir) {
    require_repository(dir);
    std::vector<std::string> args = {"diff", "--name-status", "-z", "--no-renames", "--no-ext-diff", "--no-textconv"};
    for (const auto* rev : {&rev1, &rev2}) {
        if (rev->empty()) continue;
        if (rev->front() == '-') throw git_error("not a revision: '" + *rev + "'");
        args.push_back(*rev);
    }
    args.push_back("--");
    args.insert(args.end(), paths.begin(), paths.end());
    const auto r = git(args, dir);
    if (r.status != 0) throw git_error("git diff failed: " + first_line(r.err));
    std::vector<changed_file> out;
    const auto fields = split_nul(r.out);
    for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
        changed_file f;
        f.status = fields[i].empty() ? 'M' : fields[i][0];
        f.path = fields[i + 1];
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const changed_file& a, const changed_file& b) { return a.path < b.path; });
    return out;
}

std::vector<file_version> file_history(const std::string& path, const std::filesystem::path& dir, std::size_t max_versions) {
    require_repository(dir);
    // One record per commit: RS, id, short id, date, subject, then the
    // name-status lines (-z: NUL-separated) of the followed file.
    const auto r = git({"log", "--follow", "--no-ext-diff", "--format=%x1e%H%x00%h%x00%cI%x00%s%x00", "--name-status",
                        "-z", "--", path},
                       dir);
    if (r.status != 0) throw git_error("git log failed for " + path + ": " + first_line(r.err));
    std::vector<file_version> versions;
    std::size_t start = 0;
    while ((start = r.out.find('\x1e', start)) != std::string::npos) {
        ++start;
        const auto end = r.out.find('\x1e', start);
        const auto fields = split_nul(r.out.substr(start, end == std::string::npos ? std::string::npos : end - start));
        start = end == std::string::npos ? r.out.size() : end;
        if (fields.size() < 4) continue;
        file_version v;
        v.commit = fields[0];
        v.short_commit = fields[1];
        v.date = fields[2];
        v.subject = fields[3];
        // name-status after the header: STATUS NUL PATH [NUL PATH2 for renames/copies]
        std::vector<std::string> rest;
        for (std::size_t i = 4; i < fields.size(); ++i) {
            std::string f = fields[i];
            while (!f.empty() && (f.front() == '\n')) f.erase(0, 1);
            if (!f.empty()) rest.push_back(f);
        }
        if (rest.empty()) continue;
        const char status = rest[0][0];
        if (status == 'D') continue;
        v.path = (status == 'R' || status == 'C') && rest.size() >= 3 ? rest[2] : rest.size() >= 2 ? rest[1] : path;
        versions.push_back(std::move(v));
    }
    if (versions.empty()) throw git_error(path + ": no version in the history of this repository");
    std::reverse(versions.begin(), versions.end());
    if (max_versions > 0 && versions.size() > max_versions) {
        versions.erase(versions.begin(), versions.end() - static_cast<std::ptrdiff_t>(max_versions));
    }
    const std::string top = toplevel(dir).string();
    for (auto& v : versions) v.text = show(v.commit, v.path, top);
    return versions;
}

}  // namespace resdiff::git
