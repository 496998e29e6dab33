// The parser on the real UN texts: facts read off the documents by hand, and
// invariants over every corpus file (no furniture or footnote text in any
// paragraph, every word of the input in exactly one place, deterministic,
// exact JSON round trip).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"

namespace fs = std::filesystem;
using namespace resdiff;

namespace {

fs::path corpus(const std::string& name) { return fs::path(RESDIFF_CORPUS_DIR) / name; }

std::vector<fs::path> corpus_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(RESDIFF_CORPUS_DIR)) {
        if (e.path().extension() == ".txt") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t count_subs(const document& d) {
    std::size_t n = 0;
    for (const auto* list : {&d.preamble, &d.operative}) {
        for (const auto& p : *list) n += flatten(p).size();
    }
    return n;
}

bool starts(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

struct facts {
    const char* file;
    std::size_t preambular, operative, subparagraphs, footnotes;
    const char* first_words;  // opening words of PP1
    const char* last_words;   // opening words of the last operative paragraph
    const char* last_lead;
};

// Counted by hand from the files (preambular paragraphs are the italic
// openers between "The General Assembly," and "1."; operative paragraphs
// are the printed numbers; footnotes the numbered notes below the rules).
const facts hand_counted[] = {
    // UN text export
    {"A-RES-65-141.txt", 25, 24, 0, 11, "Recalling its resolutions 56/183 of 21 December 2001",
     "Decides to include in the provisional agenda of its sixty-sixth session", "Decides"},
    // PyMuPDF extractions (trailing spaces)
    {"A-RES-72-200.txt", 31, 33, 0, 10, "Recalling its resolutions 56/183 of 21 December 2001",
     "Decides to include in the provisional agenda of its seventy-third session", "Decides"},
    {"A-RES-76-189.txt", 43, 47, 0, 17, "Recalling its resolution 75/202 of 21 December 2020",
     "Decides to include in the provisional agenda of its seventy-seventh session", "Decides"},
    // pdftotext
    {"A-RES-80-118.txt", 59, 74, 2, 26, "Recalling its resolution 79/194 of 19 December 2024",
     "Decides to include in the provisional agenda of its eighty-first session", "Decides"},
    {"A-C.2-80-L.17.txt", 57, 73, 2, 25, "Recalling its resolution 79/194 of 19 December 2024",
     "Decides to include in the provisional agenda of its eighty-first session", "Decides"},
    {"A-RES-78-8.txt", 4, 6, 0, 1, "Having received the report of the International Atomic Energy Agency for 2022",
     "Requests the Secretary-General to transmit to the Director General", "Requests"},
    {"A-80-L.7.txt", 4, 5, 0, 3, "Having received the report of the International Atomic Energy Agency for 2024",
     "Requests the Secretary-General to transmit to the Director General", "Requests"},
    {"A-C.4-80-L.6.txt", 16, 32, 0, 2, "Recalling its resolution 913 (X) of 3 December 1955",
     "Encourages Member States in a position to do so to make voluntary", "Encourages"},
    {"A-RES-80-8.txt", 32, 9, 0, 6, "Recalling its resolution 78/10 of 21 November 2023",
     "Decides to include in the provisional agenda of its eighty-second session", "Decides"},
    {"A-RES-80-121.txt", 22, 46, 0, 19, "Recalling its resolutions", "Requests the Secretary-General",
     "Requests"},
};

}  // namespace

TEST_CASE("corpus parse: hand-counted facts of ten documents", "[corpus][parse]") {
    for (const auto& f : hand_counted) {
        INFO(f.file);
        const document d = parse_file(corpus(f.file));
        CHECK(d.structured);
        CHECK(d.preamble.size() == f.preambular);
        CHECK(d.operative.size() == f.operative);
        CHECK(count_subs(d) == f.subparagraphs);
        CHECK(d.footnotes.size() == f.footnotes);
        REQUIRE(!d.preamble.empty());
        REQUIRE(!d.operative.empty());
        CHECK(starts(d.preamble.front().text, f.first_words));
        CHECK(starts(d.operative.back().text, f.last_words));
        CHECK(d.operative.back().lead == f.last_lead);
        CHECK(d.operative.back().number == std::to_string(f.operative));
        // Footnotes numbered 1..n without gaps.
        for (std::size_t k = 0; k < d.footnotes.size(); ++k) CHECK(d.footnotes[k].number == static_cast<int>(k + 1));
    }
}

TEST_CASE("corpus parse: metadata read from the headers", "[corpus][parse]") {
    const document r = parse_file(corpus("A-RES-80-118.txt"));
    CHECK(r.meta.symbol == "A/RES/80/118");
    CHECK(r.meta.kind == document_kind::resolution);
    CHECK(r.meta.session == 80);
    CHECK(r.meta.agenda_items == std::vector<std::string>{"15"});
    CHECK(r.meta.title == "Information and communications technologies for sustainable development");
    CHECK(r.meta.adoption_date == "15 December 2025");
    CHECK(r.meta.distribution_date == "18 December 2025");
    CHECK(r.meta.committee == "Second Committee");
    CHECK(r.meta.committee_report == "A/80/555");

    const document d = parse_file(corpus("A-C.2-80-L.17.txt"));
    CHECK(d.meta.symbol == "A/C.2/80/L.17");
    CHECK(d.meta.kind == document_kind::draft);
    CHECK(d.meta.sponsors == "Iraq:* draft resolution");
    REQUIRE(d.meta.notes.size() == 1);
    CHECK(starts(d.meta.notes[0], "* On behalf of the States that are members of the Group of 77 and China"));
    CHECK(d.meta.distribution_date == "14 October 2025");
    CHECK(d.meta.adoption_date.empty());

    const document c4 = parse_file(corpus("A-C.4-80-L.6.txt"));
    CHECK(starts(c4.meta.sponsors, "Argentina, Austria, Belgium"));
    CHECK(c4.meta.sponsors.find("and Thailand: draft resolution") != std::string::npos);
    CHECK(c4.meta.committee == "Special Political and Decolonization Committee (Fourth Committee)");
    CHECK(c4.meta.title == "Effects of atomic radiation");

    const document e = parse_file(corpus("A-RES-65-141.txt"));
    CHECK(e.meta.symbol == "A/RES/65/141");
    CHECK(e.meta.session == 65);
    CHECK(e.meta.agenda_items == std::vector<std::string>{"17"});
    CHECK(e.meta.title == "Information and communications technologies for development");
    CHECK(e.meta.adoption_date == "20 December 2010");
    CHECK(e.meta.distribution_date == "2 February 2011");
    CHECK(e.meta.committee_report == "A/65/433");

    const document s = parse_file(corpus("A-RES-72-200.txt"));
    CHECK(s.meta.symbol == "A/RES/72/200");
    CHECK(s.meta.session == 72);
    CHECK(s.meta.title == "Information and communications technologies for sustainable development");
    CHECK(s.meta.distribution_date == "17 January 2018");

    const document t = parse_file(corpus("A-C.2-80-L.13.txt"));
    CHECK(t.meta.agenda_items == std::vector<std::string>{"16 (a)"});
    CHECK(t.meta.amends.empty());

    // The two amendments: which draft they amend, and what they do.
    const document a62 = parse_file(corpus("A-C.2-80-L.62.txt"));
    CHECK(a62.meta.amends == "A/C.2/80/L.13/Rev.1");
    CHECK(a62.meta.title == "International trade and development");
    CHECK_FALSE(a62.structured);
    REQUIRE(a62.preamble.size() == 1);
    CHECK(a62.preamble[0].text ==
          "Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39.");
    const document a63 = parse_file(corpus("A-C.2-80-L.63.txt"));
    CHECK(a63.meta.amends == "A/C.2/80/L.12/Rev.1");
    REQUIRE(a63.warnings.size() == 1);
    CHECK(a63.warnings[0].rfind(
              "an amendment to draft resolution A/C.2/80/L.12/Rev.1, not a text of the resolution", 0) == 0);
}

TEST_CASE("corpus parse: footnote references, markers and page breaks", "[corpus][parse]") {
    const document r = parse_file(corpus("A-RES-80-118.txt"));
    // "resolutions on the issue, 1" at the end of PP1.
    CHECK(r.preamble[0].footnotes == std::vector<int>{1});
    CHECK(r.preamble[0].text.back() == ',');
    CHECK(r.preamble[0].text.find("issue, 1") == std::string::npos);
    // Footnote numbers printed 3,5,6,7,8,9,4 with texts in order 3..9.
    CHECK(r.footnotes[2].text == "General Assembly resolution 69/313, annex.");
    CHECK(starts(r.footnotes[3].text, "Financing for Sustainable Development Report 2024"));
    CHECK(r.footnotes[4].text == "Resolution 71/256, annex.");
    // "for the Decade 2024-203413": the marker glued to a year range.
    const auto* pp = find_paragraph(r, "PP19");
    REQUIRE(pp);
    CHECK(pp->text.find("2024\xE2\x80\x93" "2034 and the Antigua") != std::string::npos);
    CHECK(std::find(pp->footnotes.begin(), pp->footnotes.end(), 13) != pp->footnotes.end());
    // PP19 continues across a page break with a footnote block in between.
    CHECK(pp->text.find("Developing States: A Renewed Declaration for Resilient Prosperity aim to leverage") !=
          std::string::npos);

    // Export rendition: glued markers "Geneva2", "2003,2", "Assembly,3".
    const document e = parse_file(corpus("A-RES-65-141.txt"));
    CHECK(e.preamble[2].footnotes == std::vector<int>{1});
    CHECK(e.preamble[2].text.find("Scientific and Cultural Organization, will further enrich") != std::string::npos);
    CHECK(e.preamble[3].footnotes == std::vector<int>({2, 3, 4, 5}));
    const auto* op10 = find_paragraph(e, "OP10");
    REQUIRE(op10);
    CHECK(op10->text.find("outcomes of the Geneva and Tunis phases") != std::string::npos);
    CHECK(op10->footnotes == std::vector<int>({2, 4}));

    // Stray space inside a word from the PDF: "see king".
    const document l17 = parse_file(corpus("A-C.2-80-L.17.txt"));
    CHECK(l17.preamble[2].text.find("seeking to address") != std::string::npos);
    CHECK(l17.preamble[2].text.find("see king") == std::string::npos);

    // The last line printed before the first ("5.\nAgency;\n\nAppeals to ...").
    const document iaea = parse_file(corpus("A-RES-78-8.txt"));
    const auto* op5 = find_paragraph(iaea, "OP5");
    REQUIRE(op5);
    CHECK(op5->text == "Appeals to Member States to continue to support the activities of the Agency;");
    CHECK(op5->lead == "Appeals");

    // Document symbols are not footnote markers ("Add.1", "Corr.1"); a
    // marker after a noun on the page that defines it ("decision 6 that").
    const document t = parse_file(corpus("A-RES-80-121.txt"));
    const auto* t9 = find_paragraph(t, "PP9");
    REQUIRE(t9);
    CHECK(t9->text.find("decision WT/L/508/Add.1 of 25 July 2012") != std::string::npos);
    const document l13 = parse_file(corpus("A-C.2-80-L.13.txt"));
    const auto* op4 = find_paragraph(l13, "OP4");
    REQUIRE(op4);
    CHECK(op4->footnotes == std::vector<int>({5, 6}));
    CHECK(op4->text.find("the ministerial decision that was adopted") != std::string::npos);
    const document iaea7 = parse_file(corpus("A-80-L.7.txt"));
    CHECK(iaea7.operative[1].text.find("GC(69)/RES/9 A.2, entitled") != std::string::npos);

    // Spaced rendition: "1. " alone on its line, then the text.
    const document s = parse_file(corpus("A-RES-72-200.txt"));
    CHECK(starts(s.operative[0].text, "Recognizes that information and communications technologies have the"));
    CHECK(s.operative[0].lead == "Recognizes");
    CHECK(s.operative[5].footnotes == std::vector<int>({1, 3}));  // "the Geneva1 and Tunis3 phases"
}

TEST_CASE("corpus parse: sub-paragraphs and compound leads", "[corpus][parse]") {
    const document r = parse_file(corpus("A-RES-80-118.txt"));
    const auto* op70 = find_paragraph(r, "OP70");
    REQUIRE(op70);
    REQUIRE(op70->subparagraphs.size() == 2);
    CHECK(op70->subparagraphs[0].label == "(a)");
    CHECK(op70->subparagraphs[0].id == "OP70(a)");
    CHECK(starts(op70->subparagraphs[0].text, "Enhancing the ability of developing countries"));
    CHECK(starts(op70->subparagraphs[1].text, "Enabling international innovation-based environments"));
    CHECK(op70->intro.find("(a)") == std::string::npos);
    CHECK(op70->text.find("(a) Enhancing") != std::string::npos);

    const document iaea = parse_file(corpus("A-80-L.7.txt"));
    CHECK(iaea.operative[0].lead == "Takes note with appreciation of");
    CHECK(iaea.operative[1].lead == "Takes note of");
    CHECK(iaea.preamble[0].lead == "Having received");
    CHECK(iaea.preamble[3].lead == "Recognizing also");
    CHECK(r.preamble[1].lead == "Recalling also");
}

TEST_CASE("corpus parse: every file, no furniture or footnote text in paragraphs", "[corpus][parse]") {
    for (const auto& path : corpus_files()) {
        INFO(path.filename().string());
        const document d = parse_file(path);
        std::vector<const std::string*> texts;
        for (const auto* list : {&d.preamble, &d.operative}) {
            for (const auto& p : *list) texts.push_back(&p.text);
        }
        for (const auto* t : texts) {
            INFO(*t);
            CHECK(t->find(d.meta.symbol + " ") == std::string::npos);
            CHECK(t->find("(E)") == std::string::npos);
            CHECK(t->find("_____") == std::string::npos);
            CHECK(t->find("<<ODS") == std::string::npos);
            // barcodes "*2516621*" and job numbers "25-16621"
            for (std::size_t i = 0; i + 9 <= t->size(); ++i) {
                if ((*t)[i] == '*' && std::isdigit(static_cast<unsigned char>((*t)[i + 1]))) {
                    CHECK_FALSE(std::all_of(t->begin() + i + 1, t->begin() + i + 8,
                                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }));
                }
            }
            for (const auto& f : d.footnotes) {
                if (f.text.size() > 30) CHECK(t->find(f.text) == std::string::npos);
            }
            for (const auto& n : d.meta.notes) CHECK(t->find(n.substr(0, std::min<std::size_t>(n.size(), 40))) == std::string::npos);
        }
        // Every paragraph's page furniture check by page numbers "2/18" at the end.
        for (const auto* t : texts) CHECK_FALSE(t->empty());
    }
}

