// History for the terminal: a table of versions, then the newest text with the
// age of each paragraph (and, with --blame, of each word).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "resdiff/history.hpp"
#include "word_count.hpp"

namespace resdiff {

namespace {

std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (const unsigned char c : s) {
        if ((c & 0xC0) != 0x80) ++n;
    }
    return n;
}

std::string pad_right(std::string s, std::size_t w) {
    const std::size_t d = display_width(s);
    if (d < w) s.append(w - d, ' ');
    return s;
}

std::string pad_left(const std::string& s, std::size_t w) {
    const std::size_t d = display_width(s);
    return d < w ? std::string(w - d, ' ') + s : s;
}

std::string iso_date(int date) {
    if (date == 0) return "-";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
    return buf;
}

std::string count(std::size_t n, bool first) { return first ? "-" : std::to_string(n); }

// Colours from old (cool) to new (hot), 256-colour palette.
constexpr std::array<int, 10> palette = {33, 38, 43, 35, 71, 106, 142, 178, 208, 196};

int colour_of(std::size_t version, std::size_t versions) {
    if (versions <= 1) return palette.front();
    const double t = static_cast<double>(version) / static_cast<double>(versions - 1);
    return palette[static_cast<std::size_t>(std::lround(t * (palette.size() - 1)))];
}

std::string sgr(int colour) { return "\x1b[38;5;" + std::to_string(colour) + "m"; }
constexpr const char* reset = "\x1b[0m";

// A piece of text with an optional escape prefix, for wrapping.
struct piece {
    std::string text;
    std::string style;   // escape sequence; empty: plain
};

// Word-wraps pieces at `width` (0: no wrap), every line indented by `indent`.
std::string wrap(const std::vector<piece>& pieces, int width, std::size_t indent) {
    std::string out(indent, ' ');
    std::size_t col = indent;
    const std::size_t limit = width <= 0 ? 0 : static_cast<std::size_t>(width);
    bool line_has_word = false;
    for (const auto& p : pieces) {
        std::size_t i = 0;
        while (i < p.text.size()) {
            if (p.text[i] == ' ') {
                // A space: emit lazily so lines never end in one.
                std::size_t j = i;
                while (j < p.text.size() && p.text[j] == ' ') ++j;
                std::size_t k = j;
                while (k < p.text.size() && p.text[k] != ' ') ++k;
                const std::size_t next = display_width(std::string_view(p.text).substr(j, k - j));
                if (limit > 0 && line_has_word && col + 1 + next > limit) {
                    out += '\n';
                    out.append(indent, ' ');
                    col = indent;
                    line_has_word = false;
                } else if (line_has_word) {
                    out += ' ';
                    ++col;
                }
                i = j;
                continue;
            }
            std::size_t j = i;
            while (j < p.text.size() && p.text[j] != ' ') ++j;
            const std::string_view word = std::string_view(p.text).substr(i, j - i);
            if (!p.style.empty()) out += p.style;
            out += word;
            if (!p.style.empty()) out += reset;
            col += display_width(word);
            line_has_word = true;
            i = j;
        }
    }
    return out + '\n';
}

// "2, 3, 7": the numbers of the table above.
std::string version_list(const std::vector<std::size_t>& versions) {
    std::string out;
    for (const auto v : versions) {
        if (!out.empty()) out += ", ";
        out += std::to_string(v + 1);
    }
    return out;
}

}  // namespace

