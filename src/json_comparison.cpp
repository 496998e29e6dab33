// The comparison JSON contract (docs/json.md, "Comparison"): both documents as
// document_to_json gives them, the summary, the alignment with word ops and
// classes, footnote units and notes. Keys in a fixed order; deterministic.
//
// Written straight to a string (no JSON object tree): on large inputs the
// tree's allocations cost more than the diff itself. The layout is the one
// nlohmann::json's dump(2) gives, so the output reads the same either way.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "resdiff/json.hpp"

namespace resdiff {

namespace {

// Ratios rounded to 4 decimals so the output does not depend on the last bits.
double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

constexpr unit_kind all_kinds[] = {unit_kind::unchanged, unit_kind::modified, unit_kind::renumbered,
                                   unit_kind::moved,     unit_kind::added,    unit_kind::removed,
                                   unit_kind::split,     unit_kind::merged};
constexpr change_class all_classes[] = {change_class::substantive, change_class::lead, change_class::qualifier,
                                        change_class::citation, change_class::routine};

// Length of the valid UTF-8 sequence at s[i], 0 when invalid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) n = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) n = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) n = 4, cp = c & 0x07;
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto d = static_cast<unsigned char>(s[i + k]);
        if ((d & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return n;
}

class writer {
public:
    std::string out;
    std::ostream* sink = nullptr;   // when set, `out` is a buffer flushed to it

    // Hands what is buffered to the sink (between values, at any point).
    void drain(bool force = false) {
        if (sink != nullptr && (force || out.size() >= (1u << 20))) {
            sink->write(out.data(), static_cast<std::streamsize>(out.size()));
            out.clear();
        }
    }

    void string(std::string_view s) {
        out += '"';
        std::size_t plain_from = 0;
        const auto flush = [&](std::size_t to) { out.append(s.data() + plain_from, to - plain_from); };
        for (std::size_t i = 0; i < s.size();) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
                ++i;
                continue;
            }
            if (c >= 0x80) {
                const std::size_t n = utf8_length(s, i);
                if (n > 0) {
                    i += n;
                    continue;
                }
                flush(i);
                out += "\xEF\xBF\xBD";   // U+FFFD for a byte that is not UTF-8
                plain_from = ++i;
                continue;
            }
            flush(i);
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default: {
                    static constexpr char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                }
            }
            plain_from = ++i;
        }
        flush(s.size());
        out += '"';
    }

    void number(std::size_t n) { out += std::to_string(n); }
    void number(int n) { out += std::to_string(n); }
    void number(double x) {
        char buf[64];
        const auto r = std::to_chars(buf, buf + sizeof buf, x);
        std::string_view v(buf, static_cast<std::size_t>(r.ptr - buf));
        out += v;
        if (v.find_first_of(".eE") == std::string_view::npos) out += ".0";
    }
    void boolean(bool b) { out += b ? "true" : "false"; }
    void null() { out += "null"; }
    void raw(std::string_view v) { out += v; }

    // Containers: "{", then key(...)/item() before each member, then close().
    void open(char bracket) {
        out += bracket;
        first_.push_back(true);
    }
    void close(char bracket) {
        const bool empty = first_.back();
        first_.pop_back();
        if (!empty) newline();
        out += bracket;
    }
    void key(std::string_view k) {
        item();
        string(k);
        out += ": ";
    }
    void item() {
        drain();
        if (!first_.back()) out += ',';
        first_.back() = false;
        newline();
    }
    std::size_t depth() const { return first_.size(); }

private:
    void newline() {
        out += '\n';
        out.append(2 * first_.size(), ' ');
    }
    std::vector<bool> first_;
};

void write_classes(writer& w, const std::vector<change_class>& classes) {
    w.open('[');
    for (const auto c : classes) {
        w.item();
        w.string(to_string(c));
    }
    w.close(']');
}

void write_ids(writer& w, const std::vector<std::string>& ids) {
    w.open('[');
    for (const auto& id : ids) {
        w.item();
        w.string(id);
    }
    w.close(']');
}

void write_ops(writer& w, const std::vector<word_op>& ops) {
    w.open('[');
    for (const auto& op : ops) {
        w.item();
        w.open('{');
        w.key("op");
        w.string(to_string(op.op));
        w.key("text");
        w.string(op.text);
        w.key("classes");
        write_classes(w, op.classes);
        w.close('}');
    }
    w.close(']');
}

