// Temporary git repositories for the git integration tests.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "resdiff/git.hpp"
#include "support.hpp"

// PATH with the folder of the resdiff binary under test first.
inline std::string path_with_resdiff() {
    std::string path = std::filesystem::path(RESDIFF_BINARY).parent_path().string();
    if (const char* p = std::getenv("PATH")) path.append(":").append(p);
    return "PATH=" + path;
}

// A repository in a scratch folder; every command runs with a fixed identity
// and dates, no user or system configuration, and resdiff on the PATH.
struct temp_repo {
    std::filesystem::path dir;
    int clock = 0;

    explicit temp_repo(const std::string& name) : dir(scratch_dir("git-" + name)) {
        must({"git", "init", "-q", "-b", "main"});
    }

    resdiff::git::process_result run(std::vector<std::string> argv, const std::vector<std::string>& env = {}) const {
        std::vector<std::string> full = {"env", "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME=" + dir.string(),
                                         "GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.org", "GIT_COMMITTER_NAME=Test",
                                         "GIT_COMMITTER_EMAIL=test@example.org", path_with_resdiff(), "NO_COLOR=1"};
        full.insert(full.end(), env.begin(), env.end());
        full.insert(full.end(), argv.begin(), argv.end());
        return resdiff::git::run_process(full, dir);
    }

    std::string must(std::vector<std::string> argv, const std::vector<std::string>& env = {}) const {
        const auto r = run(argv, env);
        if (r.status != 0) {
            std::string cmd;
            for (const auto& a : argv) cmd.append(a).append(" ");
            throw std::runtime_error(cmd + "failed: " + r.err);
        }
        return r.out;
    }

    void write(const std::string& path, const std::string& text) const {
        const auto p = dir / path;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
    }

    // Commits everything; dates 2025-10-01, 2025-10-02, ... at noon UTC.
    void commit(const std::string& message) {
        ++clock;
        const std::string date = "2025-10-" + std::string(clock < 10 ? "0" : "") + std::to_string(clock) + "T12:00:00+00:00";
        must({"git", "add", "-A"});
        must({"git", "commit", "-q", "-m", message}, {"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date});
    }
};

// Two versions of a short draft used across the git tests.
inline const char* draft_v1 =
    "The General Assembly,\n\n"
    "Recalling its resolution 79/194 of 19 December 2024,\n\n"
    "1. Urges Member States to close the digital divide;\n\n"
    "2. Requests the Secretary-General to submit a report.\n";
inline const char* draft_v2 =
    "The General Assembly,\n\n"
    "Recalling its resolution 80/118 of 15 December 2025,\n\n"
    "1. Encourages Member States to close the digital divide;\n";
inline const char* draft_v3 =
    "The General Assembly,\n\n"
    "Recalling its resolution 80/118 of 15 December 2025,\n\n"
    "1. Encourages Member States to close the digital divide, as appropriate;\n";
