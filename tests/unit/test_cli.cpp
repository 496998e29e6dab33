// The command-line layer: option parsing, exit codes, atomic output.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.hpp"
#include "support.hpp"

using resdiff::cli::io;

TEST_CASE("cli: --version and --help exit 0", "[cli]") {
    cli_run r({"--version"});
    CHECK(r.rc == 0);
    CHECK(r.out.rfind("resdiff ", 0) == 0);
    cli_run h({"--help"});
    CHECK(h.rc == 0);
    CHECK(h.out.find("parse") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2 with one clear line", "[cli]") {
    cli_run none({});
    CHECK(none.rc == 2);
    CHECK(none.err.rfind("resdiff: missing operands", 0) == 0);
    cli_run unknown({"diff", "--no-such-option", "a", "b"});
    CHECK(unknown.rc == 2);
    CHECK(unknown.err.find("no-such-option") != std::string::npos);
    cli_run three({"a", "b", "c"});
    CHECK(three.rc == 2);
    CHECK(three.err.find("too many operands") != std::string::npos);
}

TEST_CASE("cli: standard output that cannot be written is trouble, said in one line", "[cli]") {
    const auto old_text = fixture("golden/small-old.txt").string(),
               new_text = fixture("golden/small-new.txt").string();
    for (const std::string format : {"terminal", "json"}) {
        const program_run full({RESDIFF_BINARY, "--format", format, old_text, new_text}, {}, {}, "/dev/full");
        CHECK(full.rc == 2);
        CHECK(full.err == "resdiff: cannot write to standard output\n");
    }
}

TEST_CASE("cli: a missing file is trouble and named", "[cli]") {
    cli_run r({"parse", "/nonexistent/dir/file.txt"});
    CHECK(r.rc == 2);
    CHECK(r.err.find("/nonexistent/dir/file.txt") != std::string::npos);
    CHECK(r.out.empty());
}

namespace {

// A pipe fed with `text` by a thread of its own: `read_end` is open until
// close_read(), and the writer is done once the reader has read it all.
class fed_pipe {
public:
    explicit fed_pipe(const std::string& text) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        read_end = fds[0];
        writer_ = std::thread([fd = fds[1], &text] {
            for (std::size_t at = 0; at < text.size();) {
                const ssize_t n = ::write(fd, text.data() + at, text.size() - at);
                if (n <= 0) break;
                at += static_cast<std::size_t>(n);
            }
            ::close(fd);
        });
    }
    fed_pipe(const fed_pipe&) = delete;
    fed_pipe& operator=(const fed_pipe&) = delete;
    ~fed_pipe() {
        close_read();
        writer_.join();
    }
    void close_read() {
        if (read_end >= 0) ::close(read_end);
        read_end = -1;
    }
    int read_end = -1;

private:
    std::thread writer_;
};

}  // namespace

TEST_CASE("cli: a pipe given as a file (a shell's <(...)) is read whole", "[cli]") {
    // Nothing may be read from a pipe to learn what it is: those bytes would
    // be lost to the reading (the comparison saw the document without its
    // first 8 KB, title and symbol gone).
    const std::string text = read_file(fixture("A-RES-65-141.txt"));
    REQUIRE(text.size() > 16384);
    const std::string file_path = fixture("A-RES-65-141.txt").string();
    for (const bool pipe_is_old : {true, false}) {
        fed_pipe pipe(text);
        const std::string pipe_path = "/dev/fd/" + std::to_string(pipe.read_end);
        cli_run r(
            {"--format", "json", pipe_is_old ? pipe_path : file_path, pipe_is_old ? file_path : pipe_path});
        CAPTURE(pipe_is_old, r.err);
        CHECK(r.rc == 0);  // the same text on both sides
        CHECK(r.out.find("\"symbol\": \"A/RES/65/141\"") != std::string::npos);
    }
}

