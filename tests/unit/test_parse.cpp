// The parser on small texts of each rendition, written for these tests.
#include <catch2/catch.hpp>

#include <string>

#include "parse_internal.hpp"
#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"
#include "support.hpp"

using namespace resdiff;

namespace {

// The texts after detail::repair_split_words, which repairs them together (a
// word seen whole in one text repairs its split form in another).
std::vector<std::string> repaired(std::vector<std::string> texts) {
    std::vector<std::string*> pointers;
    for (auto& t : texts) pointers.push_back(&t);
    detail::repair_split_words(pointers);
    return texts;
}

// Each text (first) repaired together with the others equals its second.
void check_repairs(const std::vector<std::pair<std::string, std::string>>& cases) {
    std::vector<std::string> texts;
    for (const auto& c : cases) texts.push_back(c.first);
    const auto out = repaired(texts);
    for (std::size_t i = 0; i < cases.size(); ++i) CHECK(out[i] == cases[i].second);
}

std::vector<std::string> leads(const std::vector<paragraph>& list) {
    std::vector<std::string> out;
    for (const auto& p : list) out.push_back(p.lead);
    return out;
}

}  // namespace

TEST_CASE("parse: pdftotext draft with page breaks, footnote blocks, sections and nesting", "[parse]") {
    parse_trace trace;
    const auto in = ingest_file(fixture("parse/wrapped-draft.txt"));
    const document d = parse_document(in, {}, &trace);
    CHECK(d.structured);
    CHECK(d.meta.symbol == "A/C.2/99/L.5");
    CHECK(d.meta.kind == document_kind::draft);
    CHECK(d.meta.session == 99);
    CHECK(d.meta.agenda_items == std::vector<std::string>{"12", "14 (b)"});
    CHECK(d.meta.title == "Example matters of the committee");
    CHECK(d.meta.distribution_date == "3 October 2099");
    CHECK(d.meta.committee == "Second Committee");
    CHECK(d.meta.sponsors == "Ruritania and Freedonia:* draft resolution");
    CHECK(d.meta.notes == std::vector<std::string>{
                              "* Any changes to the list of sponsors will be reflected in the official record."});

    REQUIRE(d.preamble.size() == 4);
    CHECK(leads(d.preamble) ==
          std::vector<std::string>{"Recalling", "Noting with concern", "Deeply concerned", "Bearing in mind"});
    // A marker standing alone after a comma at the end of the paragraph.
    CHECK(d.preamble[0].text ==
          "Recalling its resolution 98/7 of 1 December 2098 on example matters, as well as previous resolutions on "
          "the issue,");
    CHECK(d.preamble[0].footnotes == std::vector<int>{1});
    // Hyphens at line ends survive; markers glued to a word and to a year range.
    CHECK(d.preamble[1].text ==
          "Noting with concern the persistent gaps in the follow-up to the people-centred outcomes of the World "
          "Summit held in Geneva and the Decade 2024\xE2\x80\x93" "2034 and stressing the need for further work,");
    CHECK(d.preamble[1].footnotes == std::vector<int>({2, 3}));
    // A stray space inside a word, repaired because the document has the word.
    CHECK(d.preamble[2].text.find("the seeking of solutions") != std::string::npos);
    // The footnote block numbered 1,3,2 with texts in order 1,2,3.
    REQUIRE(d.footnotes.size() == 4);
    CHECK(d.footnotes[0].text == "Resolutions 96/1 and 97/2.");
    CHECK(d.footnotes[1].text == "See A/60/687.");
    CHECK(d.footnotes[2].text == "Resolution 79/233, annex.");
    CHECK(d.footnotes[3].number == 4);
    CHECK(d.footnotes[3].text == "A/99/100.");

    // Sections as structure, not paragraphs.
    REQUIRE(d.sections.size() == 2);
    CHECK(d.sections[0].label == "I");
    CHECK(d.sections[0].title == "General matters");
    CHECK(d.sections[1].title == "Follow-up");

    REQUIRE(d.operative.size() == 4);
    const auto& op1 = d.operative[0];
    CHECK(op1.number == "1");
    CHECK(op1.lead == "Takes note with appreciation of");
    CHECK(op1.text == "Takes note with appreciation of the report of the Secretary-General;");
    CHECK(op1.footnotes == std::vector<int>{4});
    CHECK(op1.section == 0);
    const auto& op2 = d.operative[1];
    CHECK(op2.lead == "Calls upon");
    CHECK(op2.intro == "Calls upon all States to consider the following measures:");
    REQUIRE(op2.subparagraphs.size() == 2);
    CHECK(op2.subparagraphs[0].id == "OP2(a)");
    CHECK(op2.subparagraphs[0].text == "Strengthening national capacities, including:");
    REQUIRE(op2.subparagraphs[0].children.size() == 2);
    CHECK(op2.subparagraphs[0].children[1].id == "OP2(a)(ii)");
    CHECK(op2.subparagraphs[0].children[1].label == "(ii)");
    CHECK(op2.subparagraphs[0].children[1].text == "Sharing of good practices;");
    // (b) continues over a page break with a footnote block and furniture between.
    CHECK(op2.subparagraphs[1].text == "Improving data collection and analysis across all relevant sectors;");
    CHECK(op2.text ==
          "Calls upon all States to consider the following measures: (a) Strengthening national capacities, "
          "including: (i) Training of officials; (ii) Sharing of good practices; (b) Improving data collection and "
          "analysis across all relevant sectors;");
    CHECK(d.operative[2].lead == "Also requests");
    CHECK(d.operative[2].section == 1);
    CHECK(d.operative[3].lead == "Decides");
    CHECK(d.operative[3].lines == line_range{74, 74});

    // Furniture lines are recognized as such.
    REQUIRE(trace.roles.size() == in.lines.size());
    for (std::size_t i = 0; i < in.lines.size(); ++i) {
        const auto& l = in.lines[i];
        if (l == "99-12345 (E)" || l == "*9912345*" || l == "2/3" || l == "031099" ||
            (i > 30 && l == "A/C.2/99/L.5")) {
            INFO(l);
            CHECK(trace.roles[i] == line_role::furniture);
        }
    }
    CHECK(d.warnings.empty());
}

