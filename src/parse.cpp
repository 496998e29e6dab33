// Stage 2, parse: normalized lines to the document model.
//
// Three renditions of the same documents reach us (see the corpus README):
//   export    UN text export: one paragraph per line, footnotes listed after
//             the text, job markers and a trailer of page furniture;
//   spaced    PyMuPDF extraction: a trailing space on every line, " " lines
//             between paragraphs, an empty line at each page break;
//   wrapped   pdftotext: hard-wrapped lines, form feeds at page breaks, no
//             blank lines between paragraphs.
// The parser works in passes, each linear in the number of lines:
//   1. classify lines: blank, page furniture (symbol alone, job numbers,
//      barcodes, dates, page x/y, the running title at a page edge, export
//      markers), footnote blocks (a rule to the end of the page), header
//      metadata (before "The General Assembly,"), adoption lines at the end;
//   2. read footnote blocks: numbers and texts are paired in sorted order
//      because pdftotext prints them out of order;
//   3. split the remaining body lines into paragraphs: a preambular paragraph
//      starts with an opener ("Recalling", "Deeply concerned") after a line
//      ending in , ; : (plus an optional footnote number), an operative one
//      with the next number "N.", a sub-paragraph with "(a)" / "(i)";
//      sections with "I." / "A." / "Annex" headings;
//   4. join wrapped lines (a line-final hyphen stays: "people-" + "centred");
//   5. find footnote references: each page's footnote numbers are searched in
//      increasing order in the text of that page, standing alone ("issue, 1"),
//      glued ("Geneva2", "Diversity,1") or glued to a year range
//      ("2024-203411"); found markers are removed from the text;
//   6. repair stray spaces inside words where the document shows the word;
//   7. leads, ids, metadata.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "parse_internal.hpp"
#include "resdiff/parse.hpp"
#include "word_count.hpp"

namespace resdiff {

using namespace detail;

namespace {

enum class rendition { export_, spaced, wrapped };

struct line_info {
    std::string_view text;  // trimmed
    bool blank = true;
    bool hard_empty = false;  // raw line is "" (page break in the spaced rendition)
    bool trailing_rule = false;  // "text ______": a footnote rule glued to the end of a text line
    int page = 0;
    line_role role = line_role::blank;
};

// The value of a run of at most nine decimal digits (what std::stoi makes
// of it, without making a string first).
int digits_value(std::string_view digits) {
    int n = 0;
    for (const char c : digits) n = n * 10 + (c - '0');
    return n;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (!is_digit(c)) return false;
    }
    return true;
}

// "25-16621 (E)", "17-23261 (E) 220118", "25-20736"
bool is_job_number(std::string_view s) {
    if (s.size() < 8 || !is_digit(s[0]) || !is_digit(s[1]) || s[2] != '-') return false;
    std::size_t i = 3;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i - 3 < 4 || i - 3 > 6) return false;
    std::string_view rest = trim(s.substr(i));
    if (rest.substr(0, 3) == "(E)") rest = trim(rest.substr(3));
    return rest.empty() || (rest.size() == 6 && all_digits(rest));
}

bool is_barcode(std::string_view s) {
    return s.size() >= 4 && s.front() == '*' && s.back() == '*' && all_digits(s.substr(1, s.size() - 2));
}

// "2/18"
bool is_page_number(std::string_view s) {
    if (s.empty() || !is_digit(s[0])) return false;  // most lines: no search for the slash
    const auto slash = s.find('/');
    return slash != std::string_view::npos && slash > 0 && slash <= 3 && all_digits(s.substr(0, slash)) &&
           s.size() - slash - 1 <= 3 && all_digits(s.substr(slash + 1));
}

bool is_rule(std::string_view s) {
    if (s.size() < 5) return false;
    for (const char c : s) {
        if (c != '_') return false;
    }
    return true;
}

bool is_dash_rule(std::string_view s) {
    if (s.size() < 5) return false;
    for (const char c : s) {
        if (c != '-' && c != '_') return false;
    }
    return true;
}

// "A/RES/80/118", "A/C.2/80/L.17", "A/80/L.7", "A/RES/78/10"
bool looks_like_symbol(std::string_view s) {
    if (s.size() < 5 || s.size() > 40 || !is_upper_ascii(s[0]) || s[1] != '/') return false;
    int slashes = 0;
    for (const char c : s) {
        if (c == '/') {
            ++slashes;
        } else if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) {
            return false;
        }
    }
    return slashes >= 2;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
// Asked of most lines: the first byte is compared before memcmp is called.
bool starts_with(std::string_view s, std::string_view prefix) {
    if (prefix.empty()) return true;
    return !s.empty() && s[0] == prefix[0] && s.substr(0, prefix.size()) == prefix;
}

// Strips trailing footnote markers (" 1", glued "1") from a line end, for the
// punctuation test of paragraph starts. Sets `had_marker`.
std::string_view strip_trailing_marker(std::string_view s, bool& had_marker) {
    had_marker = false;
    std::size_t e = s.size();
    std::size_t d = e;
    while (d > 0 && is_digit(s[d - 1])) --d;
    if (d < e && e - d <= 3 && d > 0) {
        const char before = s[d - 1];
        if (before == ' ' || before == ',' || before == ';' || before == ':' || is_letter_byte(before) ||
            before == '"' || before == ')') {
            had_marker = true;
            s = trim(s.substr(0, d));
        }
    }
    return s;
}

bool ends_period(std::string_view s) { return !s.empty() && s.back() == '.'; }

bool ends_clause(std::string_view s) {
    return !s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ':');
}

// "12." / "12. Decides ..." -> 12 and the text after it. Asked of every body
// line (twice), most of which start with a letter: told at the first byte.
std::optional<std::pair<int, std::string_view>> operative_number(std::string_view s) {
    if (s.empty() || !is_digit(s[0])) return std::nullopt;
    std::size_t i = 1;
    while (i < s.size() && i < 6 && is_digit(s[i])) ++i;
    if (i >= s.size() || s[i] != '.') return std::nullopt;
    if (i + 1 < s.size() && s[i + 1] != ' ') return std::nullopt;
    const int n = digits_value(s.substr(0, i));
    return std::make_pair(n, trim(s.substr(i + 1)));
}

bool is_roman(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (std::string_view("ivxlc").find(c) == std::string_view::npos) return false;
    }
    return true;
}

// "(a) text" / "(iv) text" -> label and text.
std::optional<std::pair<std::string_view, std::string_view>> sub_label(std::string_view s) {
    if (s.size() < 3 || s[0] != '(') return std::nullopt;
    const auto close = s.find(')');
    if (close == std::string_view::npos || close < 2 || close > 6) return std::nullopt;
    const std::string_view inner = s.substr(1, close - 1);
    for (const char c : inner) {
        if (!is_lower_ascii(c)) return std::nullopt;
    }
    if (inner.size() > 1 && !is_roman(inner) && !(inner.size() == 2 && inner[0] == inner[1])) return std::nullopt;
    const std::string_view rest = trim(s.substr(close + 1));
    if (close + 1 < s.size() && s[close + 1] != ' ') return std::nullopt;
    return std::make_pair(s.substr(0, close + 1), rest);
}

// Section headings: "I", "II.", "A.", "B. Title", "Annex", "Annex I".
bool roman_upper(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
}

std::optional<section> section_heading(std::string_view s) {
    // Every heading starts with a capital: most lines are told at once.
    if (s.empty() || !is_upper_ascii(s[0]) || s.size() > 120 || ends_clause(s)) return std::nullopt;
    if (starts_with(s, "Annex")) {
        const std::string_view rest = trim(s.substr(5));
        if (!rest.empty() && !roman_upper(rest) && !(rest.size() == 1 && is_upper_ascii(rest[0]))) return std::nullopt;
        section sec;
        sec.label = std::string(s);
        sec.annex = true;
        return sec;
    }
    std::size_t i = 0;
    while (i < s.size() && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) ++i;
    if (i == 0 && s[0] <= 'H') i = 1;  // a capital (tested above)
    if (i == 0) return std::nullopt;
    const std::string_view label = s.substr(0, i);
    std::string_view rest = s.substr(i);
    if (rest.empty()) {
        section sec;
        sec.label = std::string(label);
        return sec;
    }
    if (rest[0] != '.') return std::nullopt;
    rest = trim(rest.substr(1));
    if (!rest.empty() && (!is_upper_ascii(rest[0]) || rest.back() == '.' || rest.back() == ';')) return std::nullopt;
    section sec;
    sec.label = std::string(label);
    sec.title = std::string(rest);
    return sec;
}

std::string join_space(const std::vector<std::string_view>& parts) {
    std::size_t size = 0;
    for (const auto p : parts) size += p.size() + 1;
    std::string out;
    out.reserve(size);
    for (const auto p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out.push_back(' ');
        out.append(p);
    }
    return out;
}

// ---------------------------------------------------------------------------
// Paragraph assembly.

struct piece {
    std::size_t offset = 0;  // in the joined text
    int line = 0;            // 0-based input line
    int page = 0;
    std::string_view text;   // the line's text, until the segment's text is written
};

// A unit of text: the intro of a paragraph or one sub-paragraph.
struct segment {
    std::string text;  // written by write_text once all lines are known
    std::vector<piece> pieces;
    std::string label;  // "(a)"; empty for the intro
    int depth = 0;      // 0 intro, 1 "(a)", 2 "(i)"
    std::vector<std::pair<std::size_t, int>> markers;  // position in text, footnote number
    std::vector<int> footnotes;
    std::size_t size = 0;         // of the text the pieces make
    char last = 0, before_last = 0;  // its last two bytes

