#include "cli/cli.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <string_view>

#include <boost/program_options.hpp>
#include <exception>
#include <new>
#include <ostream>

#include "modules.hpp"
#include "parallel.hpp"
#include "resdiff/ingest.hpp"

namespace resdiff::cli {

namespace {

constexpr const char* version_string = "resdiff 0.1.0";

void print_help(std::ostream& out) {
    out << "Usage: resdiff [diff] OLD NEW [options]   compare two versions clause by clause\n"
           "       resdiff COMMAND [options]          see 'resdiff COMMAND --help'\n\n"
           "Commands:\n";
    std::size_t width = 0;
    for (const auto& c : commands()) width = std::max(width, std::string_view(c.name).size());
    for (const auto& c : commands()) {
        const std::string_view name(c.name);
        out << "  " << name << std::string(width + 2 - name.size(), ' ') << c.summary << '\n';
    }
    out << "\nExit status: 0 no differences, 1 differences, 2 trouble.\n";
}

}  // namespace

const std::vector<command>& commands() {
    static const std::vector<command> all = {
        {"diff", "compare two versions (the default command)", &run_diff},
        {"parse", "print the structure of one resolution or draft", &run_parse},
        {"history", "lineage, word blame and statistics over many versions", &run_history},
        {"check", "check a revision against rules (CI gate)", &run_check},
        {"git", "compare documents between commits of a git repository", &run_git},
        {"extdiff", "external diff driver for git (GIT_EXTERNAL_DIFF)", &run_git_driver},
        {"textconv", "print a document's text (git textconv)", &run_textconv},
    };
    return all;
}

int run(const std::vector<std::string>& args, io& io) {
    try {
        if (args.empty()) throw usage_error("missing operands: OLD NEW");
        const std::string& first = args.front();
        if (first == "--help" || first == "-h" || first == "help") {
            print_help(io.out);
            return exit_same;
        }
        if (first == "--version" || first == "-V") {
            io.out << version_string << '\n';
            return exit_same;
        }
        for (const auto& c : commands()) {
            if (first == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()), io);
        }
        return run_diff(args, io);   // the default subcommand
    } catch (const usage_error& e) {
        io.err << "resdiff: " << e.what() << "\nTry 'resdiff --help' for more information.\n";
    } catch (const boost::program_options::error& e) {
        io.err << "resdiff: " << e.what() << "\nTry 'resdiff --help' for more information.\n";
    } catch (const input_error& e) {
        if (e.path().empty()) io.err << "resdiff: " << e.what() << '\n';
        else io.err << "resdiff: " << e.path() << ": " << e.what() << '\n';
    } catch (const std::bad_alloc&) {
        io.err << "resdiff: out of memory\n";
    } catch (const std::exception& e) {
        io.err << "resdiff: " << e.what() << '\n';
    }
    return exit_trouble;
}

}  // namespace resdiff::cli

namespace resdiff::cli {

std::optional<boost::program_options::variables_map> parse_command_line(
    const std::vector<std::string>& args, const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional, io& io) {
    namespace po = boost::program_options;
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
        io.out << options << '\n';
        return std::nullopt;
    }
    po::notify(vm);
    return vm;
}

void add_max_input_option(boost::program_options::options_description& options, std::size_t& max_input) {
    options.add_options()("max-input", boost::program_options::value(&max_input),
                          "largest input accepted, in bytes (default 64 MiB)");
}

output_format choose_format(const std::string& format, const std::string& output) {
    if (!format.empty()) {
        const auto f = format_from_name(format);
        if (!f) throw usage_error("unknown --format '" + format + "'");
        return *f;
    }
    if (!output.empty() && output != "-") {
        if (const auto f = format_from_extension(output)) return *f;
    }
    return output_format::terminal;
}

void print_warnings(io& io, const document& doc) {
    for (const auto& w : doc.warnings) io.err << "resdiff: " << doc.source << ": warning: " << w << '\n';
}

namespace {

// A document read and parsed, and what --verbose says of the reading.
struct loaded {
    document doc;
    std::string encoding;
    std::size_t lines = 0;
};

loaded read_document(const std::string& path, const ingest_options& ingest, const parse_options& options) {
    const ingested_text text = ingest_file(path, ingest);
    loaded out;
    out.encoding = text.encoding;
    out.lines = text.lines.size();
    out.doc = parse_document(text, options);
    return out;
}

document report(const std::string& path, loaded&& l, io& io, bool verbose) {
    if (verbose) io.err << "resdiff: " << path << ": read as " << l.encoding << ", " << l.lines << " lines\n";
    print_warnings(io, l.doc);
    return std::move(l.doc);
}

// Whether two files may be read at the same time: plain text files up to a
// few MB. Large files one after the other: reading a file takes a few times
// its size in passing, and two such peaks at once took the 10 MB pair past
// 100 MB (two 2 MB files read at once add less than 12 MB). PDF and Word
// files too: poppler and libzip are not known to be safe on two threads.
constexpr std::uintmax_t together_up_to = 4u << 20;

}  // namespace

