// A comparison built in code for the renderer tests: every unit kind, a move,
// a split, a merge, sub-paragraph children, every change class, footnotes,
// a lead change, and the XSS payloads in document text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "resdiff/compare.hpp"

namespace render_sample {

using namespace resdiff;

inline const std::string xss_script = "<script>alert(1)</script>";
inline const std::string xss_img = "<img src=x onerror=alert(1)>";
inline const std::string xss_svg = "\"><svg onload=alert(1)>";
inline const std::string xss_text = "Alarmed by " + xss_script + " " + xss_img + " " + xss_svg + ",";

inline paragraph para(std::string id, std::string text, part where) {
    paragraph p;
    p.id = std::move(id);
    p.where = where;
    p.text = text;
    p.intro = std::move(text);
    if (where == part::operative) p.number = p.id.substr(2);
    return p;
}

inline word_op eq(std::string t) { return {op_kind::equal, std::move(t), {}}; }
inline word_op del(std::string t, std::vector<change_class> c = {change_class::substantive}) {
    return {op_kind::del, std::move(t), std::move(c)};
}
inline word_op ins(std::string t, std::vector<change_class> c = {change_class::substantive}) {
    return {op_kind::ins, std::move(t), std::move(c)};
}

inline alignment_unit unit(unit_kind kind, std::vector<std::string> old_ids, std::vector<std::string> new_ids,
                           std::vector<word_op> ops, std::vector<change_class> classes = {}) {
    alignment_unit u;
    u.kind = kind;
    u.old_ids = std::move(old_ids);
    u.new_ids = std::move(new_ids);
    u.ops = std::move(ops);
    u.classes = std::move(classes);
    u.moved = kind == unit_kind::moved;
    u.text_changed = kind != unit_kind::unchanged && kind != unit_kind::renumbered && kind != unit_kind::moved;
    return u;
}

inline comparison sample() {
    comparison c;
    auto& o = c.old_doc;
    auto& n = c.new_doc;
    o.meta.symbol = "A/RES/79/194";
    o.meta.kind = document_kind::resolution;
    o.meta.session = 79;
    o.meta.title = "Information and communications technologies for sustainable development";
    o.meta.adoption_date = "19 December 2024";
    n.meta.symbol = "A/C.2/80/L.17";
    n.meta.kind = document_kind::draft;
    n.meta.session = 80;
    n.meta.title = "Information and communications technologies for sustainable development";
    n.meta.distribution_date = "14 October 2025";
    o.preamble = {para("PP1", "Recalling its resolution 79/194,", part::preamble),
                  para("PP2", "Noting the seventy-ninth session,", part::preamble),
                  para("PP3", "Stressing the old concern,", part::preamble),
                  para("PP4", "Welcoming progress,", part::preamble)};
    o.operative = {para("OP1", "Encourages States to act as appropriate;", part::operative),
                   para("OP2", "Requests a report and also a briefing;", part::operative),
                   para("OP3", "Invites first;", part::operative),
                   para("OP4", "Invites second;", part::operative),
                   para("OP5", "Decides to remain seized;", part::operative),
                   para("OP6", "Calls for: (a) one; (b) two;", part::operative)};
    n.preamble = {para("PP1", "Recalling its resolution 79/194,", part::preamble),
                  para("PP2", "Noting the eightieth session,", part::preamble),
                  para("PP3", "Welcoming progress,", part::preamble),
                  para("PP4", xss_text, part::preamble)};
    n.operative = {para("OP1", "Urges States to act;", part::operative),
                   para("OP2", "Decides to remain seized;", part::operative),
                   para("OP3", "Requests a report;", part::operative),
                   para("OP4", "Also requests a briefing;", part::operative),
                   para("OP5", "Invites first and second;", part::operative),
                   para("OP6", "Calls for: (a) one; (b) two; (c) three;", part::operative)};
    o.footnotes = {{1, "See A/79/100.", {}}};
    n.footnotes = {{1, "See A/80/200.", {}}, {2, "New note.", {}}};

    const auto R = change_class::routine, L = change_class::lead, Q = change_class::qualifier,
               C = change_class::citation, S = change_class::substantive;
    auto& units = c.result.units;
    units.push_back(unit(unit_kind::unchanged, {"PP1"}, {"PP1"}, {eq("Recalling its resolution 79/194,")}));
    units.push_back(unit(unit_kind::modified, {"PP2"}, {"PP2"},
                         {eq("Noting the "), del("seventy-ninth", {R}), ins("eightieth", {R}), eq(" session,")}, {R}));
    units.push_back(unit(unit_kind::removed, {"PP3"}, {}, {del("Stressing the old concern,")}, {S}));
    units.push_back(unit(unit_kind::renumbered, {"PP4"}, {"PP3"}, {eq("Welcoming progress,")}));
    units.push_back(unit(unit_kind::added, {}, {"PP4"}, {ins(xss_text)}, {S}));
    auto op1 = unit(unit_kind::modified, {"OP1"}, {"OP1"},
                    {del("Encourages", {L}), ins("Urges", {L}), eq(" States to act"), del(" as appropriate", {Q}), eq(";")},
                    {L, Q});
    op1.lead = {"Encourages", "Urges", direction::strengthened};
    op1.qualifier_dir = direction::hardened;
    units.push_back(op1);
    units.push_back(unit(unit_kind::moved, {"OP5"}, {"OP2"}, {eq("Decides to remain seized;")}));
    units.push_back(unit(unit_kind::split, {"OP2"}, {"OP3", "OP4"},
                         {eq("Requests a report"), del(" and also a briefing"), ins("; Also requests a briefing"), eq(";")},
                         {S}));
    units.push_back(unit(unit_kind::merged, {"OP3", "OP4"}, {"OP5"},
                         {eq("Invites first"), del("; Invites"), ins(" and"), eq(" second;")}, {S}));
    auto op6 = unit(unit_kind::modified, {"OP6"}, {"OP6"}, {eq("Calls for: (a) one; (b) two;"), ins(" (c) three;")}, {S});
    op6.children = {unit(unit_kind::unchanged, {"OP6(a)"}, {"OP6(a)"}, {eq("one;")}),
                    unit(unit_kind::unchanged, {"OP6(b)"}, {"OP6(b)"}, {eq("two;")}),
                    unit(unit_kind::added, {}, {"OP6(c)"}, {ins("three;")}, {S})};
    units.push_back(op6);

    footnote_unit f1;
    f1.kind = unit_kind::modified;
    f1.old_number = 1;
    f1.new_number = 1;
    f1.ops = {eq("See "), del("A/79/100", {C, R}), ins("A/80/200", {C, R}), eq(".")};
    f1.classes = {C, R};
    footnote_unit f2;
    f2.kind = unit_kind::added;
    f2.new_number = 2;
    f2.ops = {ins("New note.")};
    f2.classes = {S};
    c.result.footnotes = {f1, f2};
    c.totals = summarize(c.result);
    return c;
}

// Word ops of a kind over the units and footnotes (what the report must show).
// The delete or insert ops a report marks: those of units and footnotes whose
// text changed (a change of white space alone is shown as plain text).
inline std::size_t count_ops(const comparison& c, op_kind k) {
    std::size_t n = 0;
    std::vector<word_op> storage;
    const auto add = [&](const std::vector<word_op>& ops) {  // a change of spelling alone is not marked
        for (const auto& op : spelling_as_equal(ops, k, storage)) n += op.op == k && !op.text.empty() ? 1 : 0;
    };
    for (const auto& u : c.result.units) add(u.ops);
    for (const auto& f : c.result.footnotes) add(f.ops);
    return n;
}

inline std::size_t count_of(std::string_view hay, std::string_view needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

}  // namespace render_sample
