// Stage 5, classify: what kind of change each edit is (docs/clauses.md).
//
// The word ops of a unit are re-read as semantic tokens (classify_text.hpp):
// runs of adjacent delete/insert ops become edits (runs that touch the same
// token, such as "79" -> "80" and "194" -> "118" inside "79/194", are one
// edit); inside an edit a token-level LCS splits the change into chunks, and
// each chunk is explained by the rules below or left substantive.
#include "resdiff/classify.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "classify_tables.hpp"
#include "classify_text.hpp"
#include "paragraph_index.hpp"
#include "classify_internal.hpp"
#include "parallel.hpp"

using namespace std::string_view_literals;

namespace resdiff {

namespace {

using detail::citation_hit;
using detail::tok;
using detail::token;

// How far the new version stands from the old one.
struct roll_context {
    long session_delta = 1;
    long year_delta = 1;
    // Lower-case symbols a list of earlier resolutions may gain.
    std::set<std::string, std::less<>> predecessors;
    // Collects old symbols of routine symbol roll-overs.
    std::set<std::string, std::less<>>* rolled = nullptr;
};

long last_year(std::string_view s) {
    long year = -1;
    const auto tokens = detail::tokenize(s);
    for (const auto& t : tokens.toks)
        if (detail::year_value(t) >= 0) year = t.value;
    return year;
}

long doc_year(const document& d) {
    const long y = last_year(d.meta.adoption_date);
    return y >= 0 ? y : last_year(d.meta.distribution_date);
}

// "A/RES/79/194" -> "79/194"
std::string own_number(const document& d) {
    const std::string& s = d.meta.symbol;
    if (s.rfind("A/RES/", 0) == 0) {
        std::string n = s.substr(6);
        for (auto& c : n) c = detail::ascii_lower(c);
        return n;
    }
    return {};
}

roll_context make_context(const document& old_doc, const document& new_doc) {
    roll_context ctx;
    const long y0 = doc_year(old_doc);
    const long y1 = doc_year(new_doc);
    const bool years = y0 > 0 && y1 > 0;
    const bool sessions = old_doc.meta.session > 0 && new_doc.meta.session > 0;
    if (sessions) ctx.session_delta = new_doc.meta.session - old_doc.meta.session;
    if (years) ctx.year_delta = y1 - y0;
    if (sessions && !years) ctx.year_delta = ctx.session_delta;
    if (years && !sessions) ctx.session_delta = ctx.year_delta;
    if (auto n = own_number(old_doc); !n.empty()) ctx.predecessors.insert(n);
    return ctx;
}

// A text without a '/' (every symbol token has one) and without the keywords
// resolution(s) or decision(s) in any letter case cites nothing: no need to
// tokenize it.
bool may_cite(std::string_view text) {
    if (text.find('/') != std::string_view::npos) return true;
    std::string lower(text.size(), '\0');
    detail::lower_into(text, lower.data());
    return lower.find("resolution"sv) != std::string::npos || lower.find("decision"sv) != std::string::npos;
}

// One side (old or new) of a unit's text, as tokens (toks, and lower_text
// their lower views point into).
struct side : detail::token_list {
    std::string text;
    std::size_t lead_end = 0;  // byte end of the lead phrase; 0: no lead
    std::vector<int> cite_of;  // per token: index into cites, -1 when none
    std::vector<citation_hit> cites;

