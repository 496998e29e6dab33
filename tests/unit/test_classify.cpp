// Classify stage: routine, lead, qualifier, citation and substantive edits.
// Edits marked "corpus" are the wording of A/RES/79/194 -> A/RES/80/118
// (ICT for sustainable development), shortened around the change.
#include <catch2/catch.hpp>

#include "resdiff/compare.hpp"
#include "resdiff/parse.hpp"
#include "test_classify_support.hpp"

using namespace resdiff;
using namespace classify_test;

TEST_CASE("routine: session ordinals, years, dates and the predecessor roll forward", "[classify][routine]") {
    SECTION("corpus: predecessor resolution symbol and date") {
        const auto u = classify_one(
            "Recalling its resolution [-78/132-]{+79/194+} of 19 December [-2023-]{+2024+} on information "
            "and "
            "communications technologies for sustainable development");
        CHECK(u.classes == only(change_class::routine));
        for (const auto& op : u.ops)
            if (op.op != op_kind::equal) CHECK(op.classes == only(change_class::routine));
    }
    SECTION("corpus: ECOSOC predecessor, split by the diff inside the symbol and the date") {
        const auto u = classify_one(
            "Recalling also Economic and Social Council resolution [-2024-]{+2025+}/[-13-]{+18+} of "
            "[-23-]{+29+} July "
            "[-2024-]{+2025+} on the assessment of the progress made");
        CHECK(u.classes == only(change_class::routine));
    }
    SECTION("whole predecessor reference replaced in one edit") {
        const auto u = classify_one(
            "Recalling its resolution [-79/194 of 19 December 2024-]{+80/118 of 15 December 2025+} on");
        CHECK(u.classes == only(change_class::routine));
    }
    SECTION("corpus: ordinal of an annual session, +1") {
        CHECK(
            classify_one(
                "Welcoming the holding of the [-twenty-seventh-]{+twenty-eighth+} session of the Commission")
                .classes == only(change_class::routine));
        CHECK(classify_one(
                  "for inclusion in the provisional agenda of its [-eightieth-]{+eighty-first+} session")
                  .classes == only(change_class::routine));
        CHECK(classify_one("the [-ninth-]{+tenth+} annual multi-stakeholder forum").classes ==
              only(change_class::routine));
    }
    SECTION("ordinals written apart or with numerals") {
        CHECK(classify_one("at its [-seventy - ninth-]{+eightieth+} session").classes ==
              only(change_class::routine));
        CHECK(classify_one("at its [-79th-]{+80th+} session").classes == only(change_class::routine));
        CHECK(classify_one("at its [-ninety-ninth-]{+one hundredth+} session").classes ==
              only(change_class::routine));
    }
    SECTION("corpus: event dates inside a rolled year") {
        CHECK(classify_one("Development from [-15-]{+7+} to [-19-]{+11+} April [-2024-]{+2025+},").classes ==
              only(change_class::routine));
        CHECK(classify_one("on [-11 and 12-]{+4+} December [-2024-]{+2025+}").classes ==
              only(change_class::routine));
        CHECK(classify_one("on [-30 November-]{+11+} and [-1-]{+12+} December [-2023-]{+2024+}").classes ==
              only(change_class::routine));
        CHECK(classify_one("Report [-2024-]{+2025+}: Shaping").classes == only(change_class::routine));
    }
    SECTION("corpus: report symbols") {
        CHECK(classify_one("the report of the Secretary-General ([-A/79/62-E/2024/3-]{+A/80/62-E/2025/12+})")
                  .classes == only(change_class::routine));
        CHECK(classify_one("see [-E/HLPF/2024/7-]{+E/HLPF/2025/6+}.").classes == only(change_class::routine));
        CHECK(classify_one("(A/C.2/[-79-]{+80+}/L.[-17-]{+58+})").classes == only(change_class::routine));
        // corpus (IAEA report series): General Conference resolutions of the next session
        CHECK(classify_one("resolutions GC([-68-]{+69+})/RES/[-15-]{+16+} and").classes ==
              only(change_class::routine));
    }
    SECTION("a number at the end of a symbol is not a session") {
        CHECK(classify_one("GC(68)/[-DEC/9-]{+DEC/10+}").classes == only(change_class::substantive));
    }
    SECTION("corpus: the predecessor joins the list of earlier resolutions") {
        const auto u = classify_one(
            "Recalling its resolution [-78/132-]{+79/194+} and resolutions 75/202, 76/189[- and-]{+,+} "
            "77/150{+ and "
            "78/132+}.");
        CHECK(u.classes == only(change_class::routine));
    }
    SECTION("corpus: the same date spelled another way") {
        CHECK(classify_one("to be held on [-22 and 23-]{+22-23+} September 2024").classes ==
              only(change_class::routine));
        CHECK(classify_one("to be held on [-22 and 23-]{+22-24+} September 2024").classes ==
              only(change_class::substantive));
        CHECK(classify_one("to be held on [-19 and 23-]{+19-23+} September 2024").classes ==
              only(change_class::substantive));
    }
    SECTION("spacing and hyphenation variants") {
        // A compound's ASCII hyphen, or a space inside a word, is no change
        // at all (changes_text): no class.
        CHECK(classify_one("need to focus on [-capacity-development-]{+capacity development+} in")
                  .classes.empty());
        CHECK(
            classify_one("to address their unfinished business, [-see king-]{+seeking+} to").classes.empty());
        // Unicode hyphens and the en dash count as spacing; other letters do not.
        CHECK(classify_one("need to focus on [-capacity\xE2\x80\x90"
                           "development-]{+capacity development+} in")
                  .classes == only(change_class::routine));
        CHECK(classify_one("a [-long\xE2\x80\x93"
                           "term-]{+long-term+} plan")
                  .classes == only(change_class::routine));
        CHECK(classify_one("need to focus on [-capacity-building-]{+capacity development+} in").classes ==
              only(change_class::substantive));
        // corpus, as the word diff cuts them: a lone hyphen or space inside a word
        CHECK(classify_one("need to focus on capacity[---] development policies").classes ==
              only(change_class::routine));
        // White space alone: the op is routine, the unit has no class (its
        // text did not change; diff reports it unchanged or renumbered).
        const auto spaced = classify_one("radio communication services, infrastructure{+ +}-sharing and");
        CHECK(spaced.classes.empty());
        REQUIRE(spaced.ops.size() == 3);
        CHECK(spaced.ops[1].classes == only(change_class::routine));
    }
    SECTION("sequencing words in a lead") {
        const auto u =
            classify_one("Recalling [-also-]{+further+} the outcome", "Recalling also", "Recalling further");
        CHECK(u.classes == only(change_class::routine));
        CHECK(u.lead.dir == direction::none);
    }
    SECTION("the distance between versions comes from their sessions and years") {
        pair_setup seven{make_doc(65, "20 December 2010"), make_doc(72, "20 December 2017")};
        CHECK(
            classify_one("at its [-sixty-fifth-]{+seventy-second+} session", {}, {}, false, seven).classes ==
            only(change_class::routine));
        CHECK(classify_one("at its [-sixty-fifth-]{+sixty-sixth+} session", {}, {}, false, seven).classes ==
              only(change_class::substantive));
    }
}

