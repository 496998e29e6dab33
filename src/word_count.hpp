// Counting words as reports give them: the summary's share of words changed,
// the history's words added and removed, the HTML change map.
#pragma once

#include <cstddef>
#include <string_view>

namespace resdiff::detail {

// A byte of a word for counting: a letter, a digit or any byte of a non-ASCII
// character. Comparisons joined with | rather than ||, and the count with &:
// no branch per byte, so the compiler turns the loop into vector code.
constexpr bool word_byte(unsigned char c) {
    return (static_cast<unsigned char>(c - '0') < 10) | (static_cast<unsigned char>((c | 0x20) - 'a') < 26) |
           (c >= 0x80);
}

// The words of text (runs of word bytes).
std::size_t count_words(std::string_view text);

}  // namespace resdiff::detail
