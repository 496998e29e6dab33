// Word diff: round trip, tokens, semantic clean-up, white space, fallback.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "resdiff/compare.hpp"
#include "resdiff/diff.hpp"
#include "resdiff/parse.hpp"

using namespace resdiff;

namespace {

std::string old_side(const std::vector<word_op>& ops) {
    std::string s;
    for (const auto& op : ops) {
        if (op.op != op_kind::ins) s += op.text;
    }
    return s;
}

std::string new_side(const std::vector<word_op>& ops) {
    std::string s;
    for (const auto& op : ops) {
        if (op.op != op_kind::del) s += op.text;
    }
    return s;
}

// The ops in the [-deleted-]{+inserted+} notation.
std::string marked(const std::vector<word_op>& ops) {
    std::string s;
    for (const auto& op : ops) {
        switch (op.op) {
            case op_kind::equal: s += op.text; break;
            case op_kind::del: s.append("[-").append(op.text).append("-]"); break;
            case op_kind::ins: s.append("{+").append(op.text).append("+}"); break;
        }
    }
    return s;
}

void check_well_formed(const std::vector<word_op>& ops) {
    for (std::size_t i = 0; i < ops.size(); ++i) {
        CHECK_FALSE(ops[i].text.empty());
        if (i > 0) {
            CHECK(ops[i].op != ops[i - 1].op);                                           // adjacent ops merged
            CHECK_FALSE((ops[i - 1].op == op_kind::ins && ops[i].op == op_kind::del));  // deletes first
        }
    }
}

word_diff round_trip(const std::string& a, const std::string& b, const diff_options& o = {}) {
    word_diff d = diff_words(a, b, o);
    CHECK(old_side(d.ops) == a);
    CHECK(new_side(d.ops) == b);
    check_well_formed(d.ops);
    return d;
}

std::size_t changed_ops(const std::vector<word_op>& ops) {
    std::size_t n = 0;
    for (const auto& op : ops) n += op.op != op_kind::equal;
    return n;
}

// Bytes of text the diff found on both sides.
std::size_t equal_bytes(const std::vector<word_op>& ops) {
    std::size_t n = 0;
    for (const auto& op : ops) {
        if (op.op == op_kind::equal) n += op.text.size();
    }
    return n;
}

}  // namespace

TEST_CASE("diff: identical and empty texts", "[diff]") {
    CHECK(diff_words("", "").ops.empty());
    const auto same = round_trip("Recalling its resolution 65/141,", "Recalling its resolution 65/141,");
    REQUIRE(same.ops.size() == 1);
    CHECK(same.ops[0].op == op_kind::equal);
    const auto added = round_trip("", "Decides to remain seized of the matter.");
    REQUIRE(added.ops.size() == 1);
    CHECK(added.ops[0].op == op_kind::ins);
    const auto removed = round_trip("Decides to remain seized of the matter.", "");
    REQUIRE(removed.ops.size() == 1);
    CHECK(removed.ops[0].op == op_kind::del);
}

TEST_CASE("diff: a replaced word keeps the spaces around it equal", "[diff]") {
    const auto d = round_trip("Requests the Secretary-General to report", "Urges the Secretary-General to report");
    CHECK(marked(d.ops) == "[-Requests-]{+Urges+} the Secretary-General to report");
    const auto mid = round_trip("to submit a report at its sixty-sixth session", "to submit a detailed report at its sixty-sixth session");
    CHECK(marked(mid.ops) == "to submit a {+detailed +}report at its sixty-sixth session");
    const auto gone = round_trip("all relevant stakeholders, including the private sector", "all stakeholders, including the private sector");
    CHECK(marked(gone.ops) == "all [-relevant -]stakeholders, including the private sector");
}

TEST_CASE("diff: punctuation marks are tokens of their own", "[diff]") {
    const auto d = round_trip("development, and", "development; and");
    CHECK(marked(d.ops) == "development[-,-]{+;+} and");
    const auto end = round_trip("the matter.", "the matter;");
    CHECK(marked(end.ops) == "the matter[-.-]{+;+}");
    // Apostrophes inside words and separators inside numbers stay in the word.
    const auto word = round_trip("the Organization's 1,000.5 dollars", "the Organization's 2,000.5 dollars");
    CHECK(marked(word.ops) == "the Organization's [-1,000.5-]{+2,000.5+} dollars");
}