TEST_CASE("parse: UN text export, one paragraph per line, glued markers, trailer", "[parse]") {
    const std::string text =
        "[DU1]\n"
        "Resolution adopted by the General Assembly on 1 December 2099\n"
        "[on the report of the Third Committee (A/99/400)]\n"
        "99/12.\tAn example of an exported resolution\n\n\n"
        "\tThe General Assembly,\n"
        "\tRecalling the Declaration on Cultural Diversity,1 which inspires this work, and the outcome of the "
        "meetings held in Geneva2 and Tunis,3 and all the relevant resolutions adopted since then by the Assembly,\n"
        "\tExpressing deep concern at the slow pace of progress in the matter that this resolution addresses in "
        "particular in the least developed countries and in small island developing States,\n"
        "\t1.\tExpresses its deep concern at the continued lack of resources for the implementation of the "
        "outcomes of the summits held in Geneva2 and Tunis3 and the many other meetings that followed them;\n"
        "\t2.\tRequests the Secretary-General to report on the matter to the General Assembly at its "
        "one-hundredth session, including on the follow-up to the outcomes of the summits and the meetings;\n"
        "\t(a)\tA first element of the report that the Secretary-General should prepare for the Assembly "
        "with the information provided by the Member States;\n"
        "\t(b)\tA second element of the report on the progress made in implementing the present resolution;\n\n"
        "51st plenary meeting\n"
        "1 December 2099\n"
        "1 Records of the General Conference, vol. 1.\n"
        "2 See A/C.2/59/3, annex.\n"
        "3 See A/60/687.\n"
        "[DU1]<<ODS JOB NO>>N9912345E<<ODS JOB NO>>\n"
        "<<ODS DOC SYMBOL1>>A/RES/99/12<<ODS DOC SYMBOL1>>\n"
        "United NationsA/RES/99/12General AssemblyDistr.: General\n"
        "4 January 2100Ninety-ninth session\n"
        "Agenda item 68\n"
        "99-12345\n"
        "*9912345*\n";
    const document d = parse_text(text, "export");
    CHECK(d.structured);
    CHECK(d.meta.symbol == "A/RES/99/12");
    CHECK(d.meta.kind == document_kind::resolution);
    CHECK(d.meta.session == 99);
    CHECK(d.meta.agenda_items == std::vector<std::string>{"68"});
    CHECK(d.meta.title == "An example of an exported resolution");
    CHECK(d.meta.adoption_date == "1 December 2099");
    CHECK(d.meta.distribution_date == "4 January 2100");
    CHECK(d.meta.committee == "Third Committee");
    CHECK(d.meta.committee_report == "A/99/400");
    REQUIRE(d.preamble.size() == 2);
    CHECK(d.preamble[0].footnotes == std::vector<int>({1, 2, 3}));
    CHECK(d.preamble[0].text.find("Cultural Diversity, which inspires this work, and the outcome of the meetings "
                                  "held in Geneva and Tunis, and all") != std::string::npos);
    CHECK(d.preamble[1].lead == "Expressing deep concern at");
    REQUIRE(d.operative.size() == 2);
    CHECK(d.operative[0].lead == "Expresses its deep concern at");
    CHECK(d.operative[0].footnotes == std::vector<int>({2, 3}));  // repeated references
    CHECK(d.operative[0].text.find("held in Geneva and Tunis and the many") != std::string::npos);
    CHECK(d.operative[1].lead == "Requests");
    REQUIRE(d.operative[1].subparagraphs.size() == 2);
    CHECK(d.operative[1].subparagraphs[1].label == "(b)");
    REQUIRE(d.footnotes.size() == 3);
    CHECK(d.footnotes[2].text == "See A/60/687.");
    for (const auto* list : {&d.preamble, &d.operative}) {
        for (const auto& p : *list) {
            CHECK(p.text.find("ODS") == std::string::npos);
            CHECK(p.text.find("9912345") == std::string::npos);
        }
    }
}

