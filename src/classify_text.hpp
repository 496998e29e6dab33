// Private to the classify stage: the token model the rules work on.
//
// Tokens are semantic units, not the diff's words: "79/194", "A/C.2/80/L.17"
// and "E/CN.16/2018/CRP.3" are one symbol token, "seventy-ninth" (also
// "seventy - ninth", "one hundred and first") is one ordinal token with its
// value, "54th" an ordinal, "2024" a number, punctuation one token per mark.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "word_count.hpp"  // ascii_digit, ascii_alpha, ...

namespace resdiff::detail {

// s with its ASCII letters lower-cased, into out[0, s.size()).
void lower_into(std::string_view s, char* out);

// a == b, for the short words of a text, inline: std::string_view's == on
// two views of run-time length calls out of line.
constexpr bool same_word(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (a[k] != b[k]) return false;
    return true;
}

// FNV-1a of a word, usable at compile time (the qualifier table) and inline
// (words are short: inline beats std::hash).
constexpr std::uint32_t word_hash(std::string_view w) {
    std::uint32_t h = 2166136261u;
    for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

enum class tok { word, number, ordinal, symbol, punct };

struct token {
    std::size_t begin = 0;  // byte span in the text tokenized
    std::size_t end = 0;
    tok kind = tok::word;
    std::string_view lower;  // lower-cased (ASCII letters) text, in its token_list's buffer
    long value = -1;         // number, ordinal: its value
};

// The tokens of a text and the buffer their `lower` views point into: the
// text lower-cased, byte for byte (numbers keep their spelling, a merged
// number's spelling is written over the bytes it spans, which are never
// fewer). The buffer does not move when the list is moved; a list is not
// copied.
struct token_list {
    std::vector<token> toks;
    std::unique_ptr<char[]> lower_text;
    std::size_t lower_capacity = 0;  // bytes lower_text holds

    // No tokens, and a buffer of at least `size` bytes (the one held when
    // large enough: a list read into again and again allocates rarely).
    char* reset(std::size_t size);
};

token_list tokenize(std::string_view text);
// The same, into `out` (its buffers reused).
void tokenize(std::string_view text, token_list& out);

// tokenize(text), reusing the tokens of `base`, a text with the same first
// `prefix` bytes and the same last `suffix` bytes: only the part between them
// (widened to a plain word on either side) is tokenized again. Tokens never
// cross ASCII white space, and a plain word (ASCII letters only, neither
// "and" nor a number word) never joins a merged number, so the tokens on
// either side of such a word are the same in both texts.
token_list tokenize_like(std::string_view text, std::string_view base, const token_list& base_toks,
                         std::size_t prefix, std::size_t suffix);

// Bytes text[at, at + size) equal to base[base_at, base_at + size).
struct shared_span {
    std::size_t at = 0;
    std::size_t base_at = 0;
    std::size_t size = 0;
};

// tokenize(text), reusing the tokens of `base` inside every shared span (in
// order, not overlapping): the tokens between the first and the last plain
// word of a span (both with their white space inside it) are taken over; a
// span at the start (end) of both texts is taken over from its start (up to
// its end), as with the prefix (suffix) above.
token_list tokenize_like(std::string_view text, std::string_view base, const token_list& base_toks,
                         const std::vector<shared_span>& shared);
// The same, into `out` (its buffers reused; not `base_toks`).
void tokenize_like(std::string_view text, std::string_view base, const token_list& base_toks,
                   const std::vector<shared_span>& shared, token_list& out);

// "seventy-ninth" -> 79 (ordinal), "one hundred and first" -> 101, "twenty" -> 20.
// Words are lower case; nullopt when they do not form one number.
struct number_words {
    long value = 0;
    bool ordinal = false;
};
std::optional<number_words> parse_number_words(const std::vector<std::string>& words);

// 1..12 for an English month name in lower case, 0 otherwise.
int month_number(std::string_view lower);

// A four-digit number read as a calendar year (1900..2199), else -1.
long year_value(const token& t);

// Where a day or month token stands in a date ("19 December 2024",
// "from 15 to 19 April 2024", "22-23 September 2024", "in April 2025"): the
// date's year, or -1 when the token is not part of a date with a year.
long date_year(const std::vector<token>& toks, std::size_t i);

// True when toks[i] is part of a date expression (day, month, year or a
// connector between them) that carries a year.
bool in_date(const std::vector<token>& toks, std::size_t i);

// A citation found in a token sequence: tokens [first, last) and its
// normalized form ("resolution 70/1", "Economic and Social Council resolution
// 2025/18", "decision 79/555", "A/80/555"). `symbol` is the index of the
// symbol token itself.
struct citation_hit {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t symbol = 0;
    std::string norm;
};
std::vector<citation_hit> find_citations(const std::vector<token>& toks, std::string_view text);

}  // namespace resdiff::detail
