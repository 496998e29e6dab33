// Helpers shared by the test files.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli.hpp"

// What a JSON string writer must escape or replace, one case each: a quote,
// a backslash, a tab and a line end, NUL and another control character,
// DEL, a two-byte character, a byte that is no UTF-8, a cut three-byte
// sequence and a four-byte character.
inline const std::vector<std::string>& json_special_characters() {
    static const std::vector<std::string> specials = {
        "\"",   "\\",       "\t",   "\n",       std::string(1, '\0'), "\x1F",
        "\x7F", "\xC3\xA9", "\xFF", "\xE2\x82", "\xF0\x9F\x98\x80"};
    return specials;
}

// Runs the CLI in-process and keeps what it printed.
struct cli_run {
    int rc = 0;
    std::string out;
    std::string err;
    explicit cli_run(const std::vector<std::string>& args, bool tty = false, bool no_color = false) {
        std::ostringstream o, e;
        resdiff::cli::io io{o, e, tty, false, 80, no_color};
        rc = resdiff::cli::run(args, io);
        out = o.str();
        err = e.str();
    }
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A fresh, empty folder under the system temporary folder.
inline std::filesystem::path scratch_dir(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("resdiff-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

inline std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(RESDIFF_FIXTURES_DIR) / name;
}

// Runs a program (`args`, the program first) in a child process with
// standard input from `input` (empty: /dev/null), `env` added to the
// environment and, when given, an address-space limit (RLIMIT_AS), and keeps
// what it printed (standard output goes to `output` instead when given): its
// exit status, or 128 + the signal that ended it.
struct program_run {
    int rc = -1;
    std::string out;
    std::string err;
    explicit program_run(const std::vector<std::string>& args, const std::filesystem::path& input = {},
                         const std::vector<std::pair<std::string, std::string>>& env = {},
                         const std::filesystem::path& output = {}, rlim_t address_space = 0) {
        const auto dir = std::filesystem::temp_directory_path();
        const auto tag =
            std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this));
        const auto out_file = dir / ("resdiff-run-out-" + tag), err_file = dir / ("resdiff-run-err-" + tag);
        const pid_t pid = ::fork();
        if (pid == 0) {
            const int in = ::open(input.empty() ? "/dev/null" : input.c_str(), O_RDONLY);
            const int o = ::open(output.empty() ? out_file.c_str() : output.c_str(),
                                 O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int e = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (in < 0 || o < 0 || e < 0) ::_exit(126);
            if (address_space > 0) {
                const rlimit limit{address_space, address_space};
                ::setrlimit(RLIMIT_AS, &limit);
            }
            ::dup2(in, STDIN_FILENO), ::dup2(o, STDOUT_FILENO), ::dup2(e, STDERR_FILENO);
            for (const auto& [name, value] : env) ::setenv(name.c_str(), value.c_str(), 1);
            std::vector<std::string> copy = args;
            std::vector<char*> argv;
            for (auto& a : copy) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        out = read_file(out_file);
        err = read_file(err_file);
        std::filesystem::remove(out_file);
        std::filesystem::remove(err_file);
    }
};
