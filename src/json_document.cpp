// The JSON contract for one document (docs/json.md, "Document"):
// document_to_json and its exact inverse document_from_json.
#include <nlohmann/json.hpp>

#include "resdiff/ingest.hpp"
#include "resdiff/json.hpp"

namespace resdiff {

namespace {

using ojson = nlohmann::ordered_json;

ojson lines_json(const line_range& r) { return ojson::array({r.first, r.last}); }

ojson sub_json(const subparagraph& s) {
    ojson j;
    j["id"] = s.id;
    j["label"] = s.label;
    j["text"] = s.text;
    j["footnotes"] = s.footnotes;
    j["lines"] = lines_json(s.lines);
    ojson children = ojson::array();
    for (const auto& c : s.children) children.push_back(sub_json(c));
    j["subparagraphs"] = std::move(children);
    return j;
}

ojson paragraph_json(const paragraph& p) {
    ojson j;
    j["id"] = p.id;
    if (p.where == part::operative) j["number"] = p.number;
    j["lead"] = p.lead;
    j["text"] = p.text;
    j["intro"] = p.intro;
    j["footnotes"] = p.footnotes;
    ojson subs = ojson::array();
    for (const auto& s : p.subparagraphs) subs.push_back(sub_json(s));
    j["subparagraphs"] = std::move(subs);
    j["section"] = p.section;
    j["lines"] = lines_json(p.lines);
    if (p.where == part::preamble && !p.number.empty()) j["number"] = p.number;
    return j;
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

std::string document_to_json(const document& doc) {
    const auto& m = doc.meta;
    ojson j;
    j["symbol"] = m.symbol;
    j["kind"] = to_string(m.kind);
    j["session"] = m.session;
    j["agenda_items"] = m.agenda_items;
    j["title"] = m.title;
    j["adoption_date"] = m.adoption_date;
    j["distribution_date"] = m.distribution_date;
    j["committee"] = m.committee;
    j["committee_report"] = m.committee_report;
    j["sponsors"] = m.sponsors;
    j["notes"] = m.notes;
    j["structured"] = doc.structured;
    j["source"] = doc.source;
    ojson sections = ojson::array();
    for (const auto& s : doc.sections) {
        ojson o;
        o["label"] = s.label;
        o["title"] = s.title;
        o["annex"] = s.annex;
        o["lines"] = lines_json(s.lines);
        sections.push_back(std::move(o));
    }
    j["sections"] = std::move(sections);
    ojson pre = ojson::array();
    for (const auto& p : doc.preamble) pre.push_back(paragraph_json(p));
    j["preamble"] = std::move(pre);
    ojson op = ojson::array();
    for (const auto& p : doc.operative) op.push_back(paragraph_json(p));
    j["operative"] = std::move(op);
    ojson fns = ojson::array();
    for (const auto& f : doc.footnotes) {
        ojson o;
        o["number"] = f.number;
        o["text"] = f.text;
        o["lines"] = lines_json(f.lines);
        fns.push_back(std::move(o));
    }
    j["footnotes"] = std::move(fns);
    j["warnings"] = doc.warnings;
    // Invalid UTF-8 cannot occur in parsed text (ingest decodes), but a
    // document built in code may hold any bytes: replace rather than throw.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
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