TEST_CASE("diff: semantic clean-up folds a lone short equality into the edits around it", "[diff][cleanup]") {
    // "the" (3 letters) between two replaced words at least as long is folded.
    const auto d = round_trip("developing the economies", "strengthening the capacities");
    CHECK(changed_ops(d.ops) == 2);
    CHECK(marked(d.ops) == "[-developing the economies-]{+strengthening the capacities+}");
    // A slash between two changed numbers: one edit for the whole symbol.
    const auto sym = round_trip("resolution 79/194 of 19 December", "resolution 80/118 of 19 December");
    CHECK(marked(sym.ops) == "resolution [-79/194-]{+80/118+} of 19 December");
    // A long equality between two edits stays.
    const auto keep = round_trip("a Member States b", "c Member States d");
    CHECK(marked(keep.ops) == "[-a-]{+c+} Member States [-b-]{+d+}");
    // Without the clean-up the confetti stays.
    diff_options raw;
    raw.semantic_cleanup = false;
    const auto confetti = round_trip("resolution 79/194 of", "resolution 80/118 of", raw);
    CHECK(marked(confetti.ops) == "resolution [-79-]{+80+}/[-194-]{+118+} of");
}

TEST_CASE("diff: clean-up backtracks across several short equalities", "[diff][cleanup]") {
    const auto d = round_trip("alpha of beta of gamma", "delta of epsilon of zeta");
    CHECK(marked(d.ops) == "[-alpha of beta of gamma-]{+delta of epsilon of zeta+}");
}

TEST_CASE("diff: insertions slide to word boundaries", "[diff][cleanup]") {
    // Both "A, {+C, +}B" and "A{+, C+}, B" are shortest; the first reads as a list item.
    const auto d = round_trip("Africa, Europe", "Africa, Asia, Europe");
    CHECK(marked(d.ops) == "Africa, {+Asia, +}Europe");
    const auto del = round_trip("Africa, Asia, Europe", "Africa, Europe");
    CHECK(marked(del.ops) == "Africa, [-Asia, -]Europe");
}

TEST_CASE("diff: a change inside a compound covers the whole compound", "[diff][cleanup]") {
    CHECK(marked(round_trip("at its sixty-sixth session", "at its sixty-seventh session").ops) ==
          "at its [-sixty-sixth-]{+sixty-seventh+} session");
    CHECK(marked(round_trip("the Secretary-General to", "the Director-General to").ops) ==
          "the [-Secretary-General-]{+Director-General+} to");
    CHECK(marked(round_trip("document A/80/L.17 of", "document A/80/L.58 of").ops) ==
          "document [-A/80/L.17-]{+A/80/L.58+} of");
    // Punctuation at the edge of a word is not widened over.
    CHECK(marked(round_trip("the matter.", "the matter;").ops) == "the matter[-.-]{+;+}");
    CHECK(marked(round_trip("in 2024, and", "in 2025, and").ops) == "in [-2024-]{+2025+}, and");
    CHECK(marked(round_trip("(a) first", "(b) first").ops) == "([-a-]{+b+}) first");
}

TEST_CASE("diff: white space and line breaks are never a change", "[diff][whitespace]") {
    const std::string a = "Recognizes the need\nto strengthen  cooperation ";
    const std::string b = "Recognizes the need to strengthen cooperation\n";
    const auto d = round_trip(a, b);
    for (const auto& op : d.ops) {
        if (op.op == op_kind::equal) continue;
        // Only white space differs: no changed piece carries a word.
        CHECK(op.text.find_first_not_of(" \n\t") == std::string::npos);
    }
    const auto mixed = round_trip("the  need\nto act", "the need to act now");
    std::string inserted;
    for (const auto& op : mixed.ops) {
        if (op.op == op_kind::ins) inserted += op.text;
    }
    CHECK(inserted.find("now") != std::string::npos);
    CHECK(inserted.find("need") == std::string::npos);
}

