// Helpers shared by the test files.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
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
