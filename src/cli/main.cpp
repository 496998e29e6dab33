// Entry point: collects the environment facts run() needs, then runs.
#include <sys/ioctl.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cstdlib>
#include <iostream>
#include <streambuf>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "modules.hpp"

namespace {

int terminal_columns() {
    if (const char* c = std::getenv("COLUMNS")) {
        const int n = std::atoi(c);
        if (n > 0) return n;
    }
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

// Standard output, noting whether anything has been written to it: a
// command handed over to the full program must not have begun its output.
// Unbuffered: each write goes on to standard output's own buffer.
class noting_buffer final : public std::streambuf {
public:
    explicit noting_buffer(std::streambuf* to) : to_(to) {}
    bool used() const { return used_; }

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        used_ = true;
        return to_->sputc(traits_type::to_char_type(c));
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        used_ = used_ || n > 0;
        return to_->sputn(s, n);
    }
    int sync() override { return to_->pubsync(); }

private:
    std::streambuf* to_;
    bool used_ = false;
};

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // A short-lived process: memory freed is kept for the next allocations
    // instead of going back to the system. glibc would serve blocks of 128 KiB
    // and more with mmap and unmap them when freed, and give back the top of
    // the heap, so the same memory would be faulted in again page by page
    // (about 1 us a page: 150 of the 850 page faults of a 200 KB comparison).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 1 << 20);          // grow the heap in fewer brk calls
#endif
    // A command handed over by the statically linked resdiff (hand_over):
    // noted here and not passed on to the programs this one runs.
    const bool handed_over = std::getenv(resdiff::cli::handed_over_variable) != nullptr;
    if (handed_over) ::unsetenv(resdiff::cli::handed_over_variable);
    // The C++ streams stay synchronized with C's (the default): every report
    // is written in large pieces, so nothing is gained by unsynchronizing
    // them, which costs a buffer per standard stream at start-up (5 page
    // faults, 0.014 ms of `resdiff --version`).
    std::vector<std::string> args(argv + 1, argv + argc);
    const char* no_color = std::getenv("NO_COLOR");
    noting_buffer out_buffer(std::cout.rdbuf());
    std::ostream out(&out_buffer);
    resdiff::cli::io io{out, std::cerr};
    io.out_is_tty = ::isatty(STDOUT_FILENO) != 0;
    io.err_is_tty = ::isatty(STDERR_FILENO) != 0;
    io.columns = terminal_columns();
    io.no_color = no_color != nullptr && *no_color != '\0';
    int rc = resdiff::cli::exit_trouble;
    try {
        rc = resdiff::cli::run(args, io);
    } catch (const resdiff::detail::needs_full_program& need) {
        out.flush();
        std::cout.flush();
        return resdiff::cli::hand_over(argv, need, out_buffer.used(), handed_over, std::cerr);
    }
    out.flush();
    std::cout.flush();
    if (!out || !std::cout) {
        std::cerr << "resdiff: cannot write to standard output\n";
        return resdiff::cli::exit_trouble;
    }
    return rc;
}
