// Test helper shared by the corpus and browser tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

// Whether a stretch of changes ops[i, j) (between two equal pieces) changes
// a text by the comparison's contract (docs/json.md): white space, and the
// hyphen of a compound ("capacity building", "capacity-building",
// "capacitybuilding"), never show as a change. `ops` are (kind, text) with
// kind '=' equal, '-' delete, '+' insert. Written apart from the library's
// changes_text, which the tests check: the stretch is read, with the letter on
// either side, as the text it removes and the text it adds; these differ when
// they still do without white space and without hyphens between letters.
inline bool stretch_changes_text(const std::vector<std::pair<char, std::string>>& ops, std::size_t i,
                                 std::size_t j) {
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
    std::string removed, added;
    for (std::size_t k = i; k < j; ++k) (ops[k].first == '-' ? removed : added) += ops[k].second;
    const std::string before =
        i > 0 && !ops[i - 1].second.empty() ? ops[i - 1].second.substr(ops[i - 1].second.size() - 1) : "";
    const std::string after = j < ops.size() && !ops[j].second.empty() ? ops[j].second.substr(0, 1) : "";
    return spelled(before + removed + after) != spelled(before + added + after);
}

// Calls f(i, j) for each stretch of changes ops[i, j) between equal pieces.
template <class F>
void for_each_stretch(const std::vector<std::pair<char, std::string>>& ops, F&& f) {
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].first == '=') continue;
        std::size_t j = i;
        while (j < ops.size() && ops[j].first != '=') ++j;
        f(i, j);
        i = j;
    }
}

inline bool ops_change_text(const std::vector<std::pair<char, std::string>>& ops) {
    bool changes = false;
    for_each_stretch(
        ops, [&](std::size_t i, std::size_t j) { changes = changes || stretch_changes_text(ops, i, j); });
    return changes;
}

// The pieces of a kind ('-' or '+'), with text, that a report marks: those of
// the stretches that change the text (a change of spelling alone is shown as
// plain text).
inline std::size_t marked_pieces(const std::vector<std::pair<char, std::string>>& ops, char kind) {
    std::size_t n = 0;
    for_each_stretch(ops, [&](std::size_t i, std::size_t j) {
        if (!stretch_changes_text(ops, i, j)) return;
        for (std::size_t k = i; k < j; ++k) n += ops[k].first == kind && !ops[k].second.empty() ? 1 : 0;
    });
    return n;
}