    // Finds the citations of the tokens read.
    void index() {
        cites = detail::find_citations(toks, text);
        cite_of.assign(toks.size(), -1);
        for (std::size_t c = 0; c < cites.size(); ++c)
            for (std::size_t k = cites[c].first; k < cites[c].last && k < toks.size(); ++k)
                cite_of[k] = static_cast<int>(c);
    }
    bool in_lead(std::size_t k) const { return lead_end > 0 && toks[k].end <= lead_end; }
};

// Token index range [first, last) touched by the byte range [a, b).
std::pair<std::size_t, std::size_t> token_range(const side& s, std::size_t a, std::size_t b) {
    const auto& t = s.toks;
    auto lo =
        std::lower_bound(t.begin(), t.end(), a, [](const token& x, std::size_t v) { return x.end <= v; });
    std::size_t first = static_cast<std::size_t>(lo - t.begin());
    if (a == b) {
        // An insertion point: inside a token it touches that token, else nothing.
        if (first < t.size() && t[first].begin < a && a < t[first].end) return {first, first + 1};
        return {first, first};
    }
    std::size_t last = first;
    while (last < t.size() && t[last].begin < b) ++last;
    return {first, last};
}

struct run {
    std::size_t op_first = 0;  // ops [op_first, op_last)
    std::size_t op_last = 0;
    std::size_t o0 = 0, o1 = 0;  // old token range
    std::size_t n0 = 0, n1 = 0;  // new token range
};

bool overlaps(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
    return a0 < a1 && b0 < b1 && a0 < b1 && b0 < a1;
}

bool ignorable(const token& t) {
    static constexpr std::string_view words[] = {"the", "a",    "an",   "of",    "and",  "to",    "in",
                                                  "for", "on",   "by",   "with",  "its",  "their", "as",
                                                  "at",  "from", "that", "which", "this", "these", "those"};
    if (t.kind == tok::punct) return true;
    constexpr std::size_t longest = 5;  // "which", "these", "those", "their"
    if (t.lower.size() > longest) return false;
    return std::any_of(std::begin(words), std::end(words),
                       [&](std::string_view w) { return detail::same_word(w, t.lower); });
}

// A chunk of an edit: old tokens [o0, o1) replaced by new tokens [n0, n1).
struct chunk {
    std::size_t o0, o1, n0, n1;
};

// Token-level LCS of old [o0, o1) and new [n0, n1); the unmatched stretches.
std::vector<chunk> chunks_of(const side& o, const side& n, const run& g) {
    const std::size_t a = g.o1 - g.o0;
    const std::size_t b = g.n1 - g.n0;
    if (a == 0 || b == 0 || a * b > 4'000'000) return {{g.o0, g.o1, g.n0, g.n1}};
    auto old_word = [&](std::size_t i) { return o.toks[g.o0 + i].lower; };
    auto new_word = [&](std::size_t j) { return n.toks[g.n0 + j].lower; };
    // The walk below takes an equal pair first, so a common start matches
    // token by token: the table covers only what follows it (from p on).
    std::size_t p = 0;
    while (p < a && p < b && detail::same_word(old_word(p), new_word(p))) ++p;
    // Hashes of the words after it: most pairs differ in them, a cheap test.
    std::vector<std::uint32_t> old_hash(a - p), new_hash(b - p);
    for (std::size_t i = p; i < a; ++i) old_hash[i - p] = detail::word_hash(old_word(i));
    for (std::size_t j = p; j < b; ++j) new_hash[j - p] = detail::word_hash(new_word(j));
    auto same = [&](std::size_t i, std::size_t j) {
        return old_hash[i - p] == new_hash[j - p] && detail::same_word(old_word(i), new_word(j));
    };
    const std::size_t width = b - p + 1;
    // Every cell is written before it is read but the last row and column (0).
    const auto dp = std::make_unique_for_overwrite<std::uint32_t[]>((a - p + 1) * width);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return dp[(i - p) * width + (j - p)]; };
    for (std::size_t i = p; i <= a; ++i) at(i, b) = 0;
    for (std::size_t j = p; j <= b; ++j) at(a, j) = 0;
    // Row by row from the end: row[c] is at(i, p + c), below[c] at(i + 1, p + c).
    for (std::size_t i = a; i-- > p;) {
        std::uint32_t* const row = &at(i, p);
        const std::uint32_t* const below = row + width;
        const std::uint32_t h = old_hash[i - p];
        for (std::size_t c = b - p; c-- > 0;) {
            row[c] = h == new_hash[c] && old_word(i) == new_word(p + c) ? below[c + 1] + 1
                                                                        : std::max(below[c], row[c + 1]);
        }
    }
    std::vector<chunk> out;
    std::size_t i = 0, j = 0, ci = 0, cj = 0;
    auto flush = [&] {
        if (ci < i || cj < j) out.push_back({g.o0 + ci, g.o0 + i, g.n0 + cj, g.n0 + j});
    };
    while (i < a && j < b) {
        if (i < p || same(i, j)) {
            flush();
            ++i;
            ++j;
            ci = i;
            cj = j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
    i = a;
    j = b;
    flush();
    // A rewrite matched only on a stray "the" or "," is one change, not many:
    // chunks apart by at most two function words or marks are merged.
    std::vector<chunk> merged;
    for (const auto& c : out) {
        if (!merged.empty()) {
            auto& m = merged.back();
            const std::size_t gap = c.o0 - m.o1;  // equal tokens between them (same on both sides)
            bool thin = gap <= 2;
            for (std::size_t k = m.o1; k < c.o0 && thin; ++k) thin = ignorable(o.toks[k]);
            if (thin) {
                m.o1 = c.o1;
                m.n1 = c.n1;
                continue;
            }
        }
        merged.push_back(c);
    }
    return merged;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), detail::ascii_digit);
}

// "a/80/62-e/2025/12" -> {{a, 80, 62}, {e, 2025, 12}}
std::vector<std::vector<std::string>> symbol_segments(std::string_view s) {
    std::vector<std::vector<std::string>> segs(1);
    std::string cur;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '/' || c == '(' || c == ')') {
            if (c == '(' || cur.empty()) {
                if (!cur.empty()) segs.back().push_back(cur);
                cur.clear();
                continue;
            }
            segs.back().push_back(cur);
            cur.clear();
        } else if (c == '-' && i > 0 && detail::ascii_digit(s[i - 1]) && i + 1 < s.size() &&
                   detail::ascii_alpha(s[i + 1])) {
            segs.back().push_back(cur);
            cur.clear();
            segs.emplace_back();
        } else {
            cur += c;
        }
    }
    segs.back().push_back(cur);
    return segs;
}

// A symbol rolled forward: same series, the session (or year) part advanced by
// the versions' distance; the document number after it may differ.
bool symbol_rolled(std::string_view a, std::string_view b, const roll_context& ctx) {
    const auto sa = symbol_segments(a);
    const auto sb = symbol_segments(b);
    if (sa.size() != sb.size()) return false;
    bool any_advanced = false;
    for (std::size_t s = 0; s < sa.size(); ++s) {
        if (sa[s].size() != sb[s].size()) return false;
        bool slot_seen = false;
        bool advanced = false;
        for (std::size_t k = 0; k < sa[s].size(); ++k) {
            const auto& pa = sa[s][k];
            const auto& pb = sb[s][k];
            if (!slot_seen && all_digits(pa) && all_digits(pb)) {
                slot_seen = true;
                // A session or year is followed by the document number ("79/194",
                // "A/79/434"); a last numeric part ("RES/15") is a number, not a session.
                if (k + 1 == sa[s].size()) {
                    if (pa != pb) return false;
                    continue;
                }
                if (pa == pb) continue;
                if (pa.size() > 6 || pb.size() > 6) return false;
                const long diff = std::stol(pb) - std::stol(pa);
                const long expected = pa.size() == 4 ? ctx.year_delta : ctx.session_delta;
                if (diff <= 0 || diff != expected) return false;
                advanced = true;
            } else if (!advanced && pa != pb) {
                return false;
            }
        }
        any_advanced = any_advanced || advanced;
    }
    return any_advanced;
}

bool is_event_noun(std::string_view w) {
    static const std::set<std::string_view> nouns{
        "session",     "sessions", "meeting", "meetings",    "forum", "forums", "annual",
        "anniversary", "plenary",  "edition", "ministerial", "round", "cycle"};
    return nouns.count(w) != 0;
}

// An ordinal of a recurring event: "eightieth session", "tenth annual ... forum".
bool event_after(const side& s, std::size_t i) {
    for (std::size_t k = i + 1, words = 0; k < s.toks.size() && words < 3; ++k) {
        if (s.toks[k].kind == tok::punct) continue;
        if (is_event_noun(s.toks[k].lower)) return true;
        ++words;
    }
    return false;
}

bool is_day_or_month(const token& t) {
    return detail::month_number(t.lower) != 0 || (t.kind == tok::number && t.value >= 1 && t.value <= 31);
}

// One old token and one new token that differ: a roll-forward?
bool pair_routine(const side& o, std::size_t i, const side& n, std::size_t j, const roll_context& ctx) {
    const token& a = o.toks[i];
    const token& b = n.toks[j];
    if (a.lower == b.lower) return true;
    if (a.kind == tok::ordinal && b.kind == tok::ordinal && a.value >= 0 && b.value >= 0) {
        const long diff = b.value - a.value;
        return diff > 0 && (diff == ctx.session_delta || diff == ctx.year_delta) && event_after(o, i) &&
               event_after(n, j);
    }
    const long ya = detail::year_value(a);
    const long yb = detail::year_value(b);
    if (ya >= 0 && yb >= 0) return ctx.year_delta > 0 && yb - ya == ctx.year_delta;
    if (is_day_or_month(a) && is_day_or_month(b)) {
        const long da = detail::date_year(o.toks, i);
        const long db = detail::date_year(n.toks, j);
        return da >= 0 && db >= 0 && ctx.year_delta > 0 && db - da == ctx.year_delta;
    }
    if (a.kind == tok::symbol && b.kind == tok::symbol && symbol_rolled(a.lower, b.lower, ctx)) {
        if (ctx.rolled != nullptr) ctx.rolled->emplace(a.lower);
        return true;
    }
    return false;
}

