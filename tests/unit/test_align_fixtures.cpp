// The aligner on the shipped fixtures pair: A/RES/65/141 and the example
// next-session draft written from it (fixtures/example-draft-66.txt), whose
// edits are known exactly because we made them.
#include <catch2/catch.hpp>

#include "resdiff/parse.hpp"
#include "support.hpp"
#include "unit/align_support.hpp"

namespace {

using resdiff::alignment;
using resdiff::alignment_unit;
using resdiff::unit_kind;

const alignment_unit* unit_with(const alignment& a, const std::vector<std::string>& old_ids,
                                const std::vector<std::string>& new_ids) {
    for (const auto& u : a.units) {
        if (u.old_ids == old_ids && u.new_ids == new_ids) return &u;
    }
    return nullptr;
}

void require_unit(const alignment& a, const std::vector<std::string>& old_ids, const std::vector<std::string>& new_ids,
                  unit_kind kind, bool text_changed) {
    INFO(align_test::key_of(old_ids, new_ids) << " expected " << resdiff::to_string(kind));
    const auto* u = unit_with(a, old_ids, new_ids);
    REQUIRE(u != nullptr);
    CHECK(u->kind == kind);
    CHECK(u->text_changed == text_changed);
}

// Every edit made in the example draft, found exactly.
void check_example_pair(const resdiff::document& old_doc, const resdiff::document& new_doc) {
    const alignment a = resdiff::align(old_doc, new_doc);
    CHECK(a.notes.empty());
    // Session and year rollovers, predecessor resolution 64/187 -> 65/141 (PP1),
    // ECOSOC 2010/2 -> 2011/16 (PP2), thirteenth -> fourteenth session of the
    // Commission (PP12), the sixth IGF meeting (PP22), WSIS Forum 2011 -> 2012
    // (OP13 -> OP12), sixty-sixth -> sixty-seventh session (OP23, OP24).
    require_unit(a, {"PP1"}, {"PP1"}, unit_kind::modified, true);
    require_unit(a, {"PP2"}, {"PP2"}, unit_kind::modified, true);
    require_unit(a, {"PP12"}, {"PP12"}, unit_kind::modified, true);
    require_unit(a, {"PP22"}, {"PP22"}, unit_kind::modified, true);
    require_unit(a, {"OP13"}, {"OP12"}, unit_kind::modified, true);
    require_unit(a, {"OP23"}, {"OP22"}, unit_kind::modified, true);
    require_unit(a, {"OP24"}, {"OP23"}, unit_kind::modified, true);
    // Reworded paragraphs: the Broadband Commission (PP8) and the digital divide (OP2).
    require_unit(a, {"PP8"}, {"PP8"}, unit_kind::modified, true);
    require_unit(a, {"OP2"}, {"OP2"}, unit_kind::modified, true);
    // Operative verb strengthened: "Encourages" -> "Urges" (OP10).
    require_unit(a, {"OP10"}, {"OP10"}, unit_kind::modified, true);
    // A deleted preambular paragraph (the financial crisis) and a new one in its
    // place (the Istanbul Programme of Action): different clauses, not "modified".
    require_unit(a, {"PP15"}, {}, unit_kind::removed, true);
    require_unit(a, {}, {"PP15"}, unit_kind::added, true);
    // A deleted operative paragraph (the ICT 4 All Forum).
    require_unit(a, {"OP11"}, {}, unit_kind::removed, true);
    // Two operative paragraphs merged into one, one split in two.
    require_unit(a, {"OP4", "OP5"}, {"OP4"}, unit_kind::merged, true);
    require_unit(a, {"OP7"}, {"OP6", "OP7"}, unit_kind::split, true);
    // Renumbered operative paragraphs (same text, new number).
    require_unit(a, {"OP6"}, {"OP5"}, unit_kind::renumbered, false);
    for (const auto& [o, n] : std::vector<std::pair<std::string, std::string>>{
             {"OP12", "OP11"}, {"OP14", "OP13"}, {"OP15", "OP14"}, {"OP16", "OP15"}, {"OP17", "OP16"}, {"OP22", "OP21"}}) {
        require_unit(a, {o}, {n}, unit_kind::renumbered, false);
    }
    // The participation paragraph moved up next to the IGF mandate: the only move.
    require_unit(a, {"OP21"}, {"OP17"}, unit_kind::moved, false);
    std::size_t moved = 0, changed = 0;
    for (const auto& u : a.units) {
        moved += u.moved ? 1 : 0;
        changed += u.kind != unit_kind::unchanged ? 1 : 0;
        CHECK_FALSE(u.crossed_part);
    }
    CHECK(moved == 1);
    // Unchanged paragraphs keep their place: OP18-OP20 were not renumbered.
    require_unit(a, {"OP18"}, {"OP18"}, unit_kind::unchanged, false);
    require_unit(a, {"PP25"}, {"PP25"}, unit_kind::unchanged, false);
    // Every unit not listed above is unchanged: 10 modified, 2 removed, 1 added,
    // 1 merged, 1 split, 7 renumbered, 1 moved.
    CHECK(changed == 10 + 2 + 1 + 1 + 1 + 7 + 1);
    // Reading order of the new text, removed units where they stood.
    std::vector<std::string> order;
    for (const auto& u : a.units) order.push_back(u.new_ids.empty() ? "-" + u.old_ids[0] : u.new_ids[0]);
    const auto at = [&](const std::string& s) { return std::find(order.begin(), order.end(), s) - order.begin(); };
    CHECK(at("-PP15") == at("PP14") + 1);
    CHECK(at("-OP11") == at("OP10") + 1);
    CHECK(at("PP1") == 0);
    CHECK(at("OP23") == static_cast<long>(order.size()) - 1);
    // Footnotes: 1-7 and 9-11 unchanged, 8 (the Secretary-General's report)
    // modified, 12 (the Istanbul conference report) new.
    REQUIRE(a.footnotes.size() == 12);
    for (const auto& f : a.footnotes) {
        INFO("footnote " << f.old_number << " -> " << f.new_number);
        if (f.new_number == 12) {
            CHECK(f.kind == unit_kind::added);
            CHECK(f.old_number == 0);
        } else if (f.new_number == 8) {
            CHECK(f.kind == unit_kind::modified);
            CHECK(f.old_number == 8);
        } else {
            CHECK(f.kind == unit_kind::unchanged);
            CHECK(f.old_number == f.new_number);
        }
    }
}

}  // namespace

