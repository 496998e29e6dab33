// Alignment facts on real pairs of the corpus, each verified by reading both
// texts: which paragraph became which, which are new, which were removed,
// split, renumbered or moved across parts. Paragraph ids were counted by hand
// (operative ones follow the printed numbers); every fact also names the
// opening words of each paragraph, so a counting slip shows as such.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "resdiff/align.hpp"
#include "resdiff/parse.hpp"

namespace {

using resdiff::unit_kind;

struct fact {
    const char* old_file;
    const char* new_file;
    std::vector<std::string> old_ids;
    std::vector<std::string> old_openings;
    std::vector<std::string> new_ids;
    std::vector<std::string> new_openings;
    unit_kind kind;
    bool crossed = false;
    const char* why = "";
};

const resdiff::document& doc(const std::string& file) {
    static std::map<std::string, resdiff::document> cache;
    auto it = cache.find(file);
    if (it == cache.end()) {
        it = cache.emplace(file, resdiff::parse_file(std::filesystem::path(RESDIFF_CORPUS_DIR) / (file + ".txt"))).first;
    }
    return it->second;
}

const resdiff::alignment& aligned(const std::string& a, const std::string& b) {
    static std::map<std::string, resdiff::alignment> cache;
    const std::string key = a + "->" + b;
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, resdiff::align(doc(a), doc(b))).first;
    return it->second;
}

// Opening words compared loosely: the parser may or may not keep a leading
// lead phrase in `text`, quotes and dashes are normalized.
bool opens_with(const resdiff::paragraph& p, const std::string& words) {
    auto squash = [](const std::string& s) {
        std::string out;
        for (const unsigned char c : s) {
            if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
        }
        return out;
    };
    const std::string t = squash(p.text), w = squash(words);
    return t.compare(0, w.size(), w) == 0;
}