TEST_CASE("diff: invalid UTF-8 and non-Latin scripts round-trip", "[diff]") {
    round_trip(std::string("caf\xc3\xa9 \xff\xfe bad"), std::string("caf\xc3\xa9 \xfe good"));
    const auto ru = round_trip("Генеральная Ассамблея, ссылаясь на", "Генеральная Ассамблея, напоминая о");
    CHECK(marked(ru.ops) == "Генеральная Ассамблея, [-ссылаясь на-]{+напоминая о+}");
    round_trip("\t\n ", " ");
    round_trip("– — ‘quoted’", "— – “quoted”");
}

TEST_CASE("diff: random edits round-trip exactly", "[diff][property]") {
    const std::vector<std::string> words = {"the", "of", "and", "States", "development", ",", ";", ".", "(a)",
                                            "resolution", "79/194", "2030", "Member", "to", "in", "\n", "  ",
                                            "Secretary-General", "technology", "calls", "upon", "’", "é"};
    std::mt19937 rng(20261129);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> a;
        const std::size_t len = pick(60);
        for (std::size_t i = 0; i < len; ++i) a.push_back(words[pick(words.size())]);
        std::vector<std::string> b = a;
        const std::size_t edits = pick(8);
        for (std::size_t e = 0; e < edits && !b.empty(); ++e) {
            const std::size_t at = pick(b.size());
            switch (pick(3)) {
                case 0: b.erase(b.begin() + static_cast<long>(at)); break;
                case 1: b.insert(b.begin() + static_cast<long>(at), words[pick(words.size())]); break;
                default: b[at] = words[pick(words.size())]; break;
            }
        }
        std::string sa, sb;
        for (const auto& w : a) sa.append(w).append(pick(4) == 0 ? "" : " ");
        for (const auto& w : b) sb.append(w).append(pick(4) == 0 ? "" : " ");
        round_trip(sa, sb);
        diff_options raw;
        raw.semantic_cleanup = false;
        round_trip(sa, sb, raw);
    }
}

TEST_CASE("diff: the precise path is minimal on a small case", "[diff]") {
    diff_options raw;
    raw.semantic_cleanup = false;
    const auto d = round_trip("a b c d e f g", "a c d x e f g h", raw);
    CHECK(marked(d.ops) == "a [-b -]c d {+x +}e f g{+ h+}");
    CHECK_FALSE(d.coarse);
}

