#include "classify_text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

using namespace std::string_view_literals;

namespace resdiff::detail {

void lower_into(std::string_view s, char* out) {
    // Branch-free, so the compiler lower-cases many bytes at a time.
    for (std::size_t i = 0; i < s.size(); ++i)
        out[i] = static_cast<char>(s[i] | (ascii_upper(s[i]) ? 0x20 : 0));
}

namespace {

struct code_point {
    std::int32_t cp = -1;
    std::size_t len = 1;
};

code_point decode(std::string_view s, std::size_t i) {
    // ASCII fast path: utf8proc_iterate yields the byte itself with length 1.
    if (static_cast<unsigned char>(s[i]) < 0x80) return {static_cast<std::int32_t>(s[i]), 1};
    utf8proc_int32_t cp = -1;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return {-1, 1};  // invalid byte: a punctuation token of its own
    return {cp, static_cast<std::size_t>(n)};
}

bool is_space(std::int32_t cp) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return true;
    if (cp < 0x80) return false;
    const auto c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

bool is_word_char(std::int32_t cp) {
    if (cp < 0) return false;
    if (cp < 0x80) return ascii_alnum(static_cast<char>(cp));
    const auto c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || c == UTF8PROC_CATEGORY_MN ||
           c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ND;
}

// Joiners kept inside a word when a word character follows: hyphens and apostrophes.
bool is_joiner(std::int32_t cp) {
    return cp == '-' || cp == '\'' || cp == 0x2010 || cp == 0x2011 || cp == 0x2019;
}

// Byte classes looked up in the tokenizer's inner loops: ascii_alnum,
// ascii_alpha, and whether the byte ends a plain ASCII word (ends_plain_word).
enum : std::uint8_t { alnum_bit = 1, alpha_bit = 2, ends_plain_bit = 4 };

constexpr std::array<std::uint8_t, 256> k_byte_class = [] {
    std::array<std::uint8_t, 256> t{};
    for (int i = 0; i < 256; ++i) {
        const char c = static_cast<char>(i);
        std::uint8_t v = 0;
        if (ascii_alnum(c)) v |= alnum_bit;
        if (ascii_alpha(c)) v |= alpha_bit;
        // ASCII, and none of '/', '.', '-', '(', '\'' (which may go on into a symbol or word).
        if (i < 0x80 && c != '/' && c != '.' && c != '-' && c != '(' && c != '\'') v |= ends_plain_bit;
        t[static_cast<std::size_t>(i)] = v;
    }
    return t;
}();

bool alnum_byte(char c) { return (k_byte_class[static_cast<unsigned char>(c)] & alnum_bit) != 0; }
bool alpha_byte(char c) { return (k_byte_class[static_cast<unsigned char>(c)] & alpha_bit) != 0; }

// A byte after a run of ASCII letters and digits that ends a word there and
// starts no symbol.
bool ends_plain_word(char c) { return (k_byte_class[static_cast<unsigned char>(c)] & ends_plain_bit) != 0; }

bool is_symbol_char(char c) { return ascii_alnum(c) || c == '.' || c == '-' || c == '/'; }

// `s` equals `lower` (lower-case ASCII) in any letter case.
bool equals_lower(std::string_view s, std::string_view lower) {
    if (s.size() != lower.size()) return false;
    for (std::size_t k = 0; k < s.size(); ++k)
        if (ascii_lower(s[k]) != lower[k]) return false;
    return true;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), ascii_digit);
}

// A symbol candidate: parts separated by '/', at least one digit, no empty part.
bool looks_like_symbol(std::string_view s) {
    if (s.find('/') == std::string_view::npos) return false;
    bool digit = false;
    std::size_t part = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '/') {
            if (i == part) return false;
            part = i + 1;
        } else if (ascii_digit(s[i])) {
            digit = true;
        }
    }
    return digit;
}

struct number_word {
    std::string_view word;
    long value;
    bool ordinal;
    int kind;  // 0 unit (0..19), 1 tens, 2 hundred, 3 thousand
};

