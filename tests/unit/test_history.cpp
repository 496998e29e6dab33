// History stage: lineage, word blame and statistics on versions and
// alignments built in code, so every expectation is under the test's control.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "resdiff/history.hpp"

using namespace resdiff;

namespace {

paragraph para(const std::string& id, const std::string& text) {
    paragraph p;
    p.id = id;
    p.where = id.rfind("OP", 0) == 0 ? part::operative : part::preamble;
    if (p.where == part::operative) p.number = id.substr(2);
    p.text = text;
    p.intro = text;
    return p;
}

document doc(const std::string& symbol, std::vector<paragraph> paras) {
    document d;
    d.meta.symbol = symbol;
    d.source = symbol;
    for (auto& p : paras) (p.where == part::preamble ? d.preamble : d.operative).push_back(std::move(p));
    return d;
}

word_op eq(const std::string& t) { return {op_kind::equal, t, {}}; }
word_op del(const std::string& t) { return {op_kind::del, t, {}}; }
word_op ins(const std::string& t) { return {op_kind::ins, t, {}}; }

alignment_unit unit(unit_kind kind, std::vector<std::string> olds, std::vector<std::string> news, std::vector<word_op> ops) {
    alignment_unit u;
    u.kind = kind;
    u.old_ids = std::move(olds);
    u.new_ids = std::move(news);
    u.ops = std::move(ops);
    u.text_changed = kind != unit_kind::unchanged && kind != unit_kind::renumbered;
    u.moved = kind == unit_kind::moved;
    return u;
}

std::string joined(const paragraph_blame& b) {
    std::string s;
    for (const auto& r : b.runs) s += r.text;
    return s;
}

const lineage_entry& entry(const history& h, std::size_t version, const std::string& id) {
    for (const auto& e : h.lineage[version].paragraphs) {
        if (e.id == id) return e;
    }
    FAIL("no paragraph " << id << " in version " << version);
    throw;
}

// Three versions:
//   v0: PP1 "Recalling its resolution 65/141,"  OP1 "Requests a report;"  OP2 "Decides to include the item."
//   v1: PP1 unchanged; OP1 reworded; OP2 dropped; OP2 new.
//   v2: OP1 (v1) split into OP1 + OP2; OP2 (v1) moved before them as OP1... kept simple below.
history three_versions() {
    std::vector<document> v;
    v.push_back(doc("A/RES/1/1", {para("PP1", "Recalling its resolution 65/141,"),
                                  para("OP1", "Requests the Secretary-General to report;"),
                                  para("OP2", "Decides to include the item.")}));
    v.push_back(doc("A/RES/2/1", {para("PP1", "Recalling its resolution 65/141,"),
                                  para("OP1", "Requests the Secretary-General to submit a report;"),
                                  para("OP2", "Invites Member States to act.")}));
    v.push_back(doc("A/RES/3/1", {para("PP1", "Recalling its resolution 65/141,"),
                                  para("OP1", "Requests the Secretary-General to submit a report"),
                                  para("OP2", "and recommendations;"),
                                  para("OP3", "Invites Member States and others to act.")}));
    std::vector<alignment> steps(2);
    steps[0].units = {
        unit(unit_kind::unchanged, {"PP1"}, {"PP1"}, {eq("Recalling its resolution 65/141,")}),
        unit(unit_kind::modified, {"OP1"}, {"OP1"}, {eq("Requests the Secretary-General to "), ins("submit a "), eq("report;")}),
        unit(unit_kind::removed, {"OP2"}, {}, {del("Decides to include the item.")}),
        unit(unit_kind::added, {}, {"OP2"}, {ins("Invites Member States to act.")}),
    };
    steps[1].units = {
        unit(unit_kind::unchanged, {"PP1"}, {"PP1"}, {eq("Recalling its resolution 65/141,")}),
        // Split: the new texts joined by a space.
        unit(unit_kind::split, {"OP1"}, {"OP1", "OP2"},
             {eq("Requests the Secretary-General to submit a report"), del(";"), ins(" and recommendations;")}),
        unit(unit_kind::modified, {"OP2"}, {"OP3"}, {eq("Invites Member States "), ins("and others "), eq("to act.")}),
    };
    return derive_history(std::move(v), std::move(steps));
}

}  // namespace