TEST_CASE("parse: PyMuPDF rendition with trailing spaces and single-space lines", "[parse]") {
    const std::string text =
        "United Nations \nA/RES/99/3\n \nGeneral Assembly \n \nDistr.: General\n5 January 2100 \n \n"
        "Ninety-ninth session \nAgenda item 7 \n \n Resolution adopted by the General Assembly \n"
        "on 20 December 2099 \n \n 99/3. A spaced example \n \n"
        "The General Assembly, \n \n"
        "Recalling its resolution 98/3 of 20 December 2098, as well as all its previous resolutions on the \n"
        "subject, \n \n"
        "Convinced that the subject is important for all Member States1 and that its consideration \n"
        "__________________ \n \n1  See A/98/1. \n\n"
        "A/RES/99/3 \nA spaced example\n \n99-10000 \n2/3 \n \n"
        "should be continued in the years to come, \n \n"
        "1. \nWelcomes the report of the Secretary-General; \n \n"
        "2. \nDecides to continue to consider the subject. \n";
    const document d = parse_text(text, "spaced");
    CHECK(d.meta.symbol == "A/RES/99/3");
    CHECK(d.meta.title == "A spaced example");
    CHECK(d.meta.adoption_date == "20 December 2099");
    REQUIRE(d.preamble.size() == 2);
    CHECK(d.preamble[1].lead == "Convinced");
    CHECK(d.preamble[1].text ==
          "Convinced that the subject is important for all Member States and that its consideration should be "
          "continued in the years to come,");
    REQUIRE(d.operative.size() == 2);
    CHECK(d.operative[0].text == "Welcomes the report of the Secretary-General;");
    CHECK(d.preamble[1].footnotes == std::vector<int>{1});
    CHECK(d.operative[0].lines.first == d.operative[0].lines.last - 1);  // "1." and its text
    REQUIRE(d.footnotes.size() == 1);
    CHECK(d.footnotes[0].text == "See A/98/1.");
}

