// The align stage on documents built in code: each rule of the pipeline.
#include <catch2/catch.hpp>

#include <string>

#include "align_detail.hpp"
#include "support.hpp"
#include "unit/align_support.hpp"

using align_test::make_document;
using resdiff::unit_kind;

namespace {

const std::vector<std::string> pp = {
    "Recalling its resolution 79/194 of 19 December 2024 on information and communications technologies for sustainable development,",
    "Recognizing that the digital divide persists between and within countries and between women and men,",
    "Noting with concern the slow progress in connecting the least developed countries to broadband networks,",
    "Welcoming the work of the Commission on Science and Technology for Development as the focal point of the follow-up,",
};
const std::vector<std::string> op = {
    "Recognizes that information and communications technologies can foster economic growth and social inclusion;",
    "Calls upon all stakeholders to provide adequate resources, capacity-building and technology transfer to developing countries;",
    "Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution;",
    "Decides to include in the provisional agenda of its eighty-first session the item entitled \"Information and communications technologies for sustainable development\".",
};

const resdiff::alignment_unit* find_old(const resdiff::alignment& a, const std::string& id) {
    for (const auto& u : a.units) {
        for (const auto& o : u.old_ids) {
            if (o == id) return &u;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("a preambular paragraph that became operative is found as moved across parts", "[align]") {
    const auto old_doc = make_document(pp, op);
    auto new_pp = pp;
    new_pp.erase(new_pp.begin() + 2);
    auto new_op = op;
    new_op.insert(new_op.begin() + 1,
                  "Notes with concern the slow progress in connecting the least developed countries to broadband networks;");
    const auto a = resdiff::align(old_doc, make_document(new_pp, new_op));
    const auto* u = find_old(a, "PP3");
    REQUIRE(u != nullptr);
    CHECK(u->new_ids == std::vector<std::string>{"OP2"});
    CHECK(u->kind == unit_kind::moved);
    CHECK(u->moved);
    CHECK(u->crossed_part);
    CHECK(u->text_changed);
    // The operative paragraphs after it were renumbered, not moved.
    REQUIRE(find_old(a, "OP2") != nullptr);
    CHECK(find_old(a, "OP2")->kind == unit_kind::renumbered);
    CHECK(find_old(a, "PP4")->kind == unit_kind::unchanged);
}

TEST_CASE("a sub-paragraph that became its own operative paragraph makes a split", "[align]") {
    auto old_doc = make_document(pp, op);
    auto& host = old_doc.operative[1];
    host.intro = "Calls upon all stakeholders:";
    host.subparagraphs = {{"", "(a)", "to provide adequate resources, capacity-building and technology transfer to developing countries;", {}, {}, {}},
                          {"", "(b)", "to support the participation of developing countries in the Internet Governance Forum;", {}, {}, {}},
                          {"", "(c)", "to promote multilingual content and local languages on the Internet;", {}, {}, {}}};
    align_test::renumber(old_doc);
    auto new_doc = old_doc;
    auto& nh = new_doc.operative[1];
    nh.subparagraphs.erase(nh.subparagraphs.begin() + 1);
    nh.subparagraphs[1].label = "(b)";
    new_doc.operative.insert(new_doc.operative.begin() + 2,
                             align_test::make_paragraph("Invites all stakeholders to support the participation of developing countries in the Internet Governance Forum;"));
    align_test::renumber(new_doc);
    const auto a = resdiff::align(old_doc, new_doc);
    const auto* u = find_old(a, "OP2");
    REQUIRE(u != nullptr);
    CHECK(u->kind == unit_kind::split);
    CHECK(u->new_ids == std::vector<std::string>{"OP2", "OP3"});
    // Children: (a) unchanged, (c) -> (b) renumbered, (b) -> OP3 split off.
    REQUIRE(u->children.size() == 3);
    bool saw_split = false, saw_renumbered = false;
    for (const auto& c : u->children) {
        if (c.old_ids == std::vector<std::string>{"OP2(b)"}) {
            CHECK(c.new_ids == std::vector<std::string>{"OP3"});
            CHECK(c.kind == unit_kind::split);
            saw_split = true;
        }
        if (c.old_ids == std::vector<std::string>{"OP2(c)"}) {
            CHECK(c.new_ids == std::vector<std::string>{"OP2(b)"});
            CHECK(c.kind == unit_kind::renumbered);
            saw_renumbered = true;
        }
    }
    CHECK(saw_split);
    CHECK(saw_renumbered);
    CHECK(find_old(a, "OP3")->kind == unit_kind::renumbered);   // OP3 -> OP4

    SECTION("and the reverse is a merge") {
        const auto b = resdiff::align(new_doc, old_doc);
        const resdiff::alignment_unit* m = nullptr;
        for (const auto& x : b.units) {
            if (x.kind == unit_kind::merged) m = &x;
        }
        REQUIRE(m != nullptr);
        CHECK(m->old_ids == std::vector<std::string>{"OP2", "OP3"});
        CHECK(m->new_ids == std::vector<std::string>{"OP2"});
        bool saw = false;
        for (const auto& c : m->children) {
            if (c.kind == unit_kind::merged) {
                CHECK(c.old_ids == std::vector<std::string>{"OP3"});
                CHECK(c.new_ids == std::vector<std::string>{"OP2(b)"});
                saw = true;
            }
        }
        CHECK(saw);
    }
}

TEST_CASE("moves: the longest increasing subsequence keeps the fewest paragraphs moved", "[align]") {
    std::vector<std::string> ops;
    for (int i = 0; i < 8; ++i) {
        ops.push_back("Decides to consider the question of item number " + std::to_string(i) +
                      " concerning topic " + std::string(1, static_cast<char>('A' + i)) + " at a future session;");
    }
    const auto old_doc = make_document({}, ops);
    auto moved = ops;
    std::rotate(moved.begin() + 1, moved.begin() + 6, moved.begin() + 7);   // old OP7 moves to place 2
    const auto a = resdiff::align(old_doc, make_document({}, moved));
    int n_moved = 0;
    for (const auto& u : a.units) {
        if (u.moved) {
            ++n_moved;
            CHECK(u.old_ids == std::vector<std::string>{"OP7"});
            CHECK(u.new_ids == std::vector<std::string>{"OP2"});
            CHECK(u.kind == unit_kind::moved);
            CHECK_FALSE(u.text_changed);
        }
    }
    CHECK(n_moved == 1);
}

TEST_CASE("the threshold separates a rewording from a different clause", "[align]") {
    const double t = resdiff::detail::default_align_threshold();
    const auto m = resdiff::detail::similarity_matrix(
        {"Encourages all stakeholders to ensure the full participation of women in the information society and women's access to the new technologies;",
         "Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution;"},
        {"Urges all stakeholders to ensure the full, equal and meaningful participation of women and girls in the digital economy and their access to new technologies;",
         "Decides to include in the provisional agenda of its eighty-first session the item entitled \"Information and communications technologies for sustainable development\";"});
    CHECK(m[0][0] >= t);   // same clause, reworded
    CHECK(m[1][1] < t);    // different clauses sharing "eighty-first session"
    CHECK(m[0][1] < t);
}

TEST_CASE("footnotes are aligned by content even when renumbered", "[align]") {
    auto old_doc = make_document(pp, op);
    auto new_doc = old_doc;
    old_doc.footnotes = {{1, "See resolution 70/1.", {}}, {2, "A/80/64-E/2025/12.", {}}, {3, "See A/CONF.227/20.", {}}};
    new_doc.footnotes = {{1, "See resolution 70/1.", {}}, {2, "See resolution 78/132.", {}}, {3, "A/80/64-E/2025/12.", {}}};
    const auto a = resdiff::align(old_doc, new_doc);
    REQUIRE(a.footnotes.size() == 4);
    CHECK(a.footnotes[0].kind == unit_kind::unchanged);
    CHECK(a.footnotes[1].kind == unit_kind::added);
    CHECK(a.footnotes[1].new_number == 2);
    CHECK(a.footnotes[2].kind == unit_kind::renumbered);
    CHECK(a.footnotes[2].old_number == 2);
    CHECK(a.footnotes[2].new_number == 3);
    CHECK(a.footnotes[3].kind == unit_kind::removed);
    CHECK(a.footnotes[3].old_number == 3);
}

TEST_CASE("past max_pairs the aligner falls back to positions and says so", "[align]") {
    const auto base = align_test::load_text_export(read_file(fixture("A-RES-65-141.txt")));
    auto edited = base;
    for (auto& p : edited.operative) p.text = align_test::reword_phrases(p.text, 0.2, *std::make_unique<align_test::rng>(7));
    resdiff::align_options o;
    o.max_pairs = 10;
    const auto a = resdiff::align(base, edited, o);
    REQUIRE(a.notes.size() == 1);
    CHECK(a.notes[0].find("by position") != std::string::npos);
    // Still a complete alignment: every paragraph appears exactly once per side.
    std::size_t olds = 0, news = 0;
    for (const auto& u : a.units) olds += u.old_ids.size(), news += u.new_ids.size();
    CHECK(olds == 49);
    CHECK(news == 49);
    const auto precise = resdiff::align(base, edited);
    CHECK(precise.notes.empty());
}

TEST_CASE("large and unrelated inputs align completely", "[align]") {
    // 2,000 paragraphs against 2,000 unrelated ones, and against a copy with edits.
    std::vector<std::string> a_ops, b_ops;
    align_test::rng r(42);
    // Made-up words of letters only ("w" + base-26 digits).
    const auto word = [](char first, std::size_t k) {
        std::string w(1, first);
        for (int d = 0; d < 3; ++d, k /= 26) w += static_cast<char>('a' + k % 26);
        return w;
    };
    for (int i = 0; i < 2000; ++i) {
        std::string s = "Decides", t = "Requests";
        for (int k = 0; k < 30; ++k) s.append(" ").append(word('w', r.below(5000)));
        for (int k = 0; k < 30; ++k) t.append(" ").append(word('v', r.below(5000)));
        a_ops.push_back(s + ";");
        b_ops.push_back(t + ";");
    }
    const auto a = make_document({}, a_ops);
    const auto unrelated = resdiff::align(a, make_document({}, b_ops));
    std::size_t added = 0, removed = 0;
    for (const auto& u : unrelated.units) {
        added += u.kind == unit_kind::added;
        removed += u.kind == unit_kind::removed;
    }
    CHECK(added == 2000);
    CHECK(removed == 2000);
    auto edited = a_ops;
    for (std::size_t i = 0; i < edited.size(); i += 10) edited[i] = align_test::reword_phrases(edited[i], 0.2, r);
    const auto close = resdiff::align(a, make_document({}, edited));
    std::size_t paired = 0;
    for (const auto& u : close.units) paired += (!u.old_ids.empty() && !u.new_ids.empty() && u.old_ids == u.new_ids);
    CHECK(paired == 2000);
}

TEST_CASE("empty documents and one-sided changes", "[align]") {
    const resdiff::document empty;
    CHECK(resdiff::align(empty, empty).units.empty());
    const auto doc = make_document(pp, op);
    const auto all_added = resdiff::align(empty, doc);
    REQUIRE(all_added.units.size() == pp.size() + op.size());
    for (const auto& u : all_added.units) CHECK(u.kind == unit_kind::added);
    CHECK(all_added.units.front().new_ids == std::vector<std::string>{"PP1"});
    CHECK(all_added.units.back().new_ids == std::vector<std::string>{"OP4"});
    const auto all_removed = resdiff::align(doc, empty);
    REQUIRE(all_removed.units.size() == pp.size() + op.size());
    for (const auto& u : all_removed.units) CHECK(u.kind == unit_kind::removed);
    // Removed units keep the old reading order.
    CHECK(all_removed.units.front().old_ids == std::vector<std::string>{"PP1"});
    CHECK(all_removed.units.back().old_ids == std::vector<std::string>{"OP4"});
}

TEST_CASE("alignment is deterministic", "[align]") {
    const auto base = align_test::load_text_export(read_file(fixture("A-RES-65-141.txt")));
    const auto sp = align_test::make_synthetic(base, {"Decides to remain seized of the matter."}, 77, 12);
    CHECK(resdiff::align(sp.old_doc, sp.new_doc) == resdiff::align(sp.old_doc, sp.new_doc));
}

TEST_CASE("a copy of an existing paragraph inserted elsewhere is the added one", "[align]") {
    const auto old_doc = make_document(pp, op);
    auto new_op = op;
    new_op.insert(new_op.begin(), op[2]);   // OP3's text copied in as a new OP1
    const auto a = resdiff::align(old_doc, make_document(pp, new_op));
    const auto* u = find_old(a, "OP3");
    REQUIRE(u != nullptr);
    CHECK(u->new_ids == std::vector<std::string>{"OP4"});
    CHECK(u->kind == unit_kind::renumbered);
    CHECK(a.units[pp.size()].kind == unit_kind::added);
    CHECK(a.units[pp.size()].new_ids == std::vector<std::string>{"OP1"});
    for (const auto& x : a.units) CHECK_FALSE(x.moved);
}

TEST_CASE("a rolled-over short paragraph differing only in symbol and date stays the same clause", "[align]") {
    // The first paragraph of nearly every resolution: only the predecessor's
    // symbol and date change. Numbers, years, months, symbols and ordinal
    // session words are placeholders, so the pair scores near identity.
    for (const auto& [before, after] : std::vector<std::pair<std::string, std::string>>{
             {"Recalling its resolution 79/194 of 19 December 2024,", "Recalling its resolution 80/118 of 15 December 2025,"},
             {"Recalling its resolution 79/194 of 19 December 2024 on information and communications technologies for "
              "sustainable development,",
              "Recalling its resolution 80/118 of 15 December 2025 on information and communications technologies for "
              "sustainable development,"},
             {"Recalling its resolution 78/6 of 1 November 2023 and all its previous relevant resolutions,",
              "Recalling its resolution 79/6 of 29 October 2024 and all its previous relevant resolutions,"},
         }) {
        INFO(before << " -> " << after);
        auto old_pp = pp, new_pp = pp;
        old_pp[0] = before;
        new_pp[0] = after;
        auto new_op = op;
        new_op[2] = "Requests the Secretary-General to submit to the General Assembly at its eighty-second session a report "
                    "on the implementation of the present resolution;";
        const auto a = resdiff::align(make_document(old_pp, op), make_document(new_pp, new_op));
        const auto* u = find_old(a, "PP1");
        REQUIRE(u != nullptr);
        CHECK(u->new_ids == std::vector<std::string>{"PP1"});
        CHECK(u->kind == unit_kind::modified);
        CHECK(u->similarity > 0.85);
        // "eighty-first" -> "eighty-second" session: an ordinal placeholder.
        const auto* r = find_old(a, "OP3");
        REQUIRE(r != nullptr);
        CHECK(r->kind == unit_kind::modified);
        CHECK(r->similarity > 0.9);
    }
    const auto m = resdiff::detail::similarity_matrix({"seventy-ninth session", "Recalling its resolution 79/194"},
                                                      {"eightieth session", "Recalling its resolution 80/118"});
    CHECK(m[0][0] > 0.5);
    CHECK(m[1][1] > 0.8);
}

TEST_CASE("a short paragraph merged into a reworded long one is a merge, not a removal", "[align]") {
    const std::string long_para =
        "Calls upon all stakeholders to provide adequate resources, enhanced capacity-building and the transfer of "
        "technology on mutually agreed terms to developing countries, in particular the least developed countries, "
        "landlocked developing countries and small island developing States, so as to bridge the digital divides "
        "between and within countries and to support the implementation of national broadband plans;";
    const std::string short_para = "Encourages the regional commissions to continue their work on broadband plans;";
    const std::string merged =
        "Calls upon all stakeholders to provide sufficient and predictable resources, capacity-building and the transfer "
        "of technology on voluntary and mutually agreed terms to developing countries, in particular the least developed "
        "countries and small island developing States, in order to close the digital divides between and within "
        "countries and to support national broadband strategies, and encourages the regional commissions to continue "
        "their work on broadband plans;";
    std::vector<std::string> old_op = {op[0], long_para, short_para, op[2], op[3]};
    std::vector<std::string> new_op = {op[0], merged, op[2], op[3]};
    const auto a = resdiff::align(make_document(pp, old_op), make_document(pp, new_op));
    const auto* u = find_old(a, "OP3");
    REQUIRE(u != nullptr);
    CHECK(u->kind == unit_kind::merged);
    CHECK(u->old_ids == std::vector<std::string>{"OP2", "OP3"});
    CHECK(u->new_ids == std::vector<std::string>{"OP2"});
    // A short paragraph that was really dropped is not merged into its reworded neighbour.
    std::vector<std::string> dropped_op = {op[0], merged.substr(0, merged.find(", and encourages")) + ";", op[2], op[3]};
    const auto d = resdiff::align(make_document(pp, old_op), make_document(pp, dropped_op));
    const auto* r = find_old(d, "OP3");
    REQUIRE(r != nullptr);
    CHECK(r->kind == unit_kind::removed);
}

TEST_CASE("a word gets the same features wherever it stands in the text", "[align]") {
    // The tokenizer reads most words eight bytes at a time, and the words at
    // the end of a text otherwise: words of 1 to 18 bytes (a UTF-8 one too),
    // joined or cut, must give the same tokens whatever the separators around
    // them and wherever they stand.
    const std::vector<std::string> words = {"a", "of", "the", "role", "with", "States", "Members", "Assembly",
                                            "resolution", "sustainable", "telecommunications", "d\xc3\xa9veloppement",
                                            "65/141", "A/65/64-E/2010/12", "seventy-ninth", "energy-efficient",
                                            "Recalling", "energy"};
    auto join = [&](const std::string& before, const std::string& between, const std::string& after) {
        std::string out = before;
        for (std::size_t i = 0; i < words.size(); ++i) out += (i == 0 ? "" : between) + words[i];
        return out + after;
    };
    const std::string plain = join("", " ", "");   // "energy" last: read at the very end
    const auto m = resdiff::detail::similarity_matrix(
        {plain, plain, plain, plain},
        {join("", ",  ", " ........"), join("((", "; ", ")"), join("x ", "\n", ""), join("", " ", " energies")});
    CHECK(m[0][0] > 0.999999);   // float weights: 1 up to rounding
    CHECK(m[1][1] > 0.999999);
    CHECK(m[2][2] < 0.99);   // one word more
    CHECK(m[2][2] > 0.7);
    CHECK(m[3][3] < 0.99);   // "energies", stemmed as "energy": one token more
}

TEST_CASE("texts read apart and translated get the ids reading them in order gives", "[align]") {
    // align() reads the paragraphs on two threads, the second half into a
    // vocabulary of its own whose ids are then translated; feature keys are
    // ids, so they must come out as reading everything in order numbers
    // them. The texts share stems under other forms ("Recalling" /
    // "recalls"), bring placeholder classes first in either half (a year, a
    // symbol, an ordinal, a month, a number) and repeat forms across halves.
    const std::vector<std::string> texts = {
        "Recalling its resolution 79/194 of 19 December 2024,",
        "Noting the report of the Secretary-General,",
        "Recalls the seventy-ninth session and the energy-efficient networks;",
        "Welcoming the Commission in 2025 and the eightieth session,",
        "Notes with concern that 12 reports were late in June;",
        "recalling A/80/123 and reports of the Commission, RECALLING the year 2019;",
        "Energies, energy and ENERGY: twenty-first century networking.",
        "",
        "Decides to remain seized of the matter.",
    };
    const auto whole = resdiff::detail::read_texts(texts, texts.size());
    REQUIRE(whole.tokens.size() == texts.size());
    // The vocabulary holds words and classes: ids past the plain words exist.
    CHECK(whole.classes.size() > 30);
    CHECK(whole.tokens[0] != whole.tokens[5]);
    for (std::size_t split = 0; split < texts.size(); ++split) {
        INFO("split " << split);
        const auto apart = resdiff::detail::read_texts(texts, split);
        CHECK(apart.tokens == whole.tokens);
        CHECK(apart.keys == whole.keys);
        CHECK(apart.classes == whole.classes);
    }
}

TEST_CASE("a preamble that falls back to positions takes the operative part's gap rule with it", "[align]") {
    // The two parts are aligned at the same time; aligned in order, a
    // preamble past max_pairs makes the operative part skip the rules for a
    // doubtful pair (here: a lone paragraph between two anchors with the same
    // lead, under the threshold), and the note is written once.
    std::vector<std::string> old_pp, new_pp;
    for (int k = 0; k < 40; ++k) {
        const std::string n = std::to_string(k);
        old_pp.push_back("Recalling the report number " + n + " on the topic of item " + n +
                         " and the work of the committee on this question,");
        new_pp.push_back("Recalling further the study " + n + " about the subject of item " + n +
                         " and the work of the committee on this question,");
    }
    const std::vector<std::string> old_op = {
        op[0],
        "Requests the Secretary-General to submit a report on the implementation of the present resolution to the "
        "General Assembly at its eighty-first session;",
        op[3]};
    const std::vector<std::string> new_op = {
        op[0],
        "Requests the Secretary-General to convene a high-level meeting on ocean acidification and coral reef "
        "protection with small island developing States;",
        op[3]};
    const auto old_doc = make_document(old_pp, old_op);
    const auto new_doc = make_document(new_pp, new_op);
    const auto sims = resdiff::detail::paragraph_similarities(old_doc, new_doc);
    INFO("similarity of OP2 with OP2: " << sims[41][41]);
    REQUIRE(sims[41][41] >= 0.15);
    REQUIRE(sims[41][41] < resdiff::detail::default_align_threshold());

    const auto precise = resdiff::align(old_doc, new_doc);
    CHECK(precise.notes.empty());
    REQUIRE(find_old(precise, "OP2") != nullptr);
    CHECK(find_old(precise, "OP2")->new_ids == std::vector<std::string>{"OP2"});

    resdiff::align_options o;
    o.max_pairs = 100;   // the preamble's 40 x 40 left-overs exceed it, the operative part's 1 x 1 does not
    const auto coarse = resdiff::align(old_doc, new_doc, o);
    REQUIRE(coarse.notes.size() == 1);
    REQUIRE(find_old(coarse, "OP2") != nullptr);
    CHECK(find_old(coarse, "OP2")->kind == unit_kind::removed);
    REQUIRE(find_old(coarse, "OP1") != nullptr);
    CHECK(find_old(coarse, "OP1")->kind == unit_kind::unchanged);
}
