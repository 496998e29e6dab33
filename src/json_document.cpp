// The JSON contract for one document (docs/json.md, "Document"):
// document_to_json and its exact inverse document_from_json (read with
// nlohmann::json).
#include <nlohmann/json.hpp>

#include "json_writer.hpp"
#include "parallel.hpp"
#include "resdiff/ingest.hpp"
#include "resdiff/json.hpp"

namespace resdiff {

namespace {

using detail::json_writer;

void write_lines(json_writer& w, const line_range& r) {
    w.key("lines");
    w.open('[');
    w.item();
    w.number(r.first);
    w.item();
    w.number(r.last);
    w.close(']');
}

void write_sub(json_writer& w, const subparagraph& s) {
    w.open('{');
    w.key("id");
    w.string(s.id);
    w.key("label");
    w.string(s.label);
    w.key("text");
    w.string(s.text);
    w.key("footnotes");
    w.integers(s.footnotes);
    write_lines(w, s.lines);
    w.key("subparagraphs");
    w.open('[');
    for (const auto& c : s.children) {
        w.item();
        write_sub(w, c);
    }
    w.close(']');
    w.close('}');
}

void write_paragraph(json_writer& w, const paragraph& p) {
    w.open('{');
    w.key("id");
    w.string(p.id);
    if (p.where == part::operative) {
        w.key("number");
        w.string(p.number);
    }
    w.key("lead");
    w.string(p.lead);
    w.key("text");
    const auto text = w.marked_string(p.text);
    w.key("intro");
    if (p.intro == p.text) {
        w.string_again(text, p.intro);
    } else {
        w.string(p.intro);
    }
    w.key("footnotes");
    w.integers(p.footnotes);
    w.key("subparagraphs");
    w.open('[');
    for (const auto& s : p.subparagraphs) {
        w.item();
        write_sub(w, s);
    }
    w.close(']');
    w.key("section");
    w.number(p.section);
    write_lines(w, p.lines);
    if (p.where == part::preamble && !p.number.empty()) {
        w.key("number");
        w.string(p.number);
    }
    w.close('}');
}

void write_paragraphs(json_writer& w, const char* name, const std::vector<paragraph>& paragraphs) {
    w.key(name);
    w.open('[');
    for (const auto& p : paragraphs) {
        w.item();
        write_paragraph(w, p);
        detail::checkpoint();  // written as background work: the pieces offered meanwhile go first
    }
    w.close(']');
}

// Reading back: strict about types, lenient about absent keys (defaults).
template <class T>
T get_or(const nlohmann::json& j, const char* key, T fallback) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    return it->get<T>();
}

line_range read_lines(const nlohmann::json& j) {
    line_range r;
    const auto it = j.find("lines");
    if (it != j.end() && it->is_array() && it->size() == 2) {
        r.first = (*it)[0].get<int>();
        r.last = (*it)[1].get<int>();
    }
    return r;
}

subparagraph read_sub(const nlohmann::json& j) {
    subparagraph s;
    s.id = get_or<std::string>(j, "id", "");
    s.label = get_or<std::string>(j, "label", "");
    s.text = get_or<std::string>(j, "text", "");
    s.footnotes = get_or<std::vector<int>>(j, "footnotes", {});
    s.lines = read_lines(j);
    if (const auto it = j.find("subparagraphs"); it != j.end() && it->is_array()) {
        for (const auto& c : *it) s.children.push_back(read_sub(c));
    }
    return s;
}

paragraph read_paragraph(const nlohmann::json& j, part where) {
    paragraph p;
    p.where = where;
    p.id = get_or<std::string>(j, "id", "");
    p.number = get_or<std::string>(j, "number", "");
    p.lead = get_or<std::string>(j, "lead", "");
    p.text = get_or<std::string>(j, "text", "");
    p.intro = get_or<std::string>(j, "intro", p.text);
    p.footnotes = get_or<std::vector<int>>(j, "footnotes", {});
    p.section = get_or<int>(j, "section", -1);
    p.lines = read_lines(j);
    if (const auto it = j.find("subparagraphs"); it != j.end() && it->is_array()) {
        for (const auto& c : *it) p.subparagraphs.push_back(read_sub(c));
    }
    return p;
}

document_kind kind_from(const std::string& s) {
    if (s == "resolution") return document_kind::resolution;
    if (s == "draft") return document_kind::draft;
    return document_kind::unknown;
}

}  // namespace