TEST_CASE("parse: a memo without resolution structure becomes plain paragraphs", "[parse]") {
    const std::string memo =
        "To: All delegations\nFrom: The facilitator\n\n"
        "Please find attached the revised text for consideration at the next\n"
        "informal meeting.\n\n"
        "Comments are welcome until Friday.\n";
    const document d = parse_text(memo, "memo");
    CHECK_FALSE(d.structured);
    REQUIRE(d.preamble.size() == 3);
    CHECK(d.operative.empty());
    CHECK(d.preamble[0].id == "P1");
    CHECK(d.preamble[1].text ==
          "Please find attached the revised text for consideration at the next informal meeting.");
    CHECK(d.preamble[1].lines == line_range{4, 5});
    CHECK(d.preamble[2].id == "P3");
    REQUIRE_FALSE(d.warnings.empty());
    CHECK(d.warnings.back().find("no resolution structure") != std::string::npos);
    // --plain equivalent: a resolution read as plain paragraphs on request.
    parse_options plain;
    plain.plain = true;
    const document p = parse_text("The General Assembly,\nRecalling x,\n\n1. Decides y.\n", "p", plain);
    CHECK_FALSE(p.structured);
    CHECK(p.operative.empty());
    // The CLI says so on stderr and still succeeds.
    const auto dir = scratch_dir("memo");
    {
        std::ofstream out(dir / "memo.txt");
        out << memo;
    }
    const cli_run r({"parse", (dir / "memo.txt").string()});
    CHECK(r.rc == 0);
    CHECK(r.err.find("no resolution structure") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("parse: a numbered paragraph after one cut mid-sentence still opens a paragraph", "[parse]") {
    // A draft in negotiation: paragraph 2 lost its end ("... of the"), so the
    // line "3. Decides" follows a line that does not close a clause.
    const std::string text =
        "The General Assembly,\n"
        "Recalling its resolution 1/1,\n"
        "1. Welcomes the report of the Secretary-General;\n"
        "2. Requests the Secretary-General to report on the implementation of\n"
        "the present resolution at its next session, in paragraph 30 of the\n"
        "3. Decides to include the item in the agenda of its next session;\n"
        "4. Further requests a report;\n"
        "5. all lower case after a number, not a verb;\n"
        "6. Decides to remain seized of the matter.\n";
    const document d = parse_text(text, "cut");
    REQUIRE(d.operative.size() == 5);
    CHECK(d.operative[1].text ==
          "Requests the Secretary-General to report on the implementation of the present resolution at its "
          "next session, in paragraph 30 of the");
    CHECK(d.operative[2].number == "3");
    CHECK(d.operative[2].lead == "Decides");
    CHECK(d.operative[3].number == "4");
    CHECK(d.operative[3].lead == "Further requests");
    // A number followed by lower case continues the paragraph before it, and
    // the next paragraph with a verb takes up the count, with a warning.
    CHECK(d.operative[3].text == "Further requests a report; 5. all lower case after a number, not a verb;");
    CHECK(d.operative[4].number == "6");
    CHECK(d.operative[4].lead == "Decides");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0] == "operative paragraph 5 missing: the numbering goes from 4 to 6 (line 9)");

    using detail::starts_with_operative_verb;
    CHECK(starts_with_operative_verb("Decides to include"));
    CHECK(starts_with_operative_verb("Calls upon Member States"));
    CHECK(starts_with_operative_verb("Strongly urges all States"));
    CHECK_FALSE(starts_with_operative_verb("United Nations"));
    CHECK_FALSE(starts_with_operative_verb("of the"));
    CHECK_FALSE(starts_with_operative_verb("Recalling its resolution"));
    CHECK_FALSE(starts_with_operative_verb("Further"));
}

TEST_CASE("parse: leads of preambular and operative paragraphs", "[parse][lead]") {
    using detail::extract_lead;
    const auto pp = part::preamble;
    const auto op = part::operative;
    CHECK(extract_lead("Recalling also its resolution 70/1,", pp) == "Recalling also");
    CHECK(extract_lead("Noting with concern that the gap persists,", pp) == "Noting with concern");
    CHECK(extract_lead("Noting with deep concern the gap,", pp) == "Noting with deep concern");
    CHECK(extract_lead("Expressing deep concern about the situation,", pp) == "Expressing deep concern about");
    CHECK(extract_lead("Expressing deep concern that the gap persists,", pp) == "Expressing deep concern");
    CHECK(extract_lead("Bearing in mind the outcome,", pp) == "Bearing in mind");
    CHECK(extract_lead("Deeply concerned that the gap persists,", pp) == "Deeply concerned");
    CHECK(extract_lead("Having considered the report,", pp) == "Having considered");
    CHECK(extract_lead("Taking note of the report,", pp) == "Taking note of");
    CHECK(extract_lead("Taking note also of the report,", pp) == "Taking note also of");
    CHECK(extract_lead("Taking into account the needs,", pp) == "Taking into account");
    CHECK(extract_lead("Mindful of the need,", pp) == "Mindful");
    CHECK(extract_lead("Looking forward to the conference,", pp) == "Looking forward to");
    CHECK(extract_lead("Takes note with appreciation of the report;", op) == "Takes note with appreciation of");
    CHECK(extract_lead("Takes note of the report;", op) == "Takes note of");
    CHECK(extract_lead("Expresses its deep concern at the lack;", op) == "Expresses its deep concern at");
    CHECK(extract_lead("Calls upon all States to act;", op) == "Calls upon");
    CHECK(extract_lead("Calls for increased cooperation;", op) == "Calls for");
    CHECK(extract_lead("Also requests the Secretary-General to report;", op) == "Also requests");
    CHECK(extract_lead("Further encourages Member States;", op) == "Further encourages");
    CHECK(extract_lead("Requests the Secretary-General to report;", op) == "Requests");
    CHECK(extract_lead("Strongly urges all States;", op) == "Strongly urges");
    CHECK(extract_lead("Once again calls upon all States;", op) == "Once again calls upon");
    CHECK(extract_lead("Welcomes with appreciation the work;", op) == "Welcomes with appreciation");
    CHECK(extract_lead("Decides to include the item;", op) == "Decides");
    CHECK(extract_lead("Encourages further the efforts;", op) == "Encourages further");
    CHECK(extract_lead("Decides.", op) == "Decides");
    CHECK(extract_lead("", op).empty());
}

