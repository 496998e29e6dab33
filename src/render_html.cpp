// The HTML report: one self-contained file (style sheet and script inline, no
// request to any address), side by side and inline redline views, filters on
// change kinds and classes, keyboard navigation, a print style sheet.
//
// Every piece of document text goes through append_html_escaped. The page's
// Content-Security-Policy forbids every network request and lets only the
// report's own script run (its nonce is a hash of the report body, so the
// output stays deterministic while injected markup could not carry it).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "block_scan.hpp"
#include "render_html_assets.hpp"
#include "resdiff/render.hpp"
#include "word_count.hpp"

namespace resdiff {

namespace detail {

namespace {

// Where the first byte at or after text[from] that HTML needs escaped is
// (& < > " ' and NUL), or text.size().
std::size_t next_special(std::string_view text, std::size_t from) {
    std::size_t i = from;
#if defined(__SSE2__)
    // Sixteen bytes at a time; the bytes after the last whole block one by one.
    const auto stops = [&](std::size_t at) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
        __m128i hit = _mm_cmpeq_epi8(bytes, _mm_setzero_si128());
        for (const char c : {'&', '<', '>', '"', '\''})
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)));
        return static_cast<unsigned>(_mm_movemask_epi8(hit));
    };
    if (scan_blocks(text.size(), i, 0, stops)) return i;
#endif
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '\0') return i;
    }
    return i;
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
    // Runs of bytes that need no escape are copied whole (most of a text is
    // one run): a report of a 200 KB pair escapes 600 KB of text.
    std::size_t run = 0;
    for (std::size_t i = next_special(text, 0); i < text.size(); i = next_special(text, run)) {
        std::string_view entity;
        switch (text[i]) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            case '\'': entity = "&#39;"; break;
            default: entity = "&#xFFFD;"; break;  // NUL
        }
        out.append(text.data() + run, i - run);
        out.append(entity);
        run = i + 1;
    }
    out.append(text.data() + run, text.size() - run);
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_html_escaped(out, text);
    return out;
}

}  // namespace detail

namespace {

using detail::append_html_escaped;
using detail::html_escape;

// Display order of the classes: what matters most first.
constexpr std::array<change_class, 5> class_order = {change_class::substantive, change_class::lead,
                                                     change_class::qualifier, change_class::citation,
                                                     change_class::routine};
constexpr std::array<unit_kind, 7> kind_order = {unit_kind::modified, unit_kind::moved,   unit_kind::added,
                                                 unit_kind::removed,  unit_kind::split,   unit_kind::merged,
                                                 unit_kind::renumbered};

const char* class_code(change_class c) {
    switch (c) {
        case change_class::routine: return "cr";
        case change_class::lead: return "cl";
        case change_class::qualifier: return "cq";
        case change_class::citation: return "cc";
        case change_class::substantive: return "cs";
    }
    return "cs";
}

// Marker shown with each class (as a character reference, ASCII-only output).
const char* class_marker(change_class c) {
    switch (c) {
        case change_class::routine: return "&#8635;";      // clockwise arrow: rolled forward
        case change_class::lead: return "&#9650;";         // triangle: the lead phrase or verb
        case change_class::qualifier: return "&#8776;";    // almost equal: a hedge
        case change_class::citation: return "&#167;";      // section sign: a reference
        case change_class::substantive: return "&#9670;";  // diamond: substance
    }
    return "&#9670;";
}

const char* class_help(change_class c) {
    switch (c) {
        case change_class::substantive: return "a change of substance: everything not covered below";
        case change_class::lead: return "the opening phrase or operative verb changed";
        case change_class::qualifier: return "a hedge or softener added or removed (as appropriate, voluntary...)";
        case change_class::citation: return "a reference to a resolution, decision or document added or dropped";
        case change_class::routine: return "rolled forward: session numbers, years, dates, predecessor symbols";
    }
    return "";
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    std::string s = std::to_string(n);
    s += ' ';
    s += n == 1 ? one : many;
    return s;
}

std::string join_ids(const std::vector<std::string>& ids, std::string_view sep = " + ") {
    std::string s;
    for (const auto& id : ids) {
        if (!s.empty()) s += sep;
        s += id;
    }
    return s;
}

bool has_class(const std::vector<change_class>& cs, change_class c) {
    return std::find(cs.begin(), cs.end(), c) != cs.end();
}

// Classes in display order, without repeats.
// The kind badge of a unit, and a "moved" badge when it moved besides.
void append_kind_badges(std::string& out, const alignment_unit& u) {
    out += "<span class=\"kindb k-";
    out += to_string(u.kind);
    out += "\">";
    out += to_string(u.kind);
    out += "</span>";
    if (u.moved && u.kind != unit_kind::moved) out += " <span class=\"kindb k-moved\">moved</span>";
}

std::vector<change_class> ordered(const std::vector<change_class>& cs) {
    std::vector<change_class> out;
    for (const auto c : class_order) {
        if (has_class(cs, c)) out.push_back(c);
    }
    return out;
}

// The most telling class of a unit, for the change map's colour.
const char* top_code(const alignment_unit& u) {
    const auto cs = ordered(u.classes);
    if (!cs.empty()) return class_code(cs.front());
    return u.kind == unit_kind::unchanged ? "same" : "cs";
}

// Text of one side of a unit: equal + side ops, or the documents' text when
// the diff left no ops.
std::string side_text(const alignment_unit& u, op_kind side, const document& doc) {
    std::string s;
    for (const auto& op : u.ops) {
        if (op.op == op_kind::equal || op.op == side) s += op.text;
    }
    if (u.ops.empty()) s = unit_text(doc, side == op_kind::del ? u.old_ids : u.new_ids);
    return s;
}

// Where the second and later parts of a split or merged unit start in the
// side's concatenated text (the parts are joined by one space).
struct part_breaks {
    std::vector<std::size_t> starts;   // offset of part k (k >= 1)
    std::vector<std::string> labels;   // its id
    std::vector<std::string> anchors;  // id attribute for its label, may be empty
};

class html_report {
public:
    html_report(const comparison& cmp, const render_options& options) : cmp_(cmp), options_(options) {}

