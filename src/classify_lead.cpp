// Leads: the strength scale of operative verbs and preambular openers
// (data/leads.tsv, argued in docs/clauses.md) and the qualifier list
// (data/qualifiers.tsv), both embedded at build time and read at compile time.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include "classify_tables.hpp"
#include "classify_text.hpp"
#include "embedded_data.hpp"
#include "resdiff/classify.hpp"

using namespace std::string_view_literals;

namespace resdiff {

namespace detail {

namespace {

// ---------------------------------------------------------------- compile-time reading
//
// The tables are read by constexpr functions: a malformed row stops the build
// with the message of the throw below, and the program reads nothing at run time.

constexpr std::size_t max_columns = 8;

struct row {
    std::array<std::string_view, max_columns> cols{};
    std::size_t count = 0;
};

// Calls f(row) for every data line: comments (#) and blank lines skipped.
template <class F>
constexpr void for_each_row(std::string_view data, F f) {
    std::size_t start = 0;
    while (start < data.size()) {
        std::size_t nl = data.find('\n', start);
        if (nl == std::string_view::npos) nl = data.size();
        std::string_view line = data.substr(start, nl - start);
        start = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        row r;
        while (true) {
            if (r.count == max_columns) throw std::logic_error("data table: too many columns");
            const std::size_t tab = line.find('\t');
            r.cols[r.count++] = line.substr(0, tab);
            if (tab == std::string_view::npos) break;
            line.remove_prefix(tab + 1);
        }
        f(r);
    }
}

constexpr std::size_t count_rows(std::string_view data) {
    std::size_t n = 0;
    for_each_row(data, [&n](const row&) { ++n; });
    return n;
}

constexpr bool lower_letter(char c) {
    return c >= 'a' && c <= 'z';
}

// A phrase split at its spaces. Only lower-case ASCII words with inner
// hyphens are accepted: tokenize() keeps such a word whole and lower-cases
// nothing, so these are its tokens (tests/unit/test_classify_tables.cpp
// checks every row against it).
constexpr phrase split_phrase(std::string_view text) {
    phrase p;
    p.text = text;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ') {
            const bool inner_hyphen = text[j] == '-' && j > i && j + 1 < text.size() &&
                                      lower_letter(text[j - 1]) && lower_letter(text[j + 1]);
            if (!lower_letter(text[j]) && !inner_hyphen)
                throw std::logic_error("data table: a phrase must be lower-case words");
            ++j;
        }
        if (p.count == phrase::max_words) throw std::logic_error("data table: a phrase has too many words");
        p.words[p.count++] = text.substr(i, j - i);
        i = j;
    }
    return p;
}

constexpr int parse_strength(std::string_view s) {
    if (s.empty() || s.size() > 6) throw std::logic_error("data/leads.tsv: bad strength");
    int v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') throw std::logic_error("data/leads.tsv: bad strength");
        v = v * 10 + (c - '0');
    }
    return v;
}

constexpr auto k_leads = [] {
    std::array<lead_entry, count_rows(data_leads_tsv)> table{};
    std::size_t n = 0;
    for_each_row(data_leads_tsv, [&](const row& r) {
        if (r.count < 4) throw std::logic_error("data/leads.tsv: a row has fewer than 4 columns");
        table[n++] = {r.cols[0], split_phrase(r.cols[1]), r.cols[2], parse_strength(r.cols[3])};
    });
    return table;
}();

// Phrase order in the qualifier table: by first word, then longest first, then file order.
constexpr bool qualifier_before(const qualifier_entry& a, const qualifier_entry& b) {
    const std::string_view fa = a.words.empty() ? std::string_view() : a.words.front();
    const std::string_view fb = b.words.empty() ? std::string_view() : b.words.front();
    if (fa != fb) return fa < fb;
    return a.words.size() > b.words.size();
}