// The year of the date a token stands in (day, month, year or connector).
long year_in_date(const side& s, std::size_t i) {
    const long y = detail::year_value(s.toks[i]);
    if (y >= 0) return y;
    const long d = detail::date_year(s.toks, i);
    if (d >= 0) return d;
    return i + 1 < s.toks.size() ? detail::date_year(s.toks, i + 1) : -1;
}

// A date reshaped inside a rolled year: "11 and 12 December 2024" -> "4 December 2025".
bool date_reshaped(const side& o, const chunk& c, const side& n, const roll_context& ctx) {
    if (c.o0 == c.o1 || c.n0 == c.n1 || ctx.year_delta <= 0) return false;
    long yo = -1, yn = -1;
    for (std::size_t i = c.o0; i < c.o1; ++i) {
        if (!detail::in_date(o.toks, i)) return false;
        if (yo < 0) yo = year_in_date(o, i);
    }
    for (std::size_t j = c.n0; j < c.n1; ++j) {
        if (!detail::in_date(n.toks, j)) return false;
        if (yn < 0) yn = year_in_date(n, j);
    }
    return yo >= 0 && yn >= 0 && yn - yo == ctx.year_delta;
}

// The letters, digits and non-ASCII bytes of tokens [from, to) in order,
// without the hyphens U+2010, U+2011 and the en dash U+2013: read one byte at
// a time, so two spellings are compared without building either.
class letter_stream {
public:
    letter_stream(const side& s, std::size_t from, std::size_t to) : s_(s), k_(from), to_(to) {}

    // The next byte, or -1 at the end.
    int next() {
        while (true) {
            while (count_ < 3) {
                const int c = next_kept();
                if (c < 0) break;
                ahead_[count_++] = static_cast<unsigned char>(c);
            }
            if (count_ == 0) return -1;
            if (count_ == 3 && ahead_[0] == 0xE2 && ahead_[1] == 0x80 &&
                (ahead_[2] == 0x90 || ahead_[2] == 0x91 || ahead_[2] == 0x93)) {
                count_ = 0;  // a hyphen or the en dash
                continue;
            }
            const int c = ahead_[0];
            ahead_[0] = ahead_[1];
            ahead_[1] = ahead_[2];
            --count_;
            return c;
        }
    }

private:
    // The next letter, digit or non-ASCII byte of the tokens, or -1.
    int next_kept() {
        while (k_ < to_) {
            const std::string_view w = s_.toks[k_].lower;
            while (pos_ < w.size()) {
                const char c = w[pos_++];
                if (detail::ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80)
                    return static_cast<unsigned char>(c);
            }
            ++k_;
            pos_ = 0;
        }
        return -1;
    }

    const side& s_;
    std::size_t k_, to_, pos_ = 0;
    std::array<unsigned char, 3> ahead_{};  // bytes read ahead: ahead_[0, count_)
    std::size_t count_ = 0;
};

// Tokens [o0, o1) of o and [n0, n1) of n spell the same letters and digits.
bool same_letters(const side& o, std::size_t o0, std::size_t o1, const side& n, std::size_t n0,
                  std::size_t n1) {
    letter_stream a(o, o0, o1), b(n, n0, n1);
    while (true) {
        const int x = a.next();
        if (x != b.next()) return false;
        if (x < 0) return true;
    }
}

// The same date written another way: "22 and 23 September" -> "22-23 September".
// A range and a list of two days are the same only for consecutive days.
bool date_respelled(const side& o, const chunk& c, const side& n) {
    struct day {
        std::string_view text;
        long value;
        int joined_by;  // 0 none, 1 list ("and", ","), 2 range ("to", "-", en dash)
    };
    auto days = [](const side& s, std::size_t from, std::size_t to, std::vector<day>& out) {
        int joiner = 0;
        for (std::size_t k = from; k < to; ++k) {
            if (!detail::in_date(s.toks, k)) return false;
            const auto& w = s.toks[k].lower;
            if (w == "and"sv || w == ","sv) {
                joiner = 1;
            } else if (w == "to"sv || w == "-"sv || w == "\xE2\x80\x93"sv) {
                joiner = 2;
            } else {
                out.push_back({w, s.toks[k].value, joiner});
                joiner = 0;
            }
        }
        return true;
    };
    if (c.o0 >= c.o1 || c.n0 >= c.n1) return false;
    // The unchanged days around the chunk belong to the comparison: "19 [and] 23" vs "19 [-] 23".
    auto is_day_at = [](const side& s, std::size_t k) {
        return k < s.toks.size() && s.toks[k].kind == tok::number && s.toks[k].value >= 1 &&
               s.toks[k].value <= 31 && detail::in_date(s.toks, k);
    };
    const bool left = c.o0 > 0 && c.n0 > 0 && is_day_at(o, c.o0 - 1) && is_day_at(n, c.n0 - 1);
    const bool right = is_day_at(o, c.o1) && is_day_at(n, c.n1);
    const std::size_t o0 = c.o0 - (left ? 1 : 0), n0 = c.n0 - (left ? 1 : 0);
    const std::size_t o1 = c.o1 + (right ? 1 : 0), n1 = c.n1 + (right ? 1 : 0);
    std::vector<day> a, b;
    if (!days(o, o0, o1, a) || !days(n, n0, n1, b)) return false;
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k].text != b[k].text) return false;
        if (k > 0 && a[k].joined_by != b[k].joined_by && a[k].value != a[k - 1].value + 1) return false;
    }
    return true;
}

