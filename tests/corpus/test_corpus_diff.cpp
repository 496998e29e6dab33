// The comparison JSON round trip as a property over every pair of consecutive
// versions of each corpus series (listed in the corpus README): the equal and
// delete pieces of every unit's ops give the old text, the equal and insert
// pieces the new text, byte for byte; the same holds for child units and
// footnotes; and the JSON is the same on a second run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "resdiff/compare.hpp"
#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"
#include "spelling.hpp"

using namespace resdiff;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// "65/141" -> "A-RES-65-141.txt", "A/C.2/80/L.17" -> "A-C.2-80-L.17.txt".
std::string file_of(std::string symbol) {
    if (symbol.rfind("A/", 0) != 0) symbol = "A/RES/" + symbol;
    for (auto& c : symbol) {
        if (c == '/') c = '-';
    }
    return symbol + ".txt";
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t.");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// The series of the README, oldest first.
std::vector<std::vector<std::string>> corpus_series() {
    std::ifstream in(fs::path(RESDIFF_CORPUS_DIR) / "README.md");
    std::vector<std::vector<std::string>> out;
    std::string line;
    bool in_list = false;
    while (std::getline(in, line)) {
        if (line.find("Series with successive versions") != std::string::npos) {
            in_list = true;
            continue;
        }
        if (!in_list) continue;
        if (line.rfind("- ", 0) != 0) {
            if (!out.empty()) break;
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string items = line.substr(colon + 1);
        if (const auto paren = items.find('('); paren != std::string::npos) items.erase(paren);
        std::vector<std::string> files;
        std::stringstream ss(items);
        std::string item;
        while (std::getline(ss, item, ',')) {
            item = trim(item);
            if (!item.empty()) files.push_back(file_of(item));
        }
        out.push_back(files);
    }
    return out;
}

std::string joined(const json& ops, const char* skip) {
    std::string s;
    for (const auto& op : ops) {
        if (op.at("op") != skip) s += op.at("text").get<std::string>();
    }
    return s;
}

std::string footnote_text(const document& d, const json& number) {
    if (number.is_null()) return {};
    for (const auto& f : d.footnotes) {
        if (f.number == number.get<int>()) return f.text;
    }
    return {};
}

void check_unit(const json& u, const document& old_doc, const document& new_doc, std::size_t& checked) {
    const auto old_ids = u.at("old").get<std::vector<std::string>>();
    const auto new_ids = u.at("new").get<std::vector<std::string>>();
    INFO("unit " << u.at("kind").get<std::string>() << " " << u.at("old").dump() << " -> " << u.at("new").dump());
    CHECK(joined(u.at("ops"), "insert") == unit_text(old_doc, old_ids));
    CHECK(joined(u.at("ops"), "delete") == unit_text(new_doc, new_ids));
    ++checked;
    for (const auto& c : u.at("children")) check_unit(c, old_doc, new_doc, checked);
}

}  // namespace

TEST_CASE("corpus diff: JSON ops round-trip on every consecutive pair of every series", "[corpus][diff]") {
    const auto series = corpus_series();
    REQUIRE(series.size() >= 10);
    std::size_t pairs = 0, units = 0, differing = 0;
    for (const auto& s : series) {
        for (std::size_t i = 0; i + 1 < s.size(); ++i) {
            const fs::path a = fs::path(RESDIFF_CORPUS_DIR) / s[i];
            const fs::path b = fs::path(RESDIFF_CORPUS_DIR) / s[i + 1];
            INFO(s[i] << " -> " << s[i + 1]);
            REQUIRE(fs::exists(a));
            REQUIRE(fs::exists(b));
            const comparison cmp = compare(parse_file(a), parse_file(b));
            const std::string text = comparison_to_json(cmp);
            const json j = json::parse(text);
            for (const auto& u : j.at("alignment")) check_unit(u, cmp.old_doc, cmp.new_doc, units);
            for (const auto& f : j.at("footnotes")) {
                CHECK(joined(f.at("ops"), "insert") == footnote_text(cmp.old_doc, f.at("old")));
                CHECK(joined(f.at("ops"), "delete") == footnote_text(cmp.new_doc, f.at("new")));
            }
            // A draft adopted without change is identical to the resolution;
            // identical must agree with the ops. (White space, and a hyphen
            // between two letters, are spelling, not change: "capacity
            // building" is "capacity-building". L.58 -> 80/118 and L.6 ->
            // 80/75 differ in nothing else.)
            const auto changes = [](const std::vector<word_op>& ops) {
                std::vector<std::pair<char, std::string>> pieces;
                for (const auto& op : ops)
                    pieces.emplace_back(op.op == op_kind::equal ? '='
                                        : op.op == op_kind::del ? '-'
                                                                : '+',
                                        op.text);
                return ops_change_text(pieces);
            };
            bool any_change = false;
            for (const auto& u : cmp.result.units) any_change |= u.kind != unit_kind::unchanged || changes(u.ops);
            for (const auto& f : cmp.result.footnotes) any_change |= f.kind != unit_kind::unchanged || changes(f.ops);
            CHECK(cmp.identical() == !any_change);
            CHECK(j.at("identical") == cmp.identical());
            differing += !cmp.identical();
            ++pairs;
        }
    }
    CHECK(pairs >= 25);
    CHECK(differing >= 20);
    CHECK(units > 1000);
}

TEST_CASE("corpus diff: JSON and terminal output are deterministic", "[corpus][diff]") {
    const fs::path a = fs::path(RESDIFF_CORPUS_DIR) / "A-C.2-80-L.17.txt";
    const fs::path b = fs::path(RESDIFF_CORPUS_DIR) / "A-RES-80-118.txt";
    const comparison one = compare(parse_file(a), parse_file(b));
    const comparison two = compare(parse_file(a), parse_file(b));
    CHECK(comparison_to_json(one) == comparison_to_json(two));
    CHECK(one.result == two.result);
}

TEST_CASE("corpus diff: the word diff of a real rollover reads as phrases", "[corpus][diff]") {
    // A/RES/79/194 -> A/RES/80/118 rolls "seventy-ninth" forward; whatever the
    // alignment, no changed piece may be a lone space or a lone "the".
    const comparison cmp = compare(parse_file(fs::path(RESDIFF_CORPUS_DIR) / "A-RES-79-194.txt"),
                                   parse_file(fs::path(RESDIFF_CORPUS_DIR) / "A-RES-80-118.txt"));
    std::size_t changed = 0;
    for (const auto& u : cmp.result.units) {
        for (std::size_t i = 0; i < u.ops.size(); ++i) {
            const auto& op = u.ops[i];
            if (op.op == op_kind::equal) {
                // A lone "the" between two edits at least as long would have been folded.
                if (i > 0 && i + 1 < u.ops.size() && op.text == " the ") {
                    const auto size = [&](std::size_t from, int step) {
                        std::size_t del = 0, ins = 0;
                        for (auto k = from; k < u.ops.size() && u.ops[k].op != op_kind::equal; k += step) {
                            (u.ops[k].op == op_kind::del ? del : ins) += u.ops[k].text.size();
                        }
                        return std::max(del, ins);
                    };
                    CHECK((size(i - 1, -1) < 4 || size(i + 1, 1) < 4));
                }
                continue;
            }
            ++changed;
        }
    }
    CHECK(changed > 0);
}
