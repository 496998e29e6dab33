// The terminal report: a header naming both versions, a summary line, then
// every changed unit with its labels, lead phrase, classes and its words
// ([-deleted-]{+inserted+}, or red strike-through and green underline as
// git diff --word-diff=color), wrapped at the width without counting escape
// codes and with no escape code left open across a line break.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paragraph_index.hpp"
#include "parallel.hpp"
#include "resdiff/render.hpp"
#include "word_count.hpp"

namespace resdiff {

namespace {

enum class style { plain, del, ins, elided, header, dim };

const char* ansi(style s) {
    switch (s) {
        case style::del: return "\x1b[31;9m";      // red, struck through
        case style::ins: return "\x1b[32;4m";      // green, underlined
        case style::elided: return "\x1b[2m";      // faint
        case style::header: return "\x1b[1m";      // bold
        case style::dim: return "\x1b[2m";
        case style::plain: return "";
    }
    return "";
}
constexpr const char* ansi_reset = "\x1b[0m";

// Concatenation by appending (GCC 12's -Wrestrict trips on "a" + s + "b").
template <class... T>
std::string cat(const T&... parts) {
    std::string s;
    (s.append(std::string_view(parts)), ...);
    return s;
}

// "OP9(a)" -> "OP 9 (a)", "PP3" -> "PP 3".
std::string label(const std::string& id) {
    std::string out;
    std::size_t i = 0;
    while (i < id.size() && std::isalpha(static_cast<unsigned char>(id[i]))) out += id[i++];
    if (i > 0 && i < id.size()) out += ' ';
    while (i < id.size() && id[i] != '(') out += id[i++];
    if (i < id.size()) {
        if (!out.empty() && out.back() != ' ') out += ' ';
        out.append(id, i, std::string::npos);
    }
    return out;
}

std::string labels(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += " + ";
        out += label(id);
    }
    return out;
}

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

std::string describe(const alignment_unit& u) {
    const std::string also = u.text_changed ? " and modified" : "";
    if (u.crossed_part && !u.old_ids.empty() && !u.new_ids.empty()) {
        const bool to_operative = starts_with(u.new_ids.front(), "OP");
        std::string d = to_operative ? "moved to the operative part" : "moved to the preamble";
        if (u.kind == unit_kind::split) d = cat("split, ", d);
        if (u.kind == unit_kind::merged) d = cat("merged, ", d);
        return cat(d, also);
    }
    switch (u.kind) {
        case unit_kind::unchanged: return "unchanged";
        case unit_kind::modified: return u.moved ? "moved and modified" : "modified";
        case unit_kind::renumbered: return cat("renumbered", also);
        case unit_kind::moved: return cat("moved", also);
        case unit_kind::added: return "added";
        case unit_kind::removed: return "removed";
        case unit_kind::split: return u.moved ? "split and moved" : "split";
        case unit_kind::merged: return u.moved ? "merged and moved" : "merged";
    }
    return to_string(u.kind);
}

std::string unit_heading(const alignment_unit& u) {
    std::string h;
    if (u.old_ids.empty()) {
        h = labels(u.new_ids);
    } else if (u.new_ids.empty()) {
        h = labels(u.old_ids);
    } else if (u.old_ids == u.new_ids) {
        h = labels(u.new_ids);
    } else {
        h = cat(labels(u.old_ids), " -> ", labels(u.new_ids));
    }
    h += ", ";
    h += describe(u);
    return h;
}

struct indexes {
    detail::paragraph_index old_doc, new_doc;
};

const paragraph* lead_paragraph(const indexes& ix, const alignment_unit& u) {
    if (!u.new_ids.empty()) {
        if (const auto* p = ix.new_doc.find(u.new_ids.front())) return p;
    }
    if (!u.old_ids.empty()) return ix.old_doc.find(u.old_ids.front());
    return nullptr;
}

std::string quoted(const std::string& s) { return cat("\"", s, "\""); }

// The lead phrase of the unit, or how it changed.
std::string lead_text(const indexes& ix, const alignment_unit& u) {
    if (u.lead.dir != direction::none) {
        std::string s = cat(quoted(u.lead.old_lead), " -> ", quoted(u.lead.new_lead));
        if (u.lead.dir != direction::changed) {
            s += ", ";
            s += to_string(u.lead.dir);
        }
        return s;
    }
    const paragraph* p = lead_paragraph(ix, u);
    return p && !p->lead.empty() ? quoted(p->lead) : std::string();
}

std::string class_list(const alignment_unit& u) {
    std::string s;
    bool qualifier_named = false;
    for (const auto c : u.classes) {
        if (!s.empty()) s += ", ";
        s += to_string(c);
        if (c == change_class::qualifier && u.qualifier_dir != direction::none) {
            s += ' ';
            s += to_string(u.qualifier_dir);   // "qualifier hardened"
            qualifier_named = true;
        }
    }
    if (u.qualifier_dir != direction::none && !qualifier_named) {
        if (!s.empty()) s += ", ";
        s += "qualifier ";
        s += to_string(u.qualifier_dir);
    }
    return s;
}

// ---------------------------------------------------------------- layout

// Cuts styled text into words at white space and fills lines with them, a
// word at a time: each word is written to `out` as soon as its end is seen
// (a word is a few pieces, views of the text added, each in one style), so
// nothing is held but the word being read and nothing is allocated per word
// (a 200 KB comparison lays out about 12,000 words). One layout serves a
// whole report: each paragraph is add()ed, then ended with write(); the
// text added must outlive that write().
class layout {
public:
    layout(const render_options& o, std::string& out) : options_(o), out_(out) {}

