// The Markdown report, for a pull-request comment or a newsroom note: a
// summary table, then each changed unit with its labels and its word changes
// as <del>/<ins> (as GitHub renders them). Document text never reaches the
// output unescaped: in headings and table cells every character Markdown
// gives a meaning is backslash-escaped; the unit texts go in one-line HTML
// blocks (<p>...</p>) where only HTML escaping applies, since Markdown is not
// parsed inside an HTML block. Long runs of unchanged words between changes
// are shortened to the words around the changes (all kept with --context).
// Long reports fold each part in <details>.
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "render_html_assets.hpp"
#include "resdiff/render.hpp"
#include "word_count.hpp"

namespace resdiff {

namespace {

using detail::append_html_escaped;

constexpr std::array<change_class, 5> class_order = {change_class::substantive, change_class::lead,
                                                     change_class::qualifier, change_class::citation,
                                                     change_class::routine};
constexpr std::array<unit_kind, 7> kind_order = {unit_kind::modified, unit_kind::moved,   unit_kind::added,
                                                 unit_kind::removed,  unit_kind::split,   unit_kind::merged,
                                                 unit_kind::renumbered};

// Above this many changed units the parts are folded in <details> blocks.
constexpr std::size_t fold_above = 12;

const char* marker(change_class c) {
    switch (c) {
        case change_class::routine: return "&#8635;";
        case change_class::lead: return "&#9650;";
        case change_class::qualifier: return "&#8776;";
        case change_class::citation: return "&#167;";
        case change_class::substantive: return "&#9670;";
    }
    return "&#9670;";
}

// Inline Markdown text: characters with a Markdown or HTML meaning escaped,
// line breaks folded, so the text can stand in a heading or a table cell.
std::string md(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|':
            case '~': case '#': case '(': case ')': case ':':   // ':' breaks autolinks
                out += '\\';
                out += c;
                break;
            case '&': out += "&amp;"; break;
            case '\n': case '\r': case '\t': out += ' '; break;
            case '\0': break;
            default: out += c;
        }
    }
    return out;
}

// Text inside a one-line HTML block: escaped, no line break (a blank line
// would end the block and let Markdown parse what follows).
void html_text(std::string& out, std::string_view text) {
    const std::size_t from = out.size();
    append_html_escaped(out, text);  // (which never writes a line break)
    std::replace_if(
        out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
        [](char c) { return c == '\n' || c == '\r'; }, ' ');
}

std::string join(const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) {
        if (!s.empty()) s += " + ";
        s += id;
    }
    return s;
}

std::string name_of(const document& d) {
    if (!d.meta.symbol.empty()) return d.meta.symbol;
    if (!d.source.empty()) {
        const auto slash = d.source.find_last_of('/');
        return slash == std::string::npos ? d.source : d.source.substr(slash + 1);
    }
    return "(untitled)";
}

std::string date_of(const document& d) {
    if (!d.meta.adoption_date.empty()) return "adopted " + d.meta.adoption_date;
    if (!d.meta.distribution_date.empty()) return "distributed " + d.meta.distribution_date;
    return "";
}

std::vector<change_class> ordered(const std::vector<change_class>& cs) {
    std::vector<change_class> out;
    for (const auto c : class_order) {
        if (std::find(cs.begin(), cs.end(), c) != cs.end()) out.push_back(c);
    }
    return out;
}

bool routine_only(const alignment_unit& u) {
    return !u.classes.empty() &&
           std::all_of(u.classes.begin(), u.classes.end(), [](change_class c) { return c == change_class::routine; });
}

bool ignored(const alignment_unit& u, const render_options& o) {
    if (o.ignore.empty() || u.classes.empty()) return false;
    return std::all_of(u.classes.begin(), u.classes.end(), [&](change_class c) { return o.ignore.count(c) > 0; });
}