TEST_CASE("routine rules do not swallow substantive edits", "[classify][routine][substantive]") {
    SECTION("corpus: percentages are not years") {
        CHECK(classify_one("while [-90-]{+93+} per cent of people use the Internet").classes ==
              only(change_class::substantive));
    }
    SECTION("corpus: a different resolution of another session") {
        const auto u = classify_one("as contained in General Assembly resolution [-70/125-]{+79/277+} and");
        CHECK(u.classes == only(change_class::citation));
    }
    SECTION("a year moved by more than the distance, or backwards") {
        CHECK(classify_one("by [-2030-]{+2035+}").classes == only(change_class::substantive));
        CHECK(classify_one("in [-2025-]{+2024+}").classes == only(change_class::substantive));
    }
    SECTION("a deadline moved within the same year") {
        CHECK(classify_one("no later than [-31 March-]{+30 June+} 2025").classes ==
              only(change_class::substantive));
    }
    SECTION("an ordinal that names a different conference, not a session") {
        CHECK(classify_one("the [-Third-]{+Fourth+} International Conference on Financing for Development")
                  .classes == only(change_class::substantive));
        CHECK(classify_one("the [-Second-]{+Third+} Committee").classes == only(change_class::substantive));
    }
    SECTION("versions of one session: nothing rolls") {
        pair_setup same{make_doc(80, "14 October 2025"), make_doc(80, "18 November 2025")};
        CHECK(classify_one("at its [-eightieth-]{+eighty-first+} session", {}, {}, false, same).classes ==
              only(change_class::substantive));
    }
    SECTION("corpus: a year rolled inside a rewritten title is substantive") {
        const auto u = classify_one(
            "entitled [-Digital Economy Report 2024: Shaping an Environmentally Sustainable and Inclusive "
            "Digital Future-]{+Technology and Innovation Report 2025: Inclusive Artificial Intelligence "
            "for Development+}");
        CHECK(u.classes == only(change_class::substantive));
    }
    SECTION("corpus: the old meeting replaced by a new one") {
        CHECK(
            classify_one(
                "held in Kyoto, Japan, in [-2023, and taking note of the meeting to be held in Riyadh, Saudi "
                "Arabia, in 2024-]{+2025+}")
                .classes == only(change_class::substantive));
    }
    SECTION("a symbol of the same session with another number") {
        CHECK(classify_one("resolution [-79/194-]{+79/195+}").classes == only(change_class::citation));
    }
    SECTION("list gaining a resolution that is not a predecessor") {
        const auto u = classify_one("resolutions 75/202[- and-]{+,+} 76/189{+ and 70/1+}");
        CHECK(u.classes == only(change_class::citation));
    }
}