    std::string render() {
        plan_anchors();
        // The page in one buffer: the head with room for the nonce, the body,
        // then the nonce (a hash of the body) written into that room.
        std::string out;
        out.reserve(64 * 1024);
        out += options_.context ? "<!DOCTYPE html>\n<html lang=\"en\" data-view=\"side\" data-context=\"1\">\n"
                                : "<!DOCTYPE html>\n<html lang=\"en\" data-view=\"side\">\n";
        out += "<head>\n<meta charset=\"utf-8\">\n";
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
               "script-src 'nonce-";
        const std::size_t nonce_at = out.size();
        out.append(nonce_digits, '0');
        out += "'; img-src data:; base-uri 'none'; form-action 'none'\">\n";
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out += "<meta name=\"generator\" content=\"resdiff\">\n<title>";
        append_html_escaped(out, title_text());
        out += "</title>\n<style>\n";
        out += detail::html_report_css;
        out += "</style>\n</head>\n<body>\n";
        const std::size_t body_at = out.size();
        header(out);
        summary_section(out);
        toolbar(out);
        units_section(out);
        footnotes_section(out);
        notes_section(out);
        out +=
            "<footer class=\"foot\"><p>Made by resdiff. Keys: <kbd>n</kbd>/<kbd>j</kbd> next change, "
            "<kbd>p</kbd>/<kbd>k</kbd> previous change. Links to a paragraph: add <code>#OP9</code> "
            "(new numbering) or <code>#old-OP9</code> to this file&#39;s address.</p></footer>\n";
        out += "</main>\n";

        const std::string nonce = hash_hex(std::string_view(out).substr(body_at));
        out.replace(nonce_at, nonce_digits, nonce);
        out += "<script nonce=\"";
        out += nonce;
        out += "\">\n";
        out += detail::html_report_js;
        out += "</script>\n</body>\n</html>\n";
        return out;
    }

private:
    const comparison& cmp_;
    const render_options& options_;
    std::vector<std::string> unit_anchor_;   // per top-level unit
    using anchors = std::unordered_map<std::string, std::string>;
    std::unordered_set<std::string> used_;  // ids handed out
    anchors old_anchor_;                    // old paragraph id -> anchor of where it shows
    anchors new_anchor_;                    // new paragraph id -> anchor
    // Moved units' ghosts: index of the unit after which the ghost of unit m
    // stands (-1: before the first unit).
    std::multimap<long, std::size_t> ghosts_after_;

    // The script nonce: hash_hex's hex digits.
    static constexpr std::size_t nonce_digits = 16;

    // A 64-bit hash of every byte of `s`, as 16 hex digits. Eight bytes at a
    // time in four lanes that do not wait for each other (a byte at a time,
    // FNV-1a took 0.7 ms of a 660 KB report), each step multiplied and its
    // high bits folded down, the lanes mixed together at the end.
    static std::string hash_hex(std::string_view s) {
        constexpr std::uint64_t prime = 1099511628211ULL;  // FNV's
        const auto step = [](std::uint64_t h, std::uint64_t w) {
            h = (h ^ w) * prime;
            return h ^ (h >> 29);
        };
        std::array<std::uint64_t, 4> lane = {1469598103934665603ULL, 0x9E3779B97F4A7C15ULL,
                                             0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL};
        const auto word = [&](std::size_t at) {
            std::uint64_t w = 0;
            std::memcpy(&w, s.data() + at, 8);
            return w;
        };
        std::size_t i = 0;
        for (; i + 32 <= s.size(); i += 32) {
            for (std::size_t k = 0; k < 4; ++k) lane[k] = step(lane[k], word(i + 8 * k));
        }
        std::uint64_t h = lane[0];
        for (std::size_t k = 1; k < 4; ++k) h = step(h, lane[k]);
        for (; i < s.size(); ++i) h = step(h, static_cast<unsigned char>(s[i]));
        h = step(h, s.size());
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
        return buf;
    }

    // An anchor for an id: letters, digits and ()._- kept, anything else a
    // hyphen (ids come from the documents), made unique.
    std::string unique(std::string id) {
        for (auto& ch : id) {
            const unsigned char c = static_cast<unsigned char>(ch);
            const bool keep = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                              c == '(' || c == ')' || c == '.' || c == '_' || c == '-';
            if (!keep) ch = '-';
        }
        if (id.empty()) id = "unit";
        std::string candidate = id;
        for (int n = 2; used_.count(candidate) > 0; ++n) candidate = id + "-" + std::to_string(n);
        used_.insert(candidate);
        return candidate;
    }

    std::string title_text() const {
        std::string t = "resdiff: ";
        t += symbol_or_source(cmp_.old_doc);
        t += " \xE2\x86\x92 ";   // right arrow
        t += symbol_or_source(cmp_.new_doc);
        return t;
    }

    static std::string symbol_or_source(const document& d) {
        if (!d.meta.symbol.empty()) return d.meta.symbol;
        if (!d.source.empty()) {
            const auto slash = d.source.find_last_of('/');
            return slash == std::string::npos ? d.source : d.source.substr(slash + 1);
        }
        return "(untitled)";
    }

    bool hidden_by_ignore(const alignment_unit& u) const {
        if (options_.ignore.empty() || u.kind == unit_kind::unchanged || u.classes.empty()) return false;
        return std::all_of(u.classes.begin(), u.classes.end(),
                           [&](change_class c) { return options_.ignore.count(c) > 0; });
    }

