// Alignment audit over every consecutive pair of every corpus series: the
// first preambular paragraph of each pair, the removed + added pairs with the
// same lead that score 0.15-0.35 (the doubtful zone around the threshold) and
// the units called moved, printed for a person to read. Hidden: run with
//   ./build/tests/resdiff_corpus_tests "[align-audit]"
// (docs/alignment.md records what the audit found).
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "align_detail.hpp"
#include "resdiff/align.hpp"
#include "resdiff/parse.hpp"

namespace {

// Consecutive versions of each series (README.md of the corpus; the
// amendments L.62 and L.63 are not versions).
const std::vector<std::vector<const char*>>& series() {
    static const std::vector<std::vector<const char*>> s = {
        {"A-RES-65-141", "A-RES-72-200", "A-RES-73-218", "A-RES-74-197", "A-RES-75-202", "A-RES-76-189",
         "A-RES-78-132", "A-RES-79-194", "A-C.2-80-L.17", "A-C.2-80-L.58", "A-RES-80-118"},
        {"A-RES-78-144", "A-C.2-80-L.7", "A-RES-80-133"},
        {"A-RES-78-160", "A-C.2-80-L.18", "A-C.2-80-L.47", "A-RES-80-147"},
        {"A-RES-78-139", "A-C.2-80-L.21", "A-C.2-80-L.44", "A-RES-80-125"},
        {"A-RES-78-134", "A-RES-79-195", "A-C.2-80-L.13", "A-RES-80-121"},
        {"A-RES-78-137", "A-RES-79-197", "A-C.2-80-L.12", "A-RES-80-123"},
        {"A-RES-78-8", "A-RES-79-4", "A-80-L.7", "A-RES-80-7"},
        {"A-RES-78-6", "A-RES-79-6", "A-80-L.9", "A-RES-80-6"},
        {"A-RES-78-10", "A-80-L.10", "A-RES-80-8"},
        {"A-RES-78-71", "A-RES-79-85", "A-C.4-80-L.6", "A-RES-80-75"},
    };
    return s;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string clip(const std::string& s, std::size_t n = 90) {
    return s.size() <= n ? s : s.substr(0, n) + "...";
}

std::vector<const resdiff::paragraph*> all_paragraphs(const resdiff::document& d) {
    std::vector<const resdiff::paragraph*> out;
    for (const auto& p : d.preamble) out.push_back(&p);
    for (const auto& p : d.operative) out.push_back(&p);
    return out;
}

}  // namespace

TEST_CASE("corpus: alignment audit of every consecutive pair (prints)", "[.][align-audit]") {
    const auto dir = std::filesystem::path(RESDIFF_CORPUS_DIR);
    std::size_t pairs = 0, pp1_ok = 0, doubtful = 0, moved = 0;
    for (const auto& s : series()) {
        for (std::size_t i = 0; i + 1 < s.size(); ++i) {
            const auto a = resdiff::parse_file(dir / (std::string(s[i]) + ".txt"));
            const auto b = resdiff::parse_file(dir / (std::string(s[i + 1]) + ".txt"));
            const auto al = resdiff::align(a, b);
            const auto sim = resdiff::detail::paragraph_similarities(a, b);
            const auto pa = all_paragraphs(a), pb = all_paragraphs(b);
            auto index = [](const std::vector<const resdiff::paragraph*>& ps, const std::string& id) {
                for (std::size_t k = 0; k < ps.size(); ++k) {
                    if (ps[k]->id == id) return static_cast<int>(k);
                }
                return -1;
            };
            ++pairs;
            std::cout << "== " << s[i] << " -> " << s[i + 1] << "\n";
            std::vector<int> removed, added;
            for (const auto& u : al.units) {
                const bool first = std::find(u.old_ids.begin(), u.old_ids.end(), "PP1") != u.old_ids.end();
                if (first) {
                    const bool ok = u.new_ids.size() == 1 && u.new_ids[0] == "PP1";
                    pp1_ok += ok ? 1 : 0;
                    std::cout << "  PP1: " << resdiff::to_string(u.kind) << " -> "
                              << (u.new_ids.empty() ? std::string("-") : u.new_ids[0]) << " sim "
                              << std::setprecision(3) << u.similarity << " (PP1/PP1 " << sim[0][0] << ")"
                              << (ok ? "" : "   <-- CHECK") << "\n";
                    if (!a.preamble.empty())
                        std::cout << "     old: " << clip(a.preamble[0].text, 130) << "\n";
                    if (!b.preamble.empty())
                        std::cout << "     new: " << clip(b.preamble[0].text, 130) << "\n";
                }
                if (u.kind == resdiff::unit_kind::removed) removed.push_back(index(pa, u.old_ids[0]));
                if (u.kind == resdiff::unit_kind::added) added.push_back(index(pb, u.new_ids[0]));
                if (u.moved) {
                    ++moved;
                    std::cout << "  moved " << u.old_ids[0] << " -> " << u.new_ids[0]
                              << (u.crossed_part ? " (crossed)" : "") << " sim " << std::setprecision(3)
                              << u.similarity << "\n     old: " << clip(pa[index(pa, u.old_ids[0])]->text)
                              << "\n     new: " << clip(pb[index(pb, u.new_ids[0])]->text) << "\n";
                }
            }
            for (const int o : removed) {
                for (const int n : added) {
                    if (o < 0 || n < 0) continue;
                    const double x = sim[o][n];
                    if (x < 0.15 || x > 0.35) continue;
                    if (lower(pa[o]->lead) != lower(pb[n]->lead) || pa[o]->where != pb[n]->where) continue;
                    ++doubtful;
                    std::cout << "  removed+added " << pa[o]->id << " / " << pb[n]->id << " sim "
                              << std::setprecision(3) << x << "\n     old: " << clip(pa[o]->text, 200)
                              << "\n     new: " << clip(pb[n]->text, 200) << "\n";
                }
            }
        }
    }
    std::cout << "pairs " << pairs << ", first preambular paragraph aligned to its counterpart " << pp1_ok
              << ", removed+added same-lead pairs at 0.15-0.35: " << doubtful << ", moved units: " << moved
              << "\n";
    CHECK(pairs == 35);
}