constexpr number_word k_number_words[] = {
    {"zero", 0, false, 0},       {"one", 1, false, 0},          {"two", 2, false, 0},
    {"three", 3, false, 0},      {"four", 4, false, 0},         {"five", 5, false, 0},
    {"six", 6, false, 0},        {"seven", 7, false, 0},        {"eight", 8, false, 0},
    {"nine", 9, false, 0},       {"ten", 10, false, 0},         {"eleven", 11, false, 0},
    {"twelve", 12, false, 0},    {"thirteen", 13, false, 0},    {"fourteen", 14, false, 0},
    {"fifteen", 15, false, 0},   {"sixteen", 16, false, 0},     {"seventeen", 17, false, 0},
    {"eighteen", 18, false, 0},  {"nineteen", 19, false, 0},    {"twenty", 20, false, 1},
    {"thirty", 30, false, 1},    {"forty", 40, false, 1},       {"fifty", 50, false, 1},
    {"sixty", 60, false, 1},     {"seventy", 70, false, 1},     {"eighty", 80, false, 1},
    {"ninety", 90, false, 1},    {"hundred", 100, false, 2},    {"thousand", 1000, false, 3},
    {"first", 1, true, 0},       {"second", 2, true, 0},        {"third", 3, true, 0},
    {"fourth", 4, true, 0},      {"fifth", 5, true, 0},         {"sixth", 6, true, 0},
    {"seventh", 7, true, 0},     {"eighth", 8, true, 0},        {"ninth", 9, true, 0},
    {"tenth", 10, true, 0},      {"eleventh", 11, true, 0},     {"twelfth", 12, true, 0},
    {"thirteenth", 13, true, 0}, {"fourteenth", 14, true, 0},   {"fifteenth", 15, true, 0},
    {"sixteenth", 16, true, 0},  {"seventeenth", 17, true, 0},  {"eighteenth", 18, true, 0},
    {"nineteenth", 19, true, 0}, {"twentieth", 20, true, 1},    {"thirtieth", 30, true, 1},
    {"fortieth", 40, true, 1},   {"fiftieth", 50, true, 1},     {"sixtieth", 60, true, 1},
    {"seventieth", 70, true, 1}, {"eightieth", 80, true, 1},    {"ninetieth", 90, true, 1},
    {"hundredth", 100, true, 2}, {"thousandth", 1000, true, 3}, {"zeroth", 0, true, 0},
};

// The number words grouped by length, and the three letters they start with
// (computed at compile time): a word is compared only with the few of its
// length, and most words are rejected by their first three letters.
struct number_word_index {
    static constexpr std::size_t max_size = [] {
        std::size_t m = 0;
        for (const auto& n : k_number_words) m = std::max(m, n.word.size());
        return m;
    }();
    static constexpr std::size_t min_size = [] {
        std::size_t m = max_size;
        for (const auto& n : k_number_words) m = std::min(m, n.word.size());
        return m;
    }();
    static constexpr std::size_t prefix(std::string_view w) {
        return static_cast<std::size_t>(((w[0] - 'a') * 26 + (w[1] - 'a')) * 26 + (w[2] - 'a'));
    }
    // Indices into k_number_words by word length; which three letters start a number word.
    std::array<std::array<std::uint8_t, std::size(k_number_words)>, max_size + 1> by_size{};
    std::array<std::uint8_t, max_size + 1> count{};
    std::array<bool, 26 * 26 * 26> starts{};
};

constexpr number_word_index k_number_word_index = [] {
    number_word_index x;
    for (std::size_t k = 0; k < std::size(k_number_words); ++k) {
        const std::string_view w = k_number_words[k].word;
        x.by_size[w.size()][x.count[w.size()]++] = static_cast<std::uint8_t>(k);
        x.starts[number_word_index::prefix(w)] = true;
    }
    return x;
}();

// True when three lower-case bytes start a number word.
bool starts_number_word(char a, char b, char c) {
    const auto letter = [](char x) { return static_cast<unsigned>(static_cast<unsigned char>(x) - 'a') < 26; };
    const char start[3] = {a, b, c};
    return letter(a) && letter(b) && letter(c) &&
           k_number_word_index.starts[number_word_index::prefix(std::string_view(start, 3))];
}

// True when a word (in any letter case) can start with a number word: "sev" (seven) yes, "the" no.
bool may_start_number_word(std::string_view w) {
    static_assert(number_word_index::min_size >= 3);
    return w.size() >= number_word_index::min_size &&
           starts_number_word(ascii_lower(w[0]), ascii_lower(w[1]), ascii_lower(w[2]));
}

// may_start_number_word() of a word in lower case.
bool may_start_number_word_lower(std::string_view w) {
    return w.size() >= number_word_index::min_size && starts_number_word(w[0], w[1], w[2]);
}

const number_word* find_number_word(std::string_view w) {
    if (w.empty() || w.size() > number_word_index::max_size) return nullptr;
    const auto& same_size = k_number_word_index.by_size[w.size()];
    for (std::size_t k = 0; k < k_number_word_index.count[w.size()]; ++k) {
        const number_word& n = k_number_words[same_size[k]];
        if (n.word[0] == w[0] && n.word == w) return &n;  // words are unique
    }
    return nullptr;
}