    // Anchors: a unit is found under its first new id ("OP9"); a removed
    // unit under "old-" and its old id. Every old id also gets an "old-"
    // anchor: on the unit itself, or for a moved unit on the ghost row that
    // marks where it stood in the old text.
    void plan_anchors() {
        const auto& units = cmp_.result.units;
        unit_anchor_.resize(units.size());
        for (std::size_t i = 0; i < units.size(); ++i) {
            const auto& u = units[i];
            unit_anchor_[i] = unique(u.new_ids.empty() ? (u.old_ids.empty() ? "unit" : "old-" + u.old_ids.front())
                                                       : u.new_ids.front());
            for (std::size_t k = 0; k < u.new_ids.size(); ++k) {
                new_anchor_.emplace(u.new_ids[k], k == 0 ? unit_anchor_[i] : std::string());
            }
        }
        // The other new ids in the order of their names (which of two
        // clashing anchors gets the suffix does not depend on a hash table).
        std::vector<anchors::value_type*> unnamed;
        for (auto& entry : new_anchor_) {
            if (entry.second.empty()) unnamed.push_back(&entry);
        }
        std::sort(unnamed.begin(), unnamed.end(),
                  [](const auto* a, const auto* b) { return a->first < b->first; });
        for (auto* entry : unnamed) entry->second = unique(entry->first);
        // Old reading order: preamble then operative paragraphs.
        std::unordered_map<std::string_view, long> old_pos;
        long pos = 0;
        for (const auto* part : {&cmp_.old_doc.preamble, &cmp_.old_doc.operative}) {
            for (const auto& p : *part) old_pos.emplace(p.id, pos++);
        }
        // For each old position, the unit index holding it if that unit is not moved.
        std::map<long, std::size_t> settled;
        for (std::size_t i = 0; i < units.size(); ++i) {
            if (units[i].moved) continue;
            for (const auto& id : units[i].old_ids) {
                if (const auto it = old_pos.find(id); it != old_pos.end()) settled[it->second] = i;
            }
        }
        for (std::size_t i = 0; i < units.size(); ++i) {
            const auto& u = units[i];
            if (!u.moved || u.old_ids.empty()) continue;
            long after = -1;
            if (const auto it = old_pos.find(u.old_ids.front()); it != old_pos.end()) {
                auto s = settled.lower_bound(it->second);
                if (s != settled.begin()) after = static_cast<long>(std::prev(s)->second);
            }
            ghosts_after_.emplace(after, i);
        }
        for (std::size_t i = 0; i < units.size(); ++i) {
            for (const auto& id : units[i].old_ids) {
                if (old_anchor_.count(id) == 0) old_anchor_.emplace(id, unique("old-" + id));
            }
        }
        // A removed unit's own anchor is already "old-<id>": let the old-id anchor be that one.
        for (std::size_t i = 0; i < units.size(); ++i) {
            const auto& u = units[i];
            if (u.new_ids.empty() && !u.old_ids.empty() && !u.moved) {
                used_.erase(old_anchor_[u.old_ids.front()]);
                old_anchor_[u.old_ids.front()] = unit_anchor_[i];
            }
        }
    }

    void doc_card(std::string& out, const document& d, const char* which, const char* label) {
        out += "<div class=\"doc ";
        out += which;
        out += "\"><p class=\"which\">";
        out += label;
        out += "</p><p class=\"sym\">";
        append_html_escaped(out, symbol_or_source(d));
        out += "</p>";
        if (!d.meta.title.empty()) {
            out += "<p class=\"ttl\">";
            append_html_escaped(out, d.meta.title);
            out += "</p>";
        }
        std::string date;
        if (!d.meta.adoption_date.empty()) {
            date = "Adopted ";
            date += d.meta.adoption_date;
        } else if (!d.meta.distribution_date.empty()) {
            date = "Distributed ";
            date += d.meta.distribution_date;
        }
        if (!date.empty()) {
            out += "<p class=\"date\">";
            append_html_escaped(out, date);
            out += "</p>";
        }
        if (d.meta.kind != document_kind::unknown || d.meta.session > 0) {
            out += "<p class=\"kindline\">";
            if (d.meta.kind == document_kind::draft) out += "Draft resolution";
            if (d.meta.kind == document_kind::resolution) out += "Resolution";
            if (d.meta.session > 0) {
                if (d.meta.kind != document_kind::unknown) out += ", ";
                out += "session ";
                out += std::to_string(d.meta.session);
            }
            out += "</p>";
        }
        // The file it came from, by name only (a shared report should not show local folders).
        const auto slash = d.source.find_last_of('/');
        const std::string file = slash == std::string::npos ? d.source : d.source.substr(slash + 1);
        if (!file.empty() && file != symbol_or_source(d)) {
            out += "<p class=\"src\">File: ";
            append_html_escaped(out, file);
            out += "</p>";
        }
        out += "</div>";
    }

    void header(std::string& out) {
        out += "<header class=\"top\">\n<h1>";
        out += "<span class=\"h1k\">Changes from</span> ";
        append_html_escaped(out, symbol_or_source(cmp_.old_doc));
        out += " <span class=\"h1k\">to</span> ";
        append_html_escaped(out, symbol_or_source(cmp_.new_doc));
        out += "</h1>\n<div class=\"docs\">";
        doc_card(out, cmp_.old_doc, "old", "Old text");
        out += "<div class=\"arrow\" aria-hidden=\"true\">&#8594;</div>";
        doc_card(out, cmp_.new_doc, "new", "New text");
        out += "</div>\n</header>\n<main>\n";
    }