constexpr auto k_qualifiers = [] {
    std::array<qualifier_entry, count_rows(data_qualifiers_tsv)> table{};
    std::size_t n = 0;
    for_each_row(data_qualifiers_tsv, [&](const row& r) {
        if (r.count < 3) throw std::logic_error("data/qualifiers.tsv: a row has fewer than 3 columns");
        const phrase words = split_phrase(r.cols[0]);
        if (words.empty()) throw std::logic_error("data/qualifiers.tsv: an empty phrase");
        table[n++] = {words, r.cols[1] == "soft"sv, r.cols[2] == "alone"sv};
    });
    // Insertion sort: stable, so file order decides among equals.
    for (std::size_t i = 1; i < table.size(); ++i) {
        for (std::size_t k = i; k > 0 && qualifier_before(table[k], table[k - 1]); --k) {
            const qualifier_entry t = table[k];
            table[k] = table[k - 1];
            table[k - 1] = t;
        }
    }
    return table;
}();

constexpr std::size_t k_longest_qualifier = [] {
    std::size_t m = 1;
    for (const auto& q : k_qualifiers) m = std::max(m, q.words.size());
    return m;
}();

// The qualifiers' first words in an open-addressing hash table built at
// compile time: a slot names the group of k_qualifiers starting with its word.
struct first_word_slot {
    std::string_view word;  // empty: a free slot
    std::uint8_t first = 0, count = 0;
};
constexpr std::size_t k_first_word_slots = 256;
static_assert(std::size(k_qualifiers) < k_first_word_slots / 2, "the hash table stays at most half full");

constexpr auto k_first_words = [] {
    std::array<first_word_slot, k_first_word_slots> slots{};
    for (std::size_t i = 0; i < k_qualifiers.size();) {
        const std::string_view w = k_qualifiers[i].words.front();
        std::size_t j = i;
        while (j < k_qualifiers.size() && k_qualifiers[j].words.front() == w) ++j;
        std::size_t s = word_hash(w) % k_first_word_slots;
        while (!slots[s].word.empty()) s = (s + 1) % k_first_word_slots;
        slots[s] = {w, static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(j - i)};
        i = j;
    }
    return slots;
}();

// Adds a qualifier word to a table of word_lengths (classify_tables.hpp).
constexpr void add_length(word_lengths& lengths, std::string_view w) {
    if (!lower_letter(w.front()) || w.size() >= 32)
        throw std::logic_error("data/qualifiers.tsv: a word must start with a letter and be short");
    lengths[static_cast<std::size_t>(w.front() - 'a')] |= std::uint32_t{1} << w.size();
}

constexpr word_lengths k_first_word_lengths = [] {
    word_lengths lengths{};
    for (const auto& q : k_qualifiers) add_length(lengths, q.words.front());
    return lengths;
}();

constexpr word_lengths k_word_lengths = [] {
    word_lengths lengths{};
    for (const auto& q : k_qualifiers)
        for (const std::string_view w : q.words) add_length(lengths, w);
    return lengths;
}();

}  // namespace

const word_lengths qualifier_first_word_lengths = k_first_word_lengths;
const word_lengths qualifier_word_lengths = k_word_lengths;

std::span<const lead_entry> lead_table() {
    return k_leads;
}

std::span<const qualifier_entry> qualifier_table() {
    return k_qualifiers;
}

std::span<const qualifier_entry> qualifiers_starting_with(std::string_view word) {
    if (!may_start_qualifier(word)) return {};
    for (std::size_t s = word_hash(word) % k_first_word_slots; !k_first_words[s].word.empty();
         s = (s + 1) % k_first_word_slots) {
        if (same_word(k_first_words[s].word, word))
            return std::span(k_qualifiers).subspan(k_first_words[s].first, k_first_words[s].count);
    }
    return {};
}

std::size_t longest_qualifier() {
    return k_longest_qualifier;
}

bool is_sequencing_word(std::string_view w) {
    return w == "also"sv || w == "further"sv || w == "furthermore"sv || w == "moreover"sv ||
           w == "additionally"sv;
}