TEST_CASE("diff: a 200,000-word paragraph against a reworded copy takes the coarse path", "[diff][fallback]") {
    std::mt19937 rng(7);
    std::string a, b;
    a.reserve(1'600'000);
    b.reserve(1'600'000);
    for (int i = 0; i < 200'000; ++i) {
        std::string w = "w";
        w += std::to_string(rng() % 20'000);
        a += w;
        a += ' ';
        if (i % 10 == 3) {
            b.append("reworded").append(std::to_string(rng() % 50)).append(" ");
        } else if (i % 37 != 5) {
            b += w;
            b += ' ';
        }
    }
    const auto d = round_trip(a, b);
    CHECK(d.coarse);
    // Still a useful diff: most of the text is matched, not one delete + one insert.
    CHECK(equal_bytes(d.ops) > a.size() / 2);
}

TEST_CASE("diff: a long paragraph over a small vocabulary still finds its common runs", "[diff][fallback]") {
    // No word occurs once: anchors come from unique runs of 2-4 words.
    std::mt19937 rng(11);
    std::string a, b;
    for (int i = 0; i < 200'000; ++i) {
        std::string w = "v";
        w += std::to_string(rng() % 500);
        a.append(w).append(" ");
        if (i % 10 == 4) {
            b.append("other").append(std::to_string(rng() % 500)).append(" ");
        } else {
            b.append(w).append(" ");
        }
    }
    const auto d = round_trip(a, b);
    CHECK(d.coarse);
    CHECK(equal_bytes(d.ops) > a.size() / 2);
}

TEST_CASE("diff: unrelated large texts fall back without losing text", "[diff][fallback]") {
    std::string a, b;
    for (int i = 0; i < 150'000; ++i) {
        a.append("alpha").append(std::to_string(i % 7)).append(" ");
        b.append("beta").append(std::to_string(i % 5)).append(" ");
    }
    diff_options o;
    const auto d = round_trip(a, b, o);
    CHECK(d.coarse);
    // Below max_tokens but too costly for the precise diff: still coarse, still exact.
    diff_options low;
    low.max_tokens = 1'000'000;
    const auto e = round_trip(a.substr(0, 60'000), b.substr(0, 60'000), low);
    CHECK(e.coarse);
}

TEST_CASE("diff: unit_text joins paragraphs and finds sub-paragraphs", "[diff]") {
    document doc;
    paragraph p1;
    p1.id = "OP1";
    p1.where = part::operative;
    p1.text = "Requests the following: (a) first; (b) second;";
    subparagraph sa;
    sa.id = "OP1(a)";
    sa.label = "(a)";
    sa.text = "first;";
    subparagraph sb;
    sb.id = "OP1(b)";
    sb.label = "(b)";
    sb.text = "second;";
    subparagraph si;
    si.id = "OP1(b)(i)";
    si.label = "(i)";
    si.text = "inner;";
    sb.children.push_back(si);
    p1.subparagraphs = {sa, sb};
    paragraph p2;
    p2.id = "OP2";
    p2.where = part::operative;
    p2.text = "Decides to remain seized.";
    doc.operative = {p1, p2};
    CHECK(unit_text(doc, {"OP1", "OP2"}) == std::string(p1.text).append(" ").append(p2.text));
    CHECK(unit_text(doc, {"OP1(a)"}) == "first;");
    CHECK(unit_text(doc, {"OP1(b)"}) == "second; (i) inner;");
    CHECK(unit_text(doc, {"OP1(b)(i)"}) == "inner;");
    CHECK(unit_text(doc, {"OP9"}).empty());
}

TEST_CASE("diff: diff_alignment fills unit, child and footnote ops", "[diff]") {
    const document old_doc = parse_text("The General Assembly,\nRecalling its resolution 65/141,\n1. Requests a report;\n");
    const document new_doc = parse_text("The General Assembly,\nRecalling its resolution 66/184,\n1. Requests a detailed report;\n");
    alignment al;
    REQUIRE_FALSE(old_doc.preamble.empty());
    REQUIRE_FALSE(old_doc.operative.empty());
    alignment_unit pp;
    pp.kind = unit_kind::modified;
    pp.old_ids = {old_doc.preamble[0].id};
    pp.new_ids = {new_doc.preamble[0].id};
    alignment_unit op;
    op.kind = unit_kind::modified;
    op.old_ids = {old_doc.operative[0].id};
    op.new_ids = {new_doc.operative[0].id};
    op.children.push_back(op);
    al.units = {pp, op};
    footnote_unit fn;
    fn.kind = unit_kind::added;
    fn.new_number = 1;
    al.footnotes.push_back(fn);
    document new_with_fn = new_doc;
    new_with_fn.footnotes.push_back({1, "A/66/100.", {}});
    const alignment out = diff_alignment(al, old_doc, new_with_fn);
    REQUIRE(out.units.size() == 2);
    CHECK(old_side(out.units[0].ops) == old_doc.preamble[0].text);
    CHECK(new_side(out.units[0].ops) == new_doc.preamble[0].text);
    CHECK(changed_ops(out.units[1].ops) > 0);
    REQUIRE(out.units[1].children.size() == 1);
    CHECK(out.units[1].children[0].ops == out.units[1].ops);
    REQUIRE(out.footnotes.size() == 1);
    REQUIRE(out.footnotes[0].ops.size() == 1);
    CHECK(out.footnotes[0].ops[0].op == op_kind::ins);
    CHECK(out.footnotes[0].ops[0].text == "A/66/100.");
    CHECK(out.notes.empty());
}

TEST_CASE("diff: a paragraph whose text changed in white space only is not modified", "[diff][whitespace]") {
    // The corpus (A/C.2/80/L.17 -> L.58, OP 30 -> OP 31): "micro-," became
    // "micro -,"; the aligner compares the texts as they stand and calls the
    // pair modified, the word diff finds one inserted space.
    const document old_doc = parse_text(
        "The General Assembly,\nRecalling its resolution 65/141,\nNoting the access of micro-, small and "
        "medium-sized enterprises,\n1. Requests a report;\n2. Welcomes the support of micro-, small and "
        "medium-sized enterprises;\n");
    const document new_doc = parse_text(
        "The General Assembly,\nRecalling its resolution 65/141,\nNoting the access of micro -, small and "
        "medium-sized enterprises,\n1. Decides to act;\n2. Requests a report;\n3. Welcomes the support of "
        "micro -, small and medium-sized enterprises;\n");
    REQUIRE(old_doc.preamble.size() == 2);
    REQUIRE(new_doc.operative.size() == 3);
    REQUIRE(old_doc.preamble[1].text != new_doc.preamble[1].text);  // the space is kept by the parser
    const auto make = [](unit_kind kind, const std::string& o, const std::string& n, bool moved) {
        alignment_unit u;
        u.kind = kind;
        u.old_ids = {o};
        u.new_ids = {n};
        u.text_changed = true;
        u.moved = moved;
        u.similarity = 0.99;
        return u;
    };
    alignment al;
    al.units = {make(unit_kind::modified, "PP2", "PP2", false),
                make(unit_kind::modified, "OP2", "OP3", false), make(unit_kind::moved, "OP2", "OP3", true),
                make(unit_kind::modified, "OP1", "OP1", false)};
    footnote_unit same, renumbered;
    same.kind = renumbered.kind = unit_kind::modified;
    same.old_number = same.new_number = renumbered.old_number = 1;
    renumbered.new_number = 2;
    al.footnotes = {same, renumbered};
    document old_fn = old_doc, new_fn = new_doc;
    old_fn.footnotes.push_back({1, "See A/80/1 , annex.", {}});
    new_fn.footnotes.push_back({1, "See A/80/1, annex.", {}});
    new_fn.footnotes.push_back({2, "See A/80/1, annex.", {}});
    const alignment out = diff_alignment(al, old_fn, new_fn);
    REQUIRE(out.units.size() == 4);
    // In its place: unchanged; with a new number: renumbered; moved: moved,
    // not "moved and modified". The ops still give both texts exactly.
    CHECK(out.units[0].kind == unit_kind::unchanged);
    CHECK(out.units[1].kind == unit_kind::renumbered);
    CHECK(out.units[2].kind == unit_kind::moved);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK_FALSE(out.units[i].text_changed);
        CHECK(out.units[i].similarity == 1.0);
        CHECK(changed_ops(out.units[i].ops) == 1);
        CHECK_FALSE(changes_text(out.units[i].ops));
    }
    CHECK(new_side(out.units[1].ops) == new_doc.operative[2].text);
    CHECK(old_side(out.units[1].ops) == old_doc.operative[1].text);
    // A word changed: still modified.
    CHECK(out.units[3].kind == unit_kind::modified);
    CHECK(out.units[3].text_changed);
    CHECK(out.footnotes[0].kind == unit_kind::unchanged);
    CHECK(out.footnotes[1].kind == unit_kind::renumbered);
}

