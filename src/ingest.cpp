// PLACEHOLDER until the ingest stage lands: reads bytes, splits lines.
#include "resdiff/ingest.hpp"

#include "ingest_formats.hpp"

#include <fstream>
#include <sstream>

namespace resdiff {

file_type detect_file_type(std::string_view bytes) {
    if (bytes.starts_with("%PDF-")) return file_type::pdf;
    if (bytes.starts_with("PK\x03\x04") && bytes.find("word/document.xml") != std::string_view::npos) return file_type::docx;
    return file_type::text;
}

std::string normalize_text(std::string_view text) { return std::string(text); }

ingested_text ingest_bytes(std::string_view bytes, std::string source, const ingest_options& options) {
    switch (detect_file_type(bytes)) {
        case file_type::pdf: return detail::read_pdf(bytes, source, options);
        case file_type::docx: return detail::read_docx(bytes, source, options);
        default: break;
    }
    ingested_text out;
    out.source = std::move(source);
    out.encoding = "UTF-8";
    std::string line;
    std::istringstream in{std::string(bytes)};
    while (std::getline(in, line)) out.lines.push_back(line);
    return out;
}

ingested_text ingest_file(const std::filesystem::path& path, const ingest_options& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path.string(), "cannot open file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ingest_bytes(ss.str(), path.string(), options);
}

}  // namespace resdiff
