// History over the ICT series of the corpus (A/RES/65/141 ... A/RES/80/118),
// checked against facts read in the texts themselves:
//  - A/RES/80/118 OP7 "Stresses the important role played by Governments, ..."
//    was OP5 of A/RES/72/200 ("... played by the private sector, civil society
//    and technical communities ..."); A/RES/79/194 and A/C.2/80/L.17 read "the
//    Government", A/C.2/80/L.58 changed it to "Governments".
//  - OP32 "Recognizes that a gender digital divide persists ..." was OP13 of
//    A/RES/72/200; L.17 changed "only 30 per cent of women" (79/194) to "29".
//  - OP17: L.17 "Welcomes the report of the Secretary-General on innovative
//    voluntary financing options ..."; L.58 "Takes note of the report ...".
//  - OP18 "Emphasizes the importance of increased investment ..." first
//    appears in L.58.
//  - OP71 on quantum technologies ("2025 International Year of Quantum Science
//    and Technology") first appears in A/RES/79/194.
//  - OP74 "Decides to include in the provisional agenda ..." goes back to OP24
//    of A/RES/65/141; "thenceforth considering biennalization" came with L.58.
//  - OP72 (report of the Secretary-General): "the Sevilla Commitment" came with L.17.
//  - A/RES/80/118 adopted L.58 without change of substance: every paragraph of
//    80/118 has a predecessor in L.58, none was dropped.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "resdiff/history.hpp"
#include "resdiff/parse.hpp"
#include "support.hpp"

using namespace resdiff;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> ict_files = {
    "A-RES-65-141", "A-RES-72-200", "A-RES-73-218", "A-RES-74-197",  "A-RES-75-202",  "A-RES-76-189",
    "A-RES-78-132", "A-RES-79-194", "A-C.2-80-L.17", "A-C.2-80-L.58", "A-RES-80-118"};
const std::vector<std::string> ict_symbols = {
    "A/RES/65/141", "A/RES/72/200", "A/RES/73/218", "A/RES/74/197",  "A/RES/75/202",  "A/RES/76/189",
    "A/RES/78/132", "A/RES/79/194", "A/C.2/80/L.17", "A/C.2/80/L.58", "A/RES/80/118"};
constexpr std::size_t v65 = 0, v72 = 1, v79 = 7, l17 = 8, l58 = 9, v80 = 10;

document load(const std::string& stem) { return parse_file(fs::path(RESDIFF_CORPUS_DIR) / (stem + ".txt")); }

// The ICT series, handed over in a scrambled order.
const history& ict_history() {
    static const history h = [] {
        std::vector<document> docs;
        for (const std::size_t i : {10u, 3u, 8u, 0u, 6u, 9u, 1u, 5u, 2u, 7u, 4u}) docs.push_back(load(ict_files[i]));
        return build_history(std::move(docs));
    }();
    return h;
}

// Id of the operative paragraph printed with `number` in `doc`.
std::string op_id(const document& doc, const std::string& number) {
    for (const auto& p : doc.operative) {
        if (p.number == number) return p.id;
    }
    return {};
}

std::size_t paragraph_index(const history& h, std::size_t version, const std::string& id) {
    const auto& paras = h.lineage[version].paragraphs;
    for (std::size_t i = 0; i < paras.size(); ++i) {
        if (paras[i].id == id) return i;
    }
    return paras.size();
}

// The version that introduced the first occurrence of `phrase` (its first byte)
// in paragraph `id` of the newest version; -1 when the phrase is not there.
long age_of(const history& h, const std::string& id, const std::string& phrase) {
    const std::size_t i = paragraph_index(h, h.versions.size() - 1, id);
    if (i >= h.blame.back().size()) return -1;
    std::string text;
    for (const auto& r : h.blame.back()[i].runs) text += r.text;
    const auto at = text.find(phrase);
    if (at == std::string::npos) return -1;
    std::size_t pos = 0;
    for (const auto& r : h.blame.back()[i].runs) {
        if (at < pos + r.text.size()) return static_cast<long>(r.version);
        pos += r.text.size();
    }
    return -1;
}

const lineage_entry* newest_entry(const history& h, const std::string& id) {
    const std::size_t i = paragraph_index(h, h.versions.size() - 1, id);
    return i < h.lineage.back().paragraphs.size() ? &h.lineage.back().paragraphs[i] : nullptr;
}

}  // namespace

TEST_CASE("history corpus: the ICT series is put in session and date order", "[history][corpus]") {
    const history& h = ict_history();
    CHECK(h.order == order_used::chronological);
    CHECK(h.excluded.empty());
    REQUIRE(h.versions.size() == ict_symbols.size());
    for (std::size_t k = 0; k < ict_symbols.size(); ++k) CHECK(version_label(h, k) == ict_symbols[k]);
}