// Splits a lower-case word on hyphens ("seventy-ninth" -> seventy, ninth).
std::vector<std::string> split_hyphens(std::string_view w) {
    std::vector<std::string> parts;
    std::string cur;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i] == '-') {
            parts.push_back(cur);
            cur.clear();
        } else if (static_cast<unsigned char>(w[i]) == 0xE2 && i + 2 < w.size() &&
                   static_cast<unsigned char>(w[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(w[i + 2]) == 0x90 ||
                    static_cast<unsigned char>(w[i + 2]) == 0x91)) {
            parts.push_back(cur);  // U+2010, U+2011
            cur.clear();
            i += 2;
        } else {
            cur += w[i];
        }
    }
    parts.push_back(cur);
    return parts;
}

// Same test as checking every part of split_hyphens(t.lower), without allocating.
bool is_number_word_token(const token& t) {
    if (t.kind != tok::word) return false;
    const std::string_view w = t.lower;
    if (!may_start_number_word(w)) return false;  // its first part is not a number word
    std::size_t start = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i] >= 'a' && w[i] <= 'z') continue;
        std::size_t sep = 0;
        if (w[i] == '-') {
            sep = 1;
        } else if (static_cast<unsigned char>(w[i]) == 0xE2 && i + 2 < w.size() &&
                   static_cast<unsigned char>(w[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(w[i + 2]) == 0x90 ||
                    static_cast<unsigned char>(w[i + 2]) == 0x91)) {
            sep = 3;
        }
        if (sep == 0) return false;  // number words have letters only
        if (find_number_word(w.substr(start, i - start)) == nullptr) return false;
        i += sep - 1;
        start = i + 1;
    }
    return find_number_word(w.substr(start)) != nullptr;
}

bool is_dash(const token& t) {
    return t.kind == tok::punct && (t.lower == "-"sv || t.lower == "\xE2\x80\x93"sv);
}

// Merges runs of number words ("seventy - ninth", "one hundred and first")
// into one ordinal or number token, in place. `starts` are the indices of the
// number words (is_number_word_token), in order: a run starts only at one.
// The merged spelling is written into `lower` (the lower-cased text the
// tokens' offsets index) over the bytes the merged token spans.
void merge_number_words(std::vector<token>& toks, const std::vector<std::size_t>& starts, char* lower) {
    if (starts.empty()) return;
    std::size_t out = starts.front();  // toks[0, out) are final; out <= i
    std::size_t i = out;
    std::string spelling;
    // Moves toks[i, to) down to toks[out, ...) (nothing to move before the first merge).
    const auto keep_until = [&](std::size_t to) {
        if (out != i)
            std::copy(toks.begin() + static_cast<std::ptrdiff_t>(i),
                      toks.begin() + static_cast<std::ptrdiff_t>(to),
                      toks.begin() + static_cast<std::ptrdiff_t>(out));
        out += to - i;
        i = to;
    };
    for (const std::size_t start : starts) {
        if (start < i) continue;  // inside a run merged already
        keep_until(start);
        // Longest run i..j (inclusive) that parses as one number.
        std::vector<std::string> words = split_hyphens(toks[i].lower);
        std::optional<number_words> best = parse_number_words(words);
        std::size_t best_end = i;
        std::size_t j = i;
        while (true) {
            std::size_t k = j + 1;
            std::vector<std::string> more = words;
            if (k < toks.size() && is_dash(toks[k]) && toks[k].begin == toks[j].end)
                ++k;  // "seventy -ninth"
            else if (k < toks.size() && is_dash(toks[k]))
                ++k;  // "sixty - seventh"
            else if (k < toks.size() && toks[k].lower == "and"sv && !words.empty() &&
                     (words.back() == "hundred"sv || words.back() == "thousand"sv))
                ++k;
            if (k >= toks.size() || !is_number_word_token(toks[k])) break;
            for (auto& p : split_hyphens(toks[k].lower)) more.push_back(p);
            const auto parsed = parse_number_words(more);
            if (!parsed) break;
            words = std::move(more);
            best = parsed;
            best_end = k;
            j = k;
        }
        // The words joined by one space, dashes by none, the en dash as "-":
        // never longer than the text the run spans, as two words always have
        // white space between them (the test below only guards the buffer).
        spelling.clear();
        for (std::size_t k = i; best && k <= best_end; ++k) {
            if (k > i && !is_dash(toks[k]) && !is_dash(toks[k - 1])) spelling += ' ';
            spelling += toks[k].lower == "\xE2\x80\x93"sv ? "-"sv : toks[k].lower;
        }
        if (!best || spelling.size() > toks[best_end].end - toks[i].begin) {
            if (out != i) toks[out] = toks[i];
            ++out;
            ++i;
            continue;
        }
        token merged;
        merged.begin = toks[i].begin;
        merged.end = toks[best_end].end;
        merged.kind = best->ordinal ? tok::ordinal : tok::number;
        merged.value = best->value;
        std::copy(spelling.begin(), spelling.end(), lower + merged.begin);
        merged.lower = std::string_view(lower + merged.begin, spelling.size());
        toks[out++] = merged;
        i = best_end + 1;
    }
    keep_until(toks.size());
    toks.resize(out);
}