TEST_CASE("history: lineage links each paragraph to its predecessors, origin and changes", "[history]") {
    const history h = three_versions();
    REQUIRE(h.versions.size() == 3);
    REQUIRE(h.lineage.size() == 3);
    CHECK(h.notes.empty());

    const auto& pp1 = entry(h, 2, "PP1");
    CHECK(pp1.origin == 0);
    CHECK(pp1.changed_in.empty());
    CHECK(pp1.predecessors == std::vector<std::string>{"PP1"});
    CHECK_FALSE(pp1.text_changed);

    const auto& op1 = entry(h, 2, "OP1");
    CHECK(op1.kind == unit_kind::split);
    CHECK(op1.predecessors == std::vector<std::string>{"OP1"});
    CHECK(op1.origin == 0);
    CHECK(op1.changed_in == std::vector<std::size_t>{1, 2});

    const auto& op2 = entry(h, 2, "OP2");   // second half of the split
    CHECK(op2.predecessors == std::vector<std::string>{"OP1"});
    CHECK(op2.origin == 0);

    const auto& op3 = entry(h, 2, "OP3");   // "Invites" came in version 1 as OP2
    CHECK(op3.predecessors == std::vector<std::string>{"OP2"});
    CHECK(op3.origin == 1);
    CHECK(op3.changed_in == std::vector<std::size_t>{2});

    // Successors: OP1 of version 1 went to OP1 and OP2 of version 2.
    CHECK(entry(h, 1, "OP1").successors == std::vector<std::string>{"OP1", "OP2"});
    CHECK(entry(h, 1, "OP2").kind == unit_kind::added);
    CHECK(entry(h, 1, "OP2").successors == std::vector<std::string>{"OP3"});

    // The dropped paragraph says when.
    REQUIRE(h.lineage[1].dropped.size() == 1);
    CHECK(h.lineage[1].dropped[0].id == "OP2");
    CHECK(h.lineage[1].dropped[0].version == 1);
    CHECK(h.lineage[1].dropped[0].origin == 0);
    CHECK(entry(h, 0, "OP2").successors.empty());
    CHECK(h.lineage[2].dropped.empty());

    CHECK(ancestors_at(h, "OP3", 1) == std::vector<std::string>{"OP2"});
    CHECK(ancestors_at(h, "OP3", 0).empty());
    CHECK(ancestors_at(h, "OP2", 0) == std::vector<std::string>{"OP1"});
}

TEST_CASE("history: blame keeps the age of old words through rewordings and splits", "[history]") {
    const history h = three_versions();
    const auto& newest = h.blame.back();
    REQUIRE(newest.size() == 4);
    CHECK(newest[0].runs == std::vector<blame_run>{{0, "Recalling its resolution 65/141,"}});
    CHECK(newest[1].runs == std::vector<blame_run>{{0, "Requests the Secretary-General to "}, {1, "submit a "}, {0, "report"}});
    // The split's second half: "and recommendations;" is new in version 2 (the
    // old ';' was deleted and a new one inserted).
    CHECK(newest[2].runs == std::vector<blame_run>{{2, "and recommendations;"}});
    CHECK(newest[3].runs == std::vector<blame_run>{{1, "Invites Member States "}, {2, "and others "}, {1, "to act."}});
    // Every version's blame spells its paragraphs exactly.
    for (std::size_t k = 0; k < h.versions.size(); ++k) {
        const auto& d = h.versions[k];
        std::size_t i = 0;
        for (const auto* list : {&d.preamble, &d.operative}) {
            for (const auto& p : *list) {
                REQUIRE(i < h.blame[k].size());
                CHECK(h.blame[k][i].id == p.id);
                CHECK(joined(h.blame[k][i]) == p.text);
                ++i;
            }
        }
        CHECK(i == h.blame[k].size());
    }
}

