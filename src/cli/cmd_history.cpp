// resdiff history FILE...: lineage, word blame and statistics over many versions.
#include <chrono>
#include <ostream>

#include "cli/cli.hpp"
#include "resdiff/git.hpp"
#include "resdiff/history.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"

namespace resdiff::cli {

namespace {

// Progress on stderr once the run takes longer than io.progress_after (a second),
// only on a terminal; the line is erased when the run ends.
class progress_line {
public:
    explicit progress_line(io& io) : io_(io), start_(std::chrono::steady_clock::now()) {}
    void update(const std::string& what, std::size_t done, std::size_t total) {
        if (!io_.err_is_tty) return;
        if (!shown_ && std::chrono::steady_clock::now() - start_ < io_.progress_after) return;
        shown_ = true;
        io_.err << "\rresdiff: history: " << what << ' ' << done << '/' << total << "\x1b[K" << std::flush;
    }
    ~progress_line() {
        if (shown_) io_.err << "\r\x1b[K" << std::flush;
    }
    progress_line(const progress_line&) = delete;
    progress_line& operator=(const progress_line&) = delete;

private:
    io& io_;
    std::chrono::steady_clock::time_point start_;
    bool shown_ = false;
};

}  // namespace

int run_history(const std::vector<std::string>& args, io& io) {
    namespace po = boost::program_options;
    po::options_description desc(
        "Usage: resdiff history FILE... [options]\n"
        "       resdiff history --git PATH [options]\n"
        "The history of a text over many versions: the order of the versions, where each\n"
        "paragraph of the newest version first appeared, which versions changed it, and\n"
        "(--blame) which version introduced each word.\n\nOptions");
    std::vector<std::string> files;
    std::string format, output, color = "auto", git_path;
    int width = 0;
    std::size_t max_input = ingest_options{}.max_input_bytes;
    // clang-format off
    desc.add_options()
        ("help,h", "show this help")
        ("format,f", po::value(&format), "terminal (default), json, html")
        ("output,o", po::value(&output), "write the report to FILE (atomically); the format follows its extension")
        ("blame", "terminal: colour the words of the newest text by the version that introduced them")
        ("keep-order", "keep the versions in the order given instead of ordering them by session and date")
        ("keep-all", "do not leave out files that look like a different text, or a version given twice")
        ("color", po::value(&color), "auto (default), always or never; NO_COLOR is respected")
        ("width", po::value(&width), "wrap terminal output at this column (default: terminal width, 0: no wrap)")
        ("git", po::value(&git_path), "the versions of PATH in the commits of this git repository that changed it, oldest first")
        ("files", po::value(&files), "the versions, in any order");
    // clang-format on
    add_max_input_option(desc, max_input);
    po::positional_options_description pos;
    pos.add("files", -1);
    const auto vm = parse_command_line(args, desc, pos, io);
    if (!vm) return exit_same;   // --help
    if (!git_path.empty() && !files.empty()) throw usage_error("history: --git PATH takes no other files");
    if (git_path.empty() && files.size() < 2) throw usage_error("history needs at least two versions");

    const output_format fmt = choose_format(format, output);
    if (fmt != output_format::terminal && fmt != output_format::json && fmt != output_format::html) {
        throw usage_error("history writes terminal, json or html, not '" + (format.empty() ? output : format) + "'");
    }
    const bool to_stdout = output.empty() || output == "-";
    history_render_options ropt;
    ropt.blame = vm->count("blame") > 0;
    ropt.color = fmt == output_format::terminal && to_stdout && use_color(color, io);
    ropt.width = vm->count("width") ? width : (to_stdout && io.out_is_tty ? io.columns : 0);

    progress_line progress(io);
    ingest_options in;
    in.max_input_bytes = max_input;
    std::vector<document> docs;
    if (!git_path.empty()) {
        // Each commit that changed the file is a version, labelled by commit and date.
        const auto versions = git::file_history(git_path);
        if (versions.size() < 2) throw std::runtime_error("history: " + git_path + " has only one version in git");
        for (const auto& v : versions) {
            document d = parse_document(ingest_bytes(v.text, v.label(), in));
            d.source = v.label();
            docs.push_back(std::move(d));
        }
    } else {
        docs = read_versions(files, in, 0, [&](std::size_t done, std::size_t total) { progress.update("reading", done, total); });
    }
    for (const auto& d : docs) print_warnings(io, d);

    history_options hopt;
    hopt.keep_order = vm->count("keep-order") > 0 || !git_path.empty();   // git: commit order
    if (!git_path.empty()) hopt.keep_order_note = "the commits' order, oldest first";
    hopt.keep_all = vm->count("keep-all") > 0 || !git_path.empty();       // git: one file by definition
    hopt.progress = [&](std::size_t done, std::size_t total) { progress.update("comparing", done, total); };
    const history h = build_history(std::move(docs), hopt);
    for (const auto& e : h.excluded) io.err << "resdiff: " << (e.source.empty() ? e.symbol : e.source) << ": left out: " << e.reason << '\n';
    if (h.versions.size() < 2) throw std::runtime_error("history: fewer than two versions of the same text remain");
    if (!hopt.keep_order && h.order == order_used::given) {
        io.err << "resdiff: history: kept the order given: " << h.order_note << '\n';
    }

    std::string report;
    switch (fmt) {
        case output_format::json: report = history_to_json(h); break;
        case output_format::html: report = render_history_html(h, ropt); break;
        default: report = render_history_terminal(h, ropt); break;
    }
    emit(io, output, report);
    return exit_same;
}

}  // namespace resdiff::cli
