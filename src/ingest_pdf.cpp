// PDF input: the text layer of a PDF (poppler-cpp) as one paragraph per line.
//
// poppler gives one box per word with its bounding box and font. From that
// geometry this reader rebuilds what a reader of the printed page sees:
//   - lines: words grouped by vertical position, sorted left to right;
//     superscript footnote markers (smaller digits) join the line they stand in;
//   - page furniture dropped: the running header of later pages (symbol and
//     title in a smaller font at the top), the footer (job number, "(E)",
//     "2/12", the barcode, the print date code), only when they stand in the
//     top or bottom margin and look like furniture;
//   - footnotes: the lines below the rule ("_____") in a smaller font, one
//     footnote per label, continued across pages, emitted after the body;
//   - paragraphs: a line starts a paragraph when it is indented, stands apart
//     (vertical gap), is bold, or does not start at the left margin; other
//     lines continue the paragraph (joined by a space; a line ending in a
//     hyphen joins the next without one).
// The line format is documented in docs/inputs.md.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "ingest_formats.hpp"
#include "ingest_lines.hpp"

namespace resdiff::detail {
namespace {

struct word {
    std::string text;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // y grows downwards
    double size = 0;
    bool italic = false;
    bool bold = false;
    bool barcode = false;
    double mid() const { return (y0 + y1) / 2; }
};

struct line {
    std::vector<word> words;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double size = 0;   // size of the largest word
    int page = 0;
    bool split_from_previous = false;   // a second column segment of the same row
    std::string text;  // words joined
};

std::string utf8(const poppler::ustring& s) {
    const auto bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

bool contains_ci(std::string haystack, std::string needle) {
    std::transform(haystack.begin(), haystack.end(), haystack.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return haystack.find(needle) != std::string::npos;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// A footnote marker: digits or asterisks in a smaller font than the line.
bool is_marker(const word& w, double line_size) {
    if (w.size >= 0.8 * line_size) return false;
    if (all_digits(w.text) && w.text.size() <= 3) return true;
    return !w.text.empty() && w.text.find_first_not_of('*') == std::string::npos;
}

bool is_rule(const std::string& text) {
    return text.size() >= 5 && text.find_first_not_of('_') == std::string::npos;
}

bool is_bold(const line& l) {
    std::size_t bold = 0, letters = 0;
    for (const auto& w : l.words) {
        letters += w.text.size();
        if (w.bold) bold += w.text.size();
    }
    return letters > 0 && bold == letters;
}

// Joins the words of a line, deciding spaces from the gaps between boxes (the
// text layer's own spaces are unreliable: justified lines put "see king").
std::string join_words(const std::vector<word>& words, double line_size) {
    std::string out;
    const word* prev = nullptr;
    for (const auto& w : words) {
        if (prev) {
            const double gap = w.x0 - prev->x1;
            const bool marker = is_marker(w, line_size);
            const bool prev_marker = is_marker(*prev, line_size);
            // A footnote marker stands alone between spaces ("Agenda, 1 to"), a star
            // stays glued to its word ("Iraq:*").
            const bool star = marker && w.text[0] == '*';
            const bool space = star ? false : (marker || prev_marker || gap > 0.15 * std::min(w.size, prev->size));
            if (space) out += ' ';
        }
        out += w.text;
        prev = &w;
    }
    return out;
}

void finish(line& l) {
    std::sort(l.words.begin(), l.words.end(), [](const word& a, const word& b) { return a.x0 < b.x0; });
    l.x0 = l.words.front().x0;
    l.x1 = l.words.back().x1;
    l.y0 = l.words.front().y0;
    l.y1 = l.words.front().y1;
    l.size = 0;
    for (const auto& w : l.words) {
        l.y0 = std::min(l.y0, w.y0);
        l.y1 = std::max(l.y1, w.y1);
        l.size = std::max(l.size, w.size);
    }
    l.text = join_words(l.words, l.size);
}

// Groups a page's words into lines: main words (at least 80% of the body size)
// by vertical overlap, then small words (markers, footnote labels) into the line
// whose band holds their middle. A row is cut where a gap wider than four ems
// separates two columns (masthead, "80/133.  Title").
std::vector<line> build_lines(std::vector<word> words, double body_size, int page) {
    std::vector<line> rows;
    std::vector<word> small;
    std::stable_sort(words.begin(), words.end(), [](const word& a, const word& b) { return a.mid() < b.mid(); });
    for (auto& w : words) {
        if (w.size < 0.75 * body_size) {
            small.push_back(std::move(w));
            continue;
        }
        // Join the last row whose band holds this word's middle.
        line* target = nullptr;
        for (auto it = rows.rbegin(); it != rows.rend() && it - rows.rbegin() < 3; ++it) {
            if (w.mid() >= it->y0 && w.mid() <= it->y1) {
                target = &*it;
                break;
            }
        }
        if (!target) {
            rows.emplace_back();
            target = &rows.back();
            target->y0 = w.y0;
            target->y1 = w.y1;
        }
        target->words.push_back(std::move(w));
    }
    for (auto& w : small) {
        line* target = nullptr;
        for (auto& r : rows) {
            if (w.mid() >= r.y0 && w.mid() <= r.y1) {
                target = &r;
                break;
            }
        }
        if (!target) {
            rows.emplace_back();
            target = &rows.back();
            target->y0 = w.y0;
            target->y1 = w.y1;
        }
        target->words.push_back(std::move(w));
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const line& a, const line& b) { return a.y0 + a.y1 < b.y0 + b.y1; });
    std::vector<line> lines;
    for (auto& r : rows) {
        std::sort(r.words.begin(), r.words.end(), [](const word& a, const word& b) { return a.x0 < b.x0; });
        line cur;
        cur.page = page;
        for (auto& w : r.words) {
            if (!cur.words.empty() && w.x0 - cur.words.back().x1 > 4 * std::max(w.size, body_size)) {
                finish(cur);
                lines.push_back(std::move(cur));
                cur = line{};
                cur.page = page;
                cur.split_from_previous = true;
            }
            cur.words.push_back(std::move(w));
        }
        if (!cur.words.empty()) {
            finish(cur);
            lines.push_back(std::move(cur));
        }
    }
    return lines;
}

// Page furniture: every word of the line is a job number ("25-20748"), "(E)",
// a print date code ("221025"), a page number ("2/12"), a barcode ("*2520748*",
// or set in a barcode font), or the line is "Please recycle".
bool is_footer_text(const line& l) {
    static const std::regex token(R"(^(\d{2}-\d{4,6}|\(E\)|\d{6}|\d{1,3}/\d{1,3}|\*\d+\*)$)");
    if (std::any_of(l.words.begin(), l.words.end(), [](const word& w) { return w.barcode; })) return true;
    if (l.text.rfind("Please recycle", 0) == 0) return true;
    return std::all_of(l.words.begin(), l.words.end(), [](const word& w) { return std::regex_match(w.text, token); });
}

struct footnote_acc {
    std::string label;
    std::string text;
};

double mode_of(const std::map<long, double>& weights, double step, double fallback) {
    long best = 0;
    double weight = -1;
    for (const auto& [k, w] : weights) {
        if (w > weight) {
            weight = w;
            best = k;
        }
    }
    return weight < 0 ? fallback : static_cast<double>(best) * step;
}

void silence_poppler(const std::string&, void*) {}

}  // namespace

ingested_text read_pdf(std::string_view bytes, const std::string& source, const ingest_options& options) {
    poppler::set_debug_error_function(&silence_poppler, nullptr);
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw input_error(source, "PDF too large");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    const bool has_encrypt = bytes.find("/Encrypt") != std::string_view::npos;
    if (!doc) {
        if (has_encrypt) throw input_error(source, "encrypted PDF: needs a password, cannot read its text");
        throw input_error(source, "damaged PDF: cannot be read (corrupt or incomplete file)");
    }
    if (doc->is_locked()) throw input_error(source, "encrypted PDF: needs a password, cannot read its text");
    const int pages = doc->pages();
    if (pages <= 0) throw input_error(source, "damaged PDF: no pages");

    // Read every page's words.
    std::vector<std::vector<word>> page_words(static_cast<std::size_t>(pages));
    std::vector<double> page_height(static_cast<std::size_t>(pages), 792.0);
    std::map<long, double> size_weight;
    std::size_t chars = 0;
    for (int p = 0; p < pages; ++p) {
        std::unique_ptr<poppler::page> page(doc->create_page(p));
        if (!page) continue;
        page_height[static_cast<std::size_t>(p)] = page->page_rect().height();
        for (auto& box : page->text_list(poppler::page::text_list_include_font)) {
            word w;
            w.text = utf8(box.text());
            if (w.text.empty() || w.text.find_first_not_of(" \t") == std::string::npos) continue;
            const auto r = box.bbox();
            w.x0 = r.left();
            w.y0 = r.top();
            w.x1 = r.right();
            w.y1 = r.bottom();
            w.size = box.has_font_info() ? box.get_font_size() : r.height() * 0.9;
            if (!(w.size > 0)) w.size = r.height() > 0 ? r.height() : 10.0;
            const std::string font = box.has_font_info() ? box.get_font_name() : std::string();
            w.italic = contains_ci(font, "italic") || contains_ci(font, "oblique");
            w.bold = contains_ci(font, "bold");
            w.barcode = contains_ci(font, "barcode");
            chars += w.text.size();
            size_weight[std::lround(w.size * 2)] += static_cast<double>(w.text.size());
            page_words[static_cast<std::size_t>(p)].push_back(std::move(w));
        }
        if (chars > options.max_input_bytes) throw input_error(source, "PDF text larger than --max-input");
    }
    if (chars == 0)
        throw input_error(source, "PDF has no text layer (a scanned image?): run OCR on it first, or use a text export");
    const double body = mode_of(size_weight, 0.5, 10.0);

    // Lines of every page, furniture dropped, split into body and footnote zones.
    std::vector<line> body_lines;
    std::vector<line> note_lines;
    for (int p = 0; p < pages; ++p) {
        const double h = page_height[static_cast<std::size_t>(p)];
        auto lines = build_lines(std::move(page_words[static_cast<std::size_t>(p)]), body, p);
        bool in_notes = false;
        bool seen_body = false;
        for (auto& l : lines) {
            if (l.y0 >= 0.92 * h && is_footer_text(l)) continue;
            if (l.y1 <= 0.1 * h && p > 0 && !seen_body && l.size < body - 0.25) continue;   // running header
            if (is_footer_text(l) && std::any_of(l.words.begin(), l.words.end(), [](const word& w) { return w.barcode; }))
                continue;
            if (is_rule(l.text)) {
                in_notes = true;
                continue;
            }
            seen_body = true;
            (in_notes ? note_lines : body_lines).push_back(std::move(l));
        }
    }

    // The document symbol printed top right of the first page ("A/RES/80/133")
    // goes first, as a reader (and the text rendition) names it.
    {
        static const std::regex symbol(R"(^[A-Z]{1,3}(/[A-Z0-9.\-]+){2,}$)");
        for (std::size_t i = 0; i < body_lines.size() && body_lines[i].page == 0; ++i) {
            if (body_lines[i].y1 > 0.12 * page_height[0]) break;
            if (std::regex_match(body_lines[i].text, symbol)) {
                std::rotate(body_lines.begin(), body_lines.begin() + static_cast<std::ptrdiff_t>(i),
                            body_lines.begin() + static_cast<std::ptrdiff_t>(i) + 1);
                break;
            }
        }
    }

    // Left margin and line pitch of the body text.
    std::map<long, double> margin_weight;
    std::map<long, double> pitch_weight;
    for (std::size_t i = 0; i < body_lines.size(); ++i) {
        const auto& l = body_lines[i];
        if (std::abs(l.size - body) > 0.3) continue;
        margin_weight[std::lround(l.x0)] += 1;
        if (i > 0 && body_lines[i - 1].page == l.page && std::abs(body_lines[i - 1].size - body) <= 0.3) {
            const double pitch = l.y0 - body_lines[i - 1].y0;
            if (pitch > 0) pitch_weight[std::lround(pitch * 2)] += 1;
        }
    }
    const double margin = mode_of(margin_weight, 1.0, 72.0);
    const double pitch = mode_of(pitch_weight, 0.5, body * 1.2);

    ingested_text out;
    out.type = file_type::pdf;
    out.encoding = "PDF";
    out.source = source;
    bool seen_assembly = false;
    std::string para;
    std::string lead;
    bool lead_open = false;
    bool para_open = false;
    bool body_started = false;   // after "The General Assembly,": paragraphs apart by an empty line
    auto flush = [&] {
        if (!para_open) return;
        if (body_started) add_blank(out);
        add_wrapped(out, para, lead);
        if (seen_assembly) body_started = true;
        para.clear();
        lead.clear();
        para_open = false;
    };
    const line* prev = nullptr;
    for (const auto& l : body_lines) {
        bool starts = !para_open || !prev;
        if (prev && !starts) {
            const bool same_page = prev->page == l.page;
            const double gap = l.y0 - prev->y0;
            const bool at_margin = std::abs(l.x0 - margin) <= 3.0;
            starts = !at_margin || l.split_from_previous || is_bold(l) || is_bold(*prev) ||
                     (same_page && gap > pitch * 1.3) || std::abs(l.size - prev->size) > 0.6 ||
                     !seen_assembly;
        }
        if (starts) {
            flush();
            if (!seen_assembly && prev && prev->page == l.page && l.y0 - prev->y1 > pitch * 1.5) add_blank(out);
            para_open = true;
            lead_open = true;
        } else if (!para.empty()) {
            const unsigned char first = static_cast<unsigned char>(l.text[0]);
            if (para.back() == '-' && para.size() > 1 && std::isalpha(static_cast<unsigned char>(para[para.size() - 2])) &&
                std::isalpha(first)) {
                // a compound broken after its hyphen: "follow-" + "up"
            } else {
                para += ' ';
            }
        }
        // Italic opening phrase of a paragraph (preambular openers).
        if (lead_open) {
            static const std::regex label(R"(^(\d{1,3}\.|\([a-z]{1,5}\))$)");
            std::vector<word> italic;
            bool roman_after = false;
            for (std::size_t k = 0; k < l.words.size(); ++k) {
                const auto& w = l.words[k];
                if (k == 0 && !w.italic && std::regex_match(w.text, label)) continue;   // "1." before "Decides"
                if (is_marker(w, l.size)) break;
                if (w.italic && !roman_after) italic.push_back(w);
                else {
                    roman_after = true;
                    break;
                }
            }
            if (!italic.empty() && roman_after) {
                lead = join_words(italic, l.size);
                while (!lead.empty() && (lead.back() == ',' || lead.back() == ';' || lead.back() == ':')) lead.pop_back();
            }
            lead_open = false;
        }
        para += l.text;
        if (!seen_assembly && l.text.rfind("The General Assembly", 0) == 0) seen_assembly = true;
        prev = &l;
    }
    flush();

    // Footnotes: a label (small digits or asterisks) opens one, other lines continue it.
    std::vector<footnote_acc> notes;
    for (const auto& l : note_lines) {
        const auto& first = l.words.front();
        const bool labelled = is_marker(first, l.size) || (first.text.find_first_not_of('*') == std::string::npos);
        if (labelled || notes.empty()) {
            footnote_acc n;
            std::vector<word> rest;
            if (labelled) {
                n.label = first.text;
                rest.assign(l.words.begin() + 1, l.words.end());
            } else {
                rest = l.words;
            }
            n.text = rest.empty() ? std::string() : join_words(rest, l.size);
            notes.push_back(std::move(n));
        } else {
            auto& n = notes.back();
            if (!n.text.empty() && !(n.text.back() == '-' && std::isalpha(static_cast<unsigned char>(l.text[0]))))
                n.text += ' ';
            n.text += l.text;
        }
    }
    if (!notes.empty()) {
        add_blank(out);
        add_line(out, "_______________");
        for (const auto& n : notes) add_wrapped(out, n.label.empty() ? n.text : n.label + " " + n.text);
    }
    return out;
}

namespace {

// Registers the reader when this file is loaded (module) or linked (tests).
[[maybe_unused]] const bool registered = (register_format_reader(file_type::pdf, &read_pdf), true);

}  // namespace

}  // namespace resdiff::detail