TEST_CASE("diff: a compound written open, hyphenated or closed is one spelling, not a change",
          "[diff][whitespace]") {
    // A/C.2/80/L.58 -> A/RES/80/118: the text export of L.58 lost the hyphen
    // of "capacity-building", "follow-up" at line ends, 80/118 that of
    // "public-private"; both PDFs print the same text.
    const auto ops = [](std::string_view old_text, std::string_view new_text) {
        return diff_words(old_text, new_text).ops;
    };
    CHECK_FALSE(changes_text(
        ops("resources for capacity building support", "resources for capacity-building support")));
    CHECK_FALSE(changes_text(
        ops("innovation, public-private partnerships", "innovation, public private partnerships")));
    CHECK_FALSE(changes_text(ops("the follow-up to the outcomes", "the followup to the outcomes")));
    CHECK_FALSE(changes_text(ops("the followup to the outcomes", "the follow up to the outcomes")));
    CHECK_FALSE(changes_text(ops("healthcare services", "health care services")));
    // Anything else is a change: a word, a hyphen that is not between two
    // letters (a range, a suspended compound), two hyphens, a dash.
    CHECK(changes_text(ops("health services", "health care services")));
    CHECK(changes_text(ops("for 2022 2025", "for 2022-2025")));
    CHECK(changes_text(ops("micro, small and", "micro-, small and")));
    CHECK(changes_text(ops("a follow up", "a follow--up")));
    CHECK(changes_text(ops("capacity building", "capacity \xE2\x80\x93 building")));
    CHECK(changes_text(ops("capacity-building support", "capacity-building aid")));

    // Through the pipeline: a paragraph whose compound lost its hyphen is
    // unchanged (renumbered, with a new number); one that also changed a
    // word is modified.
    const comparison c =
        compare(parse_text("The General Assembly,\n1. Calls for resources for capacity-building support;\n"
                           "2. Encourages public-private partnerships;\n"),
                parse_text("The General Assembly,\n1. Decides to act;\n"
                           "2. Calls for resources for capacity building support;\n"
                           "3. Encourages public private partnerships and more;\n"));
    REQUIRE(c.result.units.size() == 3);
    CHECK(c.result.units[1].kind == unit_kind::renumbered);
    CHECK(c.result.units[1].classes.empty());
    CHECK(c.result.units[2].kind == unit_kind::modified);

    // A/RES/78/144 as text against its own PDF: "COV ID-19" against
    // "COVID-19" is no change, and no word of it is counted as changed: the
    // two are identical (exit code 0).
    const comparison same = compare(parse_text("The General Assembly,\nNoting the coronavirus disease (COV "
                                               "ID-19) pandemic,\n1. Requests a report;\n"),
                                    parse_text("The General Assembly,\nNoting the coronavirus disease "
                                               "(COVID-19) pandemic,\n1. Requests a report;\n"));
    CHECK(same.totals.units_changed == 0);
    CHECK(same.totals.words_deleted == 0);
    CHECK(same.totals.words_inserted == 0);
    CHECK(same.identical());
}