void write_unit(writer& w, const alignment_unit& u) {
    w.open('{');
    w.key("kind");
    w.string(to_string(u.kind));
    w.key("old");
    write_ids(w, u.old_ids);
    w.key("new");
    write_ids(w, u.new_ids);
    w.key("moved");
    w.boolean(u.moved);
    w.key("text_changed");
    w.boolean(u.text_changed);
    w.key("crossed_part");
    w.boolean(u.crossed_part);
    w.key("similarity");
    w.number(rounded(u.similarity));
    w.key("classes");
    write_classes(w, u.classes);
    w.key("lead");
    if (u.lead.dir != direction::none) {
        w.open('{');
        w.key("old");
        w.string(u.lead.old_lead);
        w.key("new");
        w.string(u.lead.new_lead);
        w.key("direction");
        w.string(to_string(u.lead.dir));
        w.close('}');
    } else {
        w.null();
    }
    w.key("qualifier");
    if (u.qualifier_dir != direction::none) {
        w.string(to_string(u.qualifier_dir));
    } else {
        w.null();
    }
    w.key("ops");
    write_ops(w, u.ops);
    w.key("children");
    w.open('[');
    for (const auto& c : u.children) {
        w.item();
        write_unit(w, c);
    }
    w.close(']');
    w.close('}');
}

void write_footnote(writer& w, const footnote_unit& f) {
    w.open('{');
    w.key("kind");
    w.string(to_string(f.kind));
    w.key("old");
    if (f.old_number > 0) w.number(f.old_number); else w.null();
    w.key("new");
    if (f.new_number > 0) w.number(f.new_number); else w.null();
    w.key("classes");
    write_classes(w, f.classes);
    w.key("ops");
    write_ops(w, f.ops);
    w.close('}');
}

void write_strings(writer& w, const std::vector<std::string>& items) {
    w.open('[');
    for (const auto& s : items) {
        w.item();
        w.string(s);
    }
    w.close(']');
}

// The references each version cites and what changed between them.
void write_citations(writer& w, const citation_change& c) {
    w.open('{');
    w.key("old");
    write_strings(w, c.old_cited);
    w.key("new");
    write_strings(w, c.new_cited);
    w.key("added");
    write_strings(w, c.added);
    w.key("dropped");
    write_strings(w, c.dropped);
    w.close('}');
}

void write_summary(writer& w, const summary& s, std::size_t units, std::size_t footnotes) {
    w.open('{');
    w.key("units");
    w.number(units);
    w.key("footnotes");
    w.number(footnotes);
    w.key("changed");
    w.number(s.units_changed);
    w.key("kinds");
    w.open('{');
    for (const auto k : all_kinds) {
        const auto it = s.kinds.find(k);
        w.key(to_string(k));
        w.number(it == s.kinds.end() ? std::size_t{0} : it->second);
    }
    w.close('}');
    w.key("classes");
    w.open('{');
    for (const auto c : all_classes) {
        const auto it = s.classes.find(c);
        w.key(to_string(c));
        w.number(it == s.classes.end() ? std::size_t{0} : it->second);
    }
    w.close('}');
    w.key("routine_only");
    w.number(s.routine_only);
    w.key("words");
    w.open('{');
    w.key("old");
    w.number(s.words_old);
    w.key("new");
    w.number(s.words_new);
    w.key("deleted");
    w.number(s.words_deleted);
    w.key("inserted");
    w.number(s.words_inserted);
    w.close('}');
    w.key("share_changed");
    w.number(rounded(s.share_changed));
    w.close('}');
}

// A pretty-printed JSON value placed one level down: every line after the
// first indented by two more spaces.
void write_nested(writer& w, std::string_view json) {
    while (!json.empty() && (json.back() == '\n' || json.back() == ' ')) json.remove_suffix(1);
    std::size_t from = 0;
    for (std::size_t nl = json.find('\n'); nl != std::string_view::npos; nl = json.find('\n', from)) {
        w.raw(json.substr(from, nl + 1 - from));
        w.raw("  ");
        from = nl + 1;
        w.drain();
    }
    w.raw(json.substr(from));
}

void write_all(writer& w, const comparison& cmp) {
    w.open('{');
    // The documents exactly as `resdiff parse --format json` writes them.
    w.key("old");
    write_nested(w, document_to_json(cmp.old_doc));
    w.key("new");
    write_nested(w, document_to_json(cmp.new_doc));
    w.key("identical");
    w.boolean(cmp.identical());
    w.key("summary");
    write_summary(w, cmp.totals, cmp.result.units.size(), cmp.result.footnotes.size());
    w.key("alignment");
    w.open('[');
    for (const auto& u : cmp.result.units) {
        w.item();
        write_unit(w, u);
    }
    w.close(']');
    w.key("footnotes");
    w.open('[');
    for (const auto& f : cmp.result.footnotes) {
        w.item();
        write_footnote(w, f);
    }
    w.close(']');
    w.key("citations");
    write_citations(w, cmp.result.citations);
    w.key("notes");
    write_strings(w, cmp.result.notes);
    w.close('}');
    w.out += '\n';
    w.drain(true);
}

}  // namespace

std::string comparison_to_json(const comparison& cmp) {
    writer w;
    write_all(w, cmp);
    return std::move(w.out);
}

void write_comparison_json(std::ostream& out, const comparison& cmp) {
    writer w;
    w.sink = &out;
    w.out.reserve(1u << 21);
    write_all(w, cmp);
}

}  // namespace resdiff