    // The indent of the lines written next.
    layout& indent(std::size_t columns) {
        indent_ = columns;
        return *this;
    }

    void add(std::string_view text, style s) {
        const char* p = text.data();
        const char* const end = p + text.size();
        while (p != end) {
            if (detail::space_byte(*p)) {
                if (!word_.empty()) end_word();
                pending_space_ = true;
                space_style_ = s;
                ++p;
                continue;
            }
            // A run of other bytes and its columns (every byte but UTF-8
            // continuation bytes).
            const char* q = p;
            std::size_t columns = 0;
            do {
                columns += (static_cast<unsigned char>(*q) & 0xC0) != 0x80;
                ++q;
            } while (q != end && !detail::space_byte(*q));
            if (word_.empty()) separator_ = pending_space_ ? space_style_ : style::plain;
            word_.push_back({std::string_view(p, static_cast<std::size_t>(q - p)), s});
            length_ += columns;
            p = q;
        }
    }

    // Ends the paragraph: its last line and a newline (nothing when it had
    // no word).
    void write() {
        if (!word_.empty()) end_word();
        pending_space_ = false;
        if (!in_line_) return;
        put("", style::plain);
        out_ += '\n';
        in_line_ = false;
    }

private:
    struct piece {
        std::string_view text;
        style s = style::plain;
    };

    // The word read so far goes on the line, or starts the next one.
    void end_word() {
        if (in_line_) {
            if (options_.width <= 0 || column_ + 1 + length_ <= static_cast<std::size_t>(options_.width)) {
                put(" ", separator_);
                ++column_;
            } else {
                put("", style::plain);  // close the colour before the line ends
                out_ += '\n';
                in_line_ = false;
            }
        }
        if (!in_line_) {
            out_.append(indent_, ' ');
            column_ = indent_;
            in_line_ = true;
        }
        for (const auto& pc : word_) put(pc.text, pc.s);
        column_ += length_;
        word_.clear();
        length_ = 0;
        pending_space_ = false;
    }

    // Switches colour only where the style changes.
    void put(std::string_view text, style s) {
        if (options_.color && s != open_) {
            if (open_ != style::plain) out_ += ansi_reset;
            if (s != style::plain) out_ += ansi(s);
            open_ = s;
        }
        out_ += text;
    }