std::vector<std::string> normalize_lead(std::string_view lead) {
    std::vector<std::string> out;
    const auto tokens = tokenize(lead);
    const auto& toks = tokens.toks;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const auto& w = toks[i].lower;
        if (toks[i].kind == tok::punct) continue;
        if (is_sequencing_word(w) || w == "its"sv || w == "their"sv) continue;
        if (w == "in"sv && i + 1 < toks.size() && toks[i + 1].lower == "addition"sv) {
            ++i;
            continue;
        }
        out.emplace_back(w);
    }
    return out;
}

}  // namespace detail

namespace {

// A lead read against the scale: the phrase found, its modifiers, its ladders.
struct lead_reading {
    std::vector<const detail::lead_entry*> entries;  // same phrase, one per ladder
    int bonus = 0;                                   // modifiers: strongly +5, (once) again +1
    std::vector<std::string> key;                    // modifiers + phrase, to tell "same verb"
};

bool starts_with(const std::vector<std::string>& words, std::size_t at, const detail::phrase& phrase) {
    if (phrase.empty() || words.size() - at < phrase.size()) return false;
    if (words[at].front() != phrase.front().front()) return false;  // most phrases: a quick no
    return std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at));
}

std::optional<lead_reading> read_lead(std::string_view lead) {
    const auto words = detail::normalize_lead(lead);
    lead_reading r;
    std::size_t at = 0;
    // Modifiers before the verb that the table does not spell out.
    while (at < words.size()) {
        if (words[at] == "once"sv && at + 1 < words.size() && words[at + 1] == "again"sv) {
            r.bonus += 1;
            r.key.push_back("once again");
            at += 2;
        } else if (words[at] == "again"sv) {
            r.bonus += 1;
            r.key.push_back("again");
            ++at;
        } else {
            break;
        }
    }
    // The entries of the longest phrase the words start with at `from`, in table order.
    auto longest = [&](std::size_t from) {
        std::size_t best = 0;
        r.entries.clear();
        for (const auto& e : detail::lead_table()) {
            if (e.words.size() < best || !starts_with(words, from, e.words)) continue;
            if (e.words.size() > best) r.entries.clear();
            best = e.words.size();
            r.entries.push_back(&e);
        }
        return best;
    };
    std::size_t len = longest(at);
    if (len == 0 && at < words.size() && words[at] == "strongly"sv) {
        r.bonus += 5;
        r.key.push_back("strongly");
        ++at;
        len = longest(at);
    }
    if (len == 0) return std::nullopt;
    r.key.insert(r.key.end(), words.begin() + static_cast<std::ptrdiff_t>(at),
                 words.begin() + static_cast<std::ptrdiff_t>(at + len));
    return r;
}

}  // namespace

int lead_strength(std::string_view lead) {
    const auto r = read_lead(lead);
    if (!r) return 0;
    return r->entries.front()->strength + r->bonus;
}

direction compare_leads(std::string_view old_lead, std::string_view new_lead) {
    if (old_lead == new_lead) return direction::none;  // what the rules below give for equal leads
    const auto a = read_lead(old_lead);
    const auto b = read_lead(new_lead);
    if (a && b) {
        if (a->key == b->key)
            return direction::none;  // same verb and modifiers; the rest is not the lead's force
        for (const auto* ea : a->entries) {
            for (const auto* eb : b->entries) {
                if (ea->ladder != eb->ladder) continue;
                const int sa = ea->strength + a->bonus;
                const int sb = eb->strength + b->bonus;
                if (sb > sa) return direction::strengthened;
                if (sb < sa) return direction::weakened;
                return direction::changed;
            }
        }
        return direction::changed;
    }
    return detail::normalize_lead(old_lead) == detail::normalize_lead(new_lead) ? direction::none
                                                                                : direction::changed;
}

}  // namespace resdiff