TEST_CASE("history corpus: resolutions on other agenda items are left out", "[history][corpus]") {
    std::vector<document> docs;
    // ICC report, trade and development, and the STI draft of the same
    // committee and week as L.17 (the closest in wording of all other items).
    for (const auto& f : {"A-RES-78-132", "A-RES-79-194", "A-RES-79-6", "A-C.2-80-L.17", "A-RES-79-195", "A-C.2-80-L.18", "A-RES-80-118"}) {
        docs.push_back(load(f));
    }
    const history h = build_history(std::move(docs));
    REQUIRE(h.versions.size() == 4);
    CHECK(version_label(h, 0) == "A/RES/78/132");
    CHECK(version_label(h, 3) == "A/RES/80/118");
    std::vector<std::string> left_out;
    for (const auto& e : h.excluded) left_out.push_back(e.symbol);
    std::sort(left_out.begin(), left_out.end());
    CHECK(left_out == std::vector<std::string>{"A/C.2/80/L.18", "A/RES/79/195", "A/RES/79/6"});
}

TEST_CASE("history corpus: every series of the corpus is kept whole and put in its order", "[history][corpus]") {
    // MANIFEST.tsv lists each series oldest first; ict4d (65/141) continues as ict4sd.
    // The amendments L.62 and L.63 ("Delete operative paragraphs 3, 43 and
    // 45.") are handed over with their series and left out, naming the
    // draft they amend.
    std::istringstream manifest(read_file(fs::path(RESDIFF_CORPUS_DIR) / "MANIFEST.tsv"));
    std::string line;
    std::getline(manifest, line);   // header
    std::vector<std::pair<std::string, std::vector<std::string>>> series;   // slug -> symbols in manifest order
    std::map<std::string, std::vector<std::string>> files;
    std::map<std::string, std::vector<std::string>> amendments;  // slug -> their symbols
    while (std::getline(manifest, line)) {
        std::vector<std::string> cols;
        std::istringstream row(line);
        for (std::string col; std::getline(row, col, '\t');) cols.push_back(col);
        if (cols.size() < 7) continue;
        const std::string slug = cols[4] == "ict4d" ? "ict4sd" : cols[4];
        if (cols[6].find("amendment") != std::string::npos) {
            amendments[slug].push_back(cols[1]);
            files[slug].push_back(cols[0]);
            continue;
        }
        auto it = std::find_if(series.begin(), series.end(), [&](const auto& s) { return s.first == slug; });
        if (it == series.end()) it = series.insert(series.end(), {slug, {}});
        it->second.push_back(cols[1]);
        files[slug].push_back(cols[0]);
    }
    REQUIRE(series.size() >= 10);
    for (const auto& [slug, symbols] : series) {
        INFO(slug);
        std::vector<std::string> paths;
        for (auto it = files[slug].rbegin(); it != files[slug].rend(); ++it) paths.push_back((fs::path(RESDIFF_CORPUS_DIR) / *it).string());
        const history h = build_history(read_versions(paths));   // handed over newest first
        REQUIRE(h.excluded.size() == amendments[slug].size());
        for (const auto& e : h.excluded) {
            CHECK(std::count(amendments[slug].begin(), amendments[slug].end(), e.symbol) == 1);
            CHECK(e.reason.rfind("an amendment to draft resolution A/C.2/80/L.1", 0) == 0);
            CHECK(e.reason.find("/Rev.1, not a text of the resolution") != std::string::npos);
        }
        CHECK(h.order == order_used::chronological);
        REQUIRE(h.versions.size() == symbols.size());
        for (std::size_t k = 0; k < symbols.size(); ++k) CHECK(version_label(h, k) == symbols[k]);
    }
}

TEST_CASE("history corpus: L.58 changed 'the Government' of L.17 to 'Governments' in OP7, a paragraph there since 72/200",
          "[history][corpus]") {
    const history& h = ict_history();
    const std::string id = op_id(h.versions[v80], "7");
    REQUIRE_FALSE(id.empty());
    CHECK(ancestors_at(h, id, v72) == std::vector<std::string>{op_id(h.versions[v72], "5")});
    CHECK(ancestors_at(h, id, l17) == std::vector<std::string>{op_id(h.versions[l17], "7")});
    const auto* e = newest_entry(h, id);
    REQUIRE(e != nullptr);
    CHECK(e->origin <= v72);
    CHECK(std::count(e->changed_in.begin(), e->changed_in.end(), l58) == 1);
    CHECK(age_of(h, id, "Governments") == static_cast<long>(l58));
    CHECK(age_of(h, id, "Stresses the important role") <= static_cast<long>(v72));
}