TEST_CASE("routine units are counted apart by summarize", "[classify][routine]") {
    alignment a;
    alignment_unit u;
    u.kind = unit_kind::modified;
    u.old_ids = {"PP1"};
    u.new_ids = {"PP1"};
    u.ops = ops_of("at its [-seventy-ninth-]{+eightieth+} session");
    a.units.push_back(u);
    u.ops = ops_of("Calls upon States to [-act-]{+refrain+}");
    a.units.push_back(u);
    pair_setup s;
    const auto c = classify(a, s.old_doc, s.new_doc);
    REQUIRE(c.units.size() == 2);
    CHECK(c.units[0].classes == only(change_class::routine));
    CHECK(c.units[1].classes == only(change_class::substantive));
}

TEST_CASE("qualifiers: hedges and their opposites", "[classify][qualifier]") {
    SECTION("hedge added: softened") {
        const auto u = classify_one("Encourages Member States{+, as appropriate,+} to promote");
        CHECK(u.classes == only(change_class::qualifier));
        CHECK(u.qualifier_dir == direction::softened);
    }
    SECTION("hedge removed: hardened") {
        const auto u =
            classify_one("transfer of technology[- on mutually agreed terms-] to developing countries");
        CHECK(u.classes == only(change_class::qualifier));
        CHECK(u.qualifier_dir == direction::hardened);
    }
    SECTION("corpus: inter alia added") {
        const auto u = classify_one("that took into account,{+ inter alia,+} the recommendation");
        CHECK(u.classes == only(change_class::qualifier));
        CHECK(u.qualifier_dir == direction::softened);
    }
    SECTION("within existing resources, national priorities, voluntary") {
        CHECK(classify_one("to support the Commission{+ within existing resources+};").qualifier_dir ==
              direction::softened);
        CHECK(classify_one("strategies{+ in accordance with national priorities+},").qualifier_dir ==
              direction::softened);
        CHECK(classify_one("through{+ voluntary+} contributions").qualifier_dir == direction::softened);
    }
    SECTION("'all' counts only as the whole edit") {
        const auto u = classify_one("Calls upon{+ all+} States to");
        CHECK(u.classes == only(change_class::qualifier));
        CHECK(u.qualifier_dir == direction::hardened);
        const auto v = classify_one(
            "recognizing the need for{+ all people to have media and information literacy skills, "
            "which are important in order to+} participate");
        CHECK(v.classes == only(change_class::substantive));
        CHECK(v.qualifier_dir == direction::none);
    }
    SECTION("fully and urgently added: hardened; removed: softened") {
        CHECK(classify_one("to{+ fully+} implement").qualifier_dir == direction::hardened);
        CHECK(classify_one("to [-urgently -]address").qualifier_dir == direction::softened);
    }
    SECTION("hedge swapped for another: changed") {
        const auto u = classify_one("Invites States, [-where applicable-]{+as appropriate+}, to");
        CHECK(u.classes == only(change_class::qualifier));
        CHECK(u.qualifier_dir == direction::changed);
    }
    SECTION("shall becomes should: softened") {
        CHECK(classify_one("States [-shall-]{+should+} report").qualifier_dir == direction::softened);
    }
    SECTION("a hedge deleted next to new wording is still reported") {
        const auto u =
            classify_one("invest in rural broadband[-, as appropriate-] {+and affordable devices+};");
        CHECK(u.classes == std::vector<change_class>{change_class::qualifier, change_class::substantive});
        CHECK(u.qualifier_dir == direction::hardened);
    }
    SECTION("a hedge inside a larger new passage is not reported on its own") {
        const auto u = classify_one(
            "promote{+ new partnerships with the private sector, as appropriate, and academia+} for");
        CHECK(u.classes == only(change_class::substantive));
    }
}