TEST_CASE("parse: split-word repair never invents words", "[parse]") {
    check_repairs({
        {"the see king of solutions and seeking more", "the seeking of solutions and seeking more"},
        {"intelligen ce and artificial intelligence", "intelligence and artificial intelligence"},
        {"we can not do this and cannot", "we can not do this and cannot"},  // both halves are words
        {"the followup to the follow-up", "the follow-up to the follow-up"},
        {"an odd piece of text with nothing to join", "an odd piece of text with nothing to join"},
    });
    // Built-in list: "seeking" repaired even when the document has it only split.
    CHECK(repaired({"and see king to address"})[0] == "and seeking to address");
}

TEST_CASE("parse: split-word repair, joins and compounds in one text", "[parse]") {
    // A join and a compound repair in the same text, spaced hyphens, a split
    // word at a capital, and a glued compound that occurs twice (kept).
    check_repairs({
        {"the see king of a followup", "the seeking of a follow-up"},
        {"seeking the follow-up", "seeking the follow-up"},
        {"Secretary -General and COVID -19 in the sixty -seventh",
         "Secretary-General and COVID-19 in the sixty-seventh"},
        {"Intelligen ce and a wide-ranging plan for the wideranging",
         "Intelligence and a wide-ranging plan for the wideranging"},
        {"a wideranging view", "a wideranging view"},
    });
}

TEST_CASE("parse: split-word repair, a glued compound rarer than its hyphenated form", "[parse]") {
    // A text export that lost the hyphens at its line ends: the glued form
    // twice, the compound three times. Glued as often as hyphenated: kept.
    check_repairs({
        {"capacitybuilding and capacitybuilding", "capacity-building and capacity-building"},
        {"capacity-building", "capacity-building"},
        {"capacity-building for capacity-building", "capacity-building for capacity-building"},
    });
    check_repairs({
        {"a wideranging plan and a wideranging view", "a wideranging plan and a wideranging view"},
        {"wide-ranging and wide-ranging", "wide-ranging and wide-ranging"},
    });
}

TEST_CASE("parse: split-word repair joins a stray letter into a short common word", "[parse]") {
    // The corpus: "take stock o f progress", "and t o ensure", "the environment
    // f or food security", "respond to th e demands", "developed an d
    // developing". A sub-paragraph's label "(o)" or "(f)" elsewhere does not
    // keep them apart. "a" and "i" may be words, but not "n": "a n" is "an".
    // Capitals are not stray, and letters that make no word of the text (or
    // of the common words: "i t" is "it") stay.
    check_repairs({
        {"to take stock o f progress of the work", "to take stock of progress of the work"},
        {"and t o ensure coherence f or the people", "and to ensure coherence for the people"},
        {"respond to th e demands of developed an d developing countries",
         "respond to the demands of developed and developing countries"},
        {"(o) the item (f) the other for us and more", "(o) the item (f) the other for us and more"},
        {"in a n order, x y and i t, Annex B on", "in an order, x y and it, Annex B on"},
    });
}