    void summary_section(std::string& out) {
        const auto& t = cmp_.totals;
        const auto count_class = [&](change_class c) {
            const auto it = t.classes.find(c);
            return it == t.classes.end() ? std::size_t{0} : it->second;
        };

        out += "<section class=\"summary\" aria-labelledby=\"h-summary\">\n<h2 id=\"h-summary\">Summary</h2>\n";
        if (cmp_.identical()) {
            out += "<p class=\"headline\"><strong>No differences.</strong> The two texts say the same, word for word.</p>\n";
        } else {
            const std::size_t subst = count_class(change_class::substantive);
            out += "<p class=\"headline\"><span class=\"big cs\"><span class=\"mk\" aria-hidden=\"true\">";
            out += class_marker(change_class::substantive);
            out += "</span> ";
            out += std::to_string(subst);
            out += "</span> ";
            out += subst == 1 ? "paragraph with a substantive change" : "paragraphs with substantive changes";
            out += " <span class=\"of\">of ";
            out += plural(t.units_changed, "changed unit", "changed units");
            out += "</span></p>\n";
        }
        // Classes, substantive first.
        out += "<ul class=\"counts classes\" aria-label=\"Changed units per class\">";
        for (const auto c : class_order) {
            out += "<li class=\"cls ";
            out += class_code(c);
            out += "\"><span class=\"mk\" aria-hidden=\"true\">";
            out += class_marker(c);
            out += "</span> ";
            out += to_string(c);
            out += " <b>";
            out += std::to_string(count_class(c));
            out += "</b></li>";
        }
        out += "</ul>\n<ul class=\"counts kinds\" aria-label=\"Units per kind of change\">";
        for (const auto k : kind_order) {
            const std::size_t n = report_count(t, k);
            out += "<li class=\"kd k-";
            out += to_string(k);
            out += n == 0 ? " zero" : "";
            out += "\">";
            out += to_string(k);
            out += " <b>";
            out += std::to_string(n);
            out += "</b></li>";
        }
        out += "<li class=\"kd k-unchanged\">unchanged <b>";
        out += std::to_string(report_count(t, unit_kind::unchanged));
        out += "</b></li></ul>\n";
        if (t.routine_only > 0) {
            out += "<p class=\"note-routine\">";
            out += plural(t.routine_only, "changed unit is", "changed units are");
            out += " routine only (session numbers, years, symbols rolled forward).</p>\n";
        }
        std::size_t ignored = 0;
        for (const auto& u : cmp_.result.units) ignored += hidden_by_ignore(u) ? 1 : 0;
        if (ignored > 0) {
            out += "<p class=\"note-routine\">";
            out += plural(ignored, "changed unit is", "changed units are");
            out += " not shown: ";
            out += ignored == 1 ? "its" : "their";
            out += " only changes are of the classes ignored (--ignore).</p>\n";
        }
        char share[32];
        std::snprintf(share, sizeof share, "%.1f%%", t.share_changed * 100.0);
        out += "<p class=\"words\"><b>";
        out += share;
        out += "</b> of the words changed: ";
        out += std::to_string(t.words_deleted);
        out += " deleted, ";
        out += std::to_string(t.words_inserted);
        out += " inserted (old text ";
        out += std::to_string(t.words_old);
        out += " words, new text ";
        out += std::to_string(t.words_new);
        out += ").</p>\n";
        citations(out);
        change_map(out);
        legend(out);
        out += "</section>\n";
    }

    // The references each version cites, where they differ: added and dropped.
    void citations(std::string& out) const {
        const auto& c = cmp_.result.citations;
        if (c.added.empty() && c.dropped.empty()) return;
        out += "<div class=\"citations\"><b>&#167; Citations</b> (old text cites ";
        out += std::to_string(c.old_cited.size());
        out += ", new text ";
        out += std::to_string(c.new_cited.size());
        out += ")";
        for (const auto* list : {&c.added, &c.dropped}) {
            if (list->empty()) continue;
            out += list == &c.added ? "<div>added: " : "<div>dropped: ";
            for (std::size_t i = 0; i < list->size(); ++i) {
                if (i > 0) out += "; ";
                // Not <ins>/<del>: those mark word edits of the text only.
                out += "<span class=\"cite\">";
                append_html_escaped(out, (*list)[i]);
                out += "</span>";
            }
            out += "</div>";
        }
        out += "</div>\n";
    }

    // A strip with one segment per unit in reading order, as wide as the unit
    // is long: where in the text the changes are.
    void change_map(std::string& out) {
        const auto& units = cmp_.result.units;
        if (units.empty()) return;
        out += "<div class=\"mapwrap\"><p class=\"maplabel\" id=\"maplabel\">Where the changes are "
               "(start of the text on the left; click to jump):</p><div class=\"map\" role=\"presentation\">";
        for (std::size_t i = 0; i < units.size(); ++i) {
            const auto& u = units[i];
            std::size_t w = 0;
            for (const auto& op : u.ops) w += detail::count_words(op.text);
            if (u.ops.empty()) w = 1;
            w = std::max<std::size_t>(1, std::min<std::size_t>(w, 400));
            out += "<a tabindex=\"-1\" aria-hidden=\"true\" href=\"#";
            append_html_escaped(out, unit_anchor_[i]);
            out += "\" class=\"seg ";
            out += u.kind == unit_kind::unchanged ? "same" : top_code(u);
            out += "\" style=\"flex-grow:";
            out += std::to_string(w);
            out += "\" title=\"";
            std::string tip = u.new_ids.empty() ? join_ids(u.old_ids) : join_ids(u.new_ids);
            tip += ": ";
            tip += to_string(u.kind);
            for (const auto c : ordered(u.classes)) {
                tip += ", ";
                tip += to_string(c);
            }
            append_html_escaped(out, tip);
            out += "\"></a>";
        }
        out += "</div></div>\n";
    }

    // A one-line key that is always visible, with the meaning of each class
    // one click away.
    void legend(std::string& out) {
        out += "<div class=\"key\"><span class=\"kl\">Key:</span> <del>deleted words</del> "
               "<ins>inserted words</ins>";
        for (const auto c : class_order) {
            out += " <span class=\"cls ";
            out += class_code(c);
            out += "\" title=\"";
            out += class_help(c);
            out += "\"><span class=\"mk\" aria-hidden=\"true\">";
            out += class_marker(c);
            out += "</span> ";
            out += to_string(c);
            out += "</span>";
        }
        out += "</div>\n<details class=\"legend\"><summary>What the marks mean</summary><ul>";
        out += "<li><del>struck through, red</del>: words deleted from the old text</li>";
        out += "<li><ins>underlined, green</ins>: words inserted in the new text</li>";
        for (const auto c : class_order) {
            out += "<li><span class=\"cls ";
            out += class_code(c);
            out += "\"><span class=\"mk\" aria-hidden=\"true\">";
            out += class_marker(c);
            out += "</span> ";
            out += to_string(c);
            out += "</span>: ";
            out += class_help(c);
            out += "</li>";
        }
        out += "<li><span class=\"kindb k-moved\">moved</span>: the paragraph changed place; "
               "a hatched row marks where it stood in the old text</li>";
        out += "<li>Small marks before words (<span class=\"om cl\">&#9650;</span> <span class=\"om cq\">&#8776;</span> "
               "<span class=\"om cc\">&#167;</span> <span class=\"om cr\">&#8635;</span>) give the class of that edit; "
               "routine edits are grey.</li>";
        out += "<li>Keys: <kbd>n</kbd> or <kbd>j</kbd> next change, <kbd>p</kbd> or <kbd>k</kbd> previous change.</li>";
        out += "</ul></details>\n";
    }

