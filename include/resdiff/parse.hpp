// Stage 2, parse: normalized lines to the document model.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

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

// ingest_file + parse_document. Throws input_error when the file cannot be read.
document parse_file(const std::filesystem::path& path, const ingest_options& ingest = {},
                    const parse_options& options = {});

// Convenience for tests and tools: parse text held in memory.
document parse_text(std::string_view text, std::string source = {},
                    const parse_options& options = {});

}  // namespace resdiff