const std::vector<fact>& facts() {
    static const std::vector<fact> f = {
        // Agricultural technology: A/RES/78/144 -> A/C.2/80/L.7.
        {"A-RES-78-144", "A-C.2-80-L.7", {"PP1"}, {"Recalling its resolution 76/200"}, {"PP1"},
         {"Recalling its resolution 78/144"}, unit_kind::modified, false, "predecessor resolution rolled over"},
        {"A-RES-78-144", "A-C.2-80-L.7", {"OP12"}, {"Recognizes that energy-efficient agrifood systems"}, {"PP12"},
         {"Recognizing also that energy efficiency is a key component"}, unit_kind::moved, true,
         "operative paragraph turned preambular"},
        {"A-RES-78-144", "A-C.2-80-L.7", {"OP24"}, {"Recognizes that recovery efforts from the COVID-19"}, {}, {},
         unit_kind::removed, false, "COVID-19 recovery paragraph dropped"},
        {"A-RES-78-144", "A-C.2-80-L.7", {"PP31"}, {"Noting with great concern the severe negative impact"}, {}, {},
         unit_kind::removed, false, "COVID-19 preambular paragraph dropped"},
        {"A-RES-78-144", "A-C.2-80-L.7", {"PP32"}, {"Recognizing that the COVID-19 pandemic and mitigation"}, {}, {},
         unit_kind::removed, false, "second COVID-19 preambular paragraph dropped"},
        {"A-RES-78-144", "A-C.2-80-L.7", {}, {}, {"OP12"}, {"Further stresses the need to improve the uptake"},
         unit_kind::added, false, "new paragraph on scaling up technologies"},
        {"A-RES-78-144", "A-C.2-80-L.7", {}, {}, {"PP32"}, {"Emphasizing the importance of ethical concerns"},
         unit_kind::added, false, "new preambular paragraph on ethics of advanced technologies"},
        {"A-RES-78-144", "A-C.2-80-L.7", {"OP27"}, {"Remains concerned that agricultural innovations"}, {"OP26"},
         {"Remains concerned that agricultural innovations"}, unit_kind::renumbered, false, "same text, one up"},
        {"A-RES-78-144", "A-C.2-80-L.7", {"OP28"}, {"Acknowledges that technological innovations"}, {"OP27"},
         {"Acknowledges that technological innovations"}, unit_kind::renumbered, false, "same text, one up"},
        {"A-RES-78-144", "A-C.2-80-L.7", {"OP30"}, {"Requests the Secretary-General to submit"}, {"OP29"},
         {"Requests the Secretary-General to submit"}, unit_kind::modified, false, "reporting paragraph rolled over"},
        // Agricultural technology: A/C.2/80/L.7 -> A/RES/80/133.
        {"A-C.2-80-L.7", "A-RES-80-133", {}, {}, {"OP3"}, {"Calls upon Member States and relevant stakeholders to ensure inclusive"},
         unit_kind::added, false, "new paragraph on inclusive access"},
        {"A-C.2-80-L.7", "A-RES-80-133", {"OP3"}, {"Underlines the importance of supporting sustainable agriculture"},
         {"OP4"}, {"Underlines the importance of supporting sustainable agriculture"}, unit_kind::modified, false,
         "regenerative agriculture dropped"},
        {"A-C.2-80-L.7", "A-RES-80-133", {"OP5"}, {"Also recognizes that strengthening urban-rural linkages"}, {"OP6"},
         {"Also recognizes that strengthening urban-rural linkages"}, unit_kind::renumbered, false, ""},
        {"A-C.2-80-L.7", "A-RES-80-133", {"OP10"}, {"Stresses the urgent need to enhance adaptive capacity"}, {"OP11"},
         {"Stresses the urgent need to enhance adaptive capacity"}, unit_kind::renumbered, false, ""},
        {"A-C.2-80-L.7", "A-RES-80-133", {"OP21"}, {"Recognizes that agricultural biotechnologies"}, {"OP22"},
         {"Recognizes that agricultural biotechnologies"}, unit_kind::renumbered, false, ""},
        {"A-C.2-80-L.7", "A-RES-80-133", {"OP12"}, {"Further stresses the need to improve the uptake"}, {"OP13"},
         {"Further stresses the need to improve the uptake"}, unit_kind::modified, false, ""},
        {"A-C.2-80-L.7", "A-RES-80-133", {}, {}, {"OP25"}, {"Recognizes that recovery efforts from the coronavirus disease"},
         unit_kind::added, false, "COVID-19 recovery paragraph back in the adopted text"},
        {"A-C.2-80-L.7", "A-RES-80-133", {"PP32"}, {"Emphasizing the importance of ethical concerns"}, {}, {},
         unit_kind::removed, false, "ethics paragraph of the draft not adopted"},
        // Science, technology and innovation: A/C.2/80/L.18 -> A/C.2/80/L.47.
        {"A-C.2-80-L.18", "A-C.2-80-L.47", {"OP25"}, {"Also notes the critical role of science, technology and innovation"},
         {"OP27", "OP28"},
         {"Also notes the critical role of science, technology and innovation", "Recognizes the important role of intellectual property regimes"},
         unit_kind::split, false, "COVID-19 and intellectual property halves made two paragraphs"},
        {"A-C.2-80-L.18", "A-C.2-80-L.47", {"OP10"}, {"Recognizes the importance of the creation of a conducive environment"},
         {"OP11"}, {"Recognizes the importance of the creation of a conducive environment"}, unit_kind::renumbered, false, ""},
        {"A-C.2-80-L.18", "A-C.2-80-L.47", {}, {}, {"OP10"}, {"Further calls to support countries to develop and implement"},
         unit_kind::added, false, "new paragraph on national innovation strategies"},
        {"A-C.2-80-L.18", "A-C.2-80-L.47", {}, {}, {"OP16"}, {"Recognizes the need for all countries, in particular for developing countries, to build scientific"},
         unit_kind::added, false, "new paragraph on medical research capacity"},
        {"A-C.2-80-L.18", "A-C.2-80-L.47", {"OP26"}, {"Encourages efforts to increase the availability of data"}, {"OP29"},
         {"Encourages efforts to increase the availability of data"}, unit_kind::renumbered, false, ""},
        {"A-C.2-80-L.18", "A-C.2-80-L.47", {"OP52"}, {"Requests the Secretary-General to submit"}, {"OP55"},
         {"Requests the Secretary-General to submit"}, unit_kind::renumbered, false, "last paragraph, three down"},
        {"A-C.2-80-L.18", "A-C.2-80-L.47", {"PP49"}, {"Expressing appreciation for the role of the United Nations Conference on Trade"},
         {"PP15"}, {"Expressing appreciation for the role of the United Nations Conference on Trade"}, unit_kind::moved, false,
         "UNCTAD paragraph lifted from the end of the preamble to follow the Decade of Sciences paragraph"},
        {"A-C.2-80-L.18", "A-C.2-80-L.47", {"PP15"}, {"Recalling also its resolution 78/259 of 9 January 2024, in which it proclaimed"},
         {"PP16"}, {"Recalling its resolution 78/259 of 9 January 2024 on the International Day"}, unit_kind::modified, false,
         "the International Day paragraph reworded (scores just above the threshold)"},
        // Science, technology and innovation: A/RES/78/160 -> A/C.2/80/L.18.
        {"A-RES-78-160", "A-C.2-80-L.18", {"OP14"}, {"Encourages Member States, individually and collectively, to support policies that increase financial inclusion"},
         {"OP18"}, {"Encourages Member States, individually and collectively, to support policies that increase financial inclusion"},
         unit_kind::modified, false, "financial inclusion paragraph with a new second half (scores just above the threshold)"},
        {"A-RES-78-160", "A-C.2-80-L.18", {"PP21"}, {"Noting that the coronavirus disease (COVID-19) pandemic"},
         {"PP26", "PP27"},
         {"Emphasizing the importance of science, technology and innovation, international scientific and medical",
          "Reaffirming that the same rights that people have offline must also be protected online"},
         unit_kind::split, false, "the pandemic half and the human-rights half made two paragraphs"},
        // ICT for sustainable development: A/RES/79/194 -> A/RES/80/118.
        {"A-RES-79-194", "A-RES-80-118", {"OP22"}, {"Notes the holding of the United Nations Conference on Trade and Development eWeek"},
         {}, {}, unit_kind::removed, false, "eWeek 2023 paragraph dropped"},
        {"A-RES-79-194", "A-RES-80-118", {}, {}, {"OP15"},
         {"Emphasizes the role of the Commission on Science and Technology for Development in the follow-up and review process of the Global Digital Compact"},
         unit_kind::added, false, "new paragraph on the Global Digital Compact"},
        {"A-RES-79-194", "A-RES-80-118", {"OP18"}, {"Recognizes the need for international cooperation to examine"}, {"OP21"},
         {"Recognizes the need for international cooperation to examine"}, unit_kind::renumbered, false, ""},
        {"A-RES-79-194", "A-RES-80-118", {"OP66"}, {"Recognizes that quantum technologies"}, {"OP71"},
         {"Recognizes that quantum technologies"}, unit_kind::renumbered, false, ""},
        // ICT for sustainable development: A/C.2/80/L.17 -> A/C.2/80/L.58.
        {"A-C.2-80-L.17", "A-C.2-80-L.58", {"OP17"}, {"Welcomes the report of the Secretary-General on innovative voluntary"},
         {"OP17"}, {"Takes note of the report of the Secretary-General"}, unit_kind::modified, false,
         "verb weakened from Welcomes to Takes note of"},
        {"A-C.2-80-L.17", "A-C.2-80-L.58", {}, {}, {"OP18"}, {"Emphasizes the importance of increased investment"},
         unit_kind::added, false, "new paragraph on investment in AI capacity"},
        {"A-C.2-80-L.17", "A-C.2-80-L.58", {"OP18"}, {"Urges a continued focus on maximizing development gains"}, {"OP19"},
         {"Urges a continued focus on maximizing development gains"}, unit_kind::renumbered, false, ""},
        {"A-C.2-80-L.17", "A-C.2-80-L.58", {"OP72"}, {"Invites the Co-Chairs of the multi-stakeholder forum"}, {"OP73"},
         {"Invites the Co-Chairs of the multi-stakeholder forum"}, unit_kind::renumbered, false, ""},
        {"A-C.2-80-L.17", "A-C.2-80-L.58", {}, {}, {"OP46"}, {"Recalls the commitment to strengthen international cooperation to address the challenge of misinformation"},
         unit_kind::added, false, "new paragraph on misinformation"},
    };
    return f;
}

}  // namespace