TEST_CASE("history: statistics per version", "[history]") {
    const history h = three_versions();
    const auto& s0 = h.stats[0];
    CHECK(s0.paragraphs == 3);
    CHECK(s0.unchanged_since_first == 1.0);
    const auto& s1 = h.stats[1];
    CHECK(s1.paragraphs == 3);
    CHECK(s1.added == 1);
    CHECK(s1.removed == 1);
    CHECK(s1.modified == 1);
    CHECK(s1.unchanged == 1);
    CHECK(s1.moved == 0);
    CHECK(s1.words_added == 2 + 5);     // "submit a" + "Invites Member States to act"
    CHECK(s1.words_removed == 5);       // "Decides to include the item"
    // Words of version 1: PP1 4 (Recalling its resolution 65 141 -> 5 tokens), counted by letters/digits runs.
    // PP1: Recalling|its|resolution|65|141 = 5; OP1: Requests|the|Secretary|General|to|submit|a|report = 8;
    // OP2: Invites|Member|States|to|act = 5. From version 0: 5 + 6 = 11 of 18.
    CHECK(s1.words == 18);
    CHECK(s1.unchanged_since_first == Approx(11.0 / 18.0));
    const auto& s2 = h.stats[2];
    CHECK(s2.paragraphs == 4);
    CHECK(s2.modified == 3);   // OP1 + OP2 from the split, OP3 reworded
    CHECK(s2.unchanged == 1);
    CHECK(s2.added == 0);
    CHECK(s2.removed == 0);
    CHECK(s2.words_added == 4);     // and recommendations, and others
    CHECK(s2.words_removed == 0);
}

TEST_CASE("history: moves and merges are followed", "[history]") {
    std::vector<document> v;
    v.push_back(doc("A/RES/1/1", {para("OP1", "Stresses the need for action;"), para("OP2", "Urges States to act;"),
                                  para("OP3", "Calls for funding.")}));
    v.push_back(doc("A/RES/2/1", {para("OP1", "Urges States to act;"), para("OP2", "Stresses the need for action; Calls for funding.")}));
    std::vector<alignment> steps(1);
    steps[0].units = {
        unit(unit_kind::moved, {"OP2"}, {"OP1"}, {eq("Urges States to act;")}),
        unit(unit_kind::merged, {"OP1", "OP3"}, {"OP2"}, {eq("Stresses the need for action; Calls for funding.")}),
    };
    steps[0].units[0].text_changed = false;
    const history h = derive_history(std::move(v), std::move(steps));
    const auto& moved = entry(h, 1, "OP1");
    CHECK(moved.moved);
    CHECK_FALSE(moved.text_changed);
    CHECK(moved.predecessors == std::vector<std::string>{"OP2"});
    const auto& merged = entry(h, 1, "OP2");
    CHECK(merged.kind == unit_kind::merged);
    CHECK(merged.predecessors == std::vector<std::string>{"OP1", "OP3"});
    // Merging with the joining space only: the text did not change.
    CHECK_FALSE(merged.text_changed);
    CHECK(h.stats[1].moved == 1);
    CHECK(h.stats[1].unchanged == 1);
    CHECK(h.stats[1].removed == 0);
    CHECK(h.blame[1][1].runs == std::vector<blame_run>{{0, "Stresses the need for action; Calls for funding."}});
    CHECK(h.stats[1].unchanged_since_first == 1.0);
}

TEST_CASE("history: ops that do not spell the texts are re-diffed, unmentioned paragraphs are new", "[history]") {
    std::vector<document> v;
    v.push_back(doc("A/RES/1/1", {para("OP1", "Welcomes the report of the Secretary-General;")}));
    v.push_back(doc("A/RES/2/1", {para("OP1", "Welcomes with appreciation the report of the Secretary-General;"),
                                  para("OP2", "Decides to remain seized of the matter.")}));
    std::vector<alignment> steps(1);
    // Wrong ops (they spell other texts) and OP2 left out of the alignment.
    steps[0].units = {unit(unit_kind::modified, {"OP1"}, {"OP1"}, {eq("something else")})};
    const history h = derive_history(std::move(v), std::move(steps));
    REQUIRE(h.notes.size() == 2);
    CHECK(h.notes[0].find("recomputed") != std::string::npos);
    CHECK(h.notes[1].find("counted as new") != std::string::npos);
    CHECK(entry(h, 1, "OP2").kind == unit_kind::added);
    CHECK(entry(h, 1, "OP2").origin == 1);
    // Whatever the word diff, the blame spells the text, and "Welcomes" is old
    // exactly when the recomputed diff kept it as an equal token.
    CHECK(joined(h.blame[1][0]) == "Welcomes with appreciation the report of the Secretary-General;");
    REQUIRE_FALSE(h.blame[1][0].runs.empty());
    REQUIRE_FALSE(h.steps[0].units[0].ops.empty());
    CHECK((h.blame[1][0].runs.front().version == 0) == (h.steps[0].units[0].ops.front().op == op_kind::equal));
    CHECK(h.blame[1][1].runs == std::vector<blame_run>{{1, "Decides to remain seized of the matter."}});
    // The stored step now holds the recomputed ops.
    std::string old_text, new_text;
    for (const auto& op : h.steps[0].units[0].ops) {
        if (op.op != op_kind::ins) old_text += op.text;
        if (op.op != op_kind::del) new_text += op.text;
    }
    CHECK(old_text == "Welcomes the report of the Secretary-General;");
    CHECK(new_text == "Welcomes with appreciation the report of the Secretary-General;");
}