    void toolbar(std::string& out) {
        const auto& t = cmp_.totals;
        out += "<nav class=\"bar\" aria-label=\"View, filters and navigation\">\n";
        out += "<div class=\"grp\" role=\"group\" aria-label=\"View\"><span class=\"gl\">View</span>"
               "<button type=\"button\" data-view=\"side\" aria-pressed=\"true\">Side by side</button>"
               "<button type=\"button\" data-view=\"inline\" aria-pressed=\"false\">Inline redline</button></div>\n";
        out += "<div class=\"grp\"><label><input type=\"checkbox\" id=\"same\"> unchanged text</label></div>\n";
        out += "<div class=\"grp nav\" role=\"group\" aria-label=\"Go to change\">"
               "<button type=\"button\" data-go=\"-1\" title=\"Previous change (p or k)\">&#9664; previous</button>"
               "<button type=\"button\" data-go=\"1\" title=\"Next change (n or j)\">next &#9654;</button>"
               "<span id=\"status\" role=\"status\" aria-live=\"polite\"></span></div>\n";
        out += "<div class=\"grp only\" role=\"group\" aria-label=\"Show only\"><span class=\"gl\">Show only</span>";
        for (const auto c : class_order) {
            const auto it = t.classes.find(c);
            const std::size_t n = it == t.classes.end() ? 0 : it->second;
            if (n == 0) continue;
            out += "<button type=\"button\" class=\"cls ";
            out += class_code(c);
            out += "\" data-f=\"";
            out += to_string(c);
            out += "\" aria-pressed=\"false\"><span class=\"mk\" aria-hidden=\"true\">";
            out += class_marker(c);
            out += "</span> ";
            out += to_string(c);
            out += " <b>";
            out += std::to_string(n);
            out += "</b></button>";
        }
        for (const auto k : kind_order) {
            const std::size_t n = report_count(t, k);
            if (n == 0) continue;
            out += "<button type=\"button\" class=\"kindf\" data-f=\"";
            out += to_string(k);
            out += "\" aria-pressed=\"false\">";
            out += to_string(k);
            out += " <b>";
            out += std::to_string(n);
            out += "</b></button>";
        }
        const std::size_t fn_changed = t.footnotes_changed;
        if (fn_changed > 0) {
            out += "<button type=\"button\" class=\"kindf\" data-f=\"footnote\" aria-pressed=\"false\">footnotes <b>";
            out += std::to_string(fn_changed);
            out += "</b></button>";
        }
        out += "<button type=\"button\" class=\"clear\" data-f=\"\" aria-pressed=\"true\">all</button></div>\n";
        out += "</nav>\n";
    }

    // Opens a unit's <section>: anchor, filter tags, heading with the labels
    // in both versions, kind and class badges.
    void unit_open(std::string& out, const alignment_unit& u, const std::string& anchor, bool footnote,
                   const std::string& old_label, const std::string& new_label) {
        const bool changed = u.kind != unit_kind::unchanged;
        out += "<section class=\"u";
        out += changed ? " chg" : " same";
        out += " k-";
        out += to_string(u.kind);
        out += "\" id=\"";
        append_html_escaped(out, anchor);
        out += "\" tabindex=\"-1\" data-t=\"";
        // Footnotes answer to the "footnote" filter, not to the paragraph kinds.
        if (footnote) out += "footnote fn-";
        out += to_string(u.kind);
        if (u.moved && u.kind != unit_kind::moved) out += " moved";
        for (const auto c : ordered(u.classes)) {
            out += ' ';
            out += to_string(c);
        }
        out += "\"";
        if (hidden_by_ignore(u)) out += " data-ignored=\"1\"";
        out += ">\n";
        out += changed ? "<h3 class=\"uh\">" : "<div class=\"uh\">";
        out += "<span class=\"ids\">";
        if (!old_label.empty() && !new_label.empty() && old_label != new_label) {
            out += "<span class=\"oid\"><span class=\"vl\">old</span> ";
            append_html_escaped(out, old_label);
            out += "</span> <span aria-label=\"became\">&#8594;</span> <span class=\"nid\"><span class=\"vl\">new</span> ";
            append_html_escaped(out, new_label);
            out += "</span>";
        } else if (!new_label.empty()) {
            out += "<span class=\"nid\">";
            append_html_escaped(out, new_label);
            out += "</span>";
        } else {
            out += "<span class=\"oid\"><span class=\"vl\">old</span> ";
            append_html_escaped(out, old_label);
            out += "</span>";
        }
        out += "</span> ";
        append_kind_badges(out, u);
        for (const auto c : ordered(u.classes)) {
            out += " <span class=\"cls ";
            out += class_code(c);
            out += "\"><span class=\"mk\" aria-hidden=\"true\">";
            out += class_marker(c);
            out += "</span> ";
            out += to_string(c);
            out += "</span>";
        }
        out += " <a class=\"self\" href=\"#";
        append_html_escaped(out, anchor);
        out += "\" aria-label=\"Link to this paragraph\">#</a>";
        out += changed ? "</h3>\n" : "</div>\n";
    }

    static void op_open(std::string& out, const word_op& op, bool hidden_del) {
        out += op.op == op_kind::del ? "<del" : "<ins";
        const auto cs = ordered(op.classes);
        if (!cs.empty() || hidden_del) {
            out += " class=\"";
            bool first = true;
            if (hidden_del) {
                out += "x";
                first = false;
            }
            for (const auto c : cs) {
                if (!first) out += ' ';
                out += class_code(c);
                first = false;
            }
            out += "\"";
            if (!cs.empty() && !(cs.size() == 1 && cs.front() == change_class::substantive)) {
                out += " title=\"";
                for (std::size_t i = 0; i < cs.size(); ++i) {
                    if (i > 0) out += ", ";
                    out += to_string(cs[i]);
                }
                out += op.op == op_kind::del ? " deletion\"" : " insertion\"";
            }
        }
        out += ">";
        // Marker of the op's most telling class, except for plain substance.
        if (!cs.empty() && cs.front() != change_class::substantive) {
            out += "<span class=\"om ";
            out += class_code(cs.front());
            out += "\" aria-hidden=\"true\">";
            out += class_marker(cs.front());
            out += "</span>";
        }
    }

