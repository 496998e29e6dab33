// Byte classes shared by the stages (ASCII letters and digits, white space,
// word bytes); counting words as reports give them: the summary's share of
// words changed, the history's words added and removed, the HTML change map;
// and finding the words a report keeps around an elision (terminal,
// Markdown).
#pragma once

#include <cstddef>
#include <string_view>

namespace resdiff::detail {

// ASCII character classes without the locale-dependent <cctype> calls (the tool
// never sets a locale, so these give the "C" locale's answers).
constexpr bool ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
constexpr bool ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
constexpr bool ascii_alpha(char c) {
    return ascii_upper(c) || (c >= 'a' && c <= 'z');
}
constexpr bool ascii_alnum(char c) {
    return ascii_digit(c) || ascii_alpha(c);
}
constexpr char ascii_lower(char c) {
    return ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// A byte of a word for counting: a letter, a digit or any byte of a non-ASCII
// character. Comparisons joined with | rather than ||, and the count with &:
// no branch per byte, so the compiler turns the loop into vector code.
constexpr bool word_byte(unsigned char c) {
    return (static_cast<unsigned char>(c - '0') < 10) | (static_cast<unsigned char>((c | 0x20) - 'a') < 26) |
           (c >= 0x80);
}

// ASCII white space (space, tab, line feed, vertical tab, form feed, carriage
// return): what lies between words and never counts as a change.
constexpr bool space_byte(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// The longest start of text of at most `limit` bytes that ends between two
// characters: a quote cut short never ends in half a UTF-8 sequence (which the
// JSON writer would have to replace).
constexpr std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut);
}

// The words of text (runs of word bytes).
std::size_t count_words(std::string_view text);

// For elisions, a word is a run of bytes that `gap(c)` does not take for the
// space between words.
template <class Gap>
bool word_starts_at(std::string_view s, std::size_t i, Gap gap) {
    return !gap(s[i]) && (i == 0 || gap(s[i - 1]));
}

// Where the word after the first `n` words of `s` starts; s.size() when `s`
// has no more than `n` words.
template <class Gap>
std::size_t start_after_words(std::string_view s, std::size_t n, Gap gap) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (word_starts_at(s, i, gap) && n-- == 0) return i;
    }
    return s.size();
}

// Where the n-th word from the end of `s` starts (n >= 1); 0 when `s` has
// fewer words.
template <class Gap>
std::size_t start_of_last_words(std::string_view s, std::size_t n, Gap gap) {
    for (std::size_t i = s.size(); i-- > 0;) {
        if (word_starts_at(s, i, gap) && --n == 0) return i;
    }
    return 0;
}

}  // namespace resdiff::detail
