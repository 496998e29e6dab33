// Handing a command over to the full program (cli.hpp, hand_over).
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>

#include "cli/cli.hpp"
#include "modules.hpp"

namespace resdiff::cli {

namespace {

// Standard input replaced by a file holding `bytes` (what was read from it).
bool restore_standard_input(const std::string& bytes) {
    const int fd = ::memfd_create("resdiff-standard-input", 0);
    if (fd < 0) return false;
    bool ok = true;
    try {
        write_all(fd, "standard input", bytes);
    } catch (const std::runtime_error&) {
        ok = false;  // errno says why
    }
    ok = ok && ::lseek(fd, 0, SEEK_SET) == 0 && ::dup2(fd, STDIN_FILENO) == STDIN_FILENO;
    ::close(fd);
    return ok;
}

}  // namespace

int hand_over(char** argv, const detail::needs_full_program& need, bool output_started, bool handed_over,
              std::ostream& err) {
    const auto fail = [&](const std::string& why) {
        err << "resdiff: ";
        if (!need.source.empty()) err << need.source << ": ";
        err << need.what << " support is not installed: " << why << '\n';
        return exit_trouble;
    };
    if (handed_over) {
        return fail(std::string("the command was handed over once already (") + handed_over_variable +
                    " is set) and " + need.module + " could not be loaded");
    }
    if (output_started) {
        return fail(std::string("it is in ") + full_program_name + ", and this command had begun its output");
    }
    // Where the full program is: among the places modules are looked for.
    std::string why;
    const std::string path = detail::find_in_module_dirs(full_program_name, X_OK, why);
    if (path.empty()) return fail(why);
    if (need.standard_input && !restore_standard_input(need.input)) {
        return fail(std::string("cannot pass standard input on to ") + path + ": " + std::strerror(errno));
    }
    ::setenv(handed_over_variable, "1", 1);
    err.flush();
    ::execv(path.c_str(), argv);
    return fail("cannot run " + path + ": " + std::strerror(errno));
}

}  // namespace resdiff::cli