TEST_CASE("citations: found, normalized, listed per version", "[classify][citation]") {
    SECTION("single and listed resolutions, bodies, decisions, documents") {
        CHECK(citations("Reaffirming its resolution 70/1 of 25 September 2015") ==
              std::vector<std::string>{"resolution 70/1"});
        CHECK(citations("resolutions 56/183, 57/238 and 64/187") ==
              std::vector<std::string>{"resolution 56/183", "resolution 57/238", "resolution 64/187"});
        CHECK(citations("Economic and Social Council resolution 2025/18 of 29 July 2025") ==
              std::vector<std::string>{"Economic and Social Council resolution 2025/18"});
        CHECK(citations("decision 79/555 and the report (A/80/555, para. 7), see E/2025/12.") ==
              std::vector<std::string>{"decision 79/555", "A/80/555", "E/2025/12"});
        CHECK(citations("Security Council resolution 2231 (2015) and resolution 217 A (III)") ==
              std::vector<std::string>{"Security Council resolution 2231 (2015)", "resolution 217 A (III)"});
        CHECK(citations("A/RES/79/194 and General Assembly resolution 79/194") ==
              std::vector<std::string>{"resolution 79/194"});
        CHECK(citations("A/67/65-E/2012/48 and E/CN.16/2018/CRP.3.") ==
              std::vector<std::string>{"A/67/65-E/2012/48", "E/CN.16/2018/CRP.3"});
    }
    SECTION("not citations") {
        CHECK(citations("previous resolutions on the issue, and/or 24 hours, 2024-2025").empty());
    }
    SECTION("corpus: a reference added with its paragraph context") {
        const auto u = classify_one(
            "Recalling{+ General Assembly resolution 79/323 and+} the Addis Ababa Action Agenda");
        CHECK(u.classes == only(change_class::citation));
    }
    SECTION("a reference dropped") {
        CHECK(classify_one("the outcome[- (A/79/434)-] of").classes == only(change_class::citation));
    }
    SECTION("cited sets of both versions and their difference") {
        document a = make_doc(79, "19 December 2024");
        document b = make_doc(80, "15 December 2025");
        paragraph p;
        p.id = "PP1";
        p.text = "Recalling its resolutions 70/1 and 78/132,";
        a.preamble.push_back(p);
        p.text = "Recalling its resolutions 70/1 and 79/194,";
        b.preamble.push_back(p);
        a.footnotes.push_back({1, "See A/79/434.", {}});
        b.footnotes.push_back({1, "See A/79/434 and E/2025/12.", {}});
        const auto c = compare_citations(a, b);
        CHECK(c.old_cited == std::vector<std::string>{"resolution 70/1", "resolution 78/132", "A/79/434"});
        CHECK(c.new_cited ==
              std::vector<std::string>{"resolution 70/1", "resolution 79/194", "A/79/434", "E/2025/12"});
        CHECK(c.added == std::vector<std::string>{"resolution 79/194", "E/2025/12"});
        CHECK(c.dropped == std::vector<std::string>{"resolution 78/132"});
        alignment al;
        CHECK(classify(al, a, b).citations == c);
        // Through the whole pipeline the changed paragraph is classified first
        // (its unit texts read, then freed): the citations stay the same.
        const comparison cmp = compare(a, b, {});
        REQUIRE(cmp.result.units.size() == 1);
        CHECK(cmp.result.units[0].kind == unit_kind::modified);
        CHECK(cmp.result.citations == c);
    }
}