TEST_CASE("diff: reports read a change of spelling beside a real edit as plain text", "[diff][whitespace]") {
    const auto ops = diff_words("and thus p lay an important role in the economy",
                                "and thus play an important role in the digital economy")
                         .ops;
    REQUIRE(changes_text(ops));
    const auto marked = [](const std::vector<word_op>& v) {
        std::string s;
        for (const auto& op : v)
            if (op.op != op_kind::equal) s += (op.op == op_kind::del ? "-" : "+") + op.text + "|";
        return s;
    };
    std::vector<word_op> storage;
    // The new side: "play" is plain text, only "digital" is marked; each
    // side's text is kept byte for byte.
    const auto& as_new = spelling_as_equal(ops, op_kind::ins, storage);
    CHECK(&as_new == &storage);
    CHECK(marked(as_new) == "+digital |");
    CHECK(new_side(as_new) == "and thus play an important role in the digital economy");
    CHECK(old_side(as_new) == "and thus play an important role in the economy");
    CHECK(as_new.front().op == op_kind::equal);
    CHECK(as_new.front().text == "and thus play an important role in the ");  // joined with its neighbours
    // The old side reads "p lay".
    const auto& as_old = spelling_as_equal(ops, op_kind::del, storage);
    CHECK(old_side(as_old) == "and thus p lay an important role in the economy");
    CHECK(marked(as_old) == "+digital |");
    // Nothing to read otherwise: the ops themselves.
    const auto real = diff_words("to play a role", "to play a major role").ops;
    CHECK(&spelling_as_equal(real, op_kind::ins, storage) == &real);

    // changes_text on part of the ops: the run of "p lay" alone is no change.
    std::size_t first_change = 0;
    while (ops[first_change].op == op_kind::equal) ++first_change;
    std::size_t run_end = first_change;
    while (ops[run_end].op != op_kind::equal) ++run_end;
    CHECK_FALSE(changes_text(ops, first_change, run_end));
    CHECK(changes_text(ops, run_end, ops.size()));
    CHECK(changes_text(ops, 0, ops.size()));
}
