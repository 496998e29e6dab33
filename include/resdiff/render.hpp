// Stage 6, render: reports for people (terminal, HTML, Markdown) and tools (JSON).
#pragma once

#include <optional>
#include <set>
#include <string>

#include "resdiff/compare.hpp"
#include "resdiff/document.hpp"

namespace resdiff {

enum class output_format { terminal, json, html, markdown, docx };

struct render_options {
    bool color = false;            // ANSI colours (terminal)
    int width = 80;                // wrap column (terminal); 0: no wrapping
    bool context = false;          // show unchanged units too
    std::set<change_class> ignore; // hide units whose classes all fall in this set (--ignore routine)
};

// Guesses the format from an output file name: .html/.htm, .md/.markdown,
// .json, .txt, .docx. std::nullopt when the extension says nothing.
std::optional<output_format> format_from_extension(const std::string& path);
std::optional<output_format> format_from_name(const std::string& name);

std::string render_terminal(const comparison& cmp, const render_options& options = {});
std::string render_html(const comparison& cmp, const render_options& options = {});
std::string render_markdown(const comparison& cmp, const render_options& options = {});
// The new text as a Word document (.docx bytes) in which every change against
// the old text is a tracked change (author "resdiff"), see docs/inputs.md.
std::string render_docx(const comparison& cmp, const render_options& options = {});

// `parse` output.
std::string render_document_text(const document& doc);

}  // namespace resdiff