TEST_CASE("parse: split-word repair, a break repeated in the same place", "[parse]") {
    // A/RES/78/132 as exported: "implemen tation" twice and "a nd" twice. A
    // word seen more than once is a word of its own, unless each time it
    // stands next to one with which it spells a word of the text. "d o": "do"
    // is a common word, though the text never has it.
    check_repairs({
        {"the full implemen tation of the agenda", "the full implementation of the agenda"},
        {"the effective implemen tation of outcomes", "the effective implementation of outcomes"},
        {"their implementation, women a nd girls", "their implementation, women and girls"},
        {"with data, a nd the need", "with data, and the need"},
        {"countries, d o not have access", "countries, do not have access"},
    });
    // Seen once elsewhere on its own, the half is a word: nothing is joined.
    check_repairs({
        {"the implemen tation of outcomes", "the implemen tation of outcomes"},
        {"an implemen and a tation of implementation", "an implemen and a tation of implementation"},
    });
}

TEST_CASE("parse: split-word repair, compounds whose hyphen text exports drop", "[parse]") {
    // "postconflict", "mediumsized", "twentyeighth" are no words: unglued
    // though the text never shows them hyphenated, and even when glued
    // twice. "policymaking" and "socioeconomic" are words, and stay.
    check_repairs({
        {"conflict and postconflict countries", "conflict and post-conflict countries"},
        {"small and mediumsized enterprises and mediumsized firms",
         "small and medium-sized enterprises and medium-sized firms"},
        {"the twentyeighth session", "the twenty-eighth session"},
        {"in policymaking and socioeconomic terms", "in policymaking and socioeconomic terms"},
    });
}

TEST_CASE("parse: split-word repair, long words and capitals", "[parse]") {
    // Words of more than 12 letters are told apart by their bytes: two such
    // words sharing their last 12 letters are different words. A capital
    // counts as the same word: "Implementation" makes "implementa tion" whole,
    // and "Transparency" twice makes "transparency" a word of its own.
    check_repairs({
        {"the implementa tion of Implementation plans", "the implementation of Implementation plans"},
        {"reimplementation and nonimplementation", "reimplementation and nonimplementation"},  // last 12 letters alike
        {"nonimplementa tion", "nonimplementation"},  // only "nonimplementation" is in the text
        {"Transparency and transparency need trans parency", "Transparency and transparency need transparency"},
        {"some multilateralismx text and multilateral ismy", "some multilateralismx text and multilateral ismy"},  // neither joined form is a word
    });
}

TEST_CASE("parse: split-word repair counts short words and odd lengths alike", "[parse]") {
    // "ed", seen once, is no word of its own: "develop ed" is joined.
    check_repairs({
        {"develop and developed", "develop and developed"},
        {"the develop ed world", "the developed world"},
    });
    // Seen a second time, first as part of a compound: both halves are words.
    check_repairs({
        {"ed-tech and develop and developed", "ed-tech and develop and developed"},
        {"the develop ed world", "the develop ed world"},
    });
    // Halves of odd and even lengths, at the end of the text and before punctuation.
    check_repairs({
        {"seeking, intelligence and implementation", "seeking, intelligence and implementation"},
        {"intelligen ce, see king", "intelligence, seeking"},
        {"(implementa tion)", "(implementation)"},
    });
}

TEST_CASE("parse: split-word repair drops leading, trailing and repeated spaces", "[parse]") {
    check_repairs({
        {"  two  spaces   and see king ", "two spaces and seeking"},
        {"seeking", "seeking"},
        {"one space", "one space"},
        {" lead", "lead"},
        {"trail ", "trail"},
    });
}

TEST_CASE("parse: session ordinals", "[parse]") {
    CHECK(detail::parse_ordinal("Eightieth") == 80);
    CHECK(detail::parse_ordinal("Sixty-fifth") == 65);
    CHECK(detail::parse_ordinal("seventy-second") == 72);
    CHECK(detail::parse_ordinal("First") == 1);
    CHECK(detail::parse_ordinal("Hundredth") == 100);
    CHECK(detail::parse_ordinal("Seventy-tenth") == 0);
    CHECK(detail::parse_ordinal("session") == 0);
}