    // Adds a line to the text, joined by a space; the text is written at
    // once, with its final size, by write_text.
    void add_line(std::string_view t, int line, int page) {
        if (t.empty()) return;
        bool space = false;
        if (size > 0) {
            // "people-" + "centred", "Secretary-" + "General": a hyphen at a
            // line end is a real hyphen (UN texts do not hyphenate words).
            const bool hyphen = last == '-' && size >= 2 && is_letter_byte(before_last) &&
                                (is_letter_byte(t[0]) || is_digit(t[0]));
            space = !hyphen;
        } else {
            pieces.reserve(4);  // a paragraph has a few lines
        }
        size += space ? 1 : 0;
        pieces.push_back({size, line, page, t});
        size += t.size();
        before_last = t.size() >= 2 ? t[t.size() - 2] : (space ? ' ' : last);
        last = t.back();
    }
    void write_text() {
        text.reserve(size);
        for (const auto& pc : pieces) {
            if (pc.text.empty()) continue;
            if (pc.offset > text.size()) text.push_back(' ');
            text.append(pc.text);
        }
    }
    int first_page() const { return pieces.empty() ? 0 : pieces.front().page; }
    int last_page() const { return pieces.empty() ? 0 : pieces.back().page; }
};

struct raw_paragraph {
    part where = part::preamble;
    std::string number;
    int section = -1;
    std::vector<segment> segments;
    bool pending_number_only = false;  // "5." alone on its line
};

// ---------------------------------------------------------------------------
// Footnote references.

// Words after which a number is never a marker.
bool is_preposition_before_number(std::string_view w) {
    static const word_set s = {"of", "on", "to", "from", "and", "between", "by", "at", "in",
                                                 "the", "than", "over", "all", "some", "for", "with", "nearly",
                                                 "about", "under", "per", "least", "only", "or", "approximately",
                                                 "almost", "around", "just", "within", "those", "these", "every",
                                                 "each", "no", "No", "vol", "para", "paras", "p", "pp"};
    return s.contains(w);
}

// Words after which a number is usually part of a reference ("resolution 70").
bool is_stopword_before_number(std::string_view w) {
    static const word_set s = {
        "of",  "on",  "to",   "from", "and",  "between", "by",   "at",  "in",     "the", "than", "over",
        "all", "some", "for", "with", "nearly", "about", "under", "per", "least", "only", "first", "last",
        "paragraph", "paragraphs", "para", "item", "items", "resolution", "resolutions", "decision",
        "decisions", "article", "articles", "annex", "goal", "goals", "target", "targets", "chapter", "section",
        "rule", "rules", "principle", "principles", "session", "sessions", "part", "volume", "vol", "no", "page",
        "pages", "figure", "table", "A", "approximately", "almost", "over", "up", "around", "some", "just",
        "within", "those", "these", "every", "each", "or", "year", "years", "Goal", "Article", "Part", "than",
        "nearly", "Resolution", "Decision", "Chapter", "Section", "Annex", "Rule", "Principle", "Target"};
    return s.contains(w);
}

// Words after a number that make it a quantity or a date, not a marker.
bool is_unit_after_number(std::string_view w) {
    static const word_set s = {
        "per", "percent", "million", "billion", "trillion", "years", "year", "months", "month", "days", "weeks",
        "hours", "countries", "States", "Member", "people", "persons", "women", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "times",
        "members", "kilometres", "metres", "degrees", "languages", "cent", "%", "th", "st", "nd", "rd", "new",
        "official", "least", "small", "developing", "landlocked", "Sustainable", "Goals", "targets", "mobile",
        "out", "more", "less", "fewer", "additional", "other", "most"};
    return s.contains(w);
}

// "1 and 2", "15 to 18": the number starts a range or list.
bool starts_number_list(std::string_view text, std::size_t after_number) {
    std::size_t b = after_number;
    while (b < text.size() && text[b] == ' ') ++b;
    std::size_t e = b;
    while (e < text.size() && text[e] != ' ') ++e;
    const std::string_view w = text.substr(b, e - b);
    if (w != "and" && w != "or" && w != "to" && w != "\xE2\x80\x93" && w != "-") return false;
    while (e < text.size() && text[e] == ' ') ++e;
    return e < text.size() && is_digit(text[e]);
}