bool chunk_routine(const side& o, const chunk& c, const side& n, const roll_context& ctx) {
    const std::size_t lo = c.o1 - c.o0;
    const std::size_t ln = c.n1 - c.n0;
    if (date_respelled(o, c, n)) return true;
    // Spacing and hyphenation variants ("capacity-development", "see king").
    if (lo > 0 && ln > 0 && same_letters(o, c.o0, c.o1, n, c.n0, c.n1)) return true;
    // A hyphen alone added or dropped between words ("capacity- development").
    auto hyphens = [](const side& s, std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k) {
            const auto& w = s.toks[k].lower;
            if (w != "-"sv && w != "\xE2\x80\x90"sv && w != "\xE2\x80\x91"sv) return false;
        }
        return true;
    };
    if (lo + ln > 0 && hyphens(o, c.o0, c.o1) && hyphens(n, c.n0, c.n1)) return true;
    // Sequencing words inside a lead ("Recalling also" -> "Recalling further").
    bool sequencing = lo + ln > 0;
    auto seq_token = [](const side& s, std::size_t k) {
        const auto& w = s.toks[k].lower;
        return s.in_lead(k) && (detail::is_sequencing_word(w) || w == "in"sv || w == "addition"sv);
    };
    for (std::size_t k = c.o0; k < c.o1 && sequencing; ++k) sequencing = seq_token(o, k);
    for (std::size_t k = c.n0; k < c.n1 && sequencing; ++k) sequencing = seq_token(n, k);
    if (sequencing) return true;
    if (lo == ln && lo > 0) {
        bool all = true;
        for (std::size_t k = 0; k < lo && all; ++k) all = pair_routine(o, c.o0 + k, n, c.n0 + k, ctx);
        if (all) return true;
    }
    return date_reshaped(o, c, n, ctx);
}

bool is_connector(const token& t) {
    return t.lower == ","sv || t.lower == "and"sv || t.lower == ";"sv;
}

bool connectors_only(const side& o, const side& n, const std::vector<chunk>& chunks) {
    for (const auto& c : chunks) {
        for (std::size_t k = c.o0; k < c.o1; ++k)
            if (!is_connector(o.toks[k])) return false;
        for (std::size_t k = c.n0; k < c.n1; ++k)
            if (!is_connector(n.toks[k])) return false;
    }
    return !chunks.empty();
}

// The classes of an edit as bits (1 << class), listed in the enum's order.
using class_bits = std::uint8_t;

constexpr class_bits bit(change_class c) { return static_cast<class_bits>(1u << static_cast<unsigned>(c)); }

constexpr class_bits k_routine = bit(change_class::routine);

struct chunk_result {
    class_bits classes = 0;
    int qualifier_score = 0;  // > 0 hardened, < 0 softened
    bool qualifier = false;
};

enum cover : std::uint8_t { none = 0, by_lead = 1, by_citation = 2, by_qualifier = 4, by_alone = 8 };

// A qualifier phrase found on one side, touching a chunk.
struct qualifier_hit {
    std::size_t first = 0, last = 0;  // tokens
    bool soft = true;
    bool alone = false;
    bool inside = false;  // wholly inside the chunk
};

// Qualifier occurrences on one side that touch the chunk's tokens [c0, c1).
// A token is checked only against the phrases it can start (longest first).
std::vector<qualifier_hit> find_qualifiers(const side& s, std::size_t c0, std::size_t c1) {
    std::vector<qualifier_hit> hits;
    if (c0 >= c1) return hits;
    const std::size_t longest = detail::longest_qualifier();
    const std::size_t from = c0 >= longest ? c0 - longest + 1 : 0;
    // Hits are found in order of their first token, so the chunk's tokens
    // covered already are all before the end of the last hit's: a phrase is
    // free when its first token in the chunk comes at or after that.
    std::size_t taken_end = c0;
    for (std::size_t p = from; p < c1; ++p) {
        if (p >= s.toks.size()) break;
        if (!detail::may_start_qualifier(s.toks[p].lower)) continue;
        for (const auto& q : detail::qualifiers_starting_with(s.toks[p].lower)) {  // longest phrases first
            const std::size_t len = q.words.size();
            if (p + len > s.toks.size()) continue;
            bool match = true;
            for (std::size_t k = 1; k < len && match; ++k)  // the first word is the group's
                match = detail::same_word(s.toks[p + k].lower, q.words[k]);
            if (!match) continue;
            // The phrase's tokens in the chunk: none (it does not touch it), or free.
            const std::size_t in_first = std::max(p, c0), in_last = std::min(p + len, c1);
            if (in_first >= in_last || in_first < taken_end) continue;
            taken_end = in_last;
            hits.push_back({p, p + len, q.soft, q.alone, p >= c0 && p + len <= c1});
            break;
        }
    }
    return hits;
}

// Marks the counted qualifier hits of one side and scores them: a hedge added
// softens (-1), removed hardens (+1); the opposite for hardeners. A hit only
// partly inside the chunk counts when the other side has one too: a swap of
// one qualifier for another ("as" -> "where" in "as appropriate"), never a
// stray word that completes a phrase ("as [a] priority theme").
void cover_qualifiers(const std::vector<qualifier_hit>& hits, bool other_side_has, std::size_t c0, bool added,
                      std::vector<std::uint8_t>& cov, int& score_any, int& score_alone) {
    for (const auto& h : hits) {
        if (!h.inside && !other_side_has) continue;
        for (std::size_t k = h.first; k < h.last; ++k)
            if (k >= c0 && k - c0 < cov.size()) cov[k - c0] |= h.alone ? by_alone : by_qualifier;
        const int sign = (h.soft ? -1 : 1) * (added ? 1 : -1);
        (h.alone ? score_alone : score_any) += sign;
    }
}

