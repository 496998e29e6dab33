// Stage 2, parse: normalized lines to the document model.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "resdiff/document.hpp"
#include "resdiff/ingest.hpp"

namespace resdiff {

struct parse_options {
    // Leave the document unstructured (plain paragraphs) even when it looks
    // like a resolution.
    bool plain = false;
};

// Parses one resolution or draft. Never throws on odd text: what cannot be
// recognized becomes plain paragraphs and a warning in document::warnings
// (document::structured is then false).
document parse_document(const ingested_text& input, const parse_options& options = {});

// What each input line became, for checks (every word lands in exactly one
// place) and debugging.
enum class line_role {
    blank,      // empty or white space only
    metadata,   // header, adoption lines, export trailer: read into document::meta
    body,       // text of a paragraph, sub-paragraph or section heading
    footnote,   // footnote rule, numbers and texts, "*" notes of drafts
    furniture,  // page headers and footers, job numbers, barcodes, page numbers, export markers
};
struct parse_trace {
    std::vector<line_role> roles;  // one per input line
};
document parse_document(const ingested_text& input, const parse_options& options, parse_trace* trace);

// ingest_file + parse_document. Throws input_error when the file cannot be read.
document parse_file(const std::filesystem::path& path, const ingest_options& ingest = {},
                    const parse_options& options = {});

// Convenience for tests and tools: parse text held in memory.
document parse_text(std::string_view text, std::string source = {},
                    const parse_options& options = {});

}  // namespace resdiff