TEST_CASE("corpus: alignment facts verified by reading real pairs", "[corpus][align]") {
    REQUIRE(facts().size() >= 30);
    for (const auto& f : facts()) {
        INFO(f.old_file << " -> " << f.new_file << ": " << resdiff::to_string(f.kind) << " (" << f.why << ")");
        const auto& a = doc(f.old_file);
        const auto& b = doc(f.new_file);
        // The ids name the paragraphs we read.
        for (std::size_t i = 0; i < f.old_ids.size(); ++i) {
            INFO("old " << f.old_ids[i] << " should open with: " << f.old_openings[i]);
            const auto* p = resdiff::find_paragraph(a, f.old_ids[i]);
            REQUIRE(p != nullptr);
            CHECK(opens_with(*p, f.old_openings[i]));
        }
        for (std::size_t i = 0; i < f.new_ids.size(); ++i) {
            INFO("new " << f.new_ids[i] << " should open with: " << f.new_openings[i]);
            const auto* p = resdiff::find_paragraph(b, f.new_ids[i]);
            REQUIRE(p != nullptr);
            CHECK(opens_with(*p, f.new_openings[i]));
        }
        // The aligner's unit for them.
        const auto& al = aligned(f.old_file, f.new_file);
        const std::string& probe = f.old_ids.empty() ? f.new_ids[0] : f.old_ids[0];
        const resdiff::alignment_unit* unit = nullptr;
        for (const auto& u : al.units) {
            const auto& ids = f.old_ids.empty() ? u.new_ids : u.old_ids;
            if (std::find(ids.begin(), ids.end(), probe) != ids.end()) unit = &u;
        }
        REQUIRE(unit != nullptr);
        CHECK(unit->old_ids == f.old_ids);
        CHECK(unit->new_ids == f.new_ids);
        CHECK(unit->kind == f.kind);
        CHECK(unit->crossed_part == f.crossed);
    }
}

