// PLACEHOLDER until the parse stage lands: numbered lines are operative
// paragraphs, other non-empty lines preambular ones.
#include "resdiff/parse.hpp"

#include <cctype>

namespace resdiff {

document parse_document(const ingested_text& input, const parse_options&) {
    document doc;
    doc.source = input.source;
    int line_no = 0;
    for (const auto& line : input.lines) {
        ++line_no;
        if (line.empty() || line == "The General Assembly,") continue;
        paragraph p;
        p.text = line;
        p.intro = line;
        p.lines = {line_no, line_no};
        const auto dot = line.find(". ");
        if (std::isdigit(static_cast<unsigned char>(line[0])) && dot != std::string::npos && dot < 4) {
            p.where = part::operative;
            p.number = line.substr(0, dot);
            p.text = p.intro = line.substr(dot + 2);
            p.id = "OP" + std::to_string(doc.operative.size() + 1);
            doc.operative.push_back(p);
        } else {
            p.id = "PP" + std::to_string(doc.preamble.size() + 1);
            doc.preamble.push_back(p);
        }
    }
    return doc;
}

document parse_file(const std::filesystem::path& path, const ingest_options& ingest, const parse_options& options) {
    return parse_document(ingest_file(path, ingest), options);
}

document parse_text(std::string_view text, std::string source, const parse_options& options) {
    return parse_document(ingest_bytes(text, std::move(source)), options);
}

}  // namespace resdiff