    static void part_label(std::string& out, const part_breaks& parts, std::size_t k) {
        out += "<span class=\"part\"";
        if (!parts.anchors[k].empty()) {
            out += " id=\"";
            append_html_escaped(out, parts.anchors[k]);
            out += "\"";
        }
        out += ">";
        append_html_escaped(out, parts.labels[k]);
        out += "</span>";
    }

    // Renders the ops of one column. `side` is del (old column: equal + del)
    // or ins (new column: equal + ins, and the deletions hidden until the
    // inline view shows them). Part labels of a split or merged unit go
    // where the side's parts begin.
    // One side's column; a change of spelling alone is not marked there.
    static void render_ops(std::string& out, const std::vector<word_op>& all_ops, op_kind side,
                           const part_breaks* parts) {
        std::vector<word_op> storage;
        const auto& ops = spelling_as_equal(all_ops, side, storage);
        std::size_t pos = 0, next = 0;
        const std::size_t nparts = parts ? parts->starts.size() : 0;
        for (const auto& op : ops) {
            if (op.text.empty()) continue;
            const bool mine = op.op == op_kind::equal || op.op == side;
            if (!mine && side == op_kind::del) continue;   // old column: no insertions
            if (op.op != op_kind::equal) op_open(out, op, !mine);
            if (!mine) {
                append_html_escaped(out, op.text);
            } else {
                std::string_view text = op.text;
                std::size_t at = 0;
                while (next < nparts && parts->starts[next] >= pos && parts->starts[next] < pos + text.size()) {
                    const std::size_t cut = parts->starts[next] - pos;
                    append_html_escaped(out, text.substr(at, cut - at));
                    part_label(out, *parts, next);
                    at = cut;
                    ++next;
                }
                append_html_escaped(out, text.substr(at));
                pos += text.size();
            }
            if (op.op != op_kind::equal) out += op.op == op_kind::del ? "</del>" : "</ins>";
        }
        while (next < nparts) part_label(out, *parts, next++);
    }

    part_breaks breaks_for(const alignment_unit& u, op_kind side) {
        part_breaks b;
        const auto& ids = side == op_kind::del ? u.old_ids : u.new_ids;
        const auto& doc = side == op_kind::del ? cmp_.old_doc : cmp_.new_doc;
        if (ids.size() < 2) return b;
        std::size_t pos = 0;
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const std::size_t len = unit_text(doc, {ids[k]}).size();
            if (k > 0) {
                b.starts.push_back(pos);
                b.labels.push_back(ids[k]);
                std::string anchor;
                if (side == op_kind::ins) {
                    if (const auto it = new_anchor_.find(ids[k]); it != new_anchor_.end()) anchor = it->second;
                } else if (const auto it = old_anchor_.find(ids[k]); it != old_anchor_.end()) {
                    anchor = it->second;
                }
                b.anchors.push_back(anchor);
            }
            pos += len + 1;
        }
        // The concatenation must match what the diff compared; otherwise no breaks.
        std::size_t total = 0;
        for (const auto& op : u.ops) {
            if (op.op == op_kind::equal || op.op == side) total += op.text.size();
        }
        if (pos == 0 || pos - 1 != total) return {};
        // A break falls on the joining space; the label goes after it.
        return b;
    }

    std::string unit_label(const std::vector<std::string>& ids) const { return join_ids(ids); }

    void meta_line(std::string& out, const alignment_unit& u, std::size_t index) {
        std::vector<std::string> notes;
        if (u.kind == unit_kind::split) {
            std::string s = "Split: old ";
            s += html_escape(join_ids(u.old_ids));
            s += " became ";
            s += links_to(u.new_ids, new_anchor_);
            notes.push_back(s);
        }
        if (u.kind == unit_kind::merged) {
            std::string s = "Merged: old ";
            s += links_to(u.old_ids, old_anchor_);
            s += " became ";
            s += html_escape(join_ids(u.new_ids));
            notes.push_back(s);
        }
        if (u.moved && !u.old_ids.empty()) {
            std::string s = "Moved: it stood at old ";
            s += links_to(u.old_ids, old_anchor_);
            s += " (a hatched row marks the place)";
            notes.push_back(s);
        }
        if (u.crossed_part) notes.push_back("Changed part: moved between the preamble and the operative part");
        if (u.lead.dir != direction::none) {
            std::string s = "Lead: &#8220;";
            s += html_escape(u.lead.old_lead);
            s += "&#8221; &#8594; &#8220;";
            s += html_escape(u.lead.new_lead);
            s += "&#8221; <strong class=\"dir\">";
            s += to_string(u.lead.dir);
            s += "</strong>";
            notes.push_back(s);
        }
        if (u.qualifier_dir != direction::none) {
            std::string s = "Qualifiers: <strong class=\"dir\">";
            s += to_string(u.qualifier_dir);
            s += "</strong>";
            notes.push_back(s);
        }
        if (!u.children.empty()) {
            std::string s = "Sub-paragraphs:";
            bool any = false;
            for (const auto& c : u.children) {
                if (c.kind == unit_kind::unchanged) continue;
                any = true;
                s += " <span class=\"child\">";
                const std::string ol = join_ids(c.old_ids), nl = join_ids(c.new_ids);
                if (!ol.empty() && !nl.empty() && ol != nl) {
                    s += html_escape(ol) + " &#8594; " + html_escape(nl);
                } else {
                    s += html_escape(nl.empty() ? ol : nl);
                }
                s += ' ';
                append_kind_badges(s, c);
                for (const auto cl : ordered(c.classes)) {
                    s += " <span class=\"mk ";
                    s += class_code(cl);
                    s += "\" title=\"";
                    s += to_string(cl);
                    s += "\">";
                    s += class_marker(cl);
                    s += "</span>";
                }
                s += "</span>";
            }
            if (any) notes.push_back(s);
        }
        (void)index;
        if (notes.empty()) return;
        out += "<ul class=\"meta\">";
        for (const auto& n : notes) {
            out += "<li>";
            out += n;
            out += "</li>";
        }
        out += "</ul>\n";
    }

