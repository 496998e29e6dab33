// Stage 1, ingest: bytes of a file to normalized UTF-8 lines.
//
// Detects the file type by content (magic bytes) and the text encoding
// (UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM, Windows-1252 fallback),
// decodes, splits lines (LF, CRLF, CR, form feed kept as a page-break marker)
// and normalizes every line with normalize_text.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace resdiff {

// Raised for input that cannot be read at all (missing file, binary data,
// unsupported type, over the size limit). what() is one line naming the
// problem; `path` names the file (may be empty for in-memory input).
class input_error : public std::runtime_error {
public:
    input_error(std::string path, const std::string& message)
        : std::runtime_error(message), path_(std::move(path)) {}
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

enum class file_type { text, pdf, docx, unknown_binary };

struct ingest_options {
    std::size_t max_input_bytes = 64u * 1024u * 1024u;  // --max-input
    // .docx only: read tracked changes as accepted (false) or original (true).
    bool docx_original = false;
};

struct ingested_text {
    std::vector<std::string> lines;   // normalized, without line terminators
    // Lines at which a new page starts (index into `lines`), from form feeds
    // or page objects of a PDF; empty when unknown.
    std::vector<std::size_t> page_starts;
    file_type type = file_type::text;
    std::string encoding;              // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "Windows-1252", "PDF", "DOCX"
    std::vector<std::string> warnings; // e.g. "invalid UTF-8, read as Windows-1252"
    std::string source;                // file name or label
    // PDF and DOCX only (empty otherwise, or the same size as `lines`): the
    // opening phrase of each line's paragraph as the document set it in
    // italics ("Recalling also"), "" when none. Normalized like `lines`.
    std::vector<std::string> leads;
};

// Content sniffing: "%PDF-", a ZIP holding word/document.xml, NUL-heavy data.
file_type detect_file_type(std::string_view bytes);

// Decodes and normalizes in-memory bytes. Throws input_error when nothing
// textual can be recovered (binary data, over max_input_bytes).
ingested_text ingest_bytes(std::string_view bytes, std::string source = {},
                           const ingest_options& options = {});

// Reads a file (any supported type); "-" reads standard input to its end.
// Throws input_error.
ingested_text ingest_file(const std::filesystem::path& path, const ingest_options& options = {});

// Normalizes one piece of text so the same wording always compares equal:
// Unicode NFC; typographic double and single quotes to ASCII '"' and '\'';
// en dash, em dash, minus and figure dash to one en dash; no-break, thin and
// other spaces to ' '; soft hyphens, zero-width characters and control
// characters dropped; ligatures (fi, fl) expanded; runs of white space to one
// space; leading and trailing white space kept as is (callers trim).
std::string normalize_text(std::string_view text);

}  // namespace resdiff
