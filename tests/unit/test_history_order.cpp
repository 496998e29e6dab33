// History stage: dates, the chronological order of versions and leaving out
// files that are not the same text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "resdiff/history.hpp"

using namespace resdiff;

namespace {

document meta_doc(const std::string& symbol, document_kind kind, int session, const std::string& adopted,
                  const std::string& distributed, const std::string& source = {}) {
    document d;
    d.meta.symbol = symbol;
    d.meta.kind = kind;
    d.meta.session = session;
    d.meta.adoption_date = adopted;
    d.meta.distribution_date = distributed;
    d.source = source.empty() ? symbol : source;
    return d;
}

std::vector<std::string> symbols_in(const std::vector<document>& docs, const std::vector<std::size_t>& order) {
    std::vector<std::string> out;
    for (const auto i : order) out.push_back(docs[i].meta.symbol);
    return out;
}

paragraph para(const std::string& id, const std::string& text) {
    paragraph p;
    p.id = id;
    p.where = id.rfind("OP", 0) == 0 ? part::operative : part::preamble;
    p.text = p.intro = text;
    return p;
}

}  // namespace

TEST_CASE("history: UN dates in their usual spellings", "[history][order]") {
    CHECK(parse_un_date("14 October 2025") == 20251014);
    CHECK(parse_un_date("Distr.: General 14 October 2025") == 20251014);
    CHECK(parse_un_date("1 Nov. 2023") == 20231101);
    CHECK(parse_un_date("October 14, 2025") == 20251014);
    CHECK(parse_un_date("2025-10-14") == 20251014);
    CHECK(parse_un_date("20 december 2010") == 20101220);
    CHECK(parse_un_date("Sept 9 2024") == 20240909);
    CHECK_FALSE(parse_un_date("").has_value());
    CHECK_FALSE(parse_un_date("Eightieth session").has_value());
    CHECK_FALSE(parse_un_date("32 October 2025").has_value());
    CHECK_FALSE(parse_un_date("14 Octopus 2025").has_value());
    CHECK_FALSE(parse_un_date("resolution 65/141").has_value());
}

TEST_CASE("history: session, kind and draft number from metadata, symbol or file name", "[history][order]") {
    const auto res = key_of(meta_doc("A/RES/80/118", document_kind::resolution, 80, "15 December 2025", "18 December 2025"));
    CHECK(res.session == 80);
    CHECK_FALSE(res.draft);
    CHECK(res.date == 20251215);   // adoption date for resolutions
    const auto draft = key_of(meta_doc("A/C.2/80/L.58", document_kind::draft, 0, "", "18 November 2025"));
    CHECK(draft.session == 80);
    CHECK(draft.draft);
    CHECK(draft.draft_number == 58);
    CHECK(draft.date == 20251118);
    const auto plenary = key_of(meta_doc("A/80/L.7", document_kind::unknown, 0, "", ""));
    CHECK(plenary.session == 80);
    CHECK(plenary.draft);
    CHECK(plenary.draft_number == 7);
    // No metadata at all: the corpus file name spells the symbol.
    document bare;
    bare.source = "/work/shared/corpus/A-C.2-80-L.17.txt";
    const auto from_name = key_of(bare);
    CHECK(from_name.symbol == "A/C.2/80/L.17");
    CHECK(from_name.session == 80);
    CHECK(from_name.draft);
    bare.source = "x/A-RES-65-141.txt";
    CHECK(key_of(bare).session == 65);
    CHECK_FALSE(key_of(bare).draft);
    bare.source = "notes.txt";
    CHECK(key_of(bare).symbol.empty());
    CHECK(key_of(bare).session == 0);
}

TEST_CASE("history: drafts of a session come between the previous resolution and the session's resolution", "[history][order]") {
    std::vector<document> docs;
    docs.push_back(meta_doc("A/RES/80/118", document_kind::resolution, 80, "15 December 2025", "18 December 2025"));
    docs.push_back(meta_doc("A/C.2/80/L.58", document_kind::draft, 80, "", "18 November 2025"));
    docs.push_back(meta_doc("A/RES/65/141", document_kind::resolution, 65, "20 December 2010", ""));
    docs.push_back(meta_doc("A/C.2/80/L.17", document_kind::draft, 80, "", "14 October 2025"));
    docs.push_back(meta_doc("A/RES/79/194", document_kind::resolution, 79, "19 December 2024", ""));
    std::string why;
    const auto order = chronological_order(docs, &why);
    REQUIRE(order.has_value());
    CHECK(symbols_in(docs, *order) ==
          std::vector<std::string>{"A/RES/65/141", "A/RES/79/194", "A/C.2/80/L.17", "A/C.2/80/L.58", "A/RES/80/118"});
}