constexpr std::array<const char*, 12> k_months{"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};

bool is_day(const token& t) {
    return t.kind == tok::number && t.value >= 1 && t.value <= 31 && t.lower.size() <= 2;
}

bool is_date_connector(const token& t) {
    return t.lower == "to"sv || t.lower == "and"sv || t.lower == "from"sv || is_dash(t) || t.lower == ","sv;
}

// The year that closes a date whose month is toks[m]: "December 2024", "December, 2024".
std::optional<std::size_t> month_after_day(const std::vector<token>& toks, std::size_t i);

long year_after_month(const std::vector<token>& toks, std::size_t m, int depth = 0) {
    std::size_t k = m + 1;
    if (k < toks.size() && toks[k].lower == ","sv) ++k;
    if (k >= toks.size()) return -1;
    const long y = year_value(toks[k]);
    if (y >= 0) return y;
    // A range across months takes the year that closes it: "30 November and 1 December 2023".
    if (depth == 0 && (toks[k].lower == "and"sv || toks[k].lower == "to"sv || is_dash(toks[k])) &&
        k + 1 < toks.size() && is_day(toks[k + 1])) {
        if (const auto m2 = month_after_day(toks, k + 1)) return year_after_month(toks, *m2, 1);
    }
    return -1;
}

// From a day, the month it belongs to: "15 to 19 April", "22-23 September", "30 June".
std::optional<std::size_t> month_after_day(const std::vector<token>& toks, std::size_t i) {
    for (std::size_t k = i + 1, steps = 0; k < toks.size() && steps < 6; ++k, ++steps) {
        if (month_number(toks[k].lower) != 0) return k;
        if (!(is_day(toks[k]) || is_date_connector(toks[k]))) return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

std::optional<number_words> parse_number_words(const std::vector<std::string>& words) {
    if (words.empty()) return std::nullopt;
    long total = 0;
    long current = 0;
    int last_kind = -1;  // kind of the previous word, to reject "twenty thirty" or "five six"
    bool ordinal = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto* w = find_number_word(words[i]);
        if (w == nullptr) return std::nullopt;
        if (ordinal) return std::nullopt;  // an ordinal ends the number
        switch (w->kind) {
            case 0:
                if (last_kind == 0) return std::nullopt;
                if (last_kind == 1 && w->value >= 10) return std::nullopt;
                current += w->value;
                break;
            case 1:
                if (last_kind == 0 || last_kind == 1) return std::nullopt;
                current += w->value;
                break;
            case 2:
                if (last_kind != 0 || current == 0 || current >= 10) return std::nullopt;
                current *= 100;
                break;
            case 3:
                if (current == 0) return std::nullopt;
                total += current * 1000;
                current = 0;
                break;
            default: return std::nullopt;
        }
        last_kind = w->kind;
        ordinal = w->ordinal;
    }
    return number_words{total + current, ordinal};
}

int month_number(std::string_view lower) {
    for (std::size_t m = 0; m < k_months.size(); ++m)
        if (lower == k_months[m]) return static_cast<int>(m) + 1;
    return 0;
}

long year_value(const token& t) {
    if (t.kind != tok::number || t.lower.size() != 4) return -1;
    return t.value >= 1900 && t.value <= 2199 ? t.value : -1;
}

long date_year(const std::vector<token>& toks, std::size_t i) {
    if (i >= toks.size()) return -1;
    if (month_number(toks[i].lower) != 0) return year_after_month(toks, i);
    if (is_day(toks[i])) {
        if (const auto m = month_after_day(toks, i)) return year_after_month(toks, *m);
    }
    return -1;
}

bool in_date(const std::vector<token>& toks, std::size_t i) {
    if (i >= toks.size()) return false;
    if (date_year(toks, i) >= 0) return true;
    if (year_value(toks[i]) >= 0) return true;
    if (is_date_connector(toks[i]) && toks[i].lower != ","sv) {
        // A connector between two days of one date: "15 to 19 April 2024".
        return i > 0 && i + 1 < toks.size() && is_day(toks[i - 1]) && date_year(toks, i + 1) >= 0;
    }
    return false;
}

namespace {

// Appends the tokens of s to toks, their offsets moved by `offset`. `lower`
// holds s lower-cased; the tokens' views point into it.
void tokenize_into(std::string_view s, char* lower, std::size_t offset, std::vector<token>& toks) {
    const std::size_t first = toks.size();
    std::vector<std::size_t> number_words;  // indices of the tokens that are number words
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ') {  // the usual separator, without decoding
            ++i;
            continue;
        }
        // The usual word: ASCII letters and digits from a letter up to the end
        // or an ASCII byte that continues neither a word nor a symbol (not '/',
        // '.', '-', '(', '\''). What the general path below makes of it, without
        // its tests.
        if (alpha_byte(s[i])) {
            std::size_t j = i + 1;
            while (j < s.size() && alnum_byte(s[j])) ++j;
            if (j == s.size() || ends_plain_word(s[j])) {
                const std::string_view w(lower + i, j - i);
                toks.push_back({i, j, tok::word, w, -1});
                if (may_start_number_word_lower(w) && is_number_word_token(toks.back()))
                    number_words.push_back(toks.size() - 1);
                i = j;
                continue;
            }
        }
        const auto cp = decode(s, i);
        if (is_space(cp.cp)) {
            i += cp.len;
            continue;
        }
        token& t = toks.emplace_back();  // every path below makes one token
        t.begin = i;
        const bool ascii_start = cp.cp >= 0 && cp.cp < 0x80 && ascii_alnum(static_cast<char>(cp.cp));
        std::size_t alnum_end = i;  // ASCII start: the end of its run of ASCII letters and digits
        if (ascii_start) {
            while (alnum_end < s.size() && alnum_byte(s[alnum_end])) ++alnum_end;
        }
        // A symbol's run goes on past the letters and digits with '.', '-', '/' or '(': else no symbol.
        const bool may_be_symbol =
            ascii_start && alnum_end < s.size() &&
            (s[alnum_end] == '/' || s[alnum_end] == '.' || s[alnum_end] == '-' || s[alnum_end] == '(');
        if (may_be_symbol) {
            // A document or resolution symbol: ASCII letters, digits, '.', '-', '/'.
            std::size_t j = i;
            bool slash = false;  // without one, no symbol: skip the test below
            while (j < s.size()) {
                if (is_symbol_char(s[j])) {
                    slash = slash || s[j] == '/';
                    ++j;
                    continue;
                }
                // A session in brackets inside a symbol: "GC(68)/RES/15".
                if (s[j] == '(' && j > i) {
                    std::size_t k = j + 1;
                    while (k < s.size() && ascii_digit(s[k])) ++k;
                    if (k > j + 1 && k + 1 < s.size() && s[k] == ')' && s[k + 1] == '/') {
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            while (j > i && (s[j - 1] == '.' || s[j - 1] == '-' || s[j - 1] == '/')) --j;
            if (slash && looks_like_symbol(s.substr(i, j - i)) &&
                (j >= s.size() || !is_word_char(decode(s, j).cp))) {
                t.end = j;
                t.kind = tok::symbol;
                t.lower = std::string_view(lower + i, j - i);
                i = j;
                continue;
            }
        }
        if (cp.cp >= '0' && cp.cp <= '9') {
            std::size_t j = i;
            while (j < s.size() && ascii_digit(s[j])) ++j;
            const std::string_view digits = s.substr(i, j - i);
            // "54th", "1st", "22nd", "3rd"
            std::size_t k = j;
            while (k < s.size() && ascii_alpha(s[k])) ++k;
            const std::string_view suffix = s.substr(j, k - j);
            const bool ordinal_suffix = equals_lower(suffix, "th") || equals_lower(suffix, "st") ||
                                        equals_lower(suffix, "nd") || equals_lower(suffix, "rd");
            if (ordinal_suffix && (k >= s.size() || !is_word_char(decode(s, k).cp))) {
                t.end = k;
                t.kind = tok::ordinal;
            } else if (k == j) {
                // Decimals stay one number ("4.5"); digits then letters ("19th", "5G") a word below.
                if (j + 1 < s.size() && s[j] == '.' && ascii_digit(s[j + 1])) {
                    j += 1;
                    while (j < s.size() && ascii_digit(s[j])) ++j;
                }
                t.end = j;
                t.kind = tok::number;
            }
            if (t.end != 0) {
                // Numbers keep their spelling ("54TH").
                std::copy(s.begin() + static_cast<std::ptrdiff_t>(i),
                          s.begin() + static_cast<std::ptrdiff_t>(t.end), lower + i);
                t.lower = std::string_view(lower + i, t.end - i);
                t.value = -1;
                const char* d = digits.data();
                if (digits.size() <= 9) std::from_chars(d, d + digits.size(), t.value);
                i = t.end;
                continue;
            }
        }
        if (is_word_char(cp.cp)) {
            std::size_t j = ascii_start ? alnum_end : i + cp.len;
            // The usual word: ASCII letters up to an ASCII byte that neither
            // continues a word nor may join one (not '-', not '\'').
            const bool ends_here =
                ascii_start &&
                (j == s.size() || (static_cast<unsigned char>(s[j]) < 0x80 && s[j] != '-' && s[j] != '\''));
            while (!ends_here && j < s.size()) {
                if (alnum_byte(s[j])) {
                    ++j;
                    continue;
                }
                const auto c = decode(s, j);
                if (is_word_char(c.cp)) {
                    j += c.len;
                } else if (is_joiner(c.cp) && j + c.len < s.size() && is_word_char(decode(s, j + c.len).cp)) {
                    j += c.len;
                } else {
                    break;
                }
            }
            t.end = j;
            t.kind = tok::word;
            t.lower = std::string_view(lower + i, j - i);
            if (may_start_number_word_lower(t.lower) && is_number_word_token(t))
                number_words.push_back(toks.size() - 1);
            i = j;
            continue;
        }
        t.end = i + cp.len;
        t.kind = tok::punct;
        t.lower = std::string_view(lower + i, cp.len);
        i += cp.len;
    }
    merge_number_words(toks, number_words, lower);
    if (offset == 0) return;
    for (std::size_t k = first; k < toks.size(); ++k) {
        toks[k].begin += offset;
        toks[k].end += offset;
    }
}

}  // namespace

char* token_list::reset(std::size_t size) {
    toks.clear();
    if (!lower_text || lower_capacity < size) {
        lower_text = std::make_unique_for_overwrite<char[]>(size);
        lower_capacity = size;
    }
    return lower_text.get();
}

void tokenize(std::string_view s, token_list& out) {
    char* lower = out.reset(s.size());
    lower_into(s, lower);
    out.toks.reserve(s.size() / 4 + 1);  // words average more than four bytes with their space
    tokenize_into(s, lower, 0, out.toks);
}

token_list tokenize(std::string_view s) {
    token_list out;
    tokenize(s, out);
    return out;
}

namespace {

// The ASCII white space the tokenizer skips (is_space also skips Unicode spaces).
bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A run of non-space bytes that is one word token no number merges with.
bool plain_word(std::string_view chunk) {
    if (chunk.empty() || !std::all_of(chunk.begin(), chunk.end(), ascii_alpha)) return false;
    return !equals_lower(chunk, "and") && !may_start_number_word(chunk);
}

// Where a plain word starts that, with the white space after it, lies in
// text[0, limit); the last such place, or 0.
std::size_t plain_word_before(std::string_view text, std::size_t limit) {
    std::size_t e = std::min(limit, text.size());
    while (e > 0) {
        while (e > 0 && !ascii_space(text[e - 1])) --e;  // to the start of the run e is in
        while (e > 0 && ascii_space(text[e - 1])) --e;   // back over the white space before it
        std::size_t b = e;
        while (b > 0 && !ascii_space(text[b - 1])) --b;
        if (e < limit && plain_word(text.substr(b, e - b))) return b;
        e = b;
    }
    return 0;
}

// Where a plain word ends that, with the white space before it, lies in
// text[from, size); the first such place, or the size of the text.
std::size_t plain_word_after(std::string_view text, std::size_t from) {
    std::size_t b = from;
    while (b < text.size()) {
        while (b < text.size() && !ascii_space(text[b])) ++b;  // to the end of the run b is in
        while (b < text.size() && ascii_space(text[b])) ++b;   // over the white space after it
        std::size_t e = b;
        while (e < text.size() && !ascii_space(text[e])) ++e;
        if (b > from && plain_word(text.substr(b, e - b))) return e;
        b = e;
    }
    return text.size();
}

}  // namespace

token_list tokenize_like(std::string_view text, std::string_view base, const token_list& base_list,
                         std::size_t prefix, std::size_t suffix) {
    prefix = std::min({prefix, text.size(), base.size()});
    suffix = std::min({suffix, text.size() - prefix, base.size() - prefix});
    std::vector<shared_span> shared;
    if (prefix > 0) shared.push_back({0, 0, prefix});
    if (suffix > 0) shared.push_back({text.size() - suffix, base.size() - suffix, suffix});
    return tokenize_like(text, base, base_list, shared);
}

token_list tokenize_like(std::string_view text, std::string_view base, const token_list& base_list,
                         const std::vector<shared_span>& shared) {
    token_list out;
    tokenize_like(text, base, base_list, shared, out);
    return out;
}

void tokenize_like(std::string_view text, std::string_view base, const token_list& base_list,
                   const std::vector<shared_span>& shared, token_list& out) {
    const std::vector<token>& base_toks = base_list.toks;
    char* lower = out.reset(text.size());
    const char* base_lower = base_list.lower_text.get();
    std::vector<token>& toks = out.toks;
    toks.reserve(base_toks.size() + text.size() / 8 + 1);
    std::size_t done = 0;  // text[0, done) has its tokens
    auto tokenize_to = [&](std::size_t end) {
        if (end <= done) return;
        const std::string_view piece = text.substr(done, end - done);
        lower_into(piece, lower + done);
        tokenize_into(piece, lower + done, done, toks);
        done = end;
    };
    for (const auto& sp : shared) {
        if (sp.size == 0 || sp.at < done || sp.at + sp.size > text.size() ||
            sp.base_at + sp.size > base.size())
            continue;
        const std::string_view part = text.substr(sp.at, sp.size);
        // Taken over: part[from, to), from the end of a plain word with white
        // space before and after it (or the start of both texts) to the start
        // of a later one (or the end of both texts).
        const bool at_start = sp.at == 0 && sp.base_at == 0;
        const bool at_end = sp.at + sp.size == text.size() && sp.base_at + sp.size == base.size();
        const std::size_t from = at_start ? 0 : plain_word_after(part, 0);
        const std::size_t to = at_end ? part.size() : plain_word_before(part, part.size());
        if (from >= to) continue;
        const std::size_t text_from = sp.at + from, text_to = sp.at + to;
        const std::size_t base_from = sp.base_at + from, base_to = sp.base_at + to;
        tokenize_to(text_from);
        // The lower-case bytes (merged numbers' spellings included) are the
        // base's; the tokens taken over point to the same bytes here.
        std::copy(base_lower + base_from, base_lower + base_to, lower + text_from);
        const auto first = std::lower_bound(base_toks.begin(), base_toks.end(), base_from,
                                            [](const token& t, std::size_t v) { return t.begin < v; });
        const auto last = std::lower_bound(first, base_toks.end(), base_to,
                                           [](const token& t, std::size_t v) { return t.begin < v; });
        const std::size_t from_tok = toks.size();
        toks.insert(toks.end(), first, last);
        for (std::size_t k = from_tok; k < toks.size(); ++k) {
            token& t = toks[k];
            t.begin = t.begin - base_from + text_from;
            t.end = t.end - base_from + text_from;
            t.lower = std::string_view(lower + (t.lower.data() - base_lower) - base_from + text_from,
                                       t.lower.size());
        }
        done = text_to;
    }
    tokenize_to(text.size());
}

namespace {

// A word as long as a keyword: "decision" .. "resolutions" (most words are not).
inline bool keyword_size(const token& t) { return t.lower.size() - 8 <= 3; }

bool is_keyword(const token& t, bool& decision) {
    const std::string_view w = t.lower;
    if (!keyword_size(t)) return false;
    if (w[0] == 'r' && (same_word(w, "resolution"sv) || same_word(w, "resolutions"sv))) {
        decision = false;
        return true;
    }
    if (w[0] == 'd' && (same_word(w, "decision"sv) || same_word(w, "decisions"sv))) {
        decision = true;
        return true;
    }
    return false;
}

bool numeric_first_part(std::string_view sym) {
    const auto slash = sym.find('/');
    return slash != std::string_view::npos && all_digits(sym.substr(0, slash));
}

// Text of a token in the original spelling.
std::string_view span(std::string_view text, const token& t) {
    return text.substr(t.begin, t.end - t.begin);
}

// Body that adopted a resolution named just before toks[k] (the keyword):
// returns the body prefix and moves `first` to its first token.
std::string body_before(const std::vector<token>& toks, std::size_t k, std::size_t& first) {
    auto word_at = [&](std::size_t back) -> std::string_view {
        return k >= back ? std::string_view(toks[k - back].lower) : std::string_view();
    };
    if (word_at(1) == "council"sv) {
        if (word_at(2) == "social"sv && word_at(3) == "and"sv && word_at(4) == "economic"sv) {
            first = k - 4;
            return "Economic and Social Council ";
        }
        if (word_at(2) == "security"sv) {
            first = k - 2;
            return "Security Council ";
        }
        if (word_at(2) == "rights"sv && word_at(3) == "human"sv) {
            first = k - 3;
            return "Human Rights Council ";
        }
        first = k - 1;
        return "Council ";
    }
    if (word_at(1) == "assembly"sv) {
        first = word_at(2) == "general"sv ? k - 2 : k - 1;
        return "";
    }
    if (word_at(1) == "its"sv) first = k - 1;
    return "";
}

// A resolution or decision number after its keyword: "70/1", "2025/18",
// "2231 (2015)", "217 A (III)". Returns the number of tokens used (0: none).
std::size_t read_number(const std::vector<token>& toks, std::string_view text, std::size_t k,
                        std::string& out) {
    if (k >= toks.size()) return 0;
    if (toks[k].kind == tok::symbol && numeric_first_part(toks[k].lower)) {
        out = std::string(span(text, toks[k]));
        return 1;
    }
    if (toks[k].kind == tok::number) {
        // Security Council: "2231 (2015)"; old Assembly style: "217 A (III)".
        std::size_t j = k + 1;
        std::string letter;
        if (j < toks.size() && toks[j].kind == tok::word && toks[j].lower.size() == 1 &&
            ascii_upper(text[toks[j].begin])) {
            letter = std::string(span(text, toks[j]));
            ++j;
        }
        if (j + 2 < toks.size() && toks[j].lower == "("sv && toks[j + 2].lower == ")"sv &&
            (toks[j + 1].kind == tok::number || toks[j + 1].kind == tok::word)) {
            out = std::string(span(text, toks[k]));
            if (!letter.empty()) out.append(" ").append(letter);
            out.append(" (").append(span(text, toks[j + 1])).append(")");
            return j + 3 - k;
        }
    }
    return 0;
}

// "of 19 December 2024" after a cited number: the adoption date belongs to the citation.
std::size_t adoption_date_after(const std::vector<token>& toks, std::size_t k) {
    if (k + 3 < toks.size() && toks[k].lower == "of"sv && is_day(toks[k + 1]) &&
        month_number(toks[k + 2].lower) != 0 && year_value(toks[k + 3]) >= 0)
        return 4;
    return 0;
}

}  // namespace

std::vector<citation_hit> find_citations(const std::vector<token>& toks, std::string_view text) {
    std::vector<citation_hit> hits;
    // Every hit holds a keyword or a symbol (which has a '/'): most paragraphs have neither.
    const bool may_cite =
        text.find('/') != std::string_view::npos || std::any_of(toks.begin(), toks.end(), [](const token& t) {
            bool decision = false;
            return keyword_size(t) && is_keyword(t, decision);
        });
    if (!may_cite) return hits;
    std::vector<char> used(toks.size(), 0);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        bool decision = false;
        if (!keyword_size(toks[i]) || !is_keyword(toks[i], decision)) continue;
        std::size_t first = i;
        const std::string body = body_before(toks, i, first);
        std::size_t k = i + 1;
        std::size_t start = first;
        bool any = false;
        while (k < toks.size()) {
            std::string number;
            const std::size_t n = read_number(toks, text, k, number);
            if (n == 0) break;
            std::string prefix = body;
            if (prefix.empty() && !decision && number.size() > 5 && all_digits(number.substr(0, 4)) &&
                number[4] == '/')
                prefix = "Economic and Social Council ";  // year/number: ECOSOC numbering
            else if (prefix.empty() && !decision && number.size() == 11 && number[4] == ' ' &&
                     number[5] == '(' && all_digits(number.substr(6, 4)))
                prefix = "Security Council ";  // "2231 (2015)": Security Council numbering
            citation_hit h;
            h.first = start;
            h.symbol = k;
            std::size_t last = k + n;
            last += adoption_date_after(toks, last);
            h.last = last;
            h.norm = prefix + (decision ? "decision " : "resolution ") + number;
            for (std::size_t u = h.first; u < h.last; ++u) used[u] = 1;
            hits.push_back(std::move(h));
            any = true;
            // A list: ", 57/238", "and 64/187", ", and 64/187".
            std::size_t next = last;
            if (next < toks.size() && toks[next].lower == ","sv) ++next;
            if (next < toks.size() && toks[next].lower == "and"sv) ++next;
            if (next == last) break;
            std::string probe;
            if (read_number(toks, text, next, probe) == 0) break;
            start = last;
            k = next;
        }
        if (any) i = hits.back().last - 1;
    }
    // Document symbols standing alone: "A/80/555", "E/2025/12", "A/RES/79/194".
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (used[i] != 0 || toks[i].kind != tok::symbol || numeric_first_part(toks[i].lower)) continue;
        const std::string sym(span(text, toks[i]));
        const auto slash = sym.find('/');
        bool letters = slash > 0;
        for (std::size_t c = 0; c < slash; ++c)
            if (!ascii_upper(sym[c])) letters = false;
        if (!letters) continue;
        citation_hit h;
        h.first = i;
        h.last = i + 1;
        h.symbol = i;
        if (sym.rfind("A/RES/", 0) == 0) {
            h.norm = "resolution " + sym.substr(6);
        } else if (sym.rfind("E/RES/", 0) == 0) {
            h.norm = "Economic and Social Council resolution " + sym.substr(6);
        } else if (sym.rfind("S/RES/", 0) == 0) {
            h.norm = "Security Council resolution " + sym.substr(6);
        } else {
            h.norm = sym;
        }
        hits.push_back(std::move(h));
    }
    std::sort(hits.begin(), hits.end(),
              [](const citation_hit& a, const citation_hit& b) { return a.first < b.first; });
    return hits;
}

}  // namespace resdiff::detail