namespace {

std::string lower_word(std::string_view w) {
    std::string s(w);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void words_of(std::string_view text, std::map<std::string, int>& bag, int sign = 1) {
    std::size_t i = 0;
    const auto wordish = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; };
    while (i < text.size()) {
        if (!wordish(text[i])) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < text.size() && wordish(text[e])) ++e;
        bag[lower_word(text.substr(i, e - i))] += sign;
        i = e;
    }
}

bool furniture_line(std::string_view t, const document& d) {
    const auto digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    if (t == d.meta.symbol) return true;
    if (t.size() >= 8 && std::isdigit(static_cast<unsigned char>(t[0])) && t[2] == '-') return true;  // job number
    if (t.size() > 2 && t.front() == '*' && t.back() == '*') return true;                            // barcode
    if (digits(t) && t.size() == 6) return true;                                                      // date
    const auto slash = t.find('/');
    if (slash != std::string_view::npos && digits(t.substr(0, slash)) && digits(t.substr(slash + 1))) return true;
    if (d.meta.title.find(t) != std::string::npos) return true;                                       // running title
    if (t.rfind("<<ODS", 0) == 0 || t.rfind("[DU", 0) == 0) return true;
    return t.find_first_not_of("-_") == std::string_view::npos;
}

}  // namespace