TEST_CASE("history: drafts of one session follow their dates, not their numbers", "[history][order]") {
    std::vector<document> docs;
    docs.push_back(meta_doc("A/C.2/80/L.17", document_kind::draft, 80, "", "20 November 2025"));
    docs.push_back(meta_doc("A/C.2/80/L.58", document_kind::draft, 80, "", "14 October 2025"));
    const auto order = chronological_order(docs);
    REQUIRE(order.has_value());
    CHECK(symbols_in(docs, *order) == std::vector<std::string>{"A/C.2/80/L.58", "A/C.2/80/L.17"});
    // Same day: the draft number decides.
    docs[0].meta.distribution_date = docs[1].meta.distribution_date;
    const auto same_day = chronological_order(docs);
    REQUIRE(same_day.has_value());
    CHECK(symbols_in(docs, *same_day) == std::vector<std::string>{"A/C.2/80/L.17", "A/C.2/80/L.58"});
}

TEST_CASE("history: without session or date the given order is kept and the reason named", "[history][order]") {
    std::vector<document> docs;
    docs.push_back(meta_doc("", document_kind::unknown, 0, "", "", "second.txt"));
    docs.push_back(meta_doc("", document_kind::unknown, 0, "", "", "first.txt"));
    std::string why;
    CHECK_FALSE(chronological_order(docs, &why).has_value());
    CHECK(why.find("second.txt") != std::string::npos);

    docs[0].preamble.push_back(para("PP1", "Recalling its earlier resolutions on the matter,"));
    docs[1].preamble.push_back(para("PP1", "Recalling its earlier resolutions on the subject,"));
    const history h = build_history(docs);
    CHECK(h.order == order_used::given);
    CHECK(h.order_note.find("second.txt") != std::string::npos);
    CHECK(h.versions[0].source == "second.txt");

    history_options keep;
    keep.keep_order = true;
    docs[0].meta.session = 2;
    docs[1].meta.session = 1;
    const history kept = build_history(docs, keep);
    CHECK(kept.order == order_used::given);
    CHECK(kept.versions[0].source == "second.txt");
    const history sorted = build_history(docs);
    CHECK(sorted.order == order_used::chronological);
    CHECK(sorted.versions[0].source == "first.txt");
}

TEST_CASE("history: a file that is not the same text is left out and reported", "[history][order]") {
    const std::string ict_pp = "Recalling its resolutions on information and communications technologies for sustainable development,";
    const std::string ict_op = "Recognizes that information and communications technologies have the potential to provide new solutions to development challenges;";
    auto ict = [&](const std::string& symbol, int session, const std::string& extra) {
        document d = meta_doc(symbol, document_kind::resolution, session, "", "");
        d.meta.title = "Information and communications technologies for sustainable development";
        d.preamble.push_back(para("PP1", ict_pp));
        d.operative.push_back(para("OP1", ict_op));
        d.operative.push_back(para("OP2", extra));
        return d;
    };
    std::vector<document> docs;
    docs.push_back(ict("A/RES/78/132", 78, "Requests the Secretary-General to submit a report."));
    docs.push_back(ict("A/RES/79/194", 79, "Requests the Secretary-General to submit a report at its eighty-first session."));
    document other = meta_doc("A/RES/79/6", document_kind::resolution, 79, "", "");
    other.meta.title = "Report of the International Criminal Court";
    other.preamble.push_back(para("PP1", "Recalling the Rome Statute of the International Criminal Court,"));
    other.operative.push_back(para("OP1", "Welcomes the report of the Court on its activities in the past year;"));
    docs.push_back(other);
    docs.push_back(ict("A/RES/80/118", 80, "Decides to include the item in the provisional agenda."));

    const relatedness same = relate(docs[0], docs[1]);
    CHECK(same.title == Approx(1.0));
    CHECK(same.content > 0.5);
    const relatedness diff = relate(docs[0], other);
    CHECK(diff.title < 0.3);
    CHECK(diff.content < 0.2);

    const history h = build_history(docs);
    REQUIRE(h.versions.size() == 3);
    for (const auto& d : h.versions) CHECK(d.meta.symbol != "A/RES/79/6");
    REQUIRE(h.excluded.size() == 1);
    CHECK(h.excluded[0].symbol == "A/RES/79/6");
    CHECK(h.excluded[0].reason.find("not the same text") != std::string::npos);

    history_options all;
    all.keep_all = true;
    CHECK(build_history(docs, all).versions.size() == 4);
}

