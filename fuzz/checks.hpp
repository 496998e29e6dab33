// The checks the fuzz targets run on every input, shared with the unit test
// that replays tests/fuzz-regressions/ in the normal suite. Each returns an
// empty string when the input was handled well, else what went wrong.
#pragma once

#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "resdiff/compare.hpp"
#include "resdiff/ingest.hpp"
#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"

namespace resdiff::fuzz {

// Tag names in an HTML text, outside <script> and <style> bodies.
inline bool only_known_tags(const std::string& html) {
    static const std::set<std::string> known = {
        "!doctype", "html", "head", "meta", "title", "style", "script", "body", "header", "main", "footer",
        "nav", "section", "article", "aside", "div", "span", "p", "h1", "h2", "h3", "h4", "h5", "h6", "a",
        "del", "ins", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th",
        "button", "label", "input", "select", "option", "form", "fieldset", "legend", "details", "summary",
        "ul", "ol", "li", "dl", "dt", "dd", "strong", "em", "b", "i", "u", "s", "small", "abbr", "code",
        "kbd", "sup", "sub", "br", "hr", "mark", "time", "svg", "rect", "g", "line", "title", "text", "path",
        "pre", "noscript", "figure", "figcaption", "output", "meter", "progress", "template"};
    std::size_t pos = 0;
    while ((pos = html.find('<', pos)) != std::string::npos) {
        std::size_t start = pos + 1;
        if (start < html.size() && html[start] == '/') ++start;
        std::size_t end = start;
        while (end < html.size() && (std::isalnum(static_cast<unsigned char>(html[end])) || html[end] == '!' || html[end] == '-')) ++end;
        std::string name = html.substr(start, end - start);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name.empty() || name.rfind("!--", 0) == 0) { pos = end; continue; }
        if (!known.count(name)) return false;
        if (name == "script" || name == "style") {
            const auto close = html.find("</" + name, end);
            if (close == std::string::npos) return true;
            pos = close + 2 + name.size();
            continue;
        }
        pos = end;
    }
    return true;
}


// bytes -> ingest -> parse -> JSON and back, and the text outline.
inline std::string check_parse(std::string_view bytes) {
    document doc;
    try {
        doc = parse_document(ingest_bytes(bytes, "fuzz"));
    } catch (const input_error&) {
        return {};   // a clear refusal is a valid answer
    }
    if (document_from_json(document_to_json(doc)) != doc) return "JSON round trip differs";
    (void)render_document_text(doc);
    return {};
}

// Two documents (split at the first 0xFF byte, never valid UTF-8, else in the
// middle) -> compare -> every renderer. The JSON report must parse back; the
// HTML report must hold no tag the renderer does not write itself.
inline std::string check_compare(std::string_view bytes) {
    auto cut = bytes.find('\xff');
    if (cut == std::string_view::npos) cut = bytes.size() / 2;
    const auto first = bytes.substr(0, cut);
    const auto second = bytes.substr(cut < bytes.size() ? cut + 1 : cut);
    document a, b;
    try {
        a = parse_document(ingest_bytes(first, "old"));
        b = parse_document(ingest_bytes(second, "new"));
    } catch (const input_error&) {
        return {};
    }
    const auto cmp = compare(a, b);
    (void)render_terminal(cmp, {});
    render_options color;
    color.color = true;
    color.width = 40;
    color.context = true;
    (void)render_terminal(cmp, color);
    (void)render_markdown(cmp, {});
    if (nlohmann::json::parse(comparison_to_json(cmp), nullptr, false).is_discarded()) return "JSON report does not parse";
    if (!only_known_tags(render_html(cmp, {}))) return "HTML report holds a tag from the input";
    return {};
}

}  // namespace resdiff::fuzz