TEST_CASE("leads: a changed verb or opener is a lead change with a direction", "[classify][lead]") {
    SECTION("corpus: Taking note also of -> Recalling") {
        const auto u = classify_one("[-Taking note also of-]{+Recalling+} the Declaration",
                                    "Taking note also of", "Recalling");
        CHECK(u.classes == only(change_class::lead));
        CHECK(u.lead.dir == direction::strengthened);
        CHECK(u.lead.old_lead == "Taking note also of");
        CHECK(u.lead.new_lead == "Recalling");
    }
    SECTION("corpus: Recalls the request ... -> Welcomes the establishment: lead and substance") {
        const auto u =
            classify_one("[-Recalls the request for-]{+Welcomes the establishment by+} the Commission",
                         "Recalls", "Welcomes", true);
        CHECK(has(u.classes, change_class::lead));
        CHECK(has(u.classes, change_class::substantive));
        CHECK(u.lead.dir == direction::changed);  // different ladders: assertion vs action
    }
    SECTION("operative verb weakened") {
        const auto u = classify_one("[-Urges-]{+Encourages+} Member States to", "Urges", "Encourages", true);
        CHECK(u.classes == only(change_class::lead));
        CHECK(u.lead.dir == direction::weakened);
        for (const auto& op : u.ops)
            if (op.op != op_kind::equal) CHECK(op.classes == only(change_class::lead));
    }
    SECTION("same verb, longer lead: not a lead change") {
        const auto u =
            classify_one("Calls upon{+ all+} States to", "Calls upon States", "Calls upon all States", true);
        CHECK(u.lead.dir == direction::none);
        CHECK(u.classes == only(change_class::qualifier));
    }
}