    // Paragraph ids joined by " + ", each a link to where it shows (anchors: old_anchor_ or new_anchor_).
    static std::string links_to(const std::vector<std::string>& ids, const anchors& where) {
        std::string s;
        for (const auto& id : ids) {
            if (!s.empty()) s += " + ";
            const auto it = where.find(id);
            if (it == where.end()) {
                s += html_escape(id);
                continue;
            }
            s += "<a href=\"#";
            s += html_escape(it->second);
            s += "\">";
            s += html_escape(id);
            s += "</a>";
        }
        return s;
    }

    // Same text on both sides: shown once, across both columns.
    static bool is_plain(const alignment_unit& u) {
        return !changes_text(u.ops) && (u.kind == unit_kind::unchanged || u.kind == unit_kind::renumbered ||
                                        u.kind == unit_kind::moved || !u.text_changed);
    }

    void columns(std::string& out, const alignment_unit& u, const std::string& old_label, const std::string& new_label,
                 const document& old_doc_for_text, const document& new_doc_for_text, const part_breaks* old_parts,
                 const part_breaks* new_parts, const std::string* old_plain = nullptr,
                 const std::string* new_plain = nullptr) {
        // Without word ops (no diff to show) the texts are shown as they are, unmarked.
        const auto old_text = [&] { return old_plain ? *old_plain : side_text(u, op_kind::del, old_doc_for_text); };
        const auto new_text = [&] { return new_plain ? *new_plain : side_text(u, op_kind::ins, new_doc_for_text); };
        if (is_plain(u) && !old_label.empty() && !new_label.empty()) {
            out += "<div class=\"cols one\"><div class=\"sc\">";
            append_html_escaped(out, new_text());
            out += "</div></div>\n";
            return;
        }
        out += "<div class=\"cols\"><div class=\"oc\">";
        out += "<p class=\"lab\">";
        if (old_label.empty()) {
            out += "Old text</p><p class=\"none\">Not in the old text.</p>";
        } else {
            out += "Old ";
            append_html_escaped(out, old_label);
            out += "</p><p class=\"tx\">";
            if (u.ops.empty()) {
                append_html_escaped(out, old_text());
            } else {
                render_ops(out, u.ops, op_kind::del, old_parts && !old_parts->starts.empty() ? old_parts : nullptr);
            }
            out += "</p>";
        }
        out += "</div><div class=\"nc\"><p class=\"lab\">";
        if (new_label.empty()) {
            out += "New text</p><p class=\"none\">Not in the new text.</p>";
            // The inline view shows the deletions here.
            out += "<p class=\"tx ix\">";
            if (!u.ops.empty()) {
                render_ops(out, u.ops, op_kind::ins, nullptr);
            } else {
                out += "<span class=\"gone\">";
                append_html_escaped(out, old_text());
                out += "</span>";
            }
            out += "</p>";
        } else {
            out += "New ";
            append_html_escaped(out, new_label);
            out += "</p><p class=\"tx\">";
            if (u.ops.empty()) {
                append_html_escaped(out, new_text());
            } else {
                render_ops(out, u.ops, op_kind::ins, new_parts && !new_parts->starts.empty() ? new_parts : nullptr);
            }
            out += "</p>";
        }
        out += "</div></div>\n";
    }

    void ghost(std::string& out, std::size_t moved_index) {
        const auto& u = cmp_.result.units[moved_index];
        out += "<div class=\"ghost\"";
        if (const auto it = old_anchor_.find(u.old_ids.front()); it != old_anchor_.end()) {
            out += " id=\"";
            append_html_escaped(out, it->second);
            out += "\"";
        }
        out += " data-t=\"moved\"><span class=\"vl\">old</span> ";
        append_html_escaped(out, join_ids(u.old_ids));
        out += " stood here; it moved to ";
        if (u.new_ids.empty()) {
            out += "another place";
        } else {
            out += "<a href=\"#";
            append_html_escaped(out, unit_anchor_[moved_index]);
            out += "\">new ";
            append_html_escaped(out, join_ids(u.new_ids));
            out += "</a>";
        }
        out += "</div>\n";
    }

    void units_section(std::string& out) {
        const auto& units = cmp_.result.units;
        out += "<section class=\"units\" aria-labelledby=\"h-units\">\n<h2 id=\"h-units\">Paragraphs</h2>\n";
        out += "<div class=\"colhead\" aria-hidden=\"true\"><div>Old text: ";
        append_html_escaped(out, symbol_or_source(cmp_.old_doc));
        out += "</div><div>New text: ";
        append_html_escaped(out, symbol_or_source(cmp_.new_doc));
        out += "</div></div>\n";
        std::size_t i = 0;
        const auto emit_ghosts = [&](long after) {
            const auto range = ghosts_after_.equal_range(after);
            for (auto it = range.first; it != range.second; ++it) ghost(out, it->second);
        };
        emit_ghosts(-1);
        std::string current_part;
        while (i < units.size()) {
            part_heading(out, units[i], current_part);
            if (units[i].kind == unit_kind::unchanged) {
                // A run of unchanged units collapses into one <details>.
                std::size_t j = i;
                while (j < units.size() && units[j].kind == unit_kind::unchanged &&
                       (j == i || part_of(units[j]) == part_of(units[i])) &&
                       (j == i || ghosts_after_.count(static_cast<long>(j - 1)) == 0)) {
                    ++j;
                }
                out += options_.context ? "<details class=\"samegrp\" open><summary>" : "<details class=\"samegrp\"><summary>";
                out += plural(j - i, "unchanged paragraph", "unchanged paragraphs");
                out += ": ";
                std::string range = units[i].new_ids.empty() ? "" : units[i].new_ids.front();
                if (j - i > 1 && !units[j - 1].new_ids.empty()) {
                    range += " to ";
                    range += units[j - 1].new_ids.back();
                }
                append_html_escaped(out, range);
                out += "</summary>\n";
                for (std::size_t k = i; k < j; ++k) unit(out, k);
                out += "</details>\n";
                for (std::size_t k = i; k < j; ++k) emit_ghosts(static_cast<long>(k));
                i = j;
            } else {
                unit(out, i);
                emit_ghosts(static_cast<long>(i));
                ++i;
            }
        }
        if (!current_part.empty()) out += "</div>\n";
        out += "</section>\n";
    }