TEST_CASE("cli: - reads standard input, as OLD or as NEW, not as both", "[cli]") {
    const std::string text = read_file(fixture("A-RES-65-141.txt"));
    const std::string file_path = fixture("A-RES-65-141.txt").string();
    for (const bool stdin_is_old : {true, false}) {
        fed_pipe pipe(text);
        const int saved = ::dup(STDIN_FILENO);
        ::dup2(pipe.read_end, STDIN_FILENO);
        pipe.close_read();
        cli_run r({"--format", "json", stdin_is_old ? "-" : file_path, stdin_is_old ? file_path : "-"});
        ::dup2(saved, STDIN_FILENO);
        ::close(saved);
        CAPTURE(stdin_is_old, r.err);
        CHECK(r.rc == 0);  // the same text on both sides
        CHECK(r.out.find("\"symbol\": \"A/RES/65/141\"") != std::string::npos);
    }
    cli_run both({"-", "-"});
    CHECK(both.rc == 2);
    CHECK(both.err.find("standard input") != std::string::npos);
}

TEST_CASE("cli: write_file_atomic replaces the file and leaves no temporary", "[cli]") {
    namespace fs = std::filesystem;
    const fs::path dir = scratch_dir("atomic");
    const fs::path target = dir / "report.txt";
    resdiff::cli::write_file_atomic(target.string(), "first");
    resdiff::cli::write_file_atomic(target.string(), "second");
    CHECK(read_file(target) == "second");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
    CHECK(entries == 1);
    CHECK_THROWS_WITH(resdiff::cli::write_file_atomic((dir / "missing" / "x.txt").string(), "x"),
                      Catch::Contains("missing/x.txt"));
}

TEST_CASE("cli: -o to a device, a pipe or a link writes through it, never replaces it", "[cli]") {
    namespace fs = std::filesystem;
    const fs::path dir = scratch_dir("output-special");
    // /dev/null stays the device (renamed over, as root, it became a file).
    resdiff::cli::write_file_atomic("/dev/null", "report");
    CHECK(fs::is_character_file("/dev/null"));
    // A named pipe (as `-o >(gzip > r.gz)` gives): the reader gets the report.
    const fs::path fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] { received = read_file(fifo); });
    resdiff::cli::write_file_atomic(fifo.string(), "through the pipe");
    reader.join();
    CHECK(received == "through the pipe");
    CHECK(fs::is_fifo(fifo));
    // A link to a file: the file is replaced, the link kept.
    const fs::path file = dir / "real.txt", link = dir / "link.txt";
    resdiff::cli::write_file_atomic(file.string(), "old");
    fs::create_symlink(file, link);
    resdiff::cli::write_file_atomic(link.string(), "new");
    CHECK(fs::is_symlink(link));
    CHECK(read_file(file) == "new");
    // A folder is no file to write.
    CHECK_THROWS_WITH(resdiff::cli::write_file_atomic(dir.string(), "x"), Catch::Contains("cannot write"));
    fs::remove_all(dir);
}

TEST_CASE("cli: --color resolution respects NO_COLOR and the tty", "[cli]") {
    std::ostringstream o, e;
    io tty{o, e, true, true, 80, false};
    CHECK(resdiff::cli::use_color("auto", tty));
    tty.no_color = true;
    CHECK_FALSE(resdiff::cli::use_color("auto", tty));
    CHECK(resdiff::cli::use_color("always", tty));
    io pipe{o, e, false, false, 80, false};
    CHECK_FALSE(resdiff::cli::use_color("auto", pipe));
    CHECK_THROWS_AS(resdiff::cli::use_color("sometimes", pipe), resdiff::cli::usage_error);
}

TEST_CASE("cli: --verbose names the encoding each file was read as", "[cli]") {
    const auto dir = scratch_dir("verbose");
    {
        std::ofstream f(dir / "latin.txt", std::ios::binary);
        f << "The General Assembly,\n1. Decides that caf\xe9 matters;\n";
    }
    cli_run r({"parse", "--verbose", (dir / "latin.txt").string()});
    CHECK(r.rc == 0);
    CHECK(r.err.find("latin.txt: read as Windows-1252") != std::string::npos);
    cli_run d({"diff", "-v", fixture("A-RES-65-141.txt").string(), fixture("example-draft-66.txt").string()});
    CHECK(d.rc == 1);
    CHECK(d.err.find("A-RES-65-141.txt: read as UTF-8") != std::string::npos);
    CHECK(d.err.find("example-draft-66.txt: read as UTF-8") != std::string::npos);
    cli_run quiet({"parse", fixture("A-RES-65-141.txt").string()});
    CHECK(quiet.err.empty());
}
