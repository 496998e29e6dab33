// Private to the parse stage (and its unit tests): small text helpers and the
// pieces of the parser that are worth testing on their own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "resdiff/document.hpp"

namespace resdiff::detail {

std::string_view trim(std::string_view s);
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

// "Eightieth", "Sixty-fifth" -> 80, 65; 0 when not an ordinal.
int parse_ordinal(std::string_view word);

// Repairs stray spaces inside words ("see king" -> "seeking") and words
// glued by pdftotext's de-hyphenation ("followup" -> "follow-up"), only where
// the document itself shows the repaired form and the broken halves are not
// words in their own right. `texts` are all texts of the document; changed
// in place.
void repair_split_words(std::vector<std::string*>& texts);

// Word list used by repair_split_words: words PDF extraction is known to split.
bool is_builtin_word(std::string_view lower_word);

}  // namespace resdiff::detail