TEST_CASE("history corpus: OP32 on the gender digital divide dates from 72/200; L.17 wrote '29 per cent'", "[history][corpus]") {
    const history& h = ict_history();
    const std::string id = op_id(h.versions[v80], "32");
    REQUIRE_FALSE(id.empty());
    CHECK(ancestors_at(h, id, v72) == std::vector<std::string>{op_id(h.versions[v72], "13")});
    CHECK(age_of(h, id, "29 per cent of women") == static_cast<long>(l17));
    CHECK(age_of(h, id, "gender digital divide persists") <= static_cast<long>(v72));
}

TEST_CASE("history corpus: L.58 turned 'Welcomes the report' of L.17 OP17 into 'Takes note of the report'", "[history][corpus]") {
    const history& h = ict_history();
    const std::string id = op_id(h.versions[v80], "17");
    REQUIRE_FALSE(id.empty());
    CHECK(ancestors_at(h, id, l17) == std::vector<std::string>{op_id(h.versions[l17], "17")});
    CHECK(age_of(h, id, "Takes note") == static_cast<long>(l58));
    CHECK(age_of(h, id, "report of the Secretary-General") < static_cast<long>(l58));
}

TEST_CASE("history corpus: paragraphs that first appeared in L.58 and in 79/194", "[history][corpus]") {
    const history& h = ict_history();
    const std::string investment = op_id(h.versions[v80], "18");
    REQUIRE_FALSE(investment.empty());
    const auto* e18 = newest_entry(h, investment);
    REQUIRE(e18 != nullptr);
    CHECK(e18->origin == l58);
    CHECK(ancestors_at(h, investment, l17).empty());

    const std::string quantum = op_id(h.versions[v80], "71");
    REQUIRE_FALSE(quantum.empty());
    const auto* e71 = newest_entry(h, quantum);
    REQUIRE(e71 != nullptr);
    CHECK(e71->origin == v79);
    CHECK(age_of(h, quantum, "quantum technologies") == static_cast<long>(v79));
}

TEST_CASE("history corpus: the closing OP74 goes back to OP24 of 65/141; its new words are dated", "[history][corpus]") {
    const history& h = ict_history();
    const std::string id = op_id(h.versions[v80], "74");
    REQUIRE_FALSE(id.empty());
    CHECK(ancestors_at(h, id, v65) == std::vector<std::string>{op_id(h.versions[v65], "24")});
    CHECK(newest_entry(h, id)->origin == v65);
    CHECK(age_of(h, id, "Decides to include in the provisional agenda") == static_cast<long>(v65));
    CHECK(age_of(h, id, "biennalization") == static_cast<long>(l58));
    const std::string report = op_id(h.versions[v80], "72");
    REQUIRE_FALSE(report.empty());
    CHECK(age_of(h, report, "Sevilla") == static_cast<long>(l17));
}

TEST_CASE("history corpus: 80/118 adopted L.58 without change of substance", "[history][corpus]") {
    const history& h = ict_history();
    CHECK(h.versions[v80].operative.size() == h.versions[l58].operative.size());
    for (const auto& e : h.lineage[v80].paragraphs) {
        INFO(e.id);
        CHECK_FALSE(e.predecessors.empty());
    }
    CHECK(h.lineage[v80].dropped.empty());
    CHECK(h.stats[v80].added == 0);
    CHECK(h.stats[v80].removed == 0);
}

TEST_CASE("history corpus: blame spells every paragraph of every version exactly", "[history][corpus][blame]") {
    const history& h = ict_history();
    for (std::size_t k = 0; k < h.versions.size(); ++k) {
        const document& d = h.versions[k];
        std::size_t i = 0;
        for (const auto* list : {&d.preamble, &d.operative}) {
            for (const auto& p : *list) {
                REQUIRE(i < h.blame[k].size());
                std::string text;
                for (const auto& r : h.blame[k][i].runs) text += r.text;
                CHECK(text == p.text);
                ++i;
            }
        }
    }
    // The share of the newest text that is as old as 65/141 is small but not zero.
    CHECK(h.stats[v80].unchanged_since_first > 0.0);
    CHECK(h.stats[v80].unchanged_since_first < 0.5);
}

TEST_CASE("history corpus: the CLI writes JSON and HTML for the series", "[history][corpus][cli]") {
    std::vector<std::string> args = {"history", "--format", "json"};
    for (const auto& f : ict_files) args.push_back((fs::path(RESDIFF_CORPUS_DIR) / (f + ".txt")).string());
    cli_run json(args);
    CHECK(json.rc == 0);
    CHECK(json.out.find("\"A/RES/80/118\"") != std::string::npos);
    args[2] = "html";
    cli_run html(args);
    CHECK(html.rc == 0);
    CHECK(html.out.rfind("<!doctype html>", 0) == 0);
}