TEST_CASE("corpus parse: every word of the input lands in exactly one place", "[corpus][parse]") {
    for (const auto& path : corpus_files()) {
        INFO(path.filename().string());
        const ingested_text in = ingest_file(path);
        parse_trace trace;
        const document d = parse_document(in, {}, &trace);
        REQUIRE(trace.roles.size() == in.lines.size());
        // Input side: the words of body and footnote lines. Metadata and
        // furniture lines are checked for what they are, not counted.
        std::map<std::string, int> bag;
        for (std::size_t i = 0; i < in.lines.size(); ++i) {
            const auto role = trace.roles[i];
            if (role == line_role::body || role == line_role::footnote) words_of(in.lines[i], bag, 1);
            if (role == line_role::furniture) {
                INFO("furniture line " << i + 1 << ": " << in.lines[i]);
                std::string_view t = in.lines[i];
                while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
                while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
                CHECK(furniture_line(t, d));
            }
        }
        // Output side: paragraphs, markers, numbers, sections, footnotes, notes.
        for (const auto* list : {&d.preamble, &d.operative}) {
            for (const auto& p : *list) {
                words_of(p.text, bag, -1);
                words_of(p.number, bag, -1);
                for (const int n : p.footnotes) words_of(std::to_string(n), bag, -1);
            }
        }
        for (const auto& s : d.sections) {
            words_of(s.label, bag, -1);
            words_of(s.title, bag, -1);
        }
        for (const auto& f : d.footnotes) {
            words_of(f.text, bag, -1);
            if (f.number > 0) words_of(std::to_string(f.number), bag, -1);
        }
        for (const auto& n : d.meta.notes) words_of(n, bag, -1);
        // Repaired words: "see king" -> "seeking", "followup" -> "follow-up".
        std::vector<std::string> surplus, missing;
        for (const auto& [w, n] : bag) {
            for (int k = 0; k < n; ++k) surplus.push_back(w);   // in the input, not placed
            for (int k = 0; k < -n; ++k) missing.push_back(w);  // placed, not in the input
        }
        const auto take = [](std::vector<std::string>& v, const std::string& w) {
            const auto it = std::find(v.begin(), v.end(), w);
            if (it == v.end()) return false;
            v.erase(it);
            return true;
        };
        for (auto it = missing.begin(); it != missing.end();) {
            bool fixed = false;
            for (std::size_t cut = 1; cut < it->size() && !fixed; ++cut) {
                const std::string a = it->substr(0, cut), b = it->substr(cut);
                if (std::count(surplus.begin(), surplus.end(), a) && std::count(surplus.begin(), surplus.end(), b) &&
                    (a != b || std::count(surplus.begin(), surplus.end(), a) >= 2)) {
                    take(surplus, a);
                    take(surplus, b);
                    fixed = true;
                }
            }
            it = fixed ? missing.erase(it) : it + 1;
        }
        for (auto it = surplus.begin(); it != surplus.end();) {
            bool fixed = false;
            for (std::size_t cut = 1; cut < it->size() && !fixed; ++cut) {
                const std::string a = it->substr(0, cut), b = it->substr(cut);
                if (std::count(missing.begin(), missing.end(), a) && std::count(missing.begin(), missing.end(), b)) {
                    take(missing, a);
                    take(missing, b);
                    fixed = true;
                }
            }
            it = fixed ? surplus.erase(it) : it + 1;
        }
        std::string lost, invented;
        for (const auto& w : surplus) lost += w + " ";
        for (const auto& w : missing) invented += w + " ";
        INFO("words in the input but nowhere in the document: " << lost);
        INFO("words in the document but not in the input: " << invented);
        CHECK(surplus.empty());
        CHECK(missing.empty());
    }
}

TEST_CASE("corpus parse: parsing twice is identical and JSON round-trips exactly", "[corpus][parse]") {
    std::size_t files = 0;
    for (const auto& path : corpus_files()) {
        INFO(path.filename().string());
        ++files;
        const document a = parse_file(path);
        const document b = parse_file(path);
        CHECK(a == b);
        const std::string json = document_to_json(a);
        CHECK(document_from_json(json) == a);
        CHECK(document_to_json(document_from_json(json)) == json);
        // Every paragraph knows the lines it came from.
        for (const auto* list : {&a.preamble, &a.operative}) {
            for (const auto& p : *list) {
                CHECK(p.lines.first > 0);
                CHECK(p.lines.last >= p.lines.first);
            }
        }
    }
    CHECK(files >= 40);
}