file_probe probe_file(const std::string& path, std::size_t head_bytes) {
    file_probe p;
    struct stat st {};
    if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return p;
    p.regular = true;
    p.size = static_cast<std::uintmax_t>(st.st_size);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return p;  // unreadable: the reading proper says why
    p.head.resize(std::min<std::uintmax_t>(head_bytes, p.size));
    std::size_t got = 0;
    while (got < p.head.size()) {
        const ssize_t n = ::read(fd, p.head.data() + got, p.head.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    p.head.resize(got);
    return p;
}

document load_document(const std::string& path, const ingest_options& ingest, io& io, bool verbose,
                       const parse_options& options) {
    return report(path, read_document(path, ingest, options), io, verbose);
}

namespace {

// `error` holds detail::needs_full_program: the command goes to the full program.
bool goes_to_full_program(const std::exception_ptr& error) {
    if (!error) return false;
    try {
        std::rethrow_exception(error);
    } catch (const detail::needs_full_program&) {
        return true;
    } catch (...) {
        return false;
    }
}

}  // namespace

std::pair<document, document> load_documents(const std::string& old_path, const ingest_options& old_ingest,
                                             const std::string& new_path, const ingest_options& new_ingest, io& io,
                                             bool verbose) {
    // A pipe or a device is read once, by the reading proper, one after the
    // other; its size is unknown (0).
    const file_probe old_file = probe_file(old_path, 8), new_file = probe_file(new_path, 8);
    const std::uintmax_t old_size = old_file.size, new_size = new_file.size;
    const bool large_input = old_size > together_up_to || new_size > together_up_to;
#if defined(__GLIBC__)
    // Large inputs: the helper thread allocates from this thread's heap (a
    // thread's heap is chosen at its first allocation, in its first task,
    // which comes after this). With a heap of its own, what either thread
    // frees is not reused by the other: the 10 MB pair peaked at 98 MB
    // instead of 92. (On small inputs the shared heap's lock costs more than
    // that: the 65 KB pair took 4.5 ms instead of 3.9.) And blocks of 4 MB
    // and more (a file's bytes, its lines, the token buffers) are mapped on
    // their own and go back to the system when freed: kept in the heap (main
    // maps only from 32 MB), the holes they left decided the peak, which went
    // from 92 to 98 MB when two 60-byte strings fewer were allocated while
    // reading; mapped, it is 89.5 to 91 MB, in the same time.
    if (large_input) {
        mallopt(M_ARENA_MAX, 1);
        mallopt(M_MMAP_THRESHOLD, 4 << 20);
    }
#endif
    loaded o, n;
    std::exception_ptr old_error, new_error;  // each reported in its turn
    const auto read_into = [](loaded& into, std::exception_ptr& error, const std::string& path,
                              const ingest_options& ingest) {
        try {
            into = read_document(path, ingest, {});
        } catch (...) {
            error = std::current_exception();
        }
    };
    const auto read_old = [&] { read_into(o, old_error, old_path, old_ingest); };
    const auto read_new = [&] { read_into(n, new_error, new_path, new_ingest); };
    const auto plain_text = [](const file_probe& f) {
        return f.regular && detect_file_type(f.head) == file_type::text;
    };
    if (!large_input && plain_text(old_file) && plain_text(new_file)) {
        // Each thread's heap readied for what reading and comparing will
        // allocate on it: about 0.7 MB and five times the input, up to 3 MB
        // (larger inputs leave the helper little idle time to ready more),
        // as measured when it was sized (65 KB pair: 0.8 and 1.2 MB, 200 KB
        // pair: 2.6 MB each). Measured again after run 9, with nothing
        // readied, the threads used 0.7 and 0.6 MB, 1.7 and 2.2 MB; sizes
        // fitted to that ran no faster (docs/benchmarks.md, after run 9).
        // Not for large inputs: the helper must first allocate after the
        // choice of one heap above.
        const std::size_t heap = std::min<std::uintmax_t>((700u << 10) + 5 * (old_size + new_size), std::size_t{3} << 20);
        detail::prepare_heap(heap > usual_heap_bytes ? heap : 0, heap);
        detail::run_both(read_old, read_new);
    } else {
        read_old();
        if (!goes_to_full_program(old_error)) read_new();  // (the full program reads it)
    }
    if (old_error) std::rethrow_exception(old_error);
    // A command going to the full program prints nothing first (the full
    // program prints it all); other errors come after OLD's report.
    if (goes_to_full_program(new_error)) std::rethrow_exception(new_error);
    document old_doc = report(old_path, std::move(o), io, verbose);
    if (new_error) std::rethrow_exception(new_error);
    return {std::move(old_doc), report(new_path, std::move(n), io, verbose)};
}

bool use_color(const std::string& when, const io& io) {
    if (when == "always") return true;
    if (when == "never") return false;
    if (when != "auto") throw usage_error("--color takes auto, always or never, not '" + when + "'");
    return io.out_is_tty && !io.no_color;
}

}  // namespace resdiff::cli