TEST_CASE("history: a single version and bad input", "[history]") {
    std::vector<document> one;
    one.push_back(doc("A/RES/1/1", {para("PP1", "Recalling,")}));
    const history h = derive_history(one, {});
    CHECK(h.versions.size() == 1);
    CHECK(h.blame[0][0].runs == std::vector<blame_run>{{0, "Recalling,"}});
    CHECK_THROWS_AS(derive_history({}, {}), std::invalid_argument);
    CHECK_THROWS_AS(derive_history(one, std::vector<alignment>(1)), std::invalid_argument);
    CHECK_THROWS_AS(build_history({}), std::invalid_argument);
}

TEST_CASE("history: a change of white space alone is no change of the text", "[history][whitespace]") {
    // The PDF extractions of the corpus put a space before a comma in one
    // version and not in the next: the paragraph did not change there.
    std::vector<document> v;
    v.push_back(doc("A/RES/1/1", {para("OP1", "Welcomes the support of micro-, small enterprises;")}));
    v.push_back(doc("A/RES/2/1", {para("OP1", "Welcomes the support of micro -, small enterprises;")}));
    v.push_back(
        doc("A/RES/3/1", {para("OP1", "Welcomes the support of micro -, small and medium enterprises;")}));
    std::vector<alignment> steps(2);
    // As the aligner hands it before the diff stage: "modified" (the texts differ as they stand).
    steps[0].units = {unit(unit_kind::modified, {"OP1"}, {"OP1"},
                           {eq("Welcomes the support of micro"), ins(" "), eq("-, small enterprises;")})};
    steps[1].units = {
        unit(unit_kind::modified, {"OP1"}, {"OP1"},
             {eq("Welcomes the support of micro -, small "), ins("and medium "), eq("enterprises;")})};
    const history h = derive_history(std::move(v), std::move(steps));
    CHECK_FALSE(entry(h, 1, "OP1").text_changed);
    CHECK(entry(h, 1, "OP1").changed_in.empty());
    CHECK(entry(h, 2, "OP1").text_changed);
    CHECK(entry(h, 2, "OP1").changed_in == std::vector<std::size_t>{2});
}

TEST_CASE("history html: a change of spelling beside a real edit is not marked", "[history][html]") {
    // 78/132 -> 79/194 (OP44 -> OP48): "tr ansparent" of a text export
    // repaired while words were added (own wording here).
    std::vector<document> v;
    v.push_back(
        doc("A/RES/1/1", {para("OP1", "Recognizes the creation of tr ansparent regulatory frameworks;")}));
    v.push_back(doc("A/RES/2/1", {para("OP1",
                                       "Recognizes in particular the creation of transparent regulatory "
                                       "frameworks;")}));
    history_options options;
    options.keep_all = true;  // two versions without title or agenda item
    const history h = build_history(std::move(v), options);
    REQUIRE(h.lineage.size() == 2);
    REQUIRE(entry(h, 1, "OP1").text_changed);
    const std::string page = render_history_html(h);
    CHECK(page.find("Recognizes <ins>in particular </ins>the creation of transparent regulatory") !=
          std::string::npos);
    CHECK(page.find("tr ansparent</del>") == std::string::npos);
    CHECK(page.find(">transparent</ins>") == std::string::npos);
}
