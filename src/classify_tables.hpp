// Private to the classify stage: the embedded data tables (data/leads.tsv,
// data/qualifiers.tsv), parsed at compile time (classify_lead.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace resdiff::detail {

// A phrase of a table split into its words: lower-case ASCII words (a hyphen
// inside a word, as in "non-binding"), exactly the tokens tokenize() gives
// for it. The views point into the embedded data.
struct phrase {
    static constexpr std::size_t max_words = 8;
    std::string_view text;  // as written in the table
    std::array<std::string_view, max_words> words{};
    std::size_t count = 0;

    constexpr std::size_t size() const { return count; }
    constexpr bool empty() const { return count == 0; }
    constexpr std::string_view front() const { return words[0]; }
    constexpr std::string_view operator[](std::size_t i) const { return words[i]; }
    constexpr const std::string_view* begin() const { return words.data(); }
    constexpr const std::string_view* end() const { return words.data() + count; }
};

struct lead_entry {
    std::string_view part;  // "operative" | "preamble"
    phrase words;           // the phrase
    std::string_view ladder;
    int strength = 0;
};

struct qualifier_entry {
    phrase words;
    bool soft = true;    // adding it softens (hedge); false: hardens
    bool alone = false;  // counts only as the whole edit
};

// The rows of data/leads.tsv in file order.
std::span<const lead_entry> lead_table();

// The rows of data/qualifiers.tsv grouped by first word (groups in
// alphabetical order), each group longest phrase first, then in file order.
std::span<const qualifier_entry> qualifier_table();

// Words by first letter and length: bit n of entry c - 'a' is set when a
// word of the set starts with the letter c and has n letters (all are
// shorter than 32).
using word_lengths = std::array<std::uint32_t, 26>;

// False when no word of the set has the first letter and length of `word`
// (lower case).
inline bool may_be_in(const word_lengths& lengths, std::string_view word) {
    if (word.empty() || word.size() >= 32) return false;
    const unsigned letter = static_cast<unsigned char>(word.front()) - 'a';
    return letter < 26 && (lengths[letter] >> word.size() & 1) != 0;
}

// The qualifiers' first words.
extern const word_lengths qualifier_first_word_lengths;

// False when no qualifier starts with `word` (lower case): most words of a
// text ("the", "of", punctuation), told apart without a lookup.
inline bool may_start_qualifier(std::string_view word) { return may_be_in(qualifier_first_word_lengths, word); }

// Every word of the qualifiers (not only the first).
extern const word_lengths qualifier_word_lengths;

// False when no qualifier has `word` (lower case) anywhere: a word no
// qualifier found can cover.
inline bool may_be_qualifier_word(std::string_view word) { return may_be_in(qualifier_word_lengths, word); }

// The qualifiers whose first word is `word` (lower case), longest first.
std::span<const qualifier_entry> qualifiers_starting_with(std::string_view word);

// Words in the longest qualifier phrase.
std::size_t longest_qualifier();

// Words that only order paragraphs ("Also requests", "Recalling further").
bool is_sequencing_word(std::string_view lower);

// The lead reduced to what carries its force: lower-case word tokens without
// sequencing words or possessives ("Expressing its deep concern" ->
// expressing deep concern).
std::vector<std::string> normalize_lead(std::string_view lead);

}  // namespace resdiff::detail