TEST_CASE("aligner finds every edit of the example draft (documents read without the parser)", "[align][fixtures]") {
    const auto old_doc = align_test::load_text_export(read_file(fixture("A-RES-65-141.txt")));
    const auto new_doc = align_test::load_text_export(read_file(fixture("example-draft-66.txt")));
    REQUIRE(old_doc.preamble.size() == 25);
    REQUIRE(old_doc.operative.size() == 24);
    REQUIRE(old_doc.footnotes.size() == 11);
    REQUIRE(new_doc.preamble.size() == 25);
    REQUIRE(new_doc.operative.size() == 23);
    REQUIRE(new_doc.footnotes.size() == 12);
    check_example_pair(old_doc, new_doc);
}

// The same checks on the documents as the real parser reads them (a draft in
// the text-export layout, with no "NNth plenary meeting" line).
TEST_CASE("aligner finds every edit of the example draft (parsed)", "[align][fixtures]") {
    const auto old_doc = resdiff::parse_file(fixture("A-RES-65-141.txt"));
    const auto new_doc = resdiff::parse_file(fixture("example-draft-66.txt"));
    REQUIRE(old_doc.preamble.size() == 25);
    REQUIRE(old_doc.operative.size() == 24);
    REQUIRE(new_doc.preamble.size() == 25);
    REQUIRE(new_doc.operative.size() == 23);
    check_example_pair(old_doc, new_doc);
}

TEST_CASE("aligning a document with itself gives only unchanged units", "[align][fixtures]") {
    const auto doc = align_test::load_text_export(read_file(fixture("A-RES-65-141.txt")));
    const auto a = resdiff::align(doc, doc);
    REQUIRE(a.units.size() == 49);
    for (const auto& u : a.units) {
        CHECK(u.kind == unit_kind::unchanged);
        CHECK(u.old_ids == u.new_ids);
    }
    REQUIRE(a.footnotes.size() == 11);
    for (const auto& f : a.footnotes) CHECK(f.kind == unit_kind::unchanged);
}