std::string_view word_before(std::string_view text, std::size_t pos) {
    std::size_t e = pos;
    while (e > 0 && text[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && text[b - 1] != ' ') --b;
    return text.substr(b, e - b);
}

std::string_view word_after(std::string_view text, std::size_t pos) {
    std::size_t b = pos;
    while (b < text.size() && text[b] == ' ') ++b;
    std::size_t e = b;
    while (e < text.size() && text[e] != ' ') ++e;
    std::string_view w = text.substr(b, e - b);
    while (!w.empty() && std::string_view(",;:.)").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
    return w;
}

// The first digit of text[i, to), or `to`. Markers are looked for in every
// paragraph, some paragraphs several times, and most bytes are no digits: the
// C library's strcspn looks for them many bytes at a time. It stops at the
// string's terminating NUL at the latest, or at a NUL byte inside the text,
// which is stepped over.
std::size_t next_digit(const std::string& text, std::size_t i, std::size_t to) {
    const char* p = text.c_str();
    while (i < to) {
        i += std::strcspn(p + i, "0123456789");
        if (i >= to || is_digit(p[i])) break;
        ++i;
    }
    return std::min(i, to);
}

struct marker_hit {
    std::size_t begin = 0;  // range to erase from the text
    std::size_t end = 0;
    std::size_t pos = 0;    // where the marker stood (after erasing)
};

// Looks for footnote number `n` in text[from, to). `glued_only`: the export
// rendition never separates markers from the word before them.
std::optional<marker_hit> find_marker(const std::string& str, std::size_t from, std::size_t to, int n,
                                      bool glued_only, bool year_suffix_ok, bool relaxed = false) {
    const std::string_view text = str;
    const std::string num = std::to_string(n);
    to = std::min(to, text.size());
    // A hit is a number starting in [from, to) that is n or a year followed
    // by n: the digits of n stand before to + 4. Where they do not (most
    // searches), a search for them (memchr, many bytes at a time) says so.
    if (const auto p = text.find(num, from); p == std::string_view::npos || p >= to + 4) return std::nullopt;
    std::size_t i = from;
    while (i < to) {
        i = next_digit(str, i, to);
        if (i == to) break;
        if (i > 0 && is_digit(text[i - 1])) {  // inside a number that began before `from`
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < text.size() && is_digit(text[e])) ++e;
        const std::string_view run = text.substr(i, e - i);
        const char next = e < text.size() ? text[e] : ' ';
        const char prev = i > 0 ? text[i - 1] : ' ';
        const bool next_ok = next == ' ' || next == ',' || next == ';' || next == ':' || next == '.' || next == ')';
        const bool next_clean = next == ' ' || e == text.size() || next == ',' || next == ';' || next == ':';
        // "2024-203411": a year range with the marker glued to the second year.
        if (year_suffix_ok && run.size() == 4 + num.size() && ends_with(run, num) && i >= 5 &&
            (text.substr(i - 3, 3) == "\xE2\x80\x93" || text[i - 1] == '-') &&
            next_clean) {
            const std::size_t b = i + 4;
            return marker_hit{b, e, b};
        }
        if (run == num && next_ok) {
            const bool at_end = e == text.size() || (next != ' ' && e + 1 == text.size());
            if (is_letter_byte(prev) || prev == ',' || prev == ';' || prev == ':' || prev == '.' || prev == ')' ||
                prev == '"' || prev == '\'') {
                // Glued: "Geneva2", "Diversity,1", "Agenda"3".
                bool ok = true;
                if (is_letter_byte(prev)) {
                    // Letters before: a word of 3+ letters with a lower-case one,
                    // not an alphanumeric code ("G77", "COVID19", "Rule2").
                    std::size_t b = i;
                    while (b > 0 && is_letter_byte(text[b - 1])) --b;
                    const std::string_view w = text.substr(b, i - b);
                    ok = w.size() >= 3 && std::any_of(w.begin(), w.end(), [](char c) { return is_lower_ascii(c); });
                    if (b > 0 && (text[b - 1] == '/' || text[b - 1] == '(' || is_digit(text[b - 1]))) ok = false;
                }
                if (prev == '.') {
                    // "session.3" but not "1.5", "Add.1", "Corr.1", "RES/9 A.2", "No.3".
                    std::size_t b = i - 1;
                    while (b > 0 && is_letter_byte(text[b - 1])) --b;
                    const std::string_view w = text.substr(b, i - 1 - b);
                    if (w.size() < 3 || (b > 0 && text[b - 1] != ' ' && text[b - 1] != '(' && text[b - 1] != '"') ||
                        w == "Add" || w == "Corr" || w == "Rev" || w == "Suppl" || w == "para" || w == "chap" ||
                        w == "sect" || w == "vol" || w == "art" || w == "Amend")
                        ok = false;
                }
                if (prev == ',' && i >= 2 && is_digit(text[i - 2])) ok = ok && (next == ' ' || at_end);
                if (prev == ':' && i >= 2 && is_digit(text[i - 2])) ok = false;  // "10:30"
                if (ok) return marker_hit{i, e, i};
            } else if (prev == ' ' && !glued_only) {
                // Standing alone: "on the issue, 1", "Goals 26 and other".
                const std::string_view before = word_before(text, i);
                const std::string_view after = word_after(text, e);
                bool ok = !before.empty();
                if (ok) {
                    const char bl = before.back();
                    if (bl == ',' || bl == ';' || bl == ':' || bl == '"' || bl == ')' || bl == '.') {
                        ok = at_end || (!is_unit_after_number(after) && !starts_number_list(text, e));
                    } else if (all_digits(before)) {
                        // "for 2022 1": a number after a number only at a clause end.
                        ok = at_end || next == ',' || next == ';' || (!after.empty() && is_preamble_opener(after));
                    } else if (relaxed) {
                        // Second chance within the page that defines the
                        // footnote: "the ministerial decision 6 that",
                        // "for the Decade 2024-2034 13 and".
                        ok = !is_preposition_before_number(before) &&
                             (at_end || (!is_unit_after_number(after) && !starts_number_list(text, e))) &&
                             (is_letter_byte(bl) || is_digit(bl));
                    } else {
                        ok = !is_stopword_before_number(before) &&
                             (at_end || (!is_unit_after_number(after) && !starts_number_list(text, e))) &&
                             is_letter_byte(bl);
                    }
                }
                if (ok) return marker_hit{i - 1, e, i - 1};
            }
        }
        i = e;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------

class parser {
public:
    parser(const ingested_text& in, const parse_options& opt) : in_(in), opt_(opt) {}

    document run(parse_trace* trace) {
        doc_.source = in_.source;
        doc_.warnings = in_.warnings;
        setup_lines();
        detect_rendition();
        assign_pages();
        find_symbol();
        mark_furniture();
        find_body();
        read_footnote_blocks();
        if (body_begin_ > 0) mark_running_titles();
        if (structured_) collect_body_structured();
        if (!structured_ || opt_.plain) collect_plain();
        for (auto& p : paras_) {
            for (auto& s : p.segments) s.write_text();
        }
        keep_trailing_text();
        read_metadata();
        resolve_markers();
        finish();
        if (trace) {
            trace->roles.clear();
            for (const auto& l : lines_) trace->roles.push_back(l.role);
        }
        return std::move(doc_);
    }

private:
    const ingested_text& in_;
    const parse_options& opt_;
    document doc_;
    std::vector<line_info> lines_;
    rendition style_ = rendition::wrapped;
    bool structured_ = true;
    int body_begin_ = -1;  // index of "The General Assembly," (or first body line - 1)
    int body_end_ = -1;    // first index after the body
    int annex_begin_ = -1; // "Annex" heading after the adoption lines
    int export_footnotes_from_ = -1;  // export drafts: where the footnote list starts
    std::vector<int> header_lines_;
    std::vector<int> trailer_lines_;
    std::map<int, int> footnote_page_;  // footnote number -> page of its block
    std::vector<raw_paragraph> paras_;
    std::vector<std::string> notes_;

    // A new paragraph of `where` in `section`, its first segment holding `first_line`.
    raw_paragraph& start_paragraph(part where, int section, std::string_view first_line, int line, int page) {
        raw_paragraph& rp = paras_.emplace_back();
        rp.where = where;
        rp.section = section;
        rp.segments.emplace_back().add_line(first_line, line, page);
        return rp;
    }

    void setup_lines() {
        lines_.resize(in_.lines.size());
        for (std::size_t i = 0; i < in_.lines.size(); ++i) {
            auto& l = lines_[i];
            l.text = trim(in_.lines[i]);
            // "closing the gender gap, introducing appropriate gender _______________"
            if (l.text.size() > 6 && l.text.back() == '_') {
                std::size_t u = l.text.size();
                while (u > 0 && l.text[u - 1] == '_') --u;
                if (l.text.size() - u >= 5 && u > 0 && l.text[u - 1] == ' ') {
                    l.text = trim(l.text.substr(0, u));
                    l.trailing_rule = true;
                }
            }
            l.blank = l.text.empty();
            l.hard_empty = in_.lines[i].empty();
            l.role = l.blank ? line_role::blank : line_role::body;
        }
    }

    void detect_rendition() {
        std::size_t nonblank = 0, trailing = 0, longl = 0, tabbed = 0;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (lines_[i].blank) continue;
            ++nonblank;
            const auto& raw = in_.lines[i];
            if (!raw.empty() && raw.back() == ' ') ++trailing;
            if (lines_[i].text.size() > 200) ++longl;
            if (raw[0] == ' ') ++tabbed;  // tab-indented paragraphs (tabs are spaces after normalization)
        }
        if (nonblank == 0) return;
        // An export marker anywhere: looked for only when a long line makes it count.
        const auto has_ods = [&] {
            return std::any_of(in_.lines.begin(), in_.lines.end(),
                               [](const std::string& raw) { return raw.find("<<ODS") != std::string::npos; });
        };
        if (trailing * 2 > nonblank) {
            style_ = rendition::spaced;
        } else if ((longl >= 3 && longl * 5 >= nonblank) || (longl >= 1 && has_ods()) || (tabbed >= 3 && longl >= 2)) {
            style_ = rendition::export_;
        } else {
            style_ = rendition::wrapped;
        }
    }

    void assign_pages() {
        int page = 0;
        std::size_t next_start = 0;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (style_ == rendition::spaced) {
                if (lines_[i].hard_empty && i > 0) ++page;
            } else if (style_ == rendition::wrapped && !in_.page_starts.empty()) {
                while (next_start < in_.page_starts.size() && in_.page_starts[next_start] <= i) {
                    if (in_.page_starts[next_start] == i && i > 0) ++page;
                    ++next_start;
                }
            }
            lines_[i].page = page;
        }
        if (style_ == rendition::wrapped && in_.page_starts.empty()) {
            // No form feeds: a run of two or more furniture lines (footer,
            // header) separates pages.
            page = 0;
            int run = 0;
            for (auto& l : lines_) {
                if (l.blank) {
                    l.page = page;
                    continue;
                }
                const bool furn = is_furniture_pattern(l.text);
                if (!furn && run >= 2) ++page;
                run = furn ? run + 1 : 0;
                l.page = page;
            }
        }
    }

    static bool is_furniture_pattern(std::string_view t) {
        // Each pattern starts with a digit or '*': a line of prose is told at its first byte.
        if (t.empty() || !(is_digit(t[0]) || t[0] == '*')) return false;
        return is_job_number(t) || is_barcode(t) || is_page_number(t) || (t.size() == 6 && all_digits(t));
    }

    void find_symbol() {
        const std::size_t limit = std::min<std::size_t>(lines_.size(), 40);
        for (std::size_t i = 0; i < limit; ++i) {
            if (looks_like_symbol(lines_[i].text)) {
                doc_.meta.symbol = std::string(lines_[i].text);
                return;
            }
        }
        // Export: "<<ODS DOC SYMBOL1>>A/RES/65/141<<ODS DOC SYMBOL1>>" in the trailer.
        for (const auto& l : lines_) {
            const auto p = l.text.find("<<ODS DOC SYMBOL1>>");
            if (p == std::string_view::npos) continue;
            const auto rest = l.text.substr(p + 19);
            const auto q = rest.find("<<");
            const auto sym = rest.substr(0, q);
            if (looks_like_symbol(sym)) {
                doc_.meta.symbol = std::string(sym);
                return;
            }
        }
        // "65/141. Title": a resolution number.
        for (std::size_t i = 0; i < limit; ++i) {
            const auto t = lines_[i].text;
            const auto slash = t.find('/');
            const auto dot = t.find('.');
            if (slash != std::string_view::npos && dot != std::string_view::npos && slash < dot && dot < 12 &&
                all_digits(t.substr(0, slash)) && slash > 0) {
                const auto num = t.substr(slash + 1, dot - slash - 1);
                if (!num.empty() && std::isdigit(static_cast<unsigned char>(num[0]))) {
                    std::string sym = "A/RES/";
                    sym.append(t.substr(0, dot));
                    doc_.meta.symbol = sym;
                    return;
                }
            }
        }
    }

    bool is_furniture_text(std::string_view t) const {
        // Every pattern but the symbol starts with a digit or a sign: a line
        // of prose is told at its first byte.
        if (!doc_.meta.symbol.empty() && t == doc_.meta.symbol) return true;
        if (!t.empty() && is_letter_byte(t[0])) return false;
        if (is_furniture_pattern(t)) return true;
        if (starts_with(t, "<<ODS") || starts_with(t, "[DU") || (is_dash_rule(t) && !is_rule(t))) return true;
        return false;
    }

    void mark_furniture() {
        for (auto& l : lines_) {
            if (!l.blank && is_furniture_text(l.text)) l.role = line_role::furniture;
        }
    }

    static bool is_general_assembly_line(std::string_view t) {
        return t == "The General Assembly," || t == "The General Assembly" || t == "The General Assembly:";
    }

    void find_body() {
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (is_general_assembly_line(lines_[i].text)) {
                body_begin_ = static_cast<int>(i);
                break;
            }
        }
        if (body_begin_ < 0) {
            // No "The General Assembly,": structured only when numbered
            // operative paragraphs 1 and 2 follow each other.
            int first = -1;
            bool saw_two = false;
            for (std::size_t i = 0; i < lines_.size(); ++i) {
                const auto op = operative_number(lines_[i].text);
                if (!op) continue;
                if (op->first == 1 && first < 0) first = static_cast<int>(i);
                if (op->first == 2 && first >= 0) {
                    saw_two = true;
                    break;
                }
            }
            if (!saw_two || opt_.plain) {
                structured_ = false;
                return;
            }
            // Back up over the preamble: the first opener line before "1.".
            int start = first;
            for (int i = first - 1; i >= 0; --i) {
                if (lines_[i].role != line_role::body) continue;
                if (is_preamble_opener(first_word(lines_[i].text))) start = i;
            }
            body_begin_ = start - 1;
        }
        if (opt_.plain) structured_ = false;
        // Header: everything before the body start.
        for (int i = 0; i <= body_begin_ && i < static_cast<int>(lines_.size()); ++i) {
            if (lines_[i].role == line_role::body) {
                lines_[i].role = line_role::metadata;
                header_lines_.push_back(i);
            }
        }
        // Body end: "64th plenary meeting" (resolutions).
        body_end_ = static_cast<int>(lines_.size());
        for (int i = body_begin_ + 1; i < static_cast<int>(lines_.size()); ++i) {
            const auto t = lines_[i].text;
            if (!t.empty() && is_digit(t[0]) && t.size() < 30 && ends_with(t, "plenary meeting")) {
                body_end_ = i;
                break;
            }
        }
        if (style_ == rendition::export_ && body_end_ == static_cast<int>(lines_.size())) {
            // A draft in the export layout has no plenary line: its body ends
            // where the unindented footnote list "1 ...", "2 ..." (and the
            // "*" note before it) begins.
            for (int i = body_begin_ + 1; i < body_end_; ++i) {
                const std::string& raw = in_.lines[i];
                if (raw.size() < 3 || raw[0] != '1' || raw[1] != ' ') continue;
                int j = i + 1;
                while (j < body_end_ && lines_[j].blank) ++j;
                if (j < body_end_ && !starts_with(in_.lines[j], "2 ") && lines_[j].role != line_role::furniture) continue;
                int start = i;
                int k = i - 1;
                while (k > body_begin_ && lines_[k].blank) --k;
                if (k > body_begin_ && starts_with(in_.lines[k], "* ")) start = k;
                body_end_ = start;
                export_footnotes_from_ = start;
                break;
            }
        }
        if (body_end_ < static_cast<int>(lines_.size()) && export_footnotes_from_ < 0) {
            // The plenary line, the date after it; then footnotes (export) and
            // the trailer.
            lines_[body_end_].role = line_role::metadata;
            trailer_lines_.push_back(body_end_);
            int i = body_end_ + 1;
            while (i < static_cast<int>(lines_.size()) && lines_[i].blank) ++i;
            if (i < static_cast<int>(lines_.size()) && is_date(lines_[i].text)) {
                lines_[i].role = line_role::metadata;
                trailer_lines_.push_back(i);
            }
            // An annex after the adoption lines continues the body.
            for (int k = i + 1; k < static_cast<int>(lines_.size()); ++k) {
                if (lines_[k].role != line_role::body || !starts_with(lines_[k].text, "Annex")) continue;
                const auto sec = section_heading(lines_[k].text);
                if (sec && sec->annex) {
                    annex_begin_ = k;
                    break;
                }
            }
        }
    }

    static bool is_month(std::string_view w) {
        static const word_set months = {"January", "February", "March",     "April",
                                                          "May",     "June",     "July",      "August",
                                                          "September", "October", "November", "December"};
        return months.contains(w);
    }

    // "15 December 2025"
    static bool is_date(std::string_view t) {
        const auto s1 = t.find(' ');
        if (s1 == std::string_view::npos || s1 > 2 || !all_digits(t.substr(0, s1))) return false;
        const auto s2 = t.find(' ', s1 + 1);
        if (s2 == std::string_view::npos) {
            // "4 December2024"
            const auto rest = t.substr(s1 + 1);
            return rest.size() > 4 && all_digits(rest.substr(rest.size() - 4)) &&
                   is_month(rest.substr(0, rest.size() - 4));
        }
        return is_month(t.substr(s1 + 1, s2 - s1 - 1)) && t.size() - s2 - 1 == 4 && all_digits(t.substr(s2 + 1));
    }

    // ----- footnote blocks ------------------------------------------------

    struct fn_entry {
        int number = 0;
        std::vector<int> lines;
    };

    void add_footnote(int number, const std::vector<int>& lines) {
        footnote fn;
        fn.number = number;
        std::vector<std::string_view> parts;
        for (const int l : lines) parts.push_back(lines_[l].text);
        fn.text = join_lines(parts);
        if (!lines.empty()) fn.lines = {lines.front() + 1, lines.back() + 1};
        for (const int l : lines) lines_[l].role = line_role::footnote;
        if (footnote_page_.count(number)) {
            doc_.warnings.push_back("footnote " + std::to_string(number) + " defined twice; the second kept apart");
        }
        footnote_page_[number] = lines.empty() ? 0 : lines_[lines.front()].page;
        doc_.footnotes.push_back(std::move(fn));
    }

    std::string join_lines(const std::vector<std::string_view>& parts) const {
        segment s;
        for (const auto p : parts) s.add_line(p, 0, 0);
        s.write_text();
        return std::move(s.text);
    }

    void read_footnote_blocks() {
        const int n = static_cast<int>(lines_.size());
        if (style_ == rendition::export_) {
            read_export_footnotes();
            return;
        }
        int next_expected = 1;
        for (int i = std::max(0, body_begin_ + 1); i < n; ++i) {
            if (!is_rule(lines_[i].text) && !lines_[i].trailing_rule) continue;
            if (!lines_[i].trailing_rule) lines_[i].role = line_role::footnote;
            const int page = lines_[i].page;
            int j = i + 1;
            std::vector<int> block;
            while (j < n && lines_[j].page == page && !(style_ == rendition::spaced && lines_[j].hard_empty)) {
                if (lines_[j].role == line_role::body) block.push_back(j);
                ++j;
            }
            // The block ends at the page end; but a block on the last page of
            // a spaced text may be followed by more text: stop at furniture runs.
            read_block(block, next_expected);
            i = j - 1;
        }
        // "*" notes of drafts printed at the foot of page 1 without a rule:
        // "* On behalf of ..." up to the page footer.
        for (int i = std::max(0, body_begin_ + 1); i < n; ++i) {
            const auto t = lines_[i].text;
            if (lines_[i].role != line_role::body || t.size() < 3 || t[0] != '*' || t[1] != ' ') continue;
            std::vector<int> note{i};
            int j = i + 1;
            while (j < n && lines_[j].role == line_role::body && lines_[j].page == lines_[i].page) note.push_back(j++);
            flush_note(note);
            i = j - 1;
        }
        std::sort(doc_.footnotes.begin(), doc_.footnotes.end(),
                  [](const footnote& a, const footnote& b) { return a.number < b.number; });
    }

    void read_block(const std::vector<int>& block, int& next_expected) {
        // "*" notes first (drafts), then numbered footnotes in one of two forms.
        bool number_lines = false;
        for (const int l : block) {
            const auto t = lines_[l].text;
            if (all_digits(t) && t.size() <= 3) number_lines = true;
        }
        std::vector<int> note_lines;
        bool in_note = false;
        std::vector<int> numbers;
        std::vector<std::vector<int>> texts;  // text segments (wrapped form)
        std::vector<fn_entry> entries;        // inline form
        bool after_number = false;
        for (const int l : block) {
            const auto t = lines_[l].text;
            if (t[0] == '*' && !is_barcode(t)) {
                flush_note(note_lines);
                in_note = true;
                note_lines.push_back(l);
                continue;
            }
            if (number_lines) {
                if (all_digits(t) && t.size() <= 3) {
                    flush_note(note_lines);
                    in_note = false;
                    numbers.push_back(digits_value(t));
                    lines_[l].role = line_role::footnote;
                    after_number = true;
                    continue;
                }
                if (in_note) {
                    note_lines.push_back(l);
                    continue;
                }
                if (after_number || texts.empty()) texts.emplace_back();
                texts.back().push_back(l);
                after_number = false;
            } else {
                std::size_t d = 0;
                while (d < t.size() && d < 4 && is_digit(t[d])) ++d;
                if (d > 0 && d < t.size() && t[d] == ' ' && digits_value(t.substr(0, d)) == next_expected) {
                    flush_note(note_lines);
                    in_note = false;
                    entries.push_back({next_expected, {l}});
                    ++next_expected;
                    continue;
                }
                if (in_note) {
                    note_lines.push_back(l);
                } else if (!entries.empty()) {
                    entries.back().lines.push_back(l);
                } else {
                    // Text before any number: keep it as a footnote of its own
                    // rather than lose it.
                    lines_[l].role = line_role::footnote;
                    doc_.warnings.push_back("footnote text without a number at line " + std::to_string(l + 1));
                    footnote fn;
                    fn.text = std::string(t);
                    fn.lines = {l + 1, l + 1};
                    doc_.footnotes.push_back(fn);
                }
            }
        }
        flush_note(note_lines);
        for (auto& e : entries) {
            // Strip the number from the first line.
            const int first = e.lines.front();
            auto t = lines_[first].text;
            std::size_t d = 0;
            while (d < t.size() && is_digit(t[d])) ++d;
            lines_[first].text = trim(t.substr(d));
            lines_[first].role = line_role::footnote;
            add_footnote(e.number, e.lines);
        }
        if (!number_lines) return;
        std::sort(numbers.begin(), numbers.end());
        numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
        // Split text segments until there is one per number: at a line ending
        // in "." followed by a capital, shortest lines first.
        while (texts.size() < numbers.size()) {
            int best_seg = -1, best_line = -1;
            std::size_t best_len = std::string::npos;
            for (std::size_t s = 0; s < texts.size(); ++s) {
                for (std::size_t k = 0; k + 1 < texts[s].size(); ++k) {
                    const auto a = lines_[texts[s][k]].text;
                    const auto b = lines_[texts[s][k + 1]].text;
                    if (a.back() != '.' || !(is_upper_ascii(b[0]) || is_digit(b[0]) || b[0] == '"')) continue;
                    if (a.size() < best_len) {
                        best_len = a.size();
                        best_seg = static_cast<int>(s);
                        best_line = static_cast<int>(k);
                    }
                }
            }
            if (best_seg < 0) break;
            auto& seg = texts[best_seg];
            std::vector<int> tail(seg.begin() + best_line + 1, seg.end());
            seg.resize(best_line + 1);
            texts.insert(texts.begin() + best_seg + 1, tail);
        }
        while (texts.size() > numbers.size() && texts.size() >= 2) {
            // More texts than numbers: join a text to the one before it.
            auto last = texts.back();
            texts.pop_back();
            texts.back().insert(texts.back().end(), last.begin(), last.end());
        }
        if (texts.size() != numbers.size()) {
            doc_.warnings.push_back("footnote block at line " + std::to_string(block.front() + 1) + ": " +
                                    std::to_string(numbers.size()) + " numbers but " + std::to_string(texts.size()) +
                                    " texts");
        }
        for (std::size_t k = 0; k < numbers.size(); ++k) {
            add_footnote(numbers[k], k < texts.size() ? texts[k] : std::vector<int>{});
            if (numbers[k] >= next_expected) next_expected = numbers[k] + 1;
        }
        for (std::size_t k = numbers.size(); k < texts.size(); ++k) {
            for (const int l : texts[k]) lines_[l].role = line_role::footnote;
        }
    }

    void flush_note(std::vector<int>& note_lines) {
        if (note_lines.empty()) return;
        std::vector<std::string_view> parts;
        for (const int l : note_lines) {
            parts.push_back(lines_[l].text);
            lines_[l].role = line_role::footnote;
        }
        doc_.meta.notes.push_back(join_lines(parts));
        note_lines.clear();
    }

    void read_export_footnotes() {
        // Footnotes follow the adoption lines: "1 Text", "2 Text", ...
        int start = body_end_ < static_cast<int>(lines_.size()) ? body_end_ + 1 : static_cast<int>(lines_.size());
        if (export_footnotes_from_ >= 0) start = export_footnotes_from_;
        int expected = 1;
        const int n = static_cast<int>(lines_.size());
        int i = start;
        for (; i < n; ++i) {
            if (lines_[i].blank || lines_[i].role == line_role::metadata) continue;
            const auto t = lines_[i].text;
            if (expected == 1 && starts_with(t, "* ")) {
                std::vector<int> note{i};
                flush_note(note);
                continue;
            }
            std::size_t d = 0;
            while (d < t.size() && d < 4 && is_digit(t[d])) ++d;
            if (d > 0 && d < t.size() && t[d] == ' ' && digits_value(t.substr(0, d)) == expected) {
                lines_[i].text = trim(t.substr(d));
                add_footnote(expected, {i});
                ++expected;
                continue;
            }
            if (lines_[i].role == line_role::furniture || expected > 1) break;
        }
        // The rest is the export trailer: furniture and the page-1 header
        // ("United NationsA/RES/65/141General AssemblyDistr.: General").
        for (; i < n; ++i) {
            if (lines_[i].role == line_role::body) {
                lines_[i].role = line_role::metadata;
                trailer_lines_.push_back(i);
            }
        }
    }

    // The running title at the top or bottom of a page: lines equal to a
    // piece of the title next to other furniture or a page edge.
    void mark_running_titles() {
        if (style_ == rendition::export_) return;
        const std::string title = header_title();
        if (title.size() < 8) return;
        const int n = static_cast<int>(lines_.size());
        const auto is_title_piece = [&](int i) {
            const auto t = lines_[i].text;
            return t.size() >= 4 && title.find(t) != std::string::npos && !ends_clause(t);
        };
        const auto is_edge = [&](int i) {
            return lines_[i].blank || lines_[i].role == line_role::furniture;
        };
        for (int i = body_begin_ + 1; i < n; ++i) {
            if (lines_[i].role != line_role::body || !is_title_piece(i)) continue;
            // Near a page start or next to furniture.
            const bool page_top = i > 0 && lines_[i - 1].page != lines_[i].page;
            int a = i - 1;
            while (a >= 0 && is_title_piece(a)) --a;
            int b = i + 1;
            while (b < n && is_title_piece(b)) ++b;
            const bool before_edge = a < 0 || is_edge(a) || lines_[a].page != lines_[i].page;
            const bool after_edge = b >= n || is_edge(b);
            // The whole run must spell the title (or a prefix of it wrapped).
            std::vector<std::string_view> parts;
            for (int k = a + 1; k < b; ++k) parts.push_back(lines_[k].text);
            const std::string run = join_space(parts);
            const bool whole = run == title;
            if ((page_top || (before_edge && after_edge)) && whole) {
                for (int k = a + 1; k < b; ++k) lines_[k].role = line_role::furniture;
                i = b - 1;
            }
        }
    }

    // The title as printed above "The General Assembly,": the lines before
    // it, back to a blank line or the "80/118." number line.
    std::string header_title() const {
        if (body_begin_ <= 0) return {};
        std::vector<std::string_view> parts;
        int i = body_begin_ - 1;
        while (i >= 0 && lines_[i].blank) --i;
        for (; i >= 0; --i) {
            const auto& l = lines_[i];
            if (l.blank || l.role == line_role::furniture) break;
            auto t = l.text;
            if (t.find("draft resolution") != std::string_view::npos || t.find("Committee") != std::string_view::npos ||
                starts_with(t, "Agenda item") || starts_with(t, "Original:") || starts_with(t, "[")) {
                break;
            }
            // "80/118." alone or "72/200. Information and ..."
            const auto dot = t.find(". ");
            if (resolution_number_prefix(t)) {
                if (dot != std::string_view::npos) parts.push_back(trim(t.substr(dot + 1)));
                break;
            }
            parts.push_back(t);
        }
        std::reverse(parts.begin(), parts.end());
        return join_space(parts);
    }

    static bool resolution_number_prefix(std::string_view t) {
        const auto slash = t.find('/');
        const auto dot = t.find('.');
        if (slash == std::string_view::npos || dot == std::string_view::npos || slash == 0 || dot < slash) return false;
        if (!all_digits(t.substr(0, slash))) return false;
        const auto num = t.substr(slash + 1, dot - slash - 1);
        if (num.empty() || num.size() > 5 || !is_digit(num[0])) return false;
        return dot + 1 == t.size() || t[dot + 1] == ' ';
    }

    // ----- paragraphs -----------------------------------------------------

    void collect_body_structured() {
        const int end = body_end_;
        int expected_op = 1;
        bool operative = false;
        int current_section = -1;
        bool allow_restart = false;
        int prev = -1;  // previous body line
        bool blank_before = false;
        int i_consumed = -1;
        bool after_heading = false;
        std::vector<int> body;
        for (int i = body_begin_ + 1; i < end; ++i) {
            if (lines_[i].role == line_role::body) body.push_back(i);
        }
        if (annex_begin_ > 0) {
            for (int i = annex_begin_; i < static_cast<int>(lines_.size()); ++i) {
                if (lines_[i].role == line_role::body) body.push_back(i);
            }
        }
        bool in_annex = false;
        // The "5.\nAgency;\n\nAppeals to ... of the\n6." order of pdftotext:
        // the last line of a paragraph printed before its first.
        fix_swapped_lines(body);
        for (std::size_t bi = 0; bi < body.size(); ++bi) {
            const int i = body[bi];
            const auto& l = lines_[i];
            blank_before = prev >= 0 && has_blank_between(prev, i);
            const std::string_view t = l.text;
            const std::string_view p = prev >= 0 ? lines_[prev].text : std::string_view();
            bool had_marker = false;
            const std::string_view pstripped = strip_trailing_marker(p, had_marker);
            const bool prev_ends = prev < 0 || after_heading || ends_clause(pstripped) || ends_period(pstripped) ||
                                   (paras_.empty() ? true : paras_.back().pending_number_only);
            const bool export_mode = style_ == rendition::export_;
            const bool heading_before = after_heading;
            after_heading = false;
            // Section headings.
            if (auto sec = section_heading(t);
                sec && (prev < 0 || ends_clause(pstripped) || ends_period(pstripped) || blank_before) &&
                (bi + 1 >= body.size() || starts_paragraph_like(lines_[body[bi + 1]].text))) {
                sec->lines = {i + 1, i + 1};
                // "I" alone, the title on the next line.
                if (sec->title.empty() && bi + 1 < body.size()) {
                    const int ni = body[bi + 1];
                    const auto nt = lines_[ni].text;
                    if (nt.size() < 100 && !ends_clause(nt) && !ends_period(nt) && !operative_number(nt) &&
                        !sub_label(nt) && is_upper_ascii(nt[0]) && !is_preamble_opener(first_word(nt))) {
                        sec->title = std::string(nt);
                        sec->lines.last = ni + 1;
                        ++bi;
                        i_consumed = ni;
                    }
                }
                doc_.sections.push_back(*sec);
                current_section = static_cast<int>(doc_.sections.size()) - 1;
                allow_restart = true;
                in_annex = in_annex || sec->annex;
                prev = i_consumed >= 0 ? i_consumed : i;
                i_consumed = -1;
                after_heading = true;
                continue;
            }
            // Operative paragraph.
            const auto op = operative_number(t);
            // The number expected next, or a 1 that opens the operative part
            // or restarts it after a heading; the line before closes a clause.
            const bool next_number =
                op && (op->first == expected_op || ((!operative || allow_restart) && op->first == 1)) &&
                (prev_ends || export_mode || blank_before ||
                 // The previous paragraph lost its final punctuation (a draft
                 // cut mid-sentence): the next number with a verb still opens one.
                 (operative && starts_with_operative_verb(op->second))) &&
                (op->second.empty() || is_upper_ascii(op->second[0]) || op->second[0] == '"');
            // One number skipped (a paragraph lost in editing): the one after
            // it, opened by a verb after a closed clause, takes up the count.
            const bool skipped_number = op && operative && op->first == expected_op + 1 && prev_ends &&
                                        starts_with_operative_verb(op->second);
            if (next_number || skipped_number) {
                if (!next_number) {
                    std::string w = "operative paragraph ";
                    w += std::to_string(expected_op);
                    w += " missing: the numbering goes from ";
                    w += std::to_string(expected_op - 1);
                    w += " to ";
                    w += std::to_string(op->first);
                    w += " (line ";
                    w += std::to_string(i + 1);
                    w += ')';
                    doc_.warnings.push_back(std::move(w));
                }
                operative = true;
                allow_restart = false;
                expected_op = op->first + 1;
                raw_paragraph& rp = start_paragraph(part::operative, current_section, op->second, i, l.page);
                rp.number = std::to_string(op->first);
                rp.pending_number_only = op->second.empty();
                if (op->second.empty()) rp.segments.back().pieces.push_back({0, i, l.page, {}});
                prev = i;
                continue;
            }
            // Sub-paragraph.
            if (auto sub = sub_label(t); sub && !paras_.empty() &&
                (ends_clause(pstripped) || ends_with(pstripped, " and") || ends_with(pstripped, " or") ||
                 ends_period(pstripped) || export_mode || blank_before)) {
                auto& rp = paras_.back();
                segment s;
                s.label = std::string(sub->first);
                const std::string inner = s.label.substr(1, s.label.size() - 2);
                // "(i)" after "(h)" is a letter; otherwise roman numerals nest.
                int depth = 1;
                if (is_roman(inner) && !(inner == "i" && last_letter_is(rp, 'h')) &&
                    !(inner == "v" && last_letter_is(rp, 'u')) && !(inner == "x" && last_letter_is(rp, 'w'))) {
                    depth = has_depth(rp, 1) ? 2 : 1;
                }
                s.depth = depth;
                s.add_line(sub->second, i, l.page);
                rp.segments.push_back(std::move(s));
                rp.pending_number_only = false;
                prev = i;
                continue;
            }
            // Preambular paragraph.
            // Its first word, where it can matter: not in the operative part,
            // not when the line starts in lower case (no opener does).
            const std::string_view w = operative || is_lower_ascii(t[0]) ? std::string_view() : first_word(t);
            const bool opener = is_preamble_opener(w);
            if (!operative &&
                (paras_.empty() || export_mode ||
                 (opener && (ends_clause(pstripped) || heading_before || (had_marker && is_known_preamble_opener(w)))) ||
                 (style_ == rendition::spaced && blank_before && ends_clause(pstripped) && is_upper_ascii(t[0])))) {
                start_paragraph(part::preamble, current_section, t, i, l.page);
                prev = i;
                continue;
            }
            // Annex text: unnumbered paragraphs start after a sentence end.
            if (in_annex && (heading_before || ends_period(pstripped) || ends_clause(pstripped) || blank_before) &&
                (is_upper_ascii(t[0]) || t[0] == '"') && !(paras_.size() && paras_.back().pending_number_only)) {
                start_paragraph(part::operative, current_section, t, i, l.page);
                prev = i;
                continue;
            }
            // Continuation.
            if (paras_.empty()) {
                raw_paragraph rp;
                rp.where = operative ? part::operative : part::preamble;
                rp.segments.emplace_back();
                paras_.push_back(std::move(rp));
            }
            auto& seg = paras_.back().segments.back();
            paras_.back().pending_number_only = false;
            seg.add_line(t, i, l.page);
            prev = i;
        }
        if (paras_.empty()) structured_ = false;
    }

    // Text after the adoption lines that is neither footnote nor furniture:
    // kept with the metadata so that no word is lost, and reported.
    void keep_trailing_text() {
        if (!structured_ || body_end_ < 0) return;
        int first = -1, count = 0;
        const int stop = annex_begin_ > 0 ? annex_begin_ : static_cast<int>(lines_.size());
        for (int i = body_end_; i < stop; ++i) {
            if (lines_[i].role != line_role::body) continue;
            lines_[i].role = line_role::metadata;
            if (trailer_lines_.size() < 200) trailer_lines_.push_back(i);
            if (first < 0) first = i;
            ++count;
        }
        if (count > 0 && style_ != rendition::export_) {
            std::string w = std::to_string(count);
            w.append(" line(s) of text after the end of the resolution (from line ");
            w.append(std::to_string(first + 1));
            w.append(") kept as metadata, not as paragraphs: ");
            const auto opening = detail::utf8_prefix(lines_[first].text, 60);
            w.append(opening);
            if (opening.size() < lines_[first].text.size()) w.append("...");
            doc_.warnings.push_back(w);
        }
    }

    static bool last_letter_is(const raw_paragraph& rp, char c) {
        for (auto it = rp.segments.rbegin(); it != rp.segments.rend(); ++it) {
            if (it->depth == 1) return it->label.size() == 3 && it->label[1] == c;
        }
        return false;
    }
    static bool has_depth(const raw_paragraph& rp, int d) {
        for (const auto& s : rp.segments) {
            if (s.depth == d) return true;
        }
        return false;
    }

    bool starts_paragraph_like(std::string_view t) const {
        return operative_number(t).has_value() || is_preamble_opener(first_word(t)) || sub_label(t).has_value() ||
               (!t.empty() && is_upper_ascii(t[0]));
    }

    bool has_blank_between(int a, int b) const {
        for (int k = a + 1; k < b; ++k) {
            if (lines_[k].blank) return true;
        }
        return false;
    }

    void fix_swapped_lines(std::vector<int>& body) {
        for (std::size_t k = 0; k + 3 < body.size(); ++k) {
            const auto op = operative_number(lines_[body[k]].text);
            if (!op || !op->second.empty()) continue;
            const auto a = lines_[body[k + 1]].text;
            const auto b = lines_[body[k + 2]].text;
            const auto next = operative_number(lines_[body[k + 3]].text);
            if (!next || next->first != op->first + 1) continue;
            if (a.size() > 40 || (a.back() != ';' && a.back() != '.') || !has_blank_between(body[k + 1], body[k + 2]))
                continue;
            if (b.back() == ';' || b.back() == '.' || b.back() == ',' || !is_upper_ascii(b[0])) continue;
            std::swap(body[k + 1], body[k + 2]);
        }
    }

    void collect_plain() {
        // Plain paragraphs: runs of non-blank body lines (in the spaced and
        // export renditions blank lines separate them; hard-wrapped text with
        // no blank lines splits at a line ending a sentence that is shorter
        // than the lines around it).
        paras_.clear();
        doc_.sections.clear();
        doc_.structured = false;
        // Header of a plain document: metadata lines up to the sponsors line.
        int start = 0;
        if (body_begin_ < 0) {
            const int limit = std::min<int>(static_cast<int>(lines_.size()), 40);
            for (int i = 0; i < limit; ++i) {
                const auto t = lines_[i].text;
                if (t.find("draft resolution") != std::string_view::npos || starts_with(t, "Agenda item")) {
                    start = i + 1;
                }
            }
            if (start > 0) {
                // The title line(s) after the sponsors line.
                int k = start;
                while (k < static_cast<int>(lines_.size()) && lines_[k].blank) ++k;
                int title_end = k;
                while (title_end < static_cast<int>(lines_.size()) && !lines_[title_end].blank &&
                       title_end - k < 3 && !ends_period(lines_[title_end].text) && !ends_clause(lines_[title_end].text) &&
                       (title_end == k || is_lower_ascii(lines_[title_end].text[0])))
                    ++title_end;
                if (title_end > k && title_end < static_cast<int>(lines_.size())) start = title_end;
            }
            for (int i = 0; i < start; ++i) {
                if (lines_[i].role == line_role::body) {
                    lines_[i].role = line_role::metadata;
                    header_lines_.push_back(i);
                }
            }
        } else {
            start = body_begin_ + 1;
        }
        const int end = body_end_ >= 0 ? body_end_ : static_cast<int>(lines_.size());
        int prev = -1;
        for (int i = start; i < end; ++i) {
            if (lines_[i].role != line_role::body) continue;
            const bool new_para = prev < 0 || has_blank_between(prev, i) || style_ == rendition::export_;
            if (new_para) {
                raw_paragraph rp;
                rp.segments.emplace_back();
                paras_.push_back(std::move(rp));
            }
            paras_.back().segments.back().add_line(lines_[i].text, i, lines_[i].page);
            prev = i;
        }
        std::string w = opt_.plain ? "read as plain paragraphs on request: " : "no resolution structure recognized; read as ";
        w.append(std::to_string(paras_.size()));
        w.append(" plain paragraph(s)");
        doc_.warnings.push_back(std::move(w));
    }

    // ----- footnote references --------------------------------------------

    void resolve_markers() {
        std::vector<segment*> segs;
        for (auto& p : paras_) {
            for (auto& s : p.segments) segs.push_back(&s);
        }
        std::vector<std::pair<int, int>> defs(footnote_page_.begin(), footnote_page_.end());  // number, page
        const bool glued_only = style_ == rendition::export_;
        std::size_t k = 0;
        std::vector<int> missing;
        std::vector<std::size_t> from(segs.size(), 0);
        for (std::size_t si = 0; si < segs.size() && k < defs.size(); ++si) {
            segment& s = *segs[si];
            if (s.pieces.empty()) continue;
            while (k < defs.size()) {
                const auto [num, page] = defs[k];
                if (!glued_only && page < s.first_page()) {
                    missing.push_back(num);
                    ++k;
                    continue;
                }
                if (!glued_only && page > s.last_page()) break;
                // Search the part of this segment on that page first.
                std::size_t lo = from[si], hi = s.text.size();
                if (!glued_only) {
                    std::size_t plo = std::string::npos, phi = 0;
                    for (std::size_t pi = 0; pi < s.pieces.size(); ++pi) {
                        if (s.pieces[pi].page != page) continue;
                        plo = std::min(plo, s.pieces[pi].offset);
                        phi = pi + 1 < s.pieces.size() ? s.pieces[pi + 1].offset : s.text.size();
                    }
                    if (plo != std::string::npos) {
                        lo = std::max(lo, plo);
                        hi = phi;
                    }
                }
                auto hit = find_marker(s.text, lo, hi, num, glued_only, true);
                if (!hit && !glued_only) hit = find_marker(s.text, from[si], s.text.size(), num, false, true);
                if (!hit && !glued_only) hit = find_marker(s.text, lo, hi, num, false, true, true);
                if (hit) {
                    s.markers.push_back({hit->begin, num});
                    erase_marker(s, *hit);
                    from[si] = hit->pos;
                    ++k;
                    continue;
                }
                // Not here: a later number found in this segment means this one is missing.
                bool later = false;
                for (std::size_t k2 = k + 1; k2 < defs.size() && k2 < k + 3; ++k2) {
                    if (!glued_only && defs[k2].second != page) break;
                    if (find_marker(s.text, from[si], s.text.size(), defs[k2].first, glued_only, true)) {
                        later = true;
                        break;
                    }
                }
                if (later) {
                    missing.push_back(num);
                    ++k;
                    continue;
                }
                if (glued_only || page == s.last_page()) break;
                missing.push_back(num);
                ++k;
            }
        }
        for (; k < defs.size(); ++k) missing.push_back(defs[k].first);
        for (const int m : missing) {
            doc_.warnings.push_back("no reference to footnote " + std::to_string(m) + " found in the text");
        }
        // Repeated references to footnotes referenced before.
        std::set<int> seen;
        for (auto* s : segs) {
            for (const auto& m : s->markers) seen.insert(m.second);
            find_repeated_markers(*s, seen);
        }
        for (auto* s : segs) {
            std::sort(s->markers.begin(), s->markers.end());
            for (const auto& m : s->markers) s->footnotes.push_back(m.second);
        }
    }

    // Repeated references to footnotes already referenced earlier in the
    // text: "the Geneva1 and Tunis3 phases", "international levels;6",
    // "the Information Society, 4 including". Only glued forms, or a number
    // standing alone after a comma or semicolon and before a lower-case word.
    void find_repeated_markers(segment& s, const std::set<int>& seen) {
        std::size_t i = 0;
        while (i < s.text.size()) {
            i = next_digit(s.text, i, s.text.size());
            if (i == s.text.size()) break;
            if (i > 0 && is_digit(s.text[i - 1])) {
                ++i;
                continue;
            }
            std::size_t e = i;
            while (e < s.text.size() && is_digit(s.text[e])) ++e;
            const int n = e - i <= 3 ? digits_value(std::string_view(s.text).substr(i, e - i)) : -1;
            if (n > 0 && seen.count(n) && i > 0) {
                if (auto hit = find_marker(s.text, i, e, n, false, false); hit && (hit->begin == i || hit->begin + 1 == i)) {
                    bool ok = false;
                    const char prev = s.text[i - 1];
                    if (hit->begin == i) {
                        ok = is_lower_ascii(prev) ||
                             ((prev == ',' || prev == ';' || prev == '.' || prev == ':') && i >= 2 &&
                              (is_letter_byte(s.text[i - 2]) || s.text[i - 2] == ')' || s.text[i - 2] == '"'));
                    } else if (i >= 2 && (s.text[i - 2] == ',' || s.text[i - 2] == ';')) {
                        const std::string_view after = word_after(s.text, e);
                        ok = e == s.text.size() || (!after.empty() && is_lower_ascii(after[0]));
                    }
                    if (ok) {
                        s.markers.push_back({hit->begin, n});
                        erase_marker(s, *hit);
                        i = hit->begin;
                        continue;
                    }
                }
            }
            i = e;
        }
    }

    static void erase_marker(segment& s, const marker_hit& hit) {
        const std::size_t len = hit.end - hit.begin;
        s.text.erase(hit.begin, len);
        for (auto& m : s.markers) {
            if (m.first > hit.begin) m.first -= std::min(len, m.first - hit.begin);
        }
        for (auto& p : s.pieces) {
            if (p.offset > hit.begin) p.offset -= std::min(len, p.offset - hit.begin);
        }
    }

    // ----- metadata -------------------------------------------------------

    // "15 December 2025" at h[pos..]; empty when there is none.
    static std::string date_at(std::string_view h, std::size_t pos) {
        while (pos < h.size() && h[pos] == ' ') ++pos;
        std::size_t i = pos;
        while (i < h.size() && i - pos < 2 && is_digit(h[i])) ++i;
        if (i == pos || i >= h.size() || h[i] != ' ') return {};
        std::size_t m = i + 1, me = m;
        while (me < h.size() && is_letter_byte(h[me])) ++me;
        if (!is_month(h.substr(m, me - m))) return {};
        std::size_t y = me;
        if (y < h.size() && h[y] == ' ') ++y;
        if (y + 4 > h.size() || !all_digits(h.substr(y, 4)) || (y + 4 < h.size() && is_digit(h[y + 4]))) return {};
        std::string out(h.substr(pos, me - pos));
        out.push_back(' ');
        out.append(h.substr(y, 4));
        return out;
    }

    // A document symbol starting at h[pos]: "A/RES/65/141" out of
    // "United NationsA/RES/65/141General Assembly".
    static std::string symbol_at(std::string_view h, std::size_t pos) {
        std::size_t e = pos;
        while (e < h.size() && (std::isalnum(static_cast<unsigned char>(h[e])) || h[e] == '/' || h[e] == '.')) ++e;
        std::string_view sym = h.substr(pos, e - pos);
        const auto slash = sym.rfind('/');
        if (slash == std::string_view::npos) return {};
        std::string_view last = sym.substr(slash + 1);
        std::size_t k = 0;
        if (starts_with(last, "L.")) k = 2;
        const std::size_t digits_from = k;
        while (k < last.size() && is_digit(last[k])) ++k;
        if (k == digits_from) return {};
        sym = sym.substr(0, slash + 1 + k);
        return looks_like_symbol(sym) ? std::string(sym) : std::string();
    }

    void read_metadata() {
        auto& m = doc_.meta;
        // The header and trailer lines joined by spaces (as join_space does),
        // without a list of the pieces: the trailer can be most of the input.
        std::string h;
        {
            std::size_t size = 0;
            for (const int i : header_lines_) size += lines_[i].text.size() + 1;
            for (const int i : trailer_lines_) size += lines_[i].text.size() + 1;
            h.reserve(size);
            const auto add = [&](int i) {
                const std::string_view t = lines_[i].text;
                if (t.empty()) return;
                if (!h.empty()) h.push_back(' ');
                h.append(t);
            };
            for (const int i : header_lines_) add(i);
            for (const int i : trailer_lines_) add(i);
        }
        const std::string_view hv = h;
        if (m.symbol.empty()) {
            for (std::size_t p = hv.find("A/"); p != std::string_view::npos; p = hv.find("A/", p + 1)) {
                m.symbol = symbol_at(hv, p);
                if (!m.symbol.empty()) break;
            }
        }
        if (m.symbol.find("/RES/") != std::string::npos) {
            m.kind = document_kind::resolution;
        } else if (m.symbol.find("/L.") != std::string::npos || h.find("draft resolution") != std::string::npos) {
            m.kind = document_kind::draft;
        } else if (h.find("Resolution adopted") != std::string::npos) {
            m.kind = document_kind::resolution;
        }
        // "Eightieth session", "2011Sixty-fifth session"
        for (std::size_t p = hv.find(" session"); p != std::string_view::npos && m.session == 0;
             p = hv.find(" session", p + 1)) {
            std::size_t b = p;
            while (b > 0 && (std::isalpha(static_cast<unsigned char>(hv[b - 1])) || hv[b - 1] == '-')) --b;
            m.session = parse_ordinal(hv.substr(b, p - b));
        }
        if (m.session == 0 && starts_with(m.symbol, "A/")) {
            std::string_view rest = std::string_view(m.symbol).substr(2);
            if (starts_with(rest, "RES/")) rest.remove_prefix(4);
            if (starts_with(rest, "C.") && rest.find('/') != std::string_view::npos) rest.remove_prefix(rest.find('/') + 1);
            std::size_t k = 0;
            while (k < rest.size() && k < 3 && is_digit(rest[k])) ++k;
            if (k > 0 && k < rest.size() && rest[k] == '/') m.session = digits_value(rest.substr(0, k));
        }
        // "Agenda item 16 (a)", "Agenda items 12 and 14 (b)"
        if (auto p = hv.find("Agenda item"); p != std::string_view::npos) {
            p += 11;
            if (p < hv.size() && hv[p] == 's') ++p;
            while (true) {
                while (p < hv.size() && hv[p] == ' ') ++p;
                std::size_t e = p;
                while (e < hv.size() && is_digit(hv[e])) ++e;
                if (e == p) break;
                std::string item(hv.substr(p, e - p));
                std::size_t q = e;
                if (q < hv.size() && hv[q] == ' ') ++q;
                if (q + 2 < hv.size() && hv[q] == '(' && is_lower_ascii(hv[q + 1]) && hv[q + 2] == ')') {
                    item.append(" ");
                    item.append(hv.substr(q, 3));
                    e = q + 3;
                }
                m.agenda_items.push_back(item);
                if (starts_with(hv.substr(e), ", ")) {
                    p = e + 2;
                } else if (starts_with(hv.substr(e), " and ")) {
                    p = e + 5;
                } else {
                    break;
                }
            }
        }
        if (auto p = hv.find("adopted by the General Assembly on "); p != std::string_view::npos) {
            m.adoption_date = date_at(hv, p + 35);
        }
        if (auto p = hv.find("Distr.:"); p != std::string_view::npos) {
            p += 7;
            while (p < hv.size() && hv[p] == ' ') ++p;
            while (p < hv.size() && std::isalpha(static_cast<unsigned char>(hv[p]))) ++p;
            m.distribution_date = date_at(hv, p);
        }
        // "[on the report of the Second Committee (A/80/555, para. 7)]"
        if (auto p = hv.find("[on the report of the "); p != std::string_view::npos) {
            p += 22;
            const auto open = hv.find(" (", p);
            const auto close = hv.find(']', p);
            if (open != std::string_view::npos && (close == std::string_view::npos || open < close)) {
                m.committee = std::string(hv.substr(p, open - p));
                std::size_t e = open + 2;
                while (e < hv.size() && hv[e] != ',' && hv[e] != ')' && hv[e] != ']') ++e;
                m.committee_report = std::string(hv.substr(open + 2, e - open - 2));
            }
        }
        if (m.committee.empty()) {
            for (std::size_t k = 0; k < header_lines_.size(); ++k) {
                const auto t = lines_[header_lines_[k]].text;
                if (!ends_with(t, "Committee") || starts_with(t, "[") || t.size() > 60) continue;
                m.committee = std::string(t);
                if (k + 1 < header_lines_.size()) {
                    const auto n = lines_[header_lines_[k + 1]].text;
                    if (starts_with(n, "(") && ends_with(n, "Committee)")) {
                        m.committee.push_back(' ');
                        m.committee.append(n);
                    }
                }
                break;
            }
        }
        if (m.adoption_date.empty() && m.kind == document_kind::resolution) {
            for (const int i : trailer_lines_) {
                if (is_date(lines_[i].text)) {
                    m.adoption_date = std::string(lines_[i].text);
                    break;
                }
            }
        }
        // Sponsors: the line(s) ending in "draft resolution" (or an amendment).
        for (std::size_t k = 0; k < header_lines_.size(); ++k) {
            const auto t = lines_[header_lines_[k]].text;
            if (t.find("draft resolution") == std::string_view::npos && t.find(": amendment") == std::string_view::npos)
                continue;
            std::size_t a = k;
            while (a > 0) {
                const auto pt = lines_[header_lines_[a - 1]].text;
                if (header_lines_[a - 1] + 1 != header_lines_[a] || !(ends_with(pt, ",") || pt.find(", ") != std::string_view::npos))
                    break;
                --a;
            }
            std::vector<std::string_view> sp;
            for (std::size_t j = a; j <= k; ++j) sp.push_back(lines_[header_lines_[j]].text);
            m.sponsors = join_space(sp);
            break;
        }
        m.amends = amended_symbol(m.sponsors);
        if (!m.amends.empty() && !structured_ && !opt_.plain) {
            // Not a text of the resolution: say what it is rather than that
            // no structure was found.
            for (auto& w : doc_.warnings) {
                if (starts_with(w, "no resolution structure recognized")) {
                    w = amendment_note(m.amends) + "; read as " + std::to_string(paras_.size()) +
                        " plain paragraph(s)";
                }
            }
        }
        // Title: above "The General Assembly,"; else after the agenda item.
        m.title = header_title();
        if (m.title.empty() && !structured_) {
            // Plain documents: the line(s) after the sponsors line.
            std::vector<std::string_view> tp;
            bool after = false;
            for (const int i : header_lines_) {
                const auto t = lines_[i].text;
                if (after) tp.push_back(t);
                if (t.find("draft resolution") != std::string_view::npos) after = true;
            }
            m.title = join_space(tp);
        }
        doc_.meta.notes.insert(doc_.meta.notes.end(), notes_.begin(), notes_.end());
    }

    // ----- output ---------------------------------------------------------

    void finish() {
        // Repair split words and runs of spaces over all texts of the document.
        std::vector<std::string*> texts;
        for (auto& p : paras_) {
            for (auto& s : p.segments) texts.push_back(&s.text);
        }
        for (auto& f : doc_.footnotes) texts.push_back(&f.text);
        repair_split_words(texts);  // and runs of spaces

        doc_.structured = structured_ && !opt_.plain;
        const bool plain = !doc_.structured;  // every paragraph a preambular "P"
        std::size_t preambular = 0;
        for (const auto& rp : paras_) preambular += plain || rp.where == part::preamble ? 1 : 0;
        doc_.preamble.reserve(preambular);
        doc_.operative.reserve(paras_.size() - preambular);
        int pp = 0, op = 0;
        for (auto& rp : paras_) {
            paragraph p;
            p.where = plain ? part::preamble : rp.where;
            p.number = std::move(rp.number);
            p.section = rp.section;
            p.id = plain ? "P" : (p.where == part::preamble ? "PP" : "OP");
            p.id.append(std::to_string(p.where == part::preamble ? ++pp : ++op));
            int first = 0, last = 0;
            // The usual preambular paragraph, one text without a label, is
            // that text: moved, not copied.
            const bool one_text =
                p.where == part::preamble && rp.segments.size() == 1 && rp.segments[0].label.empty();
            std::string full;
            if (!one_text) {
                std::size_t full_size = 0;
                for (const auto& s : rp.segments) full_size += s.label.size() + s.text.size() + 2;
                full.reserve(full_size);
            }
            // Each segment's text goes into `full`, then moves to where it belongs.
            for (std::size_t k = 0; k < rp.segments.size(); ++k) {
                auto& s = rp.segments[k];
                for (const auto& pc : s.pieces) {
                    if (first == 0 || pc.line + 1 < first) first = pc.line + 1;
                    last = std::max(last, pc.line + 1);
                }
                if (one_text) {
                    full = std::move(s.text);
                } else {
                    if (!full.empty() && !s.text.empty()) full.push_back(' ');
                    if (!s.label.empty()) {
                        full.append(s.label);
                        if (!s.text.empty()) full.push_back(' ');
                    }
                    full.append(s.text);
                }
                p.footnotes.insert(p.footnotes.end(), s.footnotes.begin(), s.footnotes.end());
                if (k == 0) {
                    if (p.where != part::preamble) p.intro = std::move(s.text);  // preamble: intro = text, below
                    continue;
                }
                subparagraph sp;
                sp.label = std::move(s.label);
                sp.text = std::move(s.text);
                sp.footnotes = std::move(s.footnotes);
                if (!s.pieces.empty()) sp.lines = {s.pieces.front().line + 1, s.pieces.back().line + 1};
                if (s.depth >= 2 && !p.subparagraphs.empty()) {
                    auto& parent = p.subparagraphs.back();
                    sp.id = parent.id + sp.label;
                    parent.children.push_back(std::move(sp));
                } else {
                    sp.id = p.id + sp.label;
                    p.subparagraphs.push_back(std::move(sp));
                }
            }
            p.text = std::move(full);
            if (p.where == part::preamble) p.intro = p.text;
            p.lines = {first, last};
            if (!plain) p.lead = extract_lead(p.text, p.where);
            if (p.text.empty()) {
                doc_.warnings.push_back("paragraph " + p.id + " is empty");
            }
            (p.where == part::preamble ? doc_.preamble : doc_.operative).push_back(std::move(p));
        }
        if (doc_.structured && doc_.operative.empty()) {
            doc_.warnings.push_back("no operative paragraphs found");
        }
    }
};

}  // namespace

document parse_document(const ingested_text& input, const parse_options& options, parse_trace* trace) {
    parser p(input, options);
    return p.run(trace);
}

document parse_document(const ingested_text& input, const parse_options& options) {
    return parse_document(input, options, nullptr);
}

document parse_file(const std::filesystem::path& path, const ingest_options& ingest, const parse_options& options) {
    return parse_document(ingest_file(path, ingest), options);
}

document parse_text(std::string_view text, std::string source, const parse_options& options) {
    return parse_document(ingest_bytes(text, std::move(source)), options);
}

}  // namespace resdiff