namespace {

// The first preambular paragraph of every consecutive pair of every series
// (35 pairs), read in both texts: it recalls the predecessor resolutions (or
// the 2030 Agenda, the Charter, the agency's report) and stays the same
// clause from one version to the next, rolled over (symbol, date, year) or
// not. A/RES/73/218 -> A/RES/74/197 replaced the list of fifteen predecessor
// resolutions by "its resolution 73/218 ... as well as previous resolutions
// on the issue" (the same clause, condensed; the 70/299 paragraph that
// followed it was dropped), and A/C.2/80/L.12 -> A/RES/80/123 likewise.
struct first_paragraph_fact {
    const char* old_file;
    const char* new_file;
    const char* old_opening;
    const char* new_opening;
    unit_kind kind;
};

const std::vector<first_paragraph_fact>& first_paragraph_facts() {
    static const std::vector<first_paragraph_fact> f = {
        {"A-RES-65-141", "A-RES-72-200", "Recalling its resolutions 56/183 of 21", "Recalling its resolutions 56/183 of 21", unit_kind::modified},
        {"A-RES-72-200", "A-RES-73-218", "Recalling its resolutions 56/183 of 21", "Recalling its resolutions 56/183 of 21", unit_kind::modified},
        {"A-RES-73-218", "A-RES-74-197", "Recalling its resolutions 56/183 of 21", "Recalling its resolution 73/218 of 20", unit_kind::modified},
        {"A-RES-74-197", "A-RES-75-202", "Recalling its resolution 73/218 of 20", "Recalling its resolution 74/197 of 19", unit_kind::modified},
        {"A-RES-75-202", "A-RES-76-189", "Recalling its resolution 74/197 of 19", "Recalling its resolution 75/202 of 21", unit_kind::modified},
        {"A-RES-76-189", "A-RES-78-132", "Recalling its resolution 75/202 of 21", "Recalling its resolution 77/150 of 14", unit_kind::modified},
        {"A-RES-78-132", "A-RES-79-194", "Recalling its resolution 77/150 of 14", "Recalling its resolution 78/132 of 19", unit_kind::modified},
        {"A-RES-79-194", "A-C.2-80-L.17", "Recalling its resolution 78/132 of 19", "Recalling its resolution 79/194 of 19", unit_kind::modified},
        {"A-C.2-80-L.17", "A-C.2-80-L.58", "Recalling its resolution 79/194 of 19", "Recalling its resolution 79/194 of 19", unit_kind::unchanged},
        {"A-C.2-80-L.58", "A-RES-80-118", "Recalling its resolution 79/194 of 19", "Recalling its resolution 79/194 of 19", unit_kind::unchanged},
        {"A-RES-78-144", "A-C.2-80-L.7", "Recalling its resolution 76/200 of 17", "Recalling its resolution 78/144 of 19", unit_kind::modified},
        {"A-C.2-80-L.7", "A-RES-80-133", "Recalling its resolution 78/144 of 19", "Recalling its resolution 78/144 of 19", unit_kind::unchanged},
        {"A-RES-78-160", "A-C.2-80-L.18", "Reaffirming its resolution 70/1 of 25", "Reaffirming its resolution 70/1 of 25", unit_kind::unchanged},
        {"A-C.2-80-L.18", "A-C.2-80-L.47", "Reaffirming its resolution 70/1 of 25", "Reaffirming its resolution 70/1 of 25", unit_kind::unchanged},
        {"A-C.2-80-L.47", "A-RES-80-147", "Reaffirming its resolution 70/1 of 25", "Reaffirming its resolution 70/1 of 25", unit_kind::unchanged},
        {"A-RES-78-139", "A-C.2-80-L.21", "Guided by the purposes and principles", "Guided by the purposes and principles", unit_kind::unchanged},
        {"A-C.2-80-L.21", "A-C.2-80-L.44", "Guided by the purposes and principles", "Guided by the purposes and principles", unit_kind::unchanged},
        {"A-C.2-80-L.44", "A-RES-80-125", "Guided by the purposes and principles", "Guided by the purposes and principles", unit_kind::unchanged},
        {"A-RES-78-134", "A-RES-79-195", "Recalling its resolutions 56/178 of 21", "Recalling its resolutions 56/178 of 21", unit_kind::modified},
        {"A-RES-79-195", "A-C.2-80-L.13", "Recalling its resolutions 56/178 of 21", "Recalling its resolutions 56/178 of 21", unit_kind::modified},
        {"A-C.2-80-L.13", "A-RES-80-121", "Recalling its resolutions 56/178 of 21", "Recalling its resolutions 56/178 of 21", unit_kind::unchanged},
        {"A-RES-78-137", "A-RES-79-197", "Recalling its resolutions 58/203 of 23", "Recalling its resolutions 58/203 of 23", unit_kind::modified},
        {"A-RES-79-197", "A-C.2-80-L.12", "Recalling its resolutions 58/203 of 23", "Recalling its resolutions 58/203 of 23", unit_kind::modified},
        {"A-C.2-80-L.12", "A-RES-80-123", "Recalling its resolutions 58/203 of 23", "Recalling its resolution 79/197 of 19", unit_kind::modified},
        {"A-RES-78-8", "A-RES-79-4", "Having received the report of the", "Having received the report of the", unit_kind::modified},
        {"A-RES-79-4", "A-80-L.7", "Having received the report of the", "Having received the report of the", unit_kind::modified},
        {"A-80-L.7", "A-RES-80-7", "Having received the report of the", "Having received the report of the", unit_kind::unchanged},
        {"A-RES-78-6", "A-RES-79-6", "Recalling its resolution 77/6 of 2", "Recalling its resolution 78/6 of 1", unit_kind::modified},
        {"A-RES-79-6", "A-80-L.9", "Recalling its resolution 78/6 of 1", "Recalling its resolution 79/6 of 29", unit_kind::modified},
        {"A-80-L.9", "A-RES-80-6", "Recalling its resolution 79/6 of 29", "Recalling its resolution 79/6 of 29", unit_kind::unchanged},
        {"A-RES-78-10", "A-80-L.10", "Recalling its resolution 76/13 of 2", "Recalling its resolution 78/10 of 21", unit_kind::modified},
        // Same wording (the PDF's "sub -item" is read as "sub-item" in both).
        {"A-80-L.10", "A-RES-80-8", "Recalling its resolution 78/10 of 21", "Recalling its resolution 78/10 of 21", unit_kind::unchanged},
        {"A-RES-78-71", "A-RES-79-85", "Recalling its resolution 913 (X) of", "Recalling its resolution 913 (X) of", unit_kind::unchanged},
        {"A-RES-79-85", "A-C.4-80-L.6", "Recalling its resolution 913 (X) of", "Recalling its resolution 913 (X) of", unit_kind::unchanged},
        {"A-C.4-80-L.6", "A-RES-80-75", "Recalling its resolution 913 (X) of", "Recalling its resolution 913 (X) of", unit_kind::unchanged},
    };
    return f;
}

}  // namespace

TEST_CASE("corpus: the first preambular paragraph of every consecutive pair stays the same clause", "[corpus][align]") {
    REQUIRE(first_paragraph_facts().size() == 35);
    for (const auto& f : first_paragraph_facts()) {
        INFO(f.old_file << " -> " << f.new_file << ": PP1 " << f.old_opening << " -> " << f.new_opening);
        const auto& a = doc(f.old_file);
        const auto& b = doc(f.new_file);
        REQUIRE_FALSE(a.preamble.empty());
        REQUIRE_FALSE(b.preamble.empty());
        CHECK(opens_with(a.preamble[0], f.old_opening));
        CHECK(opens_with(b.preamble[0], f.new_opening));
        const resdiff::alignment_unit* unit = nullptr;
        for (const auto& u : aligned(f.old_file, f.new_file).units) {
            if (std::find(u.old_ids.begin(), u.old_ids.end(), "PP1") != u.old_ids.end()) unit = &u;
        }
        REQUIRE(unit != nullptr);
        CHECK(unit->old_ids == std::vector<std::string>{"PP1"});
        CHECK(unit->new_ids == std::vector<std::string>{"PP1"});
        CHECK(unit->kind == f.kind);
    }
}
