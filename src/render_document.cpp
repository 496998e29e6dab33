// `resdiff parse` text output: a readable outline of one document.
#include <string>

#include "resdiff/render.hpp"

namespace resdiff {

namespace {

constexpr std::size_t width = 100;

// Appends `text` wrapped at `width` columns; the first line starts after
// `first_prefix`, following lines with `indent` spaces.
void wrap(std::string& out, const std::string& first_prefix, std::size_t indent, const std::string& text) {
    std::string line = first_prefix;
    std::size_t col = first_prefix.size();  // bytes; good enough for a plain outline
    bool empty_line = true;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t e = i;
        while (e < text.size() && text[e] != ' ') ++e;
        if (e == i) break;
        const std::string_view word(text.data() + i, e - i);
        if (!empty_line && col + 1 + word.size() > width) {
            out.append(line);
            out.push_back('\n');
            line.assign(indent, ' ');
            col = indent;
            empty_line = true;
        }
        if (!empty_line) {
            line.push_back(' ');
            ++col;
        }
        line.append(word);
        col += word.size();
        empty_line = false;
        i = e;
    }
    out.append(line);
    out.push_back('\n');
}

std::string join(const std::vector<int>& v) {
    std::string s;
    for (const int n : v) {
        if (!s.empty()) s.append(", ");
        s.append(std::to_string(n));
    }
    return s;
}

void field(std::string& out, const char* name, const std::string& value) {
    if (value.empty()) return;
    std::string label = name;
    label.append(":");
    label.resize(std::max<std::size_t>(label.size() + 1, 20), ' ');
    wrap(out, label, 20, value);
}

void subs(std::string& out, const std::vector<subparagraph>& list, std::size_t indent) {
    for (const auto& s : list) {
        std::string prefix(indent, ' ');
        prefix.append(s.label);
        prefix.push_back(' ');
        std::string text = s.text;
        if (!s.footnotes.empty()) {
            text.append("  [footnotes ");
            text.append(join(s.footnotes));
            text.append("]");
        }
        wrap(out, prefix, indent + s.label.size() + 1, text);
        subs(out, s.children, indent + 4);
    }
}

void paragraphs(std::string& out, const document& doc, const std::vector<paragraph>& list) {
    int section = -1;
    for (const auto& p : list) {
        if (p.section != section && p.section >= 0 && p.section < static_cast<int>(doc.sections.size())) {
            const auto& s = doc.sections[p.section];
            out.append("\n  ");
            out.append(s.label);
            if (!s.title.empty()) {
                out.append(". ");
                out.append(s.title);
            }
            out.push_back('\n');
        }
        section = p.section;
        out.push_back('\n');
        std::string head = p.id;
        if (!p.number.empty()) {
            head.append(" (");
            head.append(p.number);
            head.append(".)");
        }
        if (!p.lead.empty()) {
            head.append("  lead: ");
            head.append(p.lead);
        }
        if (!p.footnotes.empty()) {
            head.append("  footnotes: ");
            head.append(join(p.footnotes));
        }
        if (p.lines.first > 0) {
            head.append("  lines ");
            head.append(std::to_string(p.lines.first));
            head.append("-");
            head.append(std::to_string(p.lines.last));
        }
        out.append(head);
        out.push_back('\n');
        wrap(out, "    ", 4, p.subparagraphs.empty() ? p.text : p.intro);
        subs(out, p.subparagraphs, 6);
    }
}

}  // namespace

std::string render_document_text(const document& doc) {
    std::string out;
    const auto& m = doc.meta;
    field(out, "Symbol", m.symbol);
    field(out, "Kind", m.kind == document_kind::unknown ? std::string() : std::string(to_string(m.kind)));
    field(out, "Session", m.session > 0 ? std::to_string(m.session) : std::string());
    std::string items;
    for (const auto& a : m.agenda_items) {
        if (!items.empty()) items.append(", ");
        items.append(a);
    }
    field(out, "Agenda item(s)", items);
    field(out, "Title", m.title);
    field(out, "Adopted", m.adoption_date);
    field(out, "Distributed", m.distribution_date);
    field(out, "Committee", m.committee);
    field(out, "Committee report", m.committee_report);
    field(out, "Sponsors", m.sponsors);
    field(out, "Amends", m.amends);
    for (const auto& n : m.notes) field(out, "Note", n);
    std::string counts = std::to_string(doc.preamble.size()) + (doc.structured ? " preambular, " : " plain paragraphs");
    if (doc.structured) {
        std::size_t subcount = 0;
        for (const auto& p : doc.operative) subcount += flatten(p).size();
        counts.append(std::to_string(doc.operative.size()));
        counts.append(" operative paragraphs, ");
        counts.append(std::to_string(subcount));
        counts.append(" sub-paragraphs, ");
        counts.append(std::to_string(doc.footnotes.size()));
        counts.append(" footnotes");
    }
    field(out, "Structure", counts);
    if (!doc.preamble.empty()) {
        out.append(doc.structured ? "\nPREAMBLE\n" : "\nTEXT (no resolution structure recognized)\n");
        paragraphs(out, doc, doc.preamble);
    }
    if (!doc.operative.empty()) {
        out.append("\nOPERATIVE PART\n");
        paragraphs(out, doc, doc.operative);
    }
    if (!doc.footnotes.empty()) {
        out.append("\nFOOTNOTES\n");
        for (const auto& f : doc.footnotes) {
            std::string prefix = "  ";
            prefix.append(std::to_string(f.number));
            prefix.append("  ");
            wrap(out, prefix, prefix.size(), f.text);
        }
    }
    return out;
}

}  // namespace resdiff