    const render_options& options_;
    std::string& out_;
    std::size_t indent_ = 0;
    std::vector<piece> word_;         // the word being read
    std::size_t length_ = 0;          // its columns so far
    style separator_ = style::plain;  // style of the white space before it
    bool pending_space_ = false;      // white space since the last word
    style space_style_ = style::plain;
    bool in_line_ = false;  // a line of the paragraph is open
    std::size_t column_ = 0;
    style open_ = style::plain;
};

// Splits white space off both ends of a piece.
struct trimmed {
    std::string_view lead, core, trail;
};

trimmed trim(std::string_view s) {
    std::size_t b = 0;
    while (b < s.size() && detail::space_byte(s[b])) ++b;
    std::size_t e = s.size();
    while (e > b && detail::space_byte(s[e - 1])) --e;
    return {s.substr(0, b), s.substr(b, e - b), s.substr(e)};
}

constexpr std::size_t context_words = 6;  // kept on each side of an elision
constexpr std::size_t opening_words = 6;  // kept at the start of a paragraph

// Words here are runs of bytes other than white space (word_count.hpp).
std::size_t start_after_words(std::string_view s, std::size_t n) {
    return detail::start_after_words(s, n, detail::space_byte);
}
std::size_t start_of_last_words(std::string_view s, std::size_t n) {
    return detail::start_of_last_words(s, n, detail::space_byte);
}

// An unchanged stretch, shortened to its ends when long (more than four
// words would be left out).
void add_equal(layout& l, std::string_view text, bool first, bool last, bool elide) {
    const std::size_t keep_head = first ? opening_words : context_words;
    const std::size_t keep_tail = last ? 0 : context_words;
    // The start of the first word dropped and of the first word kept after
    // them: the words between go only when there are more than four.
    const std::size_t head_end = elide ? start_after_words(text, keep_head) : text.size();
    const std::size_t tail_begin =
        keep_tail > 0 && head_end < text.size() ? start_of_last_words(text, keep_tail) : text.size();
    if (head_end == text.size() || tail_begin <= head_end ||
        start_after_words(text.substr(head_end, tail_begin - head_end), 4) == tail_begin - head_end) {
        l.add(text, style::plain);
        return;
    }
    l.add(text.substr(0, head_end), style::plain);
    l.add("...", style::elided);
    if (keep_tail == 0) {
        l.add(trim(text).trail, style::plain);
        return;
    }
    l.add(" ", style::plain);
    l.add(text.substr(tail_begin), style::plain);
}

void add_change(layout& l, const word_op& op, const render_options& o, bool before_insertion) {
    const trimmed t = trim(op.text);
    if (t.core.empty()) {
        // White space only: shown as the new text spaces it, never as a change.
        if (op.op == op_kind::ins) l.add(op.text, style::plain);
        return;
    }
    l.add(t.lead, style::plain);
    const style s = op.op == op_kind::del ? style::del : style::ins;
    if (o.color) {
        l.add(t.core, s);
    } else {
        l.add(op.op == op_kind::del ? "[-" : "{+", s);
        l.add(t.core, s);
        l.add(op.op == op_kind::del ? "-]" : "+}", s);
    }
    // A deletion's trailing space before an insertion is the new text's to give.
    if (!before_insertion) l.add(t.trail, style::plain);
}

// Writes the ops as the new text reads them: a change of spelling alone is
// not marked. (The layout holds views of the texts until it is written.)
void write_ops(layout& l, const std::vector<word_op>& all_ops, const render_options& o, bool elide) {
    std::vector<word_op> storage;
    const auto& ops = spelling_as_equal(all_ops, op_kind::ins, storage);
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].op == op_kind::equal) {
            add_equal(l, ops[i].text, i == 0, i + 1 == ops.size(), elide);
        } else {
            add_change(l, ops[i], o, i + 1 < ops.size() && ops[i + 1].op == op_kind::ins);
        }
    }
    l.write();
}

bool hidden_by_ignore(const alignment_unit& u, const render_options& o) {
    if (o.ignore.empty() || u.classes.empty() || u.kind == unit_kind::unchanged) return false;
    return std::all_of(u.classes.begin(), u.classes.end(), [&](change_class c) { return o.ignore.count(c) > 0; });
}