    std::string part_of(const alignment_unit& u) const {
        const std::string& id = u.new_ids.empty() ? (u.old_ids.empty() ? std::string() : u.old_ids.front())
                                                  : u.new_ids.front();
        if (id.rfind("PP", 0) == 0) return "preamble";
        if (id.rfind("OP", 0) == 0) return "operative";
        return "text";
    }

    void part_heading(std::string& out, const alignment_unit& u, std::string& current) {
        const std::string p = part_of(u);
        if (p == current) return;
        // Each part in its own group, so a filter can hide a part with nothing to show.
        if (!current.empty()) out += "</div>\n";
        out += "<div class=\"pgrp\">\n";
        current = p;
        if (p == "preamble") out += "<h2 class=\"parth\" id=\"preamble\">Preamble</h2>\n";
        if (p == "operative") out += "<h2 class=\"parth\" id=\"operative\">Operative part</h2>\n";
    }

    void unit(std::string& out, std::size_t i) {
        const auto& u = cmp_.result.units[i];
        const std::string old_label = unit_label(u.old_ids), new_label = unit_label(u.new_ids);
        unit_open(out, u, unit_anchor_[i], false, old_label, new_label);
        const bool plain = is_plain(u);
        const part_breaks old_parts = plain ? part_breaks{} : breaks_for(u, op_kind::del);
        const part_breaks new_parts = plain ? part_breaks{} : breaks_for(u, op_kind::ins);
        // Anchors of the unit's other ids, unless a part label carries them.
        const auto carried = [](const part_breaks& b, const std::string& a) {
            return std::find(b.anchors.begin(), b.anchors.end(), a) != b.anchors.end();
        };
        const auto extra_anchor = [&](const std::string& a) {
            out += "<span class=\"oa\" id=\"";
            append_html_escaped(out, a);
            out += "\"></span>";
        };
        for (std::size_t k = 1; k < u.new_ids.size(); ++k) {
            const auto it = new_anchor_.find(u.new_ids[k]);
            if (it != new_anchor_.end() && it->second != unit_anchor_[i] && !carried(new_parts, it->second)) {
                extra_anchor(it->second);
            }
        }
        // Old ids of settled units answer to "#old-<id>" here (a moved unit's on its ghost row).
        if (!u.moved) {
            for (const auto& id : u.old_ids) {
                const auto it = old_anchor_.find(id);
                if (it != old_anchor_.end() && it->second != unit_anchor_[i] && !carried(old_parts, it->second)) {
                    extra_anchor(it->second);
                }
            }
        }
        meta_line(out, u, i);
        columns(out, u, old_label, new_label, cmp_.old_doc, cmp_.new_doc, &old_parts, &new_parts);
        out += "</section>\n";
    }

    void footnotes_section(std::string& out) {
        const auto& fns = cmp_.result.footnotes;
        if (fns.empty()) return;
        out += "<section class=\"units fns\" aria-labelledby=\"h-fns\">\n<h2 id=\"h-fns\">Footnotes</h2>\n";
        for (const auto& f : fns) {
            alignment_unit u;
            u.kind = f.kind;
            u.ops = f.ops;
            u.text_changed = f.kind != unit_kind::unchanged && f.kind != unit_kind::renumbered;
            u.classes = f.classes;
            const std::string old_label = f.old_number > 0 ? "footnote " + std::to_string(f.old_number) : "";
            const std::string new_label = f.new_number > 0 ? "footnote " + std::to_string(f.new_number) : "";
            const std::string anchor =
                unique(f.new_number > 0 ? "fn-" + std::to_string(f.new_number) : "old-fn-" + std::to_string(f.old_number));
            if (f.kind == unit_kind::unchanged) {
                out += options_.context ? "<details class=\"samegrp\" open><summary>Unchanged "
                                        : "<details class=\"samegrp\"><summary>Unchanged ";
                out += html_escape(new_label);
                out += "</summary>\n";
            }
            unit_open(out, u, anchor, true, old_label, new_label);
            const auto text_of = [](const document& d, int n) {
                for (const auto& fn : d.footnotes) {
                    if (fn.number == n) return fn.text;
                }
                return std::string();
            };
            const std::string old_plain = f.old_number > 0 ? text_of(cmp_.old_doc, f.old_number) : std::string();
            const std::string new_plain = f.new_number > 0 ? text_of(cmp_.new_doc, f.new_number) : std::string();
            columns(out, u, old_label, new_label, cmp_.old_doc, cmp_.new_doc, nullptr, nullptr, &old_plain,
                    f.new_number > 0 ? &new_plain : &old_plain);
            out += "</section>\n";
            if (f.kind == unit_kind::unchanged) out += "</details>\n";
        }
        out += "</section>\n";
    }

    void notes_section(std::string& out) {
        std::vector<std::string> notes = cmp_.result.notes;
        for (const auto* d : {&cmp_.old_doc, &cmp_.new_doc}) {
            for (const auto& w : d->warnings) {
                std::string s = symbol_or_source(*d);
                s += ": ";
                s += w;
                notes.push_back(s);
            }
        }
        if (notes.empty()) return;
        out += "<section class=\"notes\" aria-labelledby=\"h-notes\"><h2 id=\"h-notes\">Notes on this comparison</h2><ul>";
        for (const auto& n : notes) {
            out += "<li>";
            append_html_escaped(out, n);
            out += "</li>";
        }
        out += "</ul></section>\n";
    }
};

}  // namespace

std::string render_html(const comparison& cmp, const render_options& options) {
    return html_report(cmp, options).render();
}

}  // namespace resdiff