chunk_result classify_chunk(const side& o, const chunk& c, const side& n, bool lead_changed) {
    chunk_result r;
    std::vector<std::uint8_t> cov_o(c.o1 - c.o0, none), cov_n(c.n1 - c.n0, none);
    auto cover_side = [&](const side& s, std::size_t c0, std::size_t c1, std::vector<std::uint8_t>& cov) {
        for (std::size_t k = c0; k < c1; ++k) {
            if (lead_changed && s.in_lead(k)) cov[k - c0] |= by_lead;
            if (s.cite_of[k] >= 0) cov[k - c0] |= by_citation;
        }
    };
    cover_side(o, c.o0, c.o1, cov_o);
    cover_side(n, c.n0, c.n1, cov_n);
    // A word outside the lead and the citations, no function word and in no
    // qualifier phrase leaves its side uncovered whatever qualifiers are
    // found there. When both sides have one (or no tokens), no qualifier can
    // count (a side's count only when it is covered), so none is looked for.
    auto surely_uncovered = [](const side& s, std::size_t c0, const std::vector<std::uint8_t>& cov) {
        if (cov.empty()) return true;
        for (std::size_t k = 0; k < cov.size(); ++k) {
            const token& t = s.toks[c0 + k];
            if (cov[k] == none && !ignorable(t) && !detail::may_be_qualifier_word(t.lower)) return true;
        }
        return false;
    };
    const bool look = !surely_uncovered(o, c.o0, cov_o) || !surely_uncovered(n, c.n0, cov_n);
    const auto q_old = look ? find_qualifiers(o, c.o0, c.o1) : std::vector<qualifier_hit>{};
    const auto q_new = look ? find_qualifiers(n, c.n0, c.n1) : std::vector<qualifier_hit>{};
    struct side_tally {
        int score_any = 0, score_alone = 0;
        bool lead = false, citation = false, qualifier = false, alone = false, uncovered = false;
    };
    side_tally to, tn;
    cover_qualifiers(q_old, !q_new.empty(), c.o0, false, cov_o, to.score_any, to.score_alone);
    cover_qualifiers(q_new, !q_old.empty(), c.n0, true, cov_n, tn.score_any, tn.score_alone);
    auto tally = [](const side& s, std::size_t c0, const std::vector<std::uint8_t>& cov, side_tally& t) {
        for (std::size_t k = 0; k < cov.size(); ++k) {
            const auto v = cov[k];
            if (v & by_lead) t.lead = true;
            if (v & by_citation) t.citation = true;
            if (v & by_qualifier) t.qualifier = true;
            if (v & (by_lead | by_citation | by_qualifier)) continue;
            if (v & by_alone) {
                t.alone = true;
                continue;
            }
            if (!t.uncovered && !ignorable(s.toks[c0 + k])) t.uncovered = true;  // one is enough
        }
        // Frequent words ("all", "may") count as qualifiers only when they are
        // all that changed on this side, besides function words.
        if (t.alone && (t.uncovered || t.lead || t.citation))
            t.uncovered = true;
        else if (t.alone)
            t.qualifier = true;
        else
            t.score_alone = 0;
    };
    tally(o, c.o0, cov_o, to);
    tally(n, c.n0, cov_n, tn);
    // Each side is judged on its own: a hedge deleted next to new wording is
    // still a hedge deleted ("[-, as appropriate-] {+and affordable devices+}"),
    // but a hedge inside a new passage is part of that passage.
    const bool lead = to.lead || tn.lead;
    const bool citation = to.citation || tn.citation;
    bool uncovered = to.uncovered || tn.uncovered;
    const bool qual_o = to.qualifier && !to.uncovered;
    const bool qual_n = tn.qualifier && !tn.uncovered;
    if (!lead && !citation && !qual_o && !qual_n) uncovered = true;  // nothing explained
    if (lead) r.classes |= bit(change_class::lead);
    if (citation) r.classes |= bit(change_class::citation);
    if (uncovered) r.classes |= bit(change_class::substantive);
    if (qual_o || qual_n) {
        r.classes |= bit(change_class::qualifier);
        r.qualifier = true;
        if (qual_o) r.qualifier_score += to.score_any + to.score_alone;
        if (qual_n) r.qualifier_score += tn.score_any + tn.score_alone;
    }
    return r;
}

direction qualifier_direction(int score) {
    return score > 0 ? direction::hardened : score < 0 ? direction::softened : direction::changed;
}

// Where the lead phrase ends in a unit's text; 0 when it is not at the start.
std::size_t lead_end_in(const std::string& text, const std::string& lead) {
    if (lead.empty() || text.size() < lead.size()) return 0;
    for (std::size_t k = 0; k < lead.size(); ++k) {
        if (detail::ascii_lower(text[k]) != detail::ascii_lower(lead[k])) return 0;
    }
    return lead.size();
}

struct unit_result {
    class_bits classes = 0;
    direction qualifier_dir = direction::none;
};

// The classes of bits, in the enum's order.
std::vector<change_class> classes_of(class_bits bits) {
    std::array<change_class, 8> found{};
    std::size_t count = 0;
    for (unsigned c = 0; c < 8; ++c)
        if (bits & (1u << c)) found[count++] = static_cast<change_class>(c);
    return {found.begin(), found.begin() + static_cast<std::ptrdiff_t>(count)};
}

bool has_changes(const std::vector<word_op>& ops) {
    return std::any_of(ops.begin(), ops.end(), [](const word_op& op) { return op.op != op_kind::equal; });
}

// The ops of one unit (or footnote) read as tokens and split into edits and
// chunks: the work both passes of classify() share, done once.
struct op_span {  // an op's bytes on either side
    std::size_t o_begin, o_end, n_begin, n_end;
};

struct prepared_ops {
    side o, n;
    bool lead_changed = false;
    bool spacing_only = false;              // some run changed white space only (rule 6)
    std::vector<run> runs;                  // the edits
    std::vector<std::vector<chunk>> chunks;  // per edit
    std::vector<op_span> spans;             // per op
    std::vector<detail::shared_span> shared;  // equal ops, as tokenize_like takes them
};