TEST_CASE("lead strength scale: verb pairs", "[classify][lead]") {
    struct pair_case {
        const char* from;
        const char* to;
        direction expected;
    };
    const pair_case cases[] = {
        {"Requests", "Decides", direction::strengthened},
        {"Calls upon", "Demands", direction::strengthened},
        {"Urges", "Calls upon", direction::weakened},
        {"Urges", "Strongly urges", direction::strengthened},
        {"Requests", "Urges", direction::strengthened},
        {"Encourages", "Requests", direction::strengthened},
        {"Invites", "Encourages", direction::strengthened},
        {"Encourages", "Strongly encourages", direction::strengthened},
        {"Strongly encourages", "Requests", direction::strengthened},
        {"Invites", "Recommends", direction::strengthened},
        {"Invites", "Notes", direction::weakened},
        {"Notes", "Takes note of", direction::weakened},
        {"Welcomes", "Takes note of", direction::weakened},
        {"Takes note with appreciation of", "Takes note of", direction::weakened},
        {"Notes with appreciation", "Welcomes", direction::strengthened},
        {"Decides", "Requests", direction::weakened},
        {"Also requests", "Requests", direction::none},
        {"Further requests the Secretary-General to", "Requests the Secretary-General to", direction::none},
        {"Calls upon", "Calls on", direction::changed},
        {"Stresses", "Recognizes", direction::weakened},
        {"Reaffirms", "Recalls", direction::weakened},
        {"Stresses", "Requests", direction::changed},
        {"Expresses deep concern", "Expresses concern", direction::weakened},
        {"Notes with concern", "Notes", direction::weakened},
        {"Deplores", "Condemns", direction::strengthened},
        {"Noting", "Expressing deep concern", direction::strengthened},
        {"Expressing its deep concern", "Noting with concern", direction::weakened},
        {"Noting with concern", "Noting", direction::weakened},
        {"Concerned", "Deeply concerned", direction::strengthened},
        {"Deeply alarmed", "Deeply concerned", direction::weakened},
        {"Recalling", "Reaffirming", direction::strengthened},
        {"Taking note of", "Welcoming", direction::strengthened},
        {"Recalling also", "Recalling further", direction::none},
        {"Welcoming", "Noting with concern", direction::changed},
        {"Once again calls upon", "Calls upon", direction::weakened},
        {"Requests", "Asks", direction::changed},
    };
    for (const auto& c : cases) {
        INFO(c.from << " -> " << c.to);
        CHECK(compare_leads(c.from, c.to) == c.expected);
    }
    CHECK(lead_strength("Decides") > lead_strength("Requests"));
    CHECK(lead_strength("Strongly urges") > lead_strength("Urges"));
    CHECK(lead_strength("Takes note with appreciation of the report") >
          lead_strength("Takes note of the report"));
    CHECK(lead_strength("Also encourages") == lead_strength("Encourages"));
    CHECK(lead_strength("Reiterating its call") == 0);
}

TEST_CASE("units: classes are the set of their edits' classes", "[classify]") {
    SECTION("routine and substantive edits in one unit") {
        const auto u =
            classify_one("at its [-seventy-ninth-]{+eightieth+} session, to [-consider-]{+adopt+} the plan");
        CHECK(u.classes == std::vector<change_class>{change_class::routine, change_class::substantive});
    }
    SECTION("added and removed units") {
        alignment a;
        alignment_unit added;
        added.kind = unit_kind::added;
        added.new_ids = {"OP5"};
        added.ops =
            ops_of("{+Welcomes the establishment of the Panel, in accordance with resolution 79/325;+}");
        alignment_unit removed;
        removed.kind = unit_kind::removed;
        removed.old_ids = {"OP22"};
        removed.ops = ops_of("[-Notes the holding of eWeek 2023;-]");
        a.units = {added, removed};
        pair_setup s;
        const auto c = classify(a, s.old_doc, s.new_doc);
        CHECK(c.units[0].classes ==
              std::vector<change_class>{change_class::citation, change_class::substantive});
        CHECK(c.units[1].classes == only(change_class::substantive));
    }
    SECTION("unchanged units and equal ops carry no class; children are classified") {
        alignment a;
        alignment_unit u;
        u.kind = unit_kind::modified;
        u.old_ids = {"OP9"};
        u.new_ids = {"OP9"};
        u.ops = ops_of("Decides:");
        alignment_unit child;
        child.kind = unit_kind::modified;
        child.old_ids = {"OP9(a)"};
        child.new_ids = {"OP9(a)"};
        child.ops = ops_of("(a) at its [-seventy-ninth-]{+eightieth+} session");
        u.children.push_back(child);
        alignment_unit same;
        same.ops = ops_of("Recalling its resolution 70/1,");
        a.units = {u, same};
        pair_setup s;
        const auto c = classify(a, s.old_doc, s.new_doc);
        CHECK(c.units[0].classes.empty());
        CHECK(c.units[0].children[0].classes == only(change_class::routine));
        CHECK(c.units[1].classes.empty());
        for (const auto& op : c.units[1].ops) CHECK(op.classes.empty());
    }
    SECTION("footnotes: the list of earlier resolutions gains the predecessor") {
        alignment a;
        alignment_unit u;
        u.kind = unit_kind::modified;
        u.old_ids = {"PP1"};
        u.new_ids = {"PP1"};
        u.ops = ops_of("Recalling its resolution [-78/132-]{+79/194+} of 19 December [-2023-]{+2024+},");
        a.units.push_back(u);
        footnote_unit f;
        f.kind = unit_kind::modified;
        f.old_number = 1;
        f.new_number = 1;
        f.ops = ops_of("Resolutions 56/183, 76/189[- and-]{+,+} 77/150{+ and 78/132+}.");
        a.footnotes.push_back(f);
        pair_setup s;
        const auto c = classify(a, s.old_doc, s.new_doc);
        CHECK(c.footnotes[0].classes == only(change_class::routine));
        for (const auto& op : c.footnotes[0].ops)
            if (op.op != op_kind::equal) CHECK(op.classes == only(change_class::routine));
    }
    SECTION("bad input: empty ops, white-space edits, odd bytes") {
        CHECK(classify_one("").classes.empty());
        const auto spaced = classify_one("a[- -]{+  +}b");
        CHECK(spaced.classes.empty());
        for (const auto& op : spaced.ops)
            if (op.op != op_kind::equal) CHECK(op.classes == only(change_class::routine));
        CHECK(classify_one("x [-\xff\xfe-]{+\xc3+} y").classes == only(change_class::substantive));
    }
}

