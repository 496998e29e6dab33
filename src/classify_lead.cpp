// Leads: the strength scale of operative verbs and preambular openers
// (data/leads.tsv, argued in docs/clauses.md) and the qualifier list
// (data/qualifiers.tsv), both embedded at build time.
#include <algorithm>
#include <charconv>
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

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> cols;
    std::size_t start = 0;
    while (true) {
        const auto tab = line.find('\t', start);
        cols.emplace_back(
            line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return cols;
}

// Data lines of an embedded table: comments (#) and blank lines skipped.
// The fields point into the embedded data.
std::vector<std::vector<std::string_view>> rows(std::string_view data) {
    std::vector<std::vector<std::string_view>> out;
    std::size_t start = 0;
    while (start < data.size()) {
        auto nl = data.find('\n', start);
        if (nl == std::string_view::npos) nl = data.size();
        std::string_view line = data.substr(start, nl - start);
        start = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        out.push_back(split_tabs(line));
    }
    return out;
}

std::vector<std::string> words_of(std::string_view phrase) {
    std::vector<std::string> words;
    for (const auto& t : tokenize(phrase)) words.push_back(t.lower);
    return words;
}

std::vector<lead_entry> load_leads() {
    std::vector<lead_entry> table;
    for (const auto& cols : rows(data_leads_tsv)) {
        if (cols.size() < 4) throw std::logic_error("data/leads.tsv: a row has fewer than 4 columns");
        lead_entry e;
        e.part = std::string(cols[0]);
        e.words = words_of(cols[1]);
        e.ladder = std::string(cols[2]);
        const auto r = std::from_chars(cols[3].data(), cols[3].data() + cols[3].size(), e.strength);
        if (r.ec != std::errc())
            throw std::logic_error("data/leads.tsv: bad strength for " + std::string(cols[1]));
        table.push_back(std::move(e));
    }
    return table;
}

std::vector<qualifier_entry> load_qualifiers() {
    std::vector<qualifier_entry> table;
    for (const auto& cols : rows(data_qualifiers_tsv)) {
        if (cols.size() < 3) throw std::logic_error("data/qualifiers.tsv: a row has fewer than 3 columns");
        qualifier_entry e;
        e.words = words_of(cols[0]);
        e.soft = cols[1] == "soft"sv;
        e.alone = cols[2] == "alone"sv;
        table.push_back(std::move(e));
    }
    // Longest phrases first, so "on a voluntary basis" wins over "voluntary".
    std::stable_sort(table.begin(), table.end(), [](const qualifier_entry& a, const qualifier_entry& b) {
        return a.words.size() > b.words.size();
    });
    return table;
}

}  // namespace

const std::vector<lead_entry>& lead_table() {
    static const std::vector<lead_entry> table = load_leads();
    return table;
}

const std::vector<qualifier_entry>& qualifier_table() {
    static const std::vector<qualifier_entry> table = load_qualifiers();
    return table;
}

bool is_sequencing_word(std::string_view w) {
    return w == "also"sv || w == "further"sv || w == "furthermore"sv || w == "moreover"sv ||
           w == "additionally"sv;
}

std::vector<std::string> normalize_lead(std::string_view lead) {
    std::vector<std::string> out;
    const auto toks = tokenize(lead);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const auto& w = toks[i].lower;
        if (toks[i].kind == tok::punct) continue;
        if (is_sequencing_word(w) || w == "its"sv || w == "their"sv) continue;
        if (w == "in"sv && i + 1 < toks.size() && toks[i + 1].lower == "addition"sv) {
            ++i;
            continue;
        }
        out.push_back(w);
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

bool starts_with(const std::vector<std::string>& words, std::size_t at,
                 const std::vector<std::string>& phrase) {
    if (phrase.empty() || words.size() - at < phrase.size()) return false;
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
    const auto& table = detail::lead_table();
    auto longest = [&](std::size_t from) {
        std::size_t best = 0;
        for (const auto& e : table)
            if (starts_with(words, from, e.words)) best = std::max(best, e.words.size());
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
    for (const auto& e : table)
        if (e.words.size() == len && starts_with(words, at, e.words)) r.entries.push_back(&e);
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