// Reads the ops of a unit with at least one delete or insert op into p
// (whose buffers are reused from unit to unit). Ops of a run that changes
// white space only are marked routine here.
void prepare_ops(std::vector<word_op>& ops, const std::string& old_lead, const std::string& new_lead,
                 bool lead_changed, prepared_ops& p) {
    p.lead_changed = lead_changed;
    p.spacing_only = false;
    p.runs.clear();
    p.chunks.clear();
    side& o = p.o;
    side& n = p.n;
    auto& spans = p.spans;
    spans.clear();
    spans.reserve(ops.size());
    o.text.clear();
    n.text.clear();
    for (const auto& op : ops) {
        op_span sp{o.text.size(), o.text.size(), n.text.size(), n.text.size()};
        if (op.op != op_kind::ins) o.text += op.text;
        if (op.op != op_kind::del) n.text += op.text;
        sp.o_end = o.text.size();
        sp.n_end = n.text.size();
        spans.push_back(sp);
    }
    // The old text is tokenized; the new one shares the tokens of its equal
    // ops with it, and only the parts around the edits are tokenized again.
    auto& shared = p.shared;
    shared.clear();
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].op != op_kind::equal) continue;
        const op_span& sp = spans[i];
        if (!shared.empty() && shared.back().at + shared.back().size == sp.n_begin &&
            shared.back().base_at + shared.back().size == sp.o_begin)
            shared.back().size += sp.n_end - sp.n_begin;
        else
            shared.push_back({sp.n_begin, sp.o_begin, sp.n_end - sp.n_begin});
    }
    detail::tokenize(o.text, o);
    detail::tokenize_like(n.text, o.text, o, shared, n);
    o.index();
    n.index();
    o.lead_end = lead_end_in(o.text, old_lead);
    n.lead_end = lead_end_in(n.text, new_lead);

    // Byte offset on one side -> the same place on the other side.
    auto old_to_new = [&](std::size_t p) -> std::size_t {
        auto it = std::upper_bound(spans.begin(), spans.end(), p,
                                   [](std::size_t v, const op_span& sp) { return v < sp.o_end; });
        if (it == spans.end()) return n.text.size();
        const std::size_t i = static_cast<std::size_t>(it - spans.begin());
        return ops[i].op == op_kind::equal ? it->n_begin + (p - it->o_begin) : it->n_begin;
    };
    auto new_to_old = [&](std::size_t p) -> std::size_t {
        auto it = std::upper_bound(spans.begin(), spans.end(), p,
                                   [](std::size_t v, const op_span& sp) { return v < sp.n_end; });
        if (it == spans.end()) return o.text.size();
        const std::size_t i = static_cast<std::size_t>(it - spans.begin());
        return ops[i].op == op_kind::equal ? it->o_begin + (p - it->n_begin) : it->o_begin;
    };
    // A token touched on one side touches its counterpart on the other: the
    // hyphen deleted from "capacity-development" changes "capacity development"
    // too, though nothing was inserted there.
    auto unite = [](std::size_t& a0, std::size_t& a1, std::pair<std::size_t, std::size_t> r) {
        if (r.first == r.second) return;
        if (a0 == a1) {
            a0 = r.first;
            a1 = r.second;
        } else {
            a0 = std::min(a0, r.first);
            a1 = std::max(a1, r.second);
        }
    };
    auto widen = [&](run& r) {
        for (int round = 0; round < 4; ++round) {
            const run before = r;
            if (r.o0 < r.o1) {
                const std::size_t b = old_to_new(o.toks[r.o0].begin);
                const std::size_t e = old_to_new(o.toks[r.o1 - 1].end);
                if (b < e) unite(r.n0, r.n1, token_range(n, b, e));
            }
            if (r.n0 < r.n1) {
                const std::size_t b = new_to_old(n.toks[r.n0].begin);
                const std::size_t e = new_to_old(n.toks[r.n1 - 1].end);
                if (b < e) unite(r.o0, r.o1, token_range(o, b, e));
            }
            if (r.o0 == before.o0 && r.o1 == before.o1 && r.n0 == before.n0 && r.n1 == before.n1) break;
        }
    };

    // Runs of adjacent delete/insert ops and the tokens they touch.
    auto& runs = p.runs;
    for (std::size_t i = 0; i < ops.size();) {
        if (ops[i].op == op_kind::equal) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < ops.size() && ops[j].op != op_kind::equal) ++j;
        run r;
        r.op_first = i;
        r.op_last = j;
        const auto [o0, o1] = token_range(o, spans[i].o_begin, spans[j - 1].o_end);
        const auto [n0, n1] = token_range(n, spans[i].n_begin, spans[j - 1].n_end);
        r.o0 = o0;
        r.o1 = o1;
        r.n0 = n0;
        r.n1 = n1;
        widen(r);
        const std::size_t o0w = r.o0, o1w = r.o1, n0w = r.n0, n1w = r.n1;
        // Only white space changed between tokens ("2022– 2025" -> "2022–2025"):
        // a spacing variant, routine (rule 6), and no edit of its own.
        if (o0w == o1w && n0w == n1w) {
            for (std::size_t k = i; k < j; ++k) ops[k].classes = {change_class::routine};
            p.spacing_only = true;
            i = j;
            continue;
        }
        // Runs that touch the same token, or apart by white space only, are one edit.
        if (!runs.empty() && (overlaps(runs.back().o0, runs.back().o1, o0w, o1w) ||
                              overlaps(runs.back().n0, runs.back().n1, n0w, n1w) ||
                              (runs.back().o1 == o0w && runs.back().n1 == n0w))) {
            auto& g = runs.back();
            g.op_last = j;
            g.o0 = std::min(g.o0, o0w);
            g.n0 = std::min(g.n0, n0w);
            g.o1 = std::max(g.o1, o1w);
            g.n1 = std::max(g.n1, n1w);
        } else {
            runs.push_back(r);
        }
        i = j;
    }
    p.chunks.reserve(runs.size());
    for (const auto& r : runs) p.chunks.push_back(chunks_of(o, n, r));
}

// What the first pass learns of one edit. Everything but the list-extension
// rule is known then (no other rule reads the predecessors); that rule is
// decided in the second pass from the symbols the edit adds.
struct edit_reading {
    std::size_t op_first = 0, op_last = 0;  // ops [op_first, op_last)
    std::size_t n0 = 0, n1 = 0;             // new token range
    // The predecessor joins a list of earlier resolutions: "76/189 and 77/150"
    // -> "76/189, 77/150 and 78/132". Only connectors changed besides the
    // symbols added (and the word resolution(s)): a list extension when every
    // added symbol is a predecessor (and there is one).
    std::vector<std::string> added_symbols;  // lower case; empty when the edit has not that shape
    // The edit's classes when it is no list extension.
    class_bits classes = 0;
    bool connectors = false;  // only connectors changed
    std::vector<direction> qualifier_dirs;

    bool extends_list(const roll_context& ctx) const {
        if (added_symbols.empty()) return false;
        return std::all_of(added_symbols.begin(), added_symbols.end(),
                           [&](const std::string& s) { return ctx.predecessors.count(s) != 0; });
    }
};

// An item's edits as the first pass leaves them.
struct item_reading {
    std::vector<edit_reading> edits;
    bool spacing_only = false;  // some run changed white space only (rule 6)
};

// The symbols the edit adds when it has a list extension's shape (none
// otherwise).
void read_extension_shape(const side& o, const side& n, const std::vector<chunk>& chunks, edit_reading& e) {
    auto no = [&] { e.added_symbols.clear(); };
    for (const auto& c : chunks) {
        for (std::size_t k = c.o0; k < c.o1; ++k)
            if (!is_connector(o.toks[k])) return no();
        for (std::size_t k = c.n0; k < c.n1; ++k) {
            const auto& t = n.toks[k];
            if (is_connector(t) || t.lower == "resolution"sv || t.lower == "resolutions"sv) continue;
            if (t.kind != tok::symbol) return no();
            e.added_symbols.emplace_back(t.lower);
        }
    }
}