std::string render_history_terminal(const history& h, const history_render_options& options) {
    std::string out;
    if (h.versions.empty()) return out;
    const std::size_t n = h.versions.size();
    const document& newest = h.versions.back();
    out += "History of " + version_label(h, n - 1);
    if (!newest.meta.title.empty()) out += " \"" + newest.meta.title + "\"";
    out += "\n" + std::to_string(n) + (n == 1 ? " version, " : " versions, ");
    out += h.order == order_used::chronological ? "ordered by session and date" : "in the order given (" + h.order_note + ")";
    out += "\n";
    for (const auto& e : h.excluded) out += "Left out: " + (e.source.empty() ? e.symbol : e.source) + ": " + e.reason + "\n";
    for (const auto& note : h.notes) out += "Note: " + note + "\n";
    out += "\n";

    // The table of versions.
    std::size_t label_w = 7;
    for (std::size_t k = 0; k < n; ++k) label_w = std::max(label_w, display_width(version_label(h, k)));
    const std::vector<std::pair<const char*, std::size_t>> cols = {{"Paras", 5}, {"Added", 5},  {"Removed", 7}, {"Modified", 8},
                                                                   {"Moved", 5}, {"Same", 5},   {"+Words", 6},  {"-Words", 6},
                                                                   {"Since v1", 8}};
    std::string header = " #  " + pad_right("Version", label_w) + "  " + pad_right("Date", 10);
    for (const auto& [name, w] : cols) header += "  " + pad_left(name, w);
    out += (options.color ? std::string("\x1b[1m") + header + reset : header) + "\n";
    for (std::size_t k = 0; k < n; ++k) {
        const auto& s = h.stats[k];
        const bool first = k == 0;
        std::string row = pad_left(std::to_string(k + 1), 2) + "  " + pad_right(version_label(h, k), label_w) + "  " +
                          pad_right(iso_date(key_of(h.versions[k]).date), 10);
        const std::array<std::string, 9> cells = {std::to_string(s.paragraphs),
                                                  count(s.added, first),
                                                  count(s.removed, first),
                                                  count(s.modified, first),
                                                  count(s.moved, first),
                                                  count(s.unchanged, first),
                                                  count(s.words_added, first),
                                                  count(s.words_removed, first),
                                                  std::to_string(static_cast<int>(std::lround(s.unchanged_since_first * 100))) + "%"};
        for (std::size_t c = 0; c < cells.size(); ++c) row += "  " + pad_left(cells[c], cols[c].second);
        if (options.color && options.blame) row = sgr(colour_of(k, n)) + row + reset;
        out += row + "\n";
    }

    // The newest text.
    out += "\nNewest text (" + version_label(h, n - 1) + "): per paragraph, the version it first appeared in";
    out += " and the versions (numbers of the table) that changed it\n";
    if (options.blame) {
        out += "Words by the version that introduced them";
        out += options.color ? " (colour key in the table above)\n" : " ([N] marks where text from version N begins)\n";
    }
    const auto& entries = h.lineage.back().paragraphs;
    const auto& blame = h.blame.back();
    std::unordered_map<std::string, const paragraph*> newest_para;
    for (const auto* list : {&newest.preamble, &newest.operative}) {
        for (const auto& p : *list) newest_para.emplace(p.id, &p);
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        std::string head = e.id;
        head.append("  since ").append(std::to_string(e.origin + 1)).append(" ").append(version_label(h, e.origin));
        if (e.changed_in.empty()) {
            head += "; never changed";
        } else {
            head += e.changed_in.size() == 1 ? "; changed in " : "; changed in versions ";
            head += version_list(e.changed_in);
        }
        out += '\n';
        if (options.color) out.append("\x1b[1m").append(head).append(reset);
        else out += head;
        out += '\n';
        std::vector<piece> pieces;
        const auto found = newest_para.find(e.id);
        if (found == newest_para.end()) continue;
        const paragraph* p = found->second;
        if (options.blame && i < blame.size()) {
            for (const auto& r : blame[i].runs) {
                if (options.color) {
                    pieces.push_back({r.text, sgr(colour_of(r.version, n))});
                } else {
                    // No colour: mark where each run (a change of age) begins.
                    std::string t = r.text;
                    std::size_t lead = 0;
                    while (lead < t.size() && t[lead] == ' ') ++lead;
                    std::string mark = "[";
                    mark.append(std::to_string(r.version + 1)).append("]");
                    t.insert(lead, mark);
                    pieces.push_back({t, {}});
                }
            }
        } else {
            pieces.push_back({p->text, {}});
        }
        out += wrap(pieces, options.width, 4);
    }

    // Paragraphs that were dropped along the way.
    std::string dropped;
    for (std::size_t k = 1; k < n; ++k) {
        for (const auto& d : h.lineage[k].dropped) {
            dropped += "  " + d.id + " of " + version_label(h, k - 1) + " (there since " + std::to_string(d.origin + 1) + " " +
                       version_label(h, d.origin) + "), dropped in " + std::to_string(k + 1) + " " + version_label(h, k);
            // The opening words, so a reader knows which paragraph it was.
            if (const paragraph* p = find_paragraph(h.versions[k - 1], d.id)) {
                const auto opening = detail::utf8_prefix(p->text, 60);
                dropped.append(": \"").append(opening).append(opening.size() < p->text.size() ? "...\""
                                                                                              : "\"");
            }
            dropped += '\n';
        }
    }
    if (!dropped.empty()) out += "\nDropped paragraphs:\n" + dropped;
    return out;
}

}  // namespace resdiff