bool renumber_only(const alignment_unit& u) {
    return u.kind == unit_kind::renumbered && !u.text_changed && !changes_text(u.ops);
}

void line(std::string& out, const render_options& o, std::string_view text, style s) {
    if (o.color && s != style::plain) {
        out += ansi(s);
        out += text;
        out += ansi_reset;
    } else {
        out += text;
    }
    out += '\n';
}

// A line of plain words, wrapped.
void wrapped(layout& l, std::string_view text, std::size_t indent, style s = style::plain) {
    l.indent(indent).add(text, s);
    l.write();
}

std::string describe_document(const document& d) {
    std::string s = d.meta.symbol.empty() ? (d.source.empty() ? std::string("(unnamed)") : d.source) : d.meta.symbol;
    const std::string& date = !d.meta.adoption_date.empty() ? d.meta.adoption_date : d.meta.distribution_date;
    if (!date.empty()) {
        s += " (";
        s += date;
        s += ")";
    }
    if (!d.meta.title.empty()) {
        s += ": ";
        s += d.meta.title;
    }
    return s;
}

std::string percent(double share) {
    char buf[32];
    const double p = share * 100.0;
    if (p > 0 && p < 0.1) return "less than 0.1%";
    std::snprintf(buf, sizeof buf, p < 10 ? "%.1f%%" : "%.0f%%", p);
    return buf;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return cat(std::to_string(n), " ", n == 1 ? one : many);
}

std::string summary_line(const comparison& cmp, std::size_t hidden, const render_options& o) {
    const summary& s = cmp.totals;
    if (cmp.identical()) return "No differences after normalization.";
    std::size_t changed_units = 0;
    for (const auto& [kind, n] : s.kinds) {
        if (kind != unit_kind::unchanged) changed_units += n;
    }
    std::string out = cat(std::to_string(changed_units), " of ",
                          plural(cmp.result.units.size(), "paragraph", "paragraphs"), " changed");
    std::string kinds;
    for (const auto k : {unit_kind::modified, unit_kind::moved, unit_kind::added, unit_kind::removed,
                         unit_kind::split, unit_kind::merged, unit_kind::renumbered}) {
        const auto it = s.kinds.find(k);
        if (it == s.kinds.end() || it->second == 0) continue;
        if (!kinds.empty()) kinds += ", ";
        kinds += cat(std::to_string(it->second), " ", to_string(k));
    }
    if (!kinds.empty()) out += cat(": ", kinds);
    if (cmp.totals.footnotes_changed > 0) out += cat("; ", plural(cmp.totals.footnotes_changed, "footnote", "footnotes"), " changed");
    if (!s.classes.empty()) {
        const auto sub = s.classes.find(change_class::substantive);
        out += cat("; ", std::to_string(sub == s.classes.end() ? 0 : sub->second), " substantive, ",
                   std::to_string(s.routine_only), " routine only");
    }
    out += cat("; ", percent(s.share_changed), " of words changed.");
    if (hidden > 0) {
        std::string which;
        for (const auto c : o.ignore) {
            if (!which.empty()) which += ", ";
            which += to_string(c);
        }
        out += cat(" ", plural(hidden, "unit", "units"), " with only ", which, " changes hidden.");
    }
    return out;
}

// "PP", 12 from "PP12"; {"", -1} when the id is not a plain numbered paragraph.
std::pair<std::string, long> split_id(const std::string& id) {
    std::size_t i = 0;
    while (i < id.size() && std::isalpha(static_cast<unsigned char>(id[i]))) ++i;
    if (i == 0 || i == id.size() || id.size() - i > 6) return {"", -1};
    long n = 0;
    for (std::size_t k = i; k < id.size(); ++k) {
        if (!std::isdigit(static_cast<unsigned char>(id[k]))) return {"", -1};
        n = n * 10 + (id[k] - '0');
    }
    return {id.substr(0, i), n};
}

