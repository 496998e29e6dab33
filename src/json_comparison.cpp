// The comparison JSON contract (docs/json.md, "Comparison"): both documents as
// document_to_json gives them, the summary, the alignment with word ops and
// classes, footnote units and notes. Keys in a fixed order; deterministic.
#include <cmath>
#include <nlohmann/json.hpp>

#include "resdiff/json.hpp"

namespace resdiff {

namespace {

using ojson = nlohmann::ordered_json;

// Ratios rounded to 4 decimals so the output does not depend on the last bits.
double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

constexpr unit_kind all_kinds[] = {unit_kind::unchanged, unit_kind::modified, unit_kind::renumbered,
                                   unit_kind::moved,     unit_kind::added,    unit_kind::removed,
                                   unit_kind::split,     unit_kind::merged};
constexpr change_class all_classes[] = {change_class::substantive, change_class::lead, change_class::qualifier,
                                        change_class::citation, change_class::routine};

ojson classes_json(const std::vector<change_class>& classes) {
    ojson a = ojson::array();
    for (const auto c : classes) a.push_back(to_string(c));
    return a;
}

ojson ops_json(const std::vector<word_op>& ops) {
    ojson a = ojson::array();
    for (const auto& op : ops) {
        ojson o;
        o["op"] = to_string(op.op);
        o["text"] = op.text;
        o["classes"] = classes_json(op.classes);
        a.push_back(std::move(o));
    }
    return a;
}

ojson ids_json(const std::vector<std::string>& ids) {
    ojson a = ojson::array();
    for (const auto& id : ids) a.push_back(id);
    return a;
}

ojson unit_json(const alignment_unit& u) {
    ojson o;
    o["kind"] = to_string(u.kind);
    o["old"] = ids_json(u.old_ids);
    o["new"] = ids_json(u.new_ids);
    o["moved"] = u.moved;
    o["text_changed"] = u.text_changed;
    o["crossed_part"] = u.crossed_part;
    o["similarity"] = rounded(u.similarity);
    o["classes"] = classes_json(u.classes);
    if (u.lead.dir != direction::none) {
        ojson lead;
        lead["old"] = u.lead.old_lead;
        lead["new"] = u.lead.new_lead;
        lead["direction"] = to_string(u.lead.dir);
        o["lead"] = std::move(lead);
    } else {
        o["lead"] = nullptr;
    }
    o["qualifier"] = u.qualifier_dir == direction::none ? ojson(nullptr) : ojson(to_string(u.qualifier_dir));
    o["ops"] = ops_json(u.ops);
    ojson children = ojson::array();
    for (const auto& c : u.children) children.push_back(unit_json(c));
    o["children"] = std::move(children);
    return o;
}

ojson footnote_json(const footnote_unit& f) {
    ojson o;
    o["kind"] = to_string(f.kind);
    o["old"] = f.old_number > 0 ? ojson(f.old_number) : ojson(nullptr);
    o["new"] = f.new_number > 0 ? ojson(f.new_number) : ojson(nullptr);
    o["ops"] = ops_json(f.ops);
    return o;
}

ojson summary_json(const summary& s, std::size_t units, std::size_t footnotes) {
    ojson o;
    o["units"] = units;
    o["footnotes"] = footnotes;
    o["changed"] = s.units_changed;
    ojson kinds;
    for (const auto k : all_kinds) {
        const auto it = s.kinds.find(k);
        kinds[to_string(k)] = it == s.kinds.end() ? 0 : it->second;
    }
    o["kinds"] = std::move(kinds);
    ojson classes;
    for (const auto c : all_classes) {
        const auto it = s.classes.find(c);
        classes[to_string(c)] = it == s.classes.end() ? 0 : it->second;
    }
    o["classes"] = std::move(classes);
    o["routine_only"] = s.routine_only;
    ojson words;
    words["old"] = s.words_old;
    words["new"] = s.words_new;
    words["deleted"] = s.words_deleted;
    words["inserted"] = s.words_inserted;
    o["words"] = std::move(words);
    o["share_changed"] = rounded(s.share_changed);
    return o;
}

}  // namespace

std::string comparison_to_json(const comparison& cmp) {
    ojson j;
    // The documents exactly as `resdiff parse --format json` writes them.
    j["old"] = ojson::parse(document_to_json(cmp.old_doc));
    j["new"] = ojson::parse(document_to_json(cmp.new_doc));
    j["identical"] = cmp.identical();
    j["summary"] = summary_json(cmp.totals, cmp.result.units.size(), cmp.result.footnotes.size());
    ojson units = ojson::array();
    for (const auto& u : cmp.result.units) units.push_back(unit_json(u));
    j["alignment"] = std::move(units);
    ojson footnotes = ojson::array();
    for (const auto& f : cmp.result.footnotes) footnotes.push_back(footnote_json(f));
    j["footnotes"] = std::move(footnotes);
    ojson notes = ojson::array();
    for (const auto& n : cmp.result.notes) notes.push_back(n);
    j["notes"] = std::move(notes);
    // Invalid UTF-8 cannot reach here through ingest, but a document built in
    // code might carry it: replace rather than throw.
    return j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace resdiff