// Unchanged text between changes, as html_text, shortened to the words
// around them when long: the first `keep` words after a change (head) and
// the last `keep` before the next (tail), the rest an ellipsis; a stretch
// with fewer than eight words to leave out stays whole. (Words here are runs
// of bytes other than a space.)
void elided_text(std::string& out, std::string_view text, bool head, bool tail) {
    constexpr std::size_t keep = 12;
    const auto space = [](char c) { return c == ' '; };
    // Shorter than the words kept and eight more: whole.
    const std::size_t needed = (head ? keep : 0) + (tail ? keep : 0) + 8;
    if (detail::start_after_words(text, needed - 1, space) == text.size()) return html_text(out, text);
    if (head) {
        std::size_t end = detail::start_after_words(text, keep, space);
        while (end > 0 && text[end - 1] == ' ') --end;  // the end of the keep-th word
        html_text(out, text.substr(0, end));
        out += ' ';
    }
    out += "\xE2\x80\xA6";   // ellipsis
    if (tail) {
        out += ' ';
        html_text(out, text.substr(detail::start_of_last_words(text, keep, space)));
    }
}

// The ops as the new text reads: a change of spelling alone is not marked.
void ops_html(std::string& out, const std::vector<word_op>& all_ops, bool shorten) {
    std::vector<word_op> storage;
    const auto& ops = spelling_as_equal(all_ops, op_kind::ins, storage);
    std::size_t first = ops.size(), last = 0;
    bool changes = false;  // every change left changes the text
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].text.empty()) continue;
        first = std::min(first, i);
        last = i;
        changes = changes || ops[i].op != op_kind::equal;
    }
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const auto& op = ops[i];
        if (op.text.empty()) continue;
        if (op.op == op_kind::equal) {
            if (shorten && changes) {
                elided_text(out, op.text, i != first, i != last);
            } else {
                html_text(out, op.text);
            }
            continue;
        }
        const char* tag = op.op == op_kind::del ? "del" : "ins";
        out += '<';
        out += tag;
        const auto cs = ordered(op.classes);
        if (!cs.empty() && cs.front() != change_class::substantive) {
            out += " title=\"";
            out += to_string(cs.front());
            out += "\">";
            out += marker(cs.front());
        } else {
            out += '>';
        }
        html_text(out, op.text);
        out += "</";
        out += tag;
        out += '>';
    }
}

void unit_block(std::string& out, const alignment_unit& u, const std::string& old_label, const std::string& new_label,
                const char* part_word, bool shorten) {
    out += "#### ";
    if (!new_label.empty() && !old_label.empty() && new_label != old_label) {
        out += md(new_label);
        out += " (old ";
        out += md(old_label);
        out += ")";
    } else if (!new_label.empty()) {
        out += md(new_label);
    } else {
        out += "old ";
        out += md(old_label);
    }
    out += " \xE2\x80\x94 ";   // em dash
    out += to_string(u.kind);
    if (u.moved && u.kind != unit_kind::moved) out += ", moved";
    const auto cs = ordered(u.classes);
    if (!cs.empty()) {
        out += " \xC2\xB7 ";   // middle dot
        for (std::size_t i = 0; i < cs.size(); ++i) {
            if (i > 0) out += ", ";
            out += marker(cs[i]);
            out += ' ';
            out += to_string(cs[i]);
        }
    }
    out += "\n\n";
    std::vector<std::string> notes;
    if (u.kind == unit_kind::split) notes.push_back("Split: old " + md(old_label) + " became " + md(new_label) + ".");
    if (u.kind == unit_kind::merged) notes.push_back("Merged: old " + md(old_label) + " became " + md(new_label) + ".");
    if (u.moved && !old_label.empty()) notes.push_back("Moved: it stood at old " + md(old_label) + ".");
    if (u.crossed_part) notes.push_back("Moved between the preamble and the operative part.");
    if (u.lead.dir != direction::none) {
        notes.push_back("Lead: \xE2\x80\x9C" + md(u.lead.old_lead) + "\xE2\x80\x9D \xE2\x86\x92 \xE2\x80\x9C" +
                        md(u.lead.new_lead) + "\xE2\x80\x9D, **" + to_string(u.lead.dir) + "**.");
    }
    if (u.qualifier_dir != direction::none) notes.push_back(std::string("Qualifiers: **") + to_string(u.qualifier_dir) + "**.");
    std::string kids;
    for (const auto& c : u.children) {
        if (c.kind == unit_kind::unchanged) continue;
        if (!kids.empty()) kids += ", ";
        const std::string ol = join(c.old_ids), nl = join(c.new_ids);
        kids += md(nl.empty() ? ol : nl);
        if (!ol.empty() && !nl.empty() && ol != nl) kids += " (old " + md(ol) + ")";
        kids += ' ';
        kids += to_string(c.kind);
    }
    if (!kids.empty()) notes.push_back("Sub-paragraphs: " + kids + ".");
    for (const auto& n : notes) {
        out += n;
        out += "  \n";
    }
    if (!notes.empty()) out += '\n';
    out += "<p>";
    bool any = false;
    for (const auto& op : u.ops) any = any || !op.text.empty();
    if (!any) {
        out += "<em>(";
        out += part_word;
        out += " text not available)</em>";
    } else {
        ops_html(out, u.ops, shorten);
    }
    out += "</p>\n\n";
}