// One renumbering: the old and the new label split into a part ("OP "; ""
// for a footnote) and a number (-1 when the label is no plain number), and
// the text written when it is not shortened.
struct renumbering {
    std::string old_part;
    long old_number = -1;
    std::string new_part;
    long new_number = -1;
    std::string text;
};

// Renumberings on one line; runs of three or more shifted alike are
// shortened: "OP 18-28 -> OP 19-29", "3-14 -> 5-16".
std::string renumber_list(const std::vector<renumbering>& items) {
    std::string out;
    std::size_t i = 0;
    while (i < items.size()) {
        const renumbering& r = items[i];
        std::size_t j = i + 1;
        while (r.old_number >= 0 && r.new_number >= 0 && j < items.size()) {
            const renumbering& next = items[j];
            const auto step = static_cast<long>(j - i);
            if (next.old_part != r.old_part || next.new_part != r.new_part ||
                next.old_number != r.old_number + step || next.new_number != r.new_number + step)
                break;
            ++j;
        }
        if (!out.empty()) out += ", ";
        if (j - i >= 3) {
            const auto last = static_cast<long>(j - i - 1);
            out += cat(r.old_part, std::to_string(r.old_number), "-", std::to_string(r.old_number + last),
                       " -> ", r.new_part, std::to_string(r.new_number), "-",
                       std::to_string(r.new_number + last));
            i = j;
            continue;
        }
        out += r.text;
        ++i;
    }
    return out;
}

// Renumber-only units: "OP 18-28 -> OP 19-29, PP 3 -> PP 4".
std::string renumber_list(const std::vector<const alignment_unit*>& units) {
    std::vector<renumbering> items;
    items.reserve(units.size());
    for (const auto* u : units) {
        std::string text = cat(labels(u->old_ids), " -> ", labels(u->new_ids));
        if (u->old_ids.size() != 1 || u->new_ids.size() != 1) {
            items.push_back({"", -1, "", -1, std::move(text)});
            continue;
        }
        const auto [op, on] = split_id(u->old_ids[0]);
        const auto [np, nn] = split_id(u->new_ids[0]);
        items.push_back({op + " ", on, np + " ", nn, std::move(text)});
    }
    return renumber_list(items);
}

// A footnote renumbered with its text unchanged.
bool footnote_renumber_only(const footnote_unit& f) {
    return f.kind == unit_kind::renumbered && !changes_text(f.ops);
}

// Those footnotes on one line: "3-14 -> 5-16, 19 -> 21".
std::string footnote_renumber_list(const std::vector<footnote_unit>& footnotes) {
    std::vector<renumbering> items;
    for (const auto& f : footnotes) {
        if (!footnote_renumber_only(f)) continue;
        items.push_back({"", f.old_number, "", f.new_number,
                         cat(std::to_string(f.old_number), " -> ", std::to_string(f.new_number))});
    }
    return renumber_list(items);
}

void render_unit(std::string& out, layout& l, const indexes& ix, const alignment_unit& u,
                 const render_options& o) {
    std::string head = unit_heading(u);
    const std::string lead = lead_text(ix, u);
    if (!lead.empty()) head += cat("  ", lead);
    const std::string classes = class_list(u);
    if (!classes.empty()) head += cat("  [", classes, "]");
    line(out, o, head, style::header);
    for (const auto& c : u.children) {
        if (c.kind == unit_kind::unchanged) continue;
        wrapped(l, cat("  ", unit_heading(c)), 2, style::dim);
    }
    if (u.kind == unit_kind::unchanged) {
        write_ops(l.indent(4), u.ops, o, false);
    } else if (changes_text(u.ops)) {
        const bool elide = u.kind != unit_kind::added && u.kind != unit_kind::removed;
        write_ops(l.indent(4), u.ops, o, elide);
    } else if (u.kind == unit_kind::moved || u.kind == unit_kind::renumbered) {
        wrapped(l, "(text unchanged)", 4, style::dim);
    }
    out += '\n';
}

