// The command-line layer: options parsed from a vector of strings so every
// subcommand can be unit-tested in-process; usage errors are exceptions that
// run() maps to exit code 2.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "resdiff/document.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"

namespace resdiff::detail {
struct needs_full_program;  // modules.hpp
}  // namespace resdiff::detail

namespace resdiff::cli {

// Exit codes as diff(1).
inline constexpr int exit_same = 0;
inline constexpr int exit_different = 1;
inline constexpr int exit_trouble = 2;

// Heap readied for a comparison before its files' sizes are known
// (detail::prepare_heap): about what the 65 KB pair uses on each thread.
inline constexpr std::size_t usual_heap_bytes = std::size_t{1} << 20;

// Bad command line: printed as "resdiff: <what>" plus a hint to --help.
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Where a subcommand writes and what it knows of its terminal.
struct io {
    std::ostream& out;
    std::ostream& err;
    bool out_is_tty = false;   // stdout is a terminal
    bool err_is_tty = false;   // stderr is a terminal
    int columns = 80;          // terminal width, from COLUMNS or the tty
    bool no_color = false;     // NO_COLOR is set (and not empty)
    // A long run shows progress on stderr (a terminal) once it has run this long.
    std::chrono::milliseconds progress_after{1000};
};

using command_fn = int (*)(const std::vector<std::string>& args, io& io);

struct command {
    const char* name;
    const char* summary;
    command_fn run;
};

// All subcommands, in the order `resdiff --help` lists them.
const std::vector<command>& commands();

// Runs the tool. `args` excludes argv[0]. Every error becomes a one-line
// message on io.err and exit code 2; the one exception that leaves is
// detail::needs_full_program (modules.hpp), from a program that cannot load
// the PDF and Word modules, for `main` to hand the command over.
int run(const std::vector<std::string>& args, io& io);

// The full program: the same commands, linked dynamically, so that it can
// load the PDF and Word modules. The statically linked resdiff (quicker to
// start: no dynamic loader, no shared C library to map) hands a command that
// needs a module over to it, found where the modules are looked for.
inline constexpr const char* full_program_name = "resdiff-full";
// Set in the environment of the full program when a command is handed over
// (and taken out of it by main, so that the programs it runs do not see it).
inline constexpr const char* handed_over_variable = "RESDIFF_HANDED_OVER";

// Replaces the process with the full program, run with `argv` (the command
// line as given) and standard input as it was read (need.input). Returns
// only when it cannot, after a one-line message on `err`: exit code 2. Not
// when the command has begun its output (`output_started`): it would be
// written twice; nor when this process was itself handed the command
// (`handed_over`): the full program should have loaded the module.
int hand_over(char** argv, const detail::needs_full_program& need, bool output_started, bool handed_over,
              std::ostream& err);

// Subcommands (one source file each).
int run_parse(const std::vector<std::string>& args, io& io);
int run_diff(const std::vector<std::string>& args, io& io);
int run_history(const std::vector<std::string>& args, io& io);
int run_check(const std::vector<std::string>& args, io& io);
int run_git(const std::vector<std::string>& args, io& io);
int run_git_driver(const std::vector<std::string>& args, io& io);
int run_textconv(const std::vector<std::string>& args, io& io);

// Prints a document's warnings on io.err, one line each, naming its file.
void print_warnings(io& io, const document& doc);

// Reads and parses one document (any supported type), prints its warnings
// and, when verbose, the file type and encoding it was read as.
document load_document(const std::string& path, const ingest_options& ingest, io& io, bool verbose = false,
                       const parse_options& options = {});

// What a file is, told before it is read: its size and first bytes, for a
// regular file only. Anything else (standard input as "-", a pipe such as the
// /dev/fd/63 of a shell's <(...), a device) is not opened here: what was read
// from it to look at would be lost to the reading proper.
struct file_probe {
    bool regular = false;
    std::uintmax_t size = 0;
    std::string head;  // up to the bytes asked for; empty when not regular or not readable
};
file_probe probe_file(const std::string& path, std::size_t head_bytes);

// The two documents of a comparison, read and parsed at the same time when
// two CPUs are free; the warnings and verbose lines come as load_document
// prints them, the old document's first. A file that cannot be read throws
// as load_document does (the old one's error first when both fail).
std::pair<document, document> load_documents(const std::string& old_path, const ingest_options& old_ingest,
                                             const std::string& new_path, const ingest_options& new_ingest, io& io,
                                             bool verbose = false);

// Writes all of `content` to the descriptor `fd` (again after a signal, on
// after a short write). Throws std::runtime_error naming `path`, errno as
// the write left it.
void write_all(int fd, const std::string& path, std::string_view content);

// Writes `content` to `path` atomically: a temporary file in the same folder,
// flushed, then renamed over `path`. Throws std::runtime_error naming the file.
void write_file_atomic(const std::string& path, const std::string& content);

// Writes to io.out when path is empty or "-", else write_file_atomic.
void emit(io& io, const std::string& path, const std::string& content);

}  // namespace resdiff::cli

#include <boost/program_options.hpp>

namespace resdiff::cli {

// Parses `args` with the given options and positionals. When they hold --help
// (declare "help,h"), prints the options on io.out and returns nothing: the
// command then exits 0. Throws boost::program_options::error.
std::optional<boost::program_options::variables_map> parse_command_line(
    const std::vector<std::string>& args, const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional, io& io);

// Declares --max-input, the largest input accepted, in bytes.
void add_max_input_option(boost::program_options::options_description& options, std::size_t& max_input);

// The report format: --format by name, else the extension of --output, else
// terminal. Throws usage_error for a name that is not a format.
output_format choose_format(const std::string& format, const std::string& output);

// --color=auto|always|never with NO_COLOR and the tty taken into account.
bool use_color(const std::string& when, const io& io);

}  // namespace resdiff::cli