struct part_group {
    std::string title;
    std::vector<std::string> blocks;           // rendered changed units
    std::vector<std::string> routine_blocks;   // routine-only ones, folded
    std::vector<std::string> same_blocks;      // unchanged ones (--context), folded
    std::size_t substantive = 0;
};

}  // namespace

std::string render_markdown(const comparison& cmp, const render_options& options) {
    const auto& t = cmp.totals;
    std::string out;
    out.reserve(16 * 1024);
    out += "## resdiff: ";
    out += md(name_of(cmp.old_doc));
    out += " \xE2\x86\x92 ";
    out += md(name_of(cmp.new_doc));
    out += "\n\n| | Old | New |\n|---|---|---|\n| Symbol | ";
    out += md(name_of(cmp.old_doc));
    out += " | ";
    out += md(name_of(cmp.new_doc));
    out += " |\n";
    if (!cmp.old_doc.meta.title.empty() || !cmp.new_doc.meta.title.empty()) {
        out += "| Title | " + md(cmp.old_doc.meta.title) + " | " + md(cmp.new_doc.meta.title) + " |\n";
    }
    if (!date_of(cmp.old_doc).empty() || !date_of(cmp.new_doc).empty()) {
        out += "| Date | " + md(date_of(cmp.old_doc)) + " | " + md(date_of(cmp.new_doc)) + " |\n";
    }
    out += '\n';

    if (cmp.identical()) {
        out += "**No differences.** The two texts say the same, word for word.\n";
        return out;
    }
    const auto class_count = [&](change_class c) {
        const auto it = t.classes.find(c);
        return it == t.classes.end() ? std::size_t{0} : it->second;
    };
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", t.share_changed * 100.0);
    out += "**";
    out += marker(change_class::substantive);
    out += ' ';
    out += std::to_string(class_count(change_class::substantive));
    out += " with substantive changes** of ";
    out += std::to_string(t.units_changed);
    out += " changed units; ";
    out += share;
    out += " of the words changed (";
    out += std::to_string(t.words_deleted);
    out += " deleted, ";
    out += std::to_string(t.words_inserted);
    out += " inserted).\n\n| Change | Units |\n|---|---:|\n";
    for (const auto c : class_order) {
        out += "| ";
        out += marker(c);
        out += ' ';
        out += to_string(c);
        out += " | ";
        out += std::to_string(class_count(c));
        if (c == change_class::routine && t.routine_only > 0) {
            out += " (";
            out += std::to_string(t.routine_only);
            out += " routine only)";
        }
        out += " |\n";
    }
    for (const auto k : kind_order) {
        const std::size_t n = report_count(t, k);
        if (n == 0) continue;
        out += "| ";
        out += to_string(k);
        out += " | ";
        out += std::to_string(n);
        out += " |\n";
    }
    if (t.footnotes_changed > 0) out += "| footnotes changed | " + std::to_string(t.footnotes_changed) + " |\n";
    // The references the versions cite, where they differ.
    const auto cited_line = [&out](const char* label, const std::vector<std::string>& items) {
        if (items.empty()) return;
        out += "\n**";
        out += label;
        out += "** (";
        out += std::to_string(items.size());
        out += "): ";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) out += "; ";
            out += md(items[i]);
        }
        out += '\n';
    };
    cited_line("Citations added", cmp.result.citations.added);
    cited_line("Citations dropped", cmp.result.citations.dropped);
    out += "\nDeleted words are marked <del>like this</del>, inserted ones <ins>like this</ins>; "
           "&#8635; routine, &#9650; lead, &#8776; qualifier, &#167; citation.\n\n";

    // Changed units, grouped by part.
    std::vector<part_group> groups;
    std::size_t changed_shown = 0, hidden = 0;
    for (const auto& u : cmp.result.units) {
        if (u.kind == unit_kind::unchanged && !options.context) continue;
        if (ignored(u, options)) {
            ++hidden;
            continue;
        }
        const std::string& first = u.new_ids.empty() ? (u.old_ids.empty() ? std::string() : u.old_ids.front())
                                                     : u.new_ids.front();
        const std::string title = first.rfind("PP", 0) == 0   ? "Preamble"
                                  : first.rfind("OP", 0) == 0 ? "Operative part"
                                                              : "Text";
        if (groups.empty() || groups.back().title != title) groups.push_back({title, {}, {}, {}, 0});
        std::string block;
        unit_block(block, u, join(u.old_ids), join(u.new_ids), "paragraph", !options.context);
        if (std::find(u.classes.begin(), u.classes.end(), change_class::substantive) != u.classes.end()) {
            ++groups.back().substantive;
        }
        if (u.kind == unit_kind::unchanged) {
            groups.back().same_blocks.push_back(std::move(block));
            continue;
        }
        (routine_only(u) ? groups.back().routine_blocks : groups.back().blocks).push_back(std::move(block));
        ++changed_shown;
    }
    for (const auto& f : cmp.result.footnotes) {
        if (f.kind == unit_kind::unchanged) continue;
        alignment_unit u;
        u.kind = f.kind;
        u.ops = f.ops;
        u.classes = f.classes;
        if (ignored(u, options)) {
            ++hidden;
            continue;
        }
        if (groups.empty() || groups.back().title != "Footnotes") groups.push_back({"Footnotes", {}, {}, {}, 0});
        std::string block;
        unit_block(block, u, f.old_number > 0 ? "footnote " + std::to_string(f.old_number) : "",
                   f.new_number > 0 ? "footnote " + std::to_string(f.new_number) : "", "footnote", !options.context);
        (routine_only(u) ? groups.back().routine_blocks : groups.back().blocks).push_back(std::move(block));
        ++changed_shown;
    }
    const bool fold = changed_shown > fold_above;
    out += "### Changes\n\n";
    for (const auto& g : groups) {
        const std::size_t n = g.blocks.size() + g.routine_blocks.size();
        if (n == 0 && g.same_blocks.empty()) continue;
        if (fold) {
            out += "<details><summary><b>" + g.title + "</b>: " + std::to_string(n) +
                   (n == 1 ? " change" : " changes") + " (" + std::to_string(g.substantive) +
                   " substantive)</summary>\n\n";
        } else {
            out += "**" + g.title + "**\n\n";
        }
        for (const auto& b : g.blocks) out += b;
        if (!g.routine_blocks.empty()) {
            out += "<details><summary>" + std::to_string(g.routine_blocks.size()) +
                   (g.routine_blocks.size() == 1 ? " routine-only change" : " routine-only changes") +
                   " (session numbers, years, symbols rolled forward)</summary>\n\n";
            for (const auto& b : g.routine_blocks) out += b;
            out += "</details>\n\n";
        }
        if (!g.same_blocks.empty()) {
            out += "<details><summary>" + std::to_string(g.same_blocks.size()) +
                   (g.same_blocks.size() == 1 ? " unchanged paragraph" : " unchanged paragraphs") + "</summary>\n\n";
            for (const auto& b : g.same_blocks) out += b;
            out += "</details>\n\n";
        }
        if (fold) out += "</details>\n\n";
    }
    if (hidden > 0) {
        out += "_" + std::to_string(hidden) + (hidden == 1 ? " unit" : " units") +
               " with only ignored classes of change not shown._\n\n";
    }
    std::vector<std::string> notes = cmp.result.notes;
    if (!notes.empty()) {
        out += "**Notes:**\n\n";
        for (const auto& n : notes) out += "- " + md(n) + "\n";
        out += '\n';
    }
    return out;
}

}  // namespace resdiff