// From this many bytes of unit text on, the units are written on two
// threads (the 200 KB pair's report: 0.5 ms on one).
constexpr std::size_t units_written_in_two = 64 * 1024;

}  // namespace

std::string render_terminal(const comparison& cmp, const render_options& options) {
    std::string out;
    layout text(options, out);  // every paragraph's lines, one after the other
    line(out, options, cat("--- ", describe_document(cmp.old_doc)), style::header);
    line(out, options, cat("+++ ", describe_document(cmp.new_doc)), style::header);

    std::size_t hidden = 0;
    std::vector<const alignment_unit*> shown;
    std::vector<const alignment_unit*> renumbered_units;
    for (const auto& u : cmp.result.units) {
        if (u.kind == unit_kind::unchanged) {
            if (options.context) shown.push_back(&u);
            continue;
        }
        if (hidden_by_ignore(u, options)) {
            ++hidden;
            continue;
        }
        if (renumber_only(u)) {
            renumbered_units.push_back(&u);
            continue;
        }
        shown.push_back(&u);
    }
    const std::string renumbered = renumber_list(renumbered_units);
    wrapped(text, summary_line(cmp, hidden, options), 0);
    if (!renumbered.empty()) wrapped(text, cat("Renumbered only: ", renumbered), 0);
    const std::string footnotes_renumbered = footnote_renumber_list(cmp.result.footnotes);
    if (!footnotes_renumbered.empty())
        wrapped(text, cat("Footnotes renumbered only: ", footnotes_renumbered), 0);
    // The references the two versions cite, where they differ.
    const auto joined = [](const std::vector<std::string>& items) {
        std::string s;
        for (const auto& i : items) s += (s.empty() ? "" : "; ") + i;
        return s;
    };
    const auto& cited = cmp.result.citations;
    if (!cited.added.empty()) wrapped(text, cat("Citations added: ", joined(cited.added)), 0);
    if (!cited.dropped.empty()) wrapped(text, cat("Citations dropped: ", joined(cited.dropped)), 0);
    out += '\n';

    const indexes ix{detail::paragraph_index(cmp.old_doc), detail::paragraph_index(cmp.new_doc)};
    // Each unit is written on its own (it starts and ends with no colour
    // open): a long report is written in two halves at the same time, the
    // second into a string of its own, and the two are joined.
    const auto write_units = [&](std::size_t from, std::size_t to, std::string& into) {
        layout l(options, into);
        for (std::size_t k = from; k < to; ++k) render_unit(into, l, ix, *shown[k], options);
    };
    const auto unit_bytes = [](const alignment_unit& u) {
        std::size_t n = 0;
        for (const auto& op : u.ops) n += op.text.size();
        return n;
    };
    std::size_t total = 0;
    for (const auto* u : shown) total += unit_bytes(*u);
    if (total >= units_written_in_two && detail::thread_slots() > 1) {
        std::size_t half = 0;
        for (std::size_t first = 0; half < shown.size() && 2 * first < total; ++half)
            first += unit_bytes(*shown[half]);
        std::string second;
        detail::run_both([&] { write_units(half, shown.size(), second); },
                         [&] { write_units(0, half, out); });
        out += second;
    } else {
        write_units(0, shown.size(), out);
    }

    for (const auto& f : cmp.result.footnotes) {
        if (f.kind == unit_kind::unchanged && !options.context) continue;
        if (footnote_renumber_only(f)) continue;  // on the summary's line
        std::string head = "Footnote ";
        if (f.old_number > 0 && f.new_number > 0 && f.old_number != f.new_number) {
            head += cat(std::to_string(f.old_number), " -> ", std::to_string(f.new_number));
        } else {
            head += std::to_string(f.new_number > 0 ? f.new_number : f.old_number);
        }
        head += ", ";
        head += to_string(f.kind);
        line(out, options, head, style::header);
        write_ops(text.indent(4), f.ops, options, f.kind == unit_kind::modified);
        out += '\n';
    }
    for (const auto& n : cmp.result.notes) wrapped(text, cat("Note: ", n), 0, style::dim);
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace resdiff
