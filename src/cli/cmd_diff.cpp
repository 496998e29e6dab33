// resdiff [diff] OLD NEW [options]: the main job.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "modules.hpp"
#include "parallel.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"

namespace resdiff::cli {

namespace {

// A Word document, by content (the first bytes and the package's main part).
bool is_docx_file(const std::string& path) {
    return detect_file_type(probe_file(path, std::size_t{1} << 16).head) == file_type::docx;
}

}  // namespace

int run_diff(const std::vector<std::string>& args, io& io) {
    // The helper thread is started now, while the options are read: waking
    // the CPU it runs on took a virtual machine up to a few milliseconds, a
    // wait that otherwise falls into reading the files (65 KB pair: median
    // 4.1 -> 3.9 ms, the slowest tenth 5.4 -> 5.1).
    detail::thread_slots();
    // And while it waits for work, it readies the memory this thread is
    // about to use (its own, and more, once the files' sizes are known).
    detail::prepare_heap(usual_heap_bytes, 0);
    namespace po = boost::program_options;
    po::options_description desc(
        "Usage: resdiff [diff] OLD NEW [options]\n"
        "Compare two versions of a resolution clause by clause, word by word.\n\nOptions");
    std::vector<std::string> files, ignore;
    std::string format, output, color = "auto", docx_view = "accepted";
    int width = 0;
    std::size_t max_input = ingest_options{}.max_input_bytes;
    std::size_t max_tokens = diff_options{}.max_tokens;
    desc.add_options()
        ("help,h", "show this help")
        ("verbose,v", "say on standard error how each file was read (type, encoding)")
        ("format,f", po::value(&format), "terminal (default), json, html, markdown, docx (a Word redline, needs -o)")
        ("output,o", po::value(&output), "write the report to FILE (atomically); the format follows its extension")
        ("color", po::value(&color), "auto (default), always or never; NO_COLOR is respected")
        ("context", "show unchanged paragraphs too")
        ("ignore", po::value(&ignore), "hide units whose only changes are of these classes: routine, citation, "
                                       "qualifier, lead (repeat the option or separate by commas)")
        ("width", po::value(&width), "wrap terminal output at this column (default: terminal width, 0: no wrap)")
        ("max-tokens", po::value(&max_tokens),
         "word tokens (old + new) of one unit above which the word diff takes a coarser, faster path "
         "(default 200000); the report says when it did")
        ("docx-view", po::value(&docx_view), "Word input with tracked changes: accepted (default) or original")
        ("files", po::value(&files),
         "OLD and NEW, - for standard input (or one .docx with tracked changes: original against accepted)");
    add_max_input_option(desc, max_input);
    po::positional_options_description pos;
    pos.add("files", -1);
    const auto vm = parse_command_line(args, desc, pos, io);
    if (!vm) return exit_same;   // --help
    if (docx_view != "accepted" && docx_view != "original")
        throw usage_error("--docx-view takes accepted or original, not '" + docx_view + "'");
    // One Word file alone: its tracked changes, original against accepted.
    const bool docx_alone = files.size() == 1 && is_docx_file(files[0]);
    if (!docx_alone && files.size() != 2) throw usage_error(files.size() < 2 ? "missing operand: need OLD and NEW" : "too many operands: need OLD and NEW");
    if (files.size() == 2 && files[0] == "-" && files[1] == "-")
        throw usage_error("OLD and NEW cannot both be standard input (-)");

    const output_format fmt = choose_format(format, output);

    render_options ropt;
    ropt.context = vm->count("context") > 0;
    const bool to_stdout = output.empty() || output == "-";
    ropt.color = fmt == output_format::terminal && to_stdout && use_color(color, io);
    ropt.width = vm->count("width") ? width : (to_stdout && io.out_is_tty ? io.columns : 0);
    if (width < 0) throw usage_error("--width takes a column count (0: no wrapping), not " + std::to_string(width));
    std::vector<std::string> ignored;
    for (const auto& list : ignore) {
        std::size_t start = 0;
        while (start <= list.size()) {
            const auto comma = std::min(list.find(',', start), list.size());
            if (comma > start) ignored.push_back(list.substr(start, comma - start));
            start = comma + 1;
        }
    }
    for (const auto& name : ignored) {
        if (name == "routine") ropt.ignore.insert(change_class::routine);
        else if (name == "citation") ropt.ignore.insert(change_class::citation);
        else if (name == "qualifier") ropt.ignore.insert(change_class::qualifier);
        else if (name == "lead") ropt.ignore.insert(change_class::lead);
        else throw usage_error("--ignore takes routine, citation, qualifier or lead, not '" + name + "'");
    }

    if (fmt == output_format::docx && to_stdout && io.out_is_tty)
        throw usage_error("--format docx writes a binary file: give -o FILE.docx");
    if (fmt == output_format::docx) detail::need_docx_writer();  // before the work it would write

    ingest_options in;
    in.max_input_bytes = max_input;
    in.docx_original = docx_view == "original";
    ingest_options in_old = in;
    if (docx_alone) in_old.docx_original = true, in.docx_original = false;
    const bool verbose = vm->count("verbose") > 0;
    auto [old_doc, new_doc] = load_documents(files[0], in_old, docx_alone ? files[0] : files[1], in, io, verbose);
    compare_options copt;
    copt.diff.max_tokens = max_tokens;
    if (fmt == output_format::json && to_stdout) {
        // Streamed: a large comparison is not held in memory twice; the
        // documents' part is written while they are compared.
        comparison cmp = compare_and_write_json(io.out, std::move(old_doc), std::move(new_doc), copt);
        const int status = cmp.identical() ? exit_same : exit_different;
        detail::destroy_detached(std::move(cmp));  // freed while the process ends
        return status;
    }
    comparison cmp = compare(std::move(old_doc), std::move(new_doc), copt);
    std::string report;
    switch (fmt) {
        case output_format::terminal: report = render_terminal(cmp, ropt); break;
        case output_format::json: report = comparison_to_json(cmp); break;
        case output_format::html: report = render_html(cmp, ropt); break;
        case output_format::markdown: report = render_markdown(cmp, ropt); break;
        case output_format::docx: report = render_docx(cmp, ropt); break;
    }
    emit(io, output, report);
    const int status = cmp.identical() ? exit_same : exit_different;
    detail::destroy_detached(std::move(cmp));
    return status;
}

}  // namespace resdiff::cli