// Written directly (json_writer.hpp), in the layout of nlohmann::json's
// dump(2): keys in the order of docs/json.md. Invalid UTF-8 cannot occur in
// parsed text (ingest decodes), but a document built in code may hold any
// bytes: they are replaced, never an error.
void detail::write_document(json_writer& w, const document& doc) {
    const auto& m = doc.meta;
    w.open('{');
    w.key("symbol");
    w.string(m.symbol);
    w.key("kind");
    w.string(to_string(m.kind));
    w.key("session");
    w.number(m.session);
    w.key("agenda_items");
    w.strings(m.agenda_items);
    w.key("title");
    w.string(m.title);
    w.key("adoption_date");
    w.string(m.adoption_date);
    w.key("distribution_date");
    w.string(m.distribution_date);
    w.key("committee");
    w.string(m.committee);
    w.key("committee_report");
    w.string(m.committee_report);
    w.key("sponsors");
    w.string(m.sponsors);
    w.key("amends");
    w.string(m.amends);
    w.key("notes");
    w.strings(m.notes);
    w.key("structured");
    w.boolean(doc.structured);
    w.key("source");
    w.string(doc.source);
    w.key("sections");
    w.open('[');
    for (const auto& s : doc.sections) {
        w.item();
        w.open('{');
        w.key("label");
        w.string(s.label);
        w.key("title");
        w.string(s.title);
        w.key("annex");
        w.boolean(s.annex);
        write_lines(w, s.lines);
        w.close('}');
    }
    w.close(']');
    write_paragraphs(w, "preamble", doc.preamble);
    write_paragraphs(w, "operative", doc.operative);
    w.key("footnotes");
    w.open('[');
    for (const auto& f : doc.footnotes) {
        w.item();
        w.open('{');
        w.key("number");
        w.number(f.number);
        w.key("text");
        w.string(f.text);
        write_lines(w, f.lines);
        w.close('}');
    }
    w.close(']');
    w.key("warnings");
    w.strings(doc.warnings);
    w.close('}');
}

std::string document_to_json(const document& doc) {
    json_writer w;
    detail::write_document(w, doc);
    w.raw("\n");
    return w.take();
}

document document_from_json(std::string_view json) {
    document doc;
    try {
        const auto j = nlohmann::json::parse(json);
        if (!j.is_object()) throw input_error({}, "JSON document: the top level is not an object");
        auto& m = doc.meta;
        m.symbol = get_or<std::string>(j, "symbol", "");
        m.kind = kind_from(get_or<std::string>(j, "kind", "unknown"));
        m.session = get_or<int>(j, "session", 0);
        m.agenda_items = get_or<std::vector<std::string>>(j, "agenda_items", {});
        m.title = get_or<std::string>(j, "title", "");
        m.adoption_date = get_or<std::string>(j, "adoption_date", "");
        m.distribution_date = get_or<std::string>(j, "distribution_date", "");
        m.committee = get_or<std::string>(j, "committee", "");
        m.committee_report = get_or<std::string>(j, "committee_report", "");
        m.sponsors = get_or<std::string>(j, "sponsors", "");
        m.amends = get_or<std::string>(j, "amends", "");
        m.notes = get_or<std::vector<std::string>>(j, "notes", {});
        doc.structured = get_or<bool>(j, "structured", true);
        doc.source = get_or<std::string>(j, "source", "");
        if (const auto it = j.find("sections"); it != j.end() && it->is_array()) {
            for (const auto& o : *it) {
                section s;
                s.label = get_or<std::string>(o, "label", "");
                s.title = get_or<std::string>(o, "title", "");
                s.annex = get_or<bool>(o, "annex", false);
                s.lines = read_lines(o);
                doc.sections.push_back(std::move(s));
            }
        }
        if (const auto it = j.find("preamble"); it != j.end() && it->is_array()) {
            for (const auto& o : *it) doc.preamble.push_back(read_paragraph(o, part::preamble));
        }
        if (const auto it = j.find("operative"); it != j.end() && it->is_array()) {
            for (const auto& o : *it) doc.operative.push_back(read_paragraph(o, part::operative));
        }
        if (const auto it = j.find("footnotes"); it != j.end() && it->is_array()) {
            for (const auto& o : *it) {
                footnote f;
                f.number = get_or<int>(o, "number", 0);
                f.text = get_or<std::string>(o, "text", "");
                f.lines = read_lines(o);
                doc.footnotes.push_back(std::move(f));
            }
        }
        doc.warnings = get_or<std::vector<std::string>>(j, "warnings", {});
    } catch (const nlohmann::json::exception& e) {
        throw input_error({}, std::string("malformed JSON document: ") + e.what());
    }
    return doc;
}

}  // namespace resdiff