// First pass: reads the prepared ops into edits, and records in ctx.rolled the
// old symbols that roll forward in the routine chunks of the edits that are
// no list extension yet (before the predecessors are known).
item_reading read_edits(const prepared_ops& p, const roll_context& ctx) {
    const side& o = p.o;
    const side& n = p.n;
    item_reading out;
    out.spacing_only = p.spacing_only;
    out.edits.resize(p.runs.size());
    for (std::size_t g = 0; g < p.runs.size(); ++g) {
        auto& e = out.edits[g];
        const auto& r = p.runs[g];
        e.op_first = r.op_first;
        e.op_last = r.op_last;
        e.n0 = r.n0;
        e.n1 = r.n1;
        const auto& chunks = p.chunks[g];
        if (chunks.empty()) {
            e.classes = k_routine;  // same tokens: a change of spacing only
            continue;
        }
        read_extension_shape(o, n, chunks, e);
        if (e.extends_list(ctx)) {
            e.classes = k_routine;  // a list extension now stays one in the second pass
            continue;
        }
        e.connectors = connectors_only(o, n, chunks);
        for (const auto& c : chunks) {
            if (chunk_routine(o, c, n, ctx)) {
                e.classes |= k_routine;
                continue;
            }
            const auto cr = classify_chunk(o, c, n, p.lead_changed);
            e.classes |= cr.classes;
            if (cr.qualifier) e.qualifier_dirs.push_back(qualifier_direction(cr.qualifier_score));
        }
        if (e.classes != k_routine) e.classes &= static_cast<class_bits>(~k_routine);
    }
    return out;
}

// Second pass: classifies the item's ops in place, the predecessors known.
unit_result classify_edits(const item_reading& reading, std::vector<word_op>& ops, const roll_context& ctx) {
    const auto& edits = reading.edits;
    std::vector<bool> extension(edits.size());
    std::vector<class_bits> classes(edits.size());
    for (std::size_t g = 0; g < edits.size(); ++g) {
        extension[g] = edits[g].extends_list(ctx);
        classes[g] = extension[g] ? k_routine : edits[g].classes;
    }
    // Connectors reshuffled right beside a routine list extension: part of it.
    for (std::size_t g = 0; g < edits.size(); ++g) {
        if (!edits[g].connectors || extension[g]) continue;
        auto routine_near = [&](std::size_t h) {
            if (h >= edits.size() || classes[h] != k_routine) return false;
            const std::size_t gap = h > g ? edits[h].n0 - std::min(edits[h].n0, edits[g].n1)
                                          : edits[g].n0 - std::min(edits[g].n0, edits[h].n1);
            return gap <= 2;
        };
        if (routine_near(g + 1) || (g > 0 && routine_near(g - 1))) classes[g] = k_routine;
    }

    unit_result out;
    class_bits unit_classes = reading.spacing_only ? k_routine : 0;
    std::vector<direction> dirs;
    for (std::size_t g = 0; g < edits.size(); ++g) {
        const std::vector<change_class> cls = classes_of(classes[g]);
        for (std::size_t i = edits[g].op_first; i < edits[g].op_last; ++i)
            if (ops[i].op != op_kind::equal) ops[i].classes = cls;
        // A change of spelling alone gives its ops their class, not the unit
        // (reports do not mark it).
        if (changes_text(ops, edits[g].op_first, edits[g].op_last)) unit_classes |= classes[g];
        if (!extension[g])
            dirs.insert(dirs.end(), edits[g].qualifier_dirs.begin(), edits[g].qualifier_dirs.end());
    }
    // Ops of white space only, outside every group: no class.
    out.classes = unit_classes;
    if (!dirs.empty()) {
        out.qualifier_dir = dirs.front();
        for (const auto d : dirs)
            if (d != out.qualifier_dir) out.qualifier_dir = direction::changed;
    }
    return out;
}

// One unit or footnote to classify.
struct work_item {
    alignment_unit* unit = nullptr;  // or
    footnote_unit* footnote = nullptr;
    lead_change lead;                    // units: set when the leads differ
    // The unit's old and new paragraphs (in the documents, which outlive the
    // items), or null: their leads are what prepare_ops reads the ops with,
    // and their texts, which the sides often equal, share the sides' citations.
    const paragraph* old_para = nullptr;
    const paragraph* new_para = nullptr;
    bool has_ops = false;                // some op deletes or inserts: something to classify
    std::optional<item_reading> reading;  // the first pass's reading of the edits

    std::vector<word_op>& source() const { return unit != nullptr ? unit->ops : footnote->ops; }
    void prepare(prepared_ops& p) const {
        static const std::string none;
        prepare_ops(source(), old_para ? old_para->lead : none, new_para ? new_para->lead : none,
                    lead.dir != direction::none, p);
    }
};

// The paragraph a unit's first id names (none for a sub-paragraph or an
// empty side).
const paragraph* first_paragraph(const detail::paragraph_index& index, const std::vector<std::string>& ids) {
    return ids.empty() ? nullptr : index.find(ids.front());
}

void read_unit(alignment_unit& u, const detail::paragraph_index& old_paras, const detail::paragraph_index& new_paras,
               std::vector<work_item>& items) {
    work_item item;
    item.unit = &u;
    item.old_para = first_paragraph(old_paras, u.old_ids);
    item.new_para = first_paragraph(new_paras, u.new_ids);
    const paragraph* po = item.old_para;
    const paragraph* pn = item.new_para;
    if (po != nullptr && pn != nullptr && !po->lead.empty() && !pn->lead.empty()) {
        const direction d = compare_leads(po->lead, pn->lead);
        if (d != direction::none) item.lead = {po->lead, pn->lead, d};
    }
    item.has_ops = has_changes(u.ops);
    items.push_back(std::move(item));
    for (auto& child : u.children) read_unit(child, old_paras, new_paras, items);
}

void classify_item(work_item& item, const roll_context& ctx) {
    const unit_result r = item.reading ? classify_edits(*item.reading, item.source(), ctx) : unit_result{};
    // A text that changed in spelling only, white space or a compound's
    // hyphen (diff made its unit unchanged, renumbered or moved), has no
    // class: its ops keep theirs (routine).
    if (item.footnote != nullptr) {
        item.footnote->classes =
            changes_text(item.footnote->ops) ? classes_of(r.classes) : std::vector<change_class>{};
        return;
    }
    alignment_unit& u = *item.unit;
    const bool lead_changed = item.lead.dir != direction::none;
    if (!lead_changed && !changes_text(u.ops)) {
        u.classes.clear();
    } else {
        u.classes = classes_of(lead_changed ? static_cast<class_bits>(r.classes | bit(change_class::lead))
                                            : r.classes);
    }
    u.lead = std::move(item.lead);
    u.qualifier_dir = r.qualifier_dir;
}