TEST_CASE("classify: thousands of units carrying the same edit all get the same classes", "[classify][scale]") {
    // 1.3 MB of changed unit text, over 20 MB were the prepared ops of every
    // unit kept: classify prepares each unit once, into buffers reused from
    // one unit to the next, and keeps only what the second pass (the list
    // extension) reads. Every unit carries the same kind of edit, so every
    // unit must get the same classes, the last as the first.
    std::string old_text = "The General Assembly,\n\nRecalling its resolution 1/1,\n\n";
    std::string new_text = old_text;
    const std::string body =
        " the Secretary-General to submit to the General Assembly at its {} session a report on the "
        "implementation of the present resolution, including on the activities of the United Nations "
        "system in support of national efforts, and on ways to strengthen coordination, item ";
    const auto paragraph = [&](int k, std::string_view verb, std::string_view session) {
        std::string p = std::to_string(k) + ". " + std::string(verb);
        std::string b = body;
        b.replace(b.find("{}"), 2, session);
        p += b;
        p += std::to_string(k);
        p += ";\n";
        return p;
    };
    const int n = 5000;
    for (int k = 1; k <= n; ++k) {
        old_text += paragraph(k, "Requests", "seventy-ninth");
        new_text += paragraph(k, k % 7 == 0 ? "Urges" : "Requests", "eightieth");
    }
    REQUIRE(old_text.size() > 1'300'000);
    const comparison c = compare(parse_text(old_text, "old"), parse_text(new_text, "new"));
    REQUIRE(c.result.units.size() == static_cast<std::size_t>(n + 1));
    int routine = 0, lead = 0;
    for (std::size_t i = 1; i < c.result.units.size(); ++i) {
        const auto& u = c.result.units[i];
        if (i % 7 == 0) {
            CHECK(u.classes == std::vector<change_class>{change_class::routine, change_class::lead});
            lead += u.classes == std::vector<change_class>{change_class::routine, change_class::lead};
        } else {
            CHECK(u.classes == only(change_class::routine));
            routine += u.classes == only(change_class::routine);
        }
    }
    CHECK(lead == n / 7);
    CHECK(routine == n - n / 7);
}