TEST_CASE("parse: JSON round trip is exact, and the contract's keys are there", "[parse][json]") {
    const document d = parse_file(fixture("parse/wrapped-draft.txt"));
    const std::string json = document_to_json(d);
    CHECK(document_from_json(json) == d);
    for (const char* key : {"\"symbol\"", "\"session\"", "\"title\"", "\"preamble\"", "\"operative\"",
                            "\"footnotes\"", "\"id\": \"OP2\"", "\"lead\": \"Calls upon\"", "\"number\": \"2\"",
                            "\"label\": \"(a)\"", "\"subparagraphs\"", "\"lines\""}) {
        INFO(key);
        CHECK(json.find(key) != std::string::npos);
    }
    // A document built in code, with odd values, round-trips too.
    document m;
    m.meta.symbol = "X/1";
    m.meta.notes = {"a \"quoted\" note", "\xC3\xA9"};
    m.meta.amends = "A/C.2/80/L.12/Rev.1";
    m.structured = false;
    paragraph p;
    p.id = "P1";
    p.text = "line\nbreak\ttab";
    p.intro = "different intro";
    p.lines = {3, 9};
    m.preamble.push_back(p);
    CHECK(document_from_json(document_to_json(m)) == m);
    CHECK_THROWS_AS(document_from_json("{not json"), input_error);
    CHECK_THROWS_AS(document_from_json("[1, 2]"), input_error);
    CHECK_THROWS_AS(document_from_json("{\"session\": \"eighty\"}"), input_error);
}

TEST_CASE("parse: text outline shows metadata, leads, sub-paragraphs and footnotes", "[parse][render]") {
    const document d = parse_file(fixture("parse/wrapped-draft.txt"));
    const std::string out = render_document_text(d);
    CHECK(out.find("Symbol:             A/C.2/99/L.5") != std::string::npos);
    CHECK(out.find("OP2 (2.)  lead: Calls upon") != std::string::npos);
    CHECK(out.find("\n          (ii) Sharing of good practices;\n") != std::string::npos);
    CHECK(out.find("\n  I. General matters\n") != std::string::npos);
    CHECK(out.find("\n  4  A/99/100.\n") != std::string::npos);
    for (std::size_t start = 0, end; (end = out.find('\n', start)) != std::string::npos; start = end + 1) {
        CHECK(end - start <= 100);
    }
    const cli_run r({"parse", "--format", "json", fixture("parse/wrapped-draft.txt").string()});
    CHECK(r.rc == 0);
    CHECK(document_from_json(r.out) == d);
}

TEST_CASE("parse: odd input never throws", "[parse]") {
    for (const char* text : {"1.", "(a)", "The General Assembly,", "The General Assembly,\n1.\n", "____\n1\n",
                             "x\f\f\fy", "1. Decides\n2. Decides\n(i)\n(ii)\n", "A/RES/1/1\n\nAnnex\n",
                             "The General Assembly,\nRecalling 1 2 3 4 5,\n\x0c____\n3\n2\n1\n"}) {
        INFO(text);
        CHECK_NOTHROW(parse_text(text));
    }
}

TEST_CASE("parse: line-final hyphens are real hyphens", "[parse]") {
    const document d = parse_text(
        "The General Assembly,\n"
        "Recalling the report of the Secretary-\n"
        "General on the people-\n"
        "centred response to COVID-\n"
        "19 and its follow-\n"
        "up, \xE2\x80\x93\n"
        "including by Member States,\n"
        "1. Decides to remain seized of the matter.\n");
    REQUIRE(d.preamble.size() == 1);
    CHECK(d.preamble[0].text ==
          "Recalling the report of the Secretary-General on the people-centred response to COVID-19 and its "
          "follow-up, \xE2\x80\x93 including by Member States,");
    REQUIRE(d.operative.size() == 1);
    CHECK(d.operative[0].lines == line_range{8, 8});
}

TEST_CASE("parse: an annex after the adoption lines stays in the document", "[parse]") {
    const document d = parse_text(
        "A/RES/99/9\n\nThe General Assembly,\n"
        "Recalling its earlier resolutions,\n"
        "1. Adopts the Declaration annexed to the present resolution.\n"
        "64th plenary meeting\n"
        "15 December 2099\n"
        "\n"
        "Annex\n"
        "Declaration on examples\n"
        "We, the Heads of State and Government,\n"
        "1. Commit to act together;\n"
        "2. Decide to meet again.\n");
    CHECK(d.meta.adoption_date == "15 December 2099");
    REQUIRE(d.sections.size() == 1);
    CHECK(d.sections[0].annex);
    CHECK(d.sections[0].title == "Declaration on examples");
    REQUIRE(d.operative.size() == 4);
    CHECK(d.operative[0].section == -1);
    CHECK(d.operative[1].text == "We, the Heads of State and Government,");
    CHECK(d.operative[1].section == 0);
    CHECK(d.operative[3].number == "2");
    CHECK(d.operative[3].text == "Decide to meet again.");
}

