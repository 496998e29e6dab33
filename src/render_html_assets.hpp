// Private to the HTML and Markdown renderers: escaping and the HTML report's
// inline style sheet and script.
#pragma once

#include <string>
#include <string_view>

namespace resdiff::detail {

// Appends `text` with & < > " ' replaced by character references, so that it
// is safe in element content and in quoted attribute values.
void append_html_escaped(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

// The report's style sheet (screen and print) and script, inlined into <style> and <script>.
extern const char* const html_report_css;
extern const char* const html_report_js;

}  // namespace resdiff::detail