// A paragraph text hashed by its length and its first and last 32 bytes:
// enough to tell paragraphs apart and far cheaper than hashing every byte of
// both documents; texts with equal hashes are told apart by comparing them.
struct text_hash {
    std::size_t operator()(std::string_view s) const noexcept {
        constexpr std::size_t edge = 32;
        const std::hash<std::string_view> hash;
        if (s.size() <= 2 * edge) return hash(s);
        return hash(s.substr(0, edge)) ^ (hash(s.substr(s.size() - edge)) * 31) ^ (s.size() * 0x9E3779B97F4A7C15);
    }
};
// citations() of each distinct text of the documents, so that the paragraphs
// both versions share are read once. The keys point into the documents, never
// into a unit text classify() frees.
using citation_memo = std::unordered_map<std::string_view, std::vector<std::string>, text_hash>;

// The normalized forms of citation hits, without repeats, in order.
std::vector<std::string> unique_norms(const std::vector<citation_hit>& hits) {
    std::vector<std::string> out;
    std::set<std::string_view> seen;  // views of the hits' norms
    for (const auto& h : hits)
        if (seen.insert(h.norm).second) out.push_back(h.norm);
    return out;
}

// Calls f(text) for each text of d whose citations count, in document order.
template <typename F>
void for_each_citing_text(const document& d, F&& f) {
    auto sub = [&](auto&& self, const subparagraph& s) -> void {
        f(std::string_view(s.text));
        for (const auto& c : s.children) self(self, c);
    };
    for (const auto* part : {&d.preamble, &d.operative}) {
        for (const auto& p : *part) {
            if (!p.text.empty()) {
                f(std::string_view(p.text));
            } else {
                f(std::string_view(p.intro));
                for (const auto& s : p.subparagraphs) sub(sub, s);
            }
        }
    }
    for (const auto& f_ : d.footnotes) f(std::string_view(f_.text));
}

std::vector<std::string> cited_by(const document& d, citation_memo& memo) {
    std::vector<std::string> out;
    std::unordered_set<std::string_view> seen;
    for_each_citing_text(d, [&](std::string_view text) {
        auto [it, added] = memo.try_emplace(text);
        if (added) it->second = citations(text);
        detail::checkpoint();  // done as background work: the pieces offered meanwhile go first
        for (const auto& c : it->second)  // the memo's strings stay in place: `seen` points into them
            if (seen.insert(c).second) out.push_back(c);
    });
    return out;
}

}  // namespace

namespace {

citation_change compare_citations(const document& old_doc, const document& new_doc, citation_memo& memo) {
    citation_change c;
    c.old_cited = cited_by(old_doc, memo);
    c.new_cited = cited_by(new_doc, memo);
    const std::unordered_set<std::string_view> in_old(c.old_cited.begin(), c.old_cited.end());
    const std::unordered_set<std::string_view> in_new(c.new_cited.begin(), c.new_cited.end());
    for (const auto& s : c.new_cited)
        if (in_old.count(s) == 0) c.added.push_back(s);
    for (const auto& s : c.old_cited)
        if (in_new.count(s) == 0) c.dropped.push_back(s);
    return c;
}

}  // namespace

std::vector<std::string> citations(std::string_view text) {
    if (!may_cite(text)) return {};
    const auto tokens = detail::tokenize(text);
    return unique_norms(detail::find_citations(tokens.toks, text));
}

citation_change compare_citations(const document& old_doc, const document& new_doc) {
    citation_memo memo;
    return compare_citations(old_doc, new_doc, memo);
}

namespace {

alignment classify_units(alignment diffed, const document& old_doc, const document& new_doc, bool with_citations) {
    std::vector<work_item> items;
    const detail::paragraph_index old_paras(old_doc), new_paras(new_doc);
    for (auto& u : diffed.units) read_unit(u, old_paras, new_paras, items);
    for (auto& f : diffed.footnotes) {
        work_item item;
        item.footnote = &f;
        item.has_ops = has_changes(f.ops);
        items.push_back(std::move(item));
    }
    roll_context ctx = make_context(old_doc, new_doc);
    // First pass: each item's ops are read once, into edits classified by
    // every rule but the list extension, and the old symbols that roll forward
    // are collected (the predecessors), so that a list of earlier resolutions
    // gaining one of them is routine too. The citations of the unit texts just
    // read are kept (a changed paragraph is not tokenized again for them).
    // Both passes run on two threads, each with its own buffers, roll-overs
    // and memo (merged afterwards: a set, and a memo whose entries depend on
    // their text alone).
    struct pass_state {
        std::set<std::string, std::less<>> rolled;
        citation_memo memo;
        prepared_ops p;  // one for all of a thread's items: its buffers are reused
    };
    std::vector<pass_state> states(detail::thread_slots());
    detail::parallel_for(items.size(), 8, [&](std::size_t begin, std::size_t end, std::size_t slot) {
        pass_state& st = states[slot];
        roll_context first = ctx;
        first.rolled = &st.rolled;
        prepared_ops& p = st.p;
        for (std::size_t i = begin; i < end; ++i) {
            work_item& item = items[i];
            if (!item.has_ops) continue;
            item.prepare(p);
            item.reading = read_edits(p, first);
            const std::pair<const side*, const paragraph*> sides[] = {{&p.o, item.old_para},
                                                                      {&p.n, item.new_para}};
            for (const auto& [s, para] : sides) {
                if (!with_citations || para == nullptr || s->text != para->text) continue;
                const auto [it, added] = st.memo.try_emplace(para->text);
                if (added) it->second = unique_norms(s->cites);
            }
        }
    });
    citation_memo memo = std::move(states[0].memo);
    for (std::size_t k = 1; k < states.size(); ++k) memo.merge(states[k].memo);
    for (const auto& st : states) ctx.predecessors.insert(st.rolled.begin(), st.rolled.end());
    states.clear();
    // Second pass: classifies each item, the predecessors known.
    detail::parallel_for(items.size(), 8, [&](std::size_t begin, std::size_t end, std::size_t) {
        for (std::size_t i = begin; i < end; ++i) {
            classify_item(items[i], ctx);
            items[i].reading.reset();
        }
    });
    if (with_citations) diffed.citations = compare_citations(old_doc, new_doc, memo);
    return diffed;
}

}  // namespace

alignment classify(alignment diffed, const document& old_doc, const document& new_doc) {
    return classify_units(std::move(diffed), old_doc, new_doc, true);
}

alignment detail::classify_without_citations(alignment diffed, const document& old_doc, const document& new_doc) {
    return classify_units(std::move(diffed), old_doc, new_doc, false);
}

}  // namespace resdiff