TEST_CASE("parse: text after the adoption lines is kept, and quoted whole characters at most",
          "[parse][json]") {
    // 1 + 35 two-byte characters: 60 bytes would end in half an "é".
    std::string trailer = "a";
    for (int i = 0; i < 35; ++i) trailer += "\u00e9";
    const document d = parse_text(
        "A/RES/99/9\n\nThe General Assembly,\n"
        "Recalling its earlier resolutions,\n"
        "1. Decides to meet again.\n"
        "64th plenary meeting\n"
        "15 December 2099\n"
        "\n" +
        trailer + "\n");
    REQUIRE(d.operative.size() == 1);
    CHECK(d.operative[0].text == "Decides to meet again.");
    REQUIRE(d.warnings.size() == 1);
    const std::string quoted = "a" + trailer.substr(1, 58) + "...";
    CHECK(d.warnings[0] ==
          "1 line(s) of text after the end of the resolution (from line 9) kept as metadata, not as "
          "paragraphs: " +
              quoted);
    // Nothing for the JSON writer to replace: the document comes back as it was.
    CHECK(document_from_json(document_to_json(d)) == d);
}

TEST_CASE("parse: an export-layout draft without a plenary line keeps its footnotes apart", "[parse]") {
    const document d = parse_file(fixture("example-draft-66.txt"));
    CHECK(d.structured);
    CHECK(d.meta.kind == document_kind::draft);
    CHECK(d.preamble.size() == 25);
    REQUIRE(d.operative.size() == 23);
    CHECK(d.footnotes.size() == 12);
    REQUIRE(d.meta.notes.size() == 1);
    CHECK(d.meta.notes[0].rfind("* Example written for the resdiff project", 0) == 0);
    const auto& last = d.operative.back();
    CHECK(last.lead == "Decides");
    CHECK(last.text.find("See A/") == std::string::npos);
    CHECK(last.text.find("Example written") == std::string::npos);
}

TEST_CASE("parse: an amendment names the draft it amends and is not read as a resolution", "[parse]") {
    using detail::amended_symbol;
    CHECK(amended_symbol("Denmark:* amendment to draft resolution A/C.2/80/L.12/Rev.1") ==
          "A/C.2/80/L.12/Rev.1");
    CHECK(amended_symbol("Cuba and Nicaragua: amendments to draft resolution A/80/L.22.") == "A/80/L.22");
    CHECK(amended_symbol("Egypt: amendment to draft resolution A/C.3/80/L.25 (on behalf of the Group)") ==
          "A/C.3/80/L.25");
    CHECK(amended_symbol("Iraq:* draft resolution") == "");
    CHECK(amended_symbol("Denmark: amendment") == "");

    // A/C.2/80/L.63 in the corpus, as pdftotext gives it (own wording here).
    const document d = parse_text(
        "A/C.2/80/L.63\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: Limited\n24 November 2025\n"
        "Original: English\n\nEightieth session\n\nSecond Committee\nAgenda item 16 (c)\n"
        "Macroeconomic policy questions: external debt sustainability\nand development\n"
        "Denmark:* amendment to draft resolution A/C.2/80/L.12/Rev.1\n\n"
        "External debt sustainability and development\nDelete operative paragraphs 3, 43 and 45.\n\n"
        "* On behalf of the States Members of the United Nations that are members of the European\nUnion.\n");
    CHECK(d.meta.symbol == "A/C.2/80/L.63");
    CHECK(d.meta.amends == "A/C.2/80/L.12/Rev.1");
    CHECK(d.meta.title == "External debt sustainability and development");
    CHECK_FALSE(d.structured);
    REQUIRE(d.preamble.size() == 1);
    CHECK(d.preamble[0].text == "Delete operative paragraphs 3, 43 and 45.");
    REQUIRE(d.warnings.size() == 1);
    CHECK(
        d.warnings[0] ==
        "an amendment to draft resolution A/C.2/80/L.12/Rev.1, not a text of the resolution; read as 1 plain "
        "paragraph(s)");
}
