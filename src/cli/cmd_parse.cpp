// resdiff parse FILE [--format text|json] [-o FILE]
#include <iostream>

#include "cli/cli.hpp"
#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"

namespace resdiff::cli {

int run_parse(const std::vector<std::string>& args, io& io) {
    namespace po = boost::program_options;
    po::options_description desc("Usage: resdiff parse FILE [options]\nPrint the structure of one resolution or draft.\n\nOptions");
    std::string file, format, output, docx_view = "accepted";
    std::size_t max_input = ingest_options{}.max_input_bytes;
    desc.add_options()
        ("help,h", "show this help")
        ("verbose,v", "say on standard error how each file was read (type, encoding)")
        ("format,f", po::value(&format), "text (default) or json")
        ("output,o", po::value(&output), "write to FILE (atomically) instead of standard output")
        ("docx-view", po::value(&docx_view), "Word input with tracked changes: accepted (default) or original")
        ("plain", "read the text as plain paragraphs, without looking for resolution structure")
        ("file", po::value(&file), "the document");
    add_max_input_option(desc, max_input);
    po::positional_options_description pos;
    pos.add("file", 1);
    const auto vm = parse_command_line(args, desc, pos, io);
    if (!vm) return exit_same;   // --help
    if (file.empty()) throw usage_error("parse: missing operand FILE");
    if (format.empty()) {
        const auto guessed = output.empty() ? std::nullopt : format_from_extension(output);
        format = guessed == output_format::json ? "json" : "text";
    }
    if (format != "text" && format != "json") throw usage_error("parse: --format takes text or json, not '" + format + "'");
    ingest_options in;
    in.max_input_bytes = max_input;
    if (docx_view != "accepted" && docx_view != "original")
        throw usage_error("--docx-view takes accepted or original, not '" + docx_view + "'");
    in.docx_original = docx_view == "original";
    parse_options popt;
    popt.plain = vm->count("plain") > 0;
    const document doc = load_document(file, in, io, vm->count("verbose") > 0, popt);
    if (doc.preamble.empty() && doc.operative.empty()) {
        // Only headers or page furniture: nothing a comparison could use.
        io.err << "resdiff: " << file << ": no paragraphs found\n";
        return exit_trouble;
    }
    emit(io, output, format == "json" ? document_to_json(doc) : render_document_text(doc));
    return exit_same;
}

}  // namespace resdiff::cli