TEST_CASE("history: a version given twice, or copied, is left out; a text that comes back later is kept",
          "[history][order]") {
    const auto version = [](const std::string& symbol, int session, const std::string& op,
                            const std::string& source) {
        document d = meta_doc(symbol, document_kind::resolution, session, "", "", source);
        d.meta.title = "Information and communications technologies for sustainable development";
        d.preamble.push_back(
            para("PP1", "Recalling its resolutions on information and communications technologies,"));
        d.operative.push_back(para("OP1", op));
        return d;
    };
    const std::string report = "Requests the Secretary-General to submit a report.";
    const std::string later = "Requests the Secretary-General to submit a report at its next session.";
    std::vector<document> docs;
    docs.push_back(version("A/RES/78/132", 78, report, "corpus/A-RES-78-132.txt"));
    docs.push_back(version("A/RES/79/194", 79, later, "corpus/A-RES-79-194.txt"));
    docs.push_back(version("A/RES/78/132", 78, report, "corpus/A-RES-78-132.txt"));  // the same file again
    docs.push_back(version("A/RES/79/194", 79, later, "copies/final.txt"));  // a copy under another name
    const history h = build_history(docs);
    REQUIRE(h.versions.size() == 2);
    CHECK(h.versions[0].source == "corpus/A-RES-78-132.txt");
    CHECK(h.versions[1].source == "corpus/A-RES-79-194.txt");
    REQUIRE(h.excluded.size() == 2);
    CHECK(h.excluded[0].source == "corpus/A-RES-78-132.txt");
    CHECK(h.excluded[0].reason == "given twice");
    CHECK(h.excluded[1].source == "copies/final.txt");
    CHECK(h.excluded[1].reason == "the same text as the version before it (corpus/A-RES-79-194.txt)");

    // In the order given, a text that comes back after another version (a
    // change undone) is a version of its own.
    history_options given;
    given.keep_order = true;
    const std::vector<document> undone = {docs[0], docs[1], docs[0]};
    const history back = build_history(undone, given);
    CHECK(back.versions.size() == 3);
    CHECK(back.excluded.empty());

    history_options all;
    all.keep_all = true;
    CHECK(build_history(docs, all).versions.size() == 4);
}

TEST_CASE("history: an amendment, or a text read without structure, is left out when the others have it",
          "[history][order]") {
    const std::string title = "External debt sustainability and development";
    const auto version = [&](const std::string& symbol, int session, const std::string& op) {
        document d = meta_doc(symbol, document_kind::resolution, session, "", "");
        d.meta.title = title;
        d.preamble.push_back(
            para("PP1", "Recalling its resolutions on external debt sustainability and development,"));
        d.operative.push_back(para("OP1", op));
        return d;
    };
    // A/C.2/80/L.63 as parsed: one plain paragraph, the same title.
    document amendment = meta_doc("A/C.2/80/L.63", document_kind::draft, 80, "", "24 November 2025");
    amendment.meta.title = title;
    amendment.meta.amends = "A/C.2/80/L.12/Rev.1";
    amendment.structured = false;
    amendment.preamble.push_back(para("P1", "Delete operative paragraphs 3, 43 and 45."));
    document unread = amendment;
    unread.meta.symbol = unread.source = "notes.txt";
    unread.meta.amends.clear();
    unread.preamble.push_back(
        para("P2", "External debt sustainability and development, a second plain paragraph."));

    std::vector<document> docs = {version("A/RES/79/197", 79, "Requests a report."), amendment,
                                  version("A/RES/80/123", 80, "Requests a report at its next session."),
                                  unread};
    history_options given;
    given.keep_order = true;
    const history h = build_history(docs, given);
    REQUIRE(h.versions.size() == 2);
    CHECK(h.versions[0].meta.symbol == "A/RES/79/197");
    CHECK(h.versions[1].meta.symbol == "A/RES/80/123");
    REQUIRE(h.excluded.size() == 2);
    CHECK(h.excluded[0].symbol == "A/C.2/80/L.63");
    CHECK(h.excluded[0].reason ==
          "an amendment to draft resolution A/C.2/80/L.12/Rev.1, not a text of the resolution");
    CHECK(h.excluded[1].source == "notes.txt");
    CHECK(h.excluded[1].reason ==
          "no resolution structure recognized (2 plain paragraphs), unlike the other versions");
    // The preambular paragraph is the same text in both: unchanged, not
    // removed and added back around the amendment.
    REQUIRE(h.steps.size() == 1);
    CHECK(h.steps[0].units.front().kind == unit_kind::unchanged);

    // When no version has structure, none is left out for it; --keep-all keeps all.
    const history plain = build_history({amendment, unread}, given);
    CHECK(plain.versions.size() == 2);
    history_options all = given;
    all.keep_all = true;
    CHECK(build_history(docs, all).versions.size() == 4);
}
