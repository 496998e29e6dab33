// Test helper shared by the corpus and browser tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

// Whether word ops change a text by the comparison's contract (docs/json.md):
// white space, and the hyphen of a compound ("capacity building",
// "capacity-building", "capacitybuilding"), never show as a change. `ops`
// are (kind, text) with kind '=' equal, '-' delete, '+' insert. Written apart
// from the library's changes_text, which the tests check: each stretch of
// changes between two equal pieces is read, with the letter on either side,
// as the text it removes and the text it adds; these differ when they still
// do without white space and without hyphens between letters.
inline bool ops_change_text(const std::vector<std::pair<char, std::string>>& ops) {
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const auto spelled = [&](const std::string& s) {
        std::string bare;  // without white space
        for (const char c : s)
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') bare += c;
        std::string out;
        for (std::size_t k = 0; k < bare.size(); ++k) {
            if (bare[k] == '-' && k > 0 && k + 1 < bare.size() && letter(bare[k - 1]) && letter(bare[k + 1]))
                continue;
            out += bare[k];
        }
        return out;
    };
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].first == '=') continue;
        std::string removed, added;
        std::size_t j = i;
        for (; j < ops.size() && ops[j].first != '='; ++j)
            (ops[j].first == '-' ? removed : added) += ops[j].second;
        const std::string before =
            i > 0 && !ops[i - 1].second.empty() ? ops[i - 1].second.substr(ops[i - 1].second.size() - 1) : "";
        const std::string after = j < ops.size() && !ops[j].second.empty() ? ops[j].second.substr(0, 1) : "";
        if (spelled(before + removed + after) != spelled(before + added + after)) return true;
        i = j;
    }
    return false;
}
