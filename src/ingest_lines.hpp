// Private to the PDF and DOCX readers: the line format they hand the parser
// (docs/inputs.md). Paragraphs of the body are separated by an empty line and
// kept on one line when short; a long one is wrapped at about 160 characters,
// only before a word in lower case (so no continuation line looks like the
// start of a paragraph: an opener, "12.", "(a)" or a footnote number).
#pragma once

#include <string>

#include "resdiff/ingest.hpp"

namespace resdiff::detail {

// True for a code point that Unicode normalization form C leaves alone in any
// context (quick check "yes", combining class 0): normalize_text skips NFC for
// text made of these only. Defined in ingest.cpp; exposed for its unit test.
bool nfc_inert(char32_t cp);

// The ingest stage normalizes `lines`; leads are normalized here, the same way.
inline void add_line(ingested_text& out, std::string line, const std::string& lead = {}) {
    out.lines.push_back(std::move(line));
    out.leads.push_back(lead.empty() ? std::string() : normalize_text(lead));
}

inline void add_blank(ingested_text& out) {
    if (!out.lines.empty() && !out.lines.back().empty()) add_line(out, {});
}

inline void add_wrapped(ingested_text& out, const std::string& text, const std::string& lead = {}) {
    constexpr std::size_t width = 160;
    std::size_t start = 0;
    bool first = true;
    while (text.size() - start > width) {
        // The last break point within the width, else the first one after it.
        std::size_t best = std::string::npos;
        for (std::size_t i = start + 1; i + 1 < text.size(); ++i) {
            if (text[i] != ' ' || !(text[i + 1] >= 'a' && text[i + 1] <= 'z')) continue;
            if (i - start <= width || best == std::string::npos) best = i;
            if (i - start > width) break;
        }
        if (best == std::string::npos) break;
        add_line(out, text.substr(start, best - start), first ? lead : std::string());
        first = false;
        start = best + 1;
    }
    add_line(out, text.substr(start), first ? lead : std::string());
}

}  // namespace resdiff::detail
