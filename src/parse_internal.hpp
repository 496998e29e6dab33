// Private to the parse stage (and its unit tests): small text helpers and the
// pieces of the parser that are worth testing on their own.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "resdiff/document.hpp"

namespace resdiff::detail {

// A fixed list of words in an open-addressing table built once, keyed by a
// hash of a word's length and its first and last bytes: asked for every word
// of every lead, every body line's first word and the words around every
// number, it answers with one or two short comparisons (a search by halving
// made six calls of memcmp).
class word_set {
public:
    word_set(std::initializer_list<std::string_view> words) {
        while (slots_.size() < 4 * words.size()) slots_.resize(slots_.empty() ? 64 : 2 * slots_.size());
        for (const auto w : words) {
            if (contains(w)) continue;
            std::size_t i = slot_of(w);
            while (!slots_[i].empty()) i = (i + 1) & (slots_.size() - 1);
            slots_[i] = w;
        }
    }
    bool contains(std::string_view w) const {
        if (w.empty()) return false;
        for (std::size_t i = slot_of(w);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i].empty()) return false;
            if (slots_[i] == w) return true;
        }
    }

private:
    std::size_t slot_of(std::string_view w) const {
        const std::size_t key = w.size() << 16 | static_cast<unsigned char>(w.front()) << 8 |
                                static_cast<unsigned char>(w.back());
        return (key * 0x9E3779B97F4A7C15ull >> 32) & (slots_.size() - 1);  // a power of two
    }
    std::vector<std::string_view> slots_;  // empty: free
};

// Inline: called for every line, most of which need nothing trimmed.
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}
// Inline: called once per byte in the parser's scans.
inline bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
// ASCII letter or any byte of a multi-byte UTF-8 character
inline bool is_letter_byte(char c) {
    return is_upper_ascii(c) || is_lower_ascii(c) || (static_cast<unsigned char>(c) >= 0x80);
}

// First word of `s` (letters, hyphens and apostrophes), without leading quotes.
std::string_view first_word(std::string_view s);

// The opening phrase of a preambular paragraph or the verb phrase of an
// operative one; see parse_lead.cpp for the rule.
std::string extract_lead(std::string_view text, part where);

// True when `word` (first word of a line) can open a preambular paragraph:
// a capitalised participle ("Recalling", "Having") or one of the adjectives
// and adverbs that open preambular clauses ("Aware", "Mindful", "Deeply").
bool is_preamble_opener(std::string_view word);
// Stricter: a listed opener (not merely any word ending in "-ing").
bool is_known_preamble_opener(std::string_view word);

// True when `text` opens with an operative verb in the third person singular,
// after an optional adverb: "Decides", "Calls upon", "Further requests".
bool starts_with_operative_verb(std::string_view text);

// "Eightieth", "Sixty-fifth" -> 80, 65; 0 when not an ordinal.
int parse_ordinal(std::string_view word);

// Repairs stray spaces inside words ("see king" -> "seeking") and words
// glued by pdftotext's de-hyphenation ("followup" -> "follow-up"), only where
// the document itself shows the repaired form and the broken halves are not
// words in their own right; then drops leading, trailing and repeated spaces.
// `texts` are all texts of the document; changed in place.
void repair_split_words(std::vector<std::string*>& texts);

// The symbol of the draft an amendment amends, from its sponsors line
// ("Denmark:* amendment to draft resolution A/C.2/80/L.12/Rev.1" ->
// "A/C.2/80/L.12/Rev.1"); empty when the line names no amendment.
std::string amended_symbol(std::string_view sponsors);

// What an amendment is, as the parser's warning and history's left-out line
// say it: "an amendment to draft resolution A/C.2/80/L.12/Rev.1, not a text
// of the resolution" (`amends` its metadata::amends).
std::string amendment_note(std::string_view amends);

// Word list used by repair_split_words: words PDF extraction is known to split.
bool is_builtin_word(std::string_view lower_word);

}  // namespace resdiff::detail
