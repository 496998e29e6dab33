// git integration: versions of documents from the repository a tool runs in.
//
// Uses the git command-line tool as a subprocess (argument vectors, no shell,
// output captured); no libgit2. Paths given to these functions are relative
// to `dir` (or absolute); paths returned are relative to the repository's top
// folder, as git prints them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace resdiff::git {

// git is missing, `dir` is not inside a repository, a revision or path does
// not exist, or git failed: what() is one line saying which.
class git_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct process_result {
    int status = 0;     // exit status; 128 + signal number when killed by a signal
    std::string out;    // standard output, as bytes
    std::string err;    // standard error
};

// Runs argv[0] (looked up in PATH) with the arguments, in `cwd` (empty: the
// current folder), stdin from /dev/null, capturing stdout and stderr. Throws
// std::runtime_error when the program cannot be started or an output exceeds
// `max_output` bytes (the process is then killed).
process_result run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {},
                           std::size_t max_output = std::size_t{256} * 1024 * 1024);

// The repository's top folder. Throws git_error "not inside a git repository" otherwise.
std::filesystem::path toplevel(const std::filesystem::path& dir = {});

// True when `rev` names a commit.
bool is_commit(const std::string& rev, const std::filesystem::path& dir = {});

// Full commit id of `rev`. Throws git_error for an unknown revision.
std::string resolve(const std::string& rev, const std::filesystem::path& dir = {});

// Bytes of `path` (relative to the top folder) at commit `rev`. Throws git_error.
std::string show(const std::string& rev, const std::string& path, const std::filesystem::path& dir = {});

struct changed_file {
    char status = 'M';   // 'A' added, 'D' deleted, 'M' modified, 'T' type changed
    std::string path;    // relative to the top folder
};

// Files that differ between rev1 and rev2 (rev2 empty: the working tree),
// limited to `paths` (pathspecs relative to `dir`) when not empty. Renames are
// reported as a deletion and an addition.
std::vector<changed_file> changed_files(const std::string& rev1, const std::string& rev2,
                                        const std::vector<std::string>& paths, const std::filesystem::path& dir = {});

// One version of a file in its history.
struct file_version {
    std::string commit;        // full id
    std::string short_commit;  // abbreviated id, as git abbreviates it
    std::string date;          // committer date, ISO 8601 ("2025-10-14T09:30:00+02:00")
    std::string subject;       // first line of the commit message
    std::string path;          // the file's path at that commit (follows renames)
    std::string text;          // the file's bytes at that commit
    // "3f2a9c1 2025-10-14": what a history report shows for this version.
    std::string label() const { return short_commit + " " + date.substr(0, 10); }
};

// The versions of `path` over the commits that changed it, oldest first,
// following renames (git log --follow). Commits where the file was deleted
// are left out. At most `max_versions` (the newest ones) when not 0. Throws
// git_error when the file has no history.
std::vector<file_version> file_history(const std::string& path, const std::filesystem::path& dir = {},
                                       std::size_t max_versions = 0);

}  // namespace resdiff::git
