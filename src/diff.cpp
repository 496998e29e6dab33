// Stage 4, diff: word-level operations inside aligned units.
//
// Texts are cut into tokens (words, numbers, single punctuation marks; white
// space is never a token), tokens are interned to integers and compared with
// dtl's O(NP) algorithm on ranges small enough for it. Larger ranges are first
// cut at anchors (tokens unique in both ranges, longest increasing subsequence,
// as patience diff does), recursively; a range that is still too large, or
// everything past diff_options::max_tokens, takes the coarse fallback. The
// token script is then cleaned up as diff-match-patch does (short equalities
// between edits folded into them, lone insertions and deletions slid to the
// best word boundary) and turned into text pieces with the white space
// attached so both texts round-trip byte for byte.
#include "resdiff/diff.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <dtl/dtl.hpp>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "paragraph_index.hpp"
#include "parallel.hpp"
#include "word_count.hpp"

namespace resdiff {

namespace {

// ---------------------------------------------------------------- tokens

enum class char_class { space, word, punct };

struct decoded {
    std::int32_t cp;
    std::size_t len;
    bool valid;
};

decoded decode(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return {c, 1, true};
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return {c, 1, false};
    return {cp, static_cast<std::size_t>(n), true};
}

char_class classify_ascii(int cp) {
    if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return char_class::space;
    const bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (alnum) return char_class::word;
    if (cp < 0x20 || cp == 0x7f) return char_class::space;
    return char_class::punct;
}

// The class of every ASCII character, looked up rather than worked out per byte.
const std::array<char_class, 128> ascii_classes = [] {
    std::array<char_class, 128> t{};
    for (int c = 0; c < 128; ++c) t[c] = classify_ascii(c);
    return t;
}();

char_class classify_cp(const decoded& d) {
    if (!d.valid) return char_class::punct;
    const std::int32_t cp = d.cp;
    if (cp < 0x80) return ascii_classes[cp];
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_ZS:
        case UTF8PROC_CATEGORY_ZL:
        case UTF8PROC_CATEGORY_ZP:
        case UTF8PROC_CATEGORY_CC:
            return char_class::space;
        case UTF8PROC_CATEGORY_PC:
        case UTF8PROC_CATEGORY_PD:
        case UTF8PROC_CATEGORY_PS:
        case UTF8PROC_CATEGORY_PE:
        case UTF8PROC_CATEGORY_PI:
        case UTF8PROC_CATEGORY_PF:
        case UTF8PROC_CATEGORY_PO:
        case UTF8PROC_CATEGORY_SM:
        case UTF8PROC_CATEGORY_SC:
        case UTF8PROC_CATEGORY_SK:
        case UTF8PROC_CATEGORY_SO:
            return char_class::punct;
        default:
            return char_class::word;
    }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct token {
    std::uint32_t begin;
    std::uint32_t end;
};

// A hash of a token's bytes, read eight at a time and the rest at most four,
// two and one at a time (tokens are mostly short words). For a token of at
// most eight bytes it is one-to-one: the bytes make one number w, and
// h = f(length ^ w) with f a multiplication by an odd number and an
// xor-shift, both invertible (a second f of 0 for exactly eight bytes). So
// two such tokens of the same length and hash are the same token.
std::uint64_t token_hash(std::string_view t) {
    const char* p = t.data();
    std::size_t n = t.size();
    std::uint64_t h = n;
    const auto mix = [&h](std::uint64_t w) {
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    };
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        mix(w);
    }
    std::uint64_t w = 0;
    if (n & 4) {
        std::uint32_t w4;
        std::memcpy(&w4, p, 4);
        w = w4;
        p += 4;
    }
    if (n & 2) {
        std::uint16_t w2;
        std::memcpy(&w2, p, 2);
        w = (w << 16) | w2;
        p += 2;
    }
    if (n & 1) w = (w << 8) | static_cast<unsigned char>(*p);
    mix(w);
    return h;
}

// ASCII letters and digits, which most words are made of alone.
const std::array<bool, 256> ascii_word_bytes = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 128; ++c) t[c] = ascii_classes[c] == char_class::word;
    return t;
}();

// The end of the word of s going on at i: letters, marks and digits, with
// an apostrophe between letters and a point or comma between digits kept
// inside ("Organization's", "1,000.5").
std::size_t word_end(std::string_view s, std::size_t i) {
    const std::size_t n = s.size();
    while (i < n) {
        while (i < n && ascii_word_bytes[static_cast<unsigned char>(s[i])]) ++i;   // the usual case, taken fast
        if (i == n || detail::space_byte(s[i])) break;                             // and the usual end
        const decoded e = decode(s, i);
        const char_class c = classify_cp(e);
        bool inside = c == char_class::word;
        if (c == char_class::punct && i + e.len < n) {
            const bool joins_digits = (e.cp == '.' || e.cp == ',') && is_digit(s[i - 1]) && is_digit(s[i + e.len]);
            const bool joins_letters = (e.cp == '\'' || e.cp == 0x2019) && !is_digit(s[i - 1]) &&
                                       classify_cp(decode(s, i + e.len)) == char_class::word &&
                                       !is_digit(s[i + e.len]);
            inside = joins_digits || joins_letters;
        }
        if (!inside) break;
        i += e.len;
    }
    return i;
}

// Words (see word_end) and every punctuation mark or symbol on its own:
// calls emit(begin, end) for each token of s, in order.
template <class Emit>
void for_each_token(std::string_view s, Emit&& emit) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (detail::space_byte(s[i])) {  // the usual white space, taken fast
            ++i;
            continue;
        }
        const decoded d = decode(s, i);
        const char_class cls = classify_cp(d);
        const std::size_t start = i;
        i += d.len;
        if (cls == char_class::space) continue;
        if (cls == char_class::word) i = word_end(s, i);
        emit(start, i);
    }
}

// Token texts to integers, numbered in order of first occurrence, so that
// the diff compares integers: an open-addressing table of views into the
// texts (no node or string allocated per token). The table is kept from one
// pair of texts to the next; a slot of an earlier pair counts as empty.
class token_numbers {
public:
    // Numbers from 0 again, for the next pair of texts.
    void restart() {
        if (slots_.empty()) {
            slots_.resize(64);
            mask_ = slots_.size() - 1;
        }
        count_ = 0;
        if (++generation_ == 0) {   // wrapped: every slot empty for real
            for (auto& s : slots_) s.generation = 0;
            generation_ = 1;
        }
    }
    // `hash`: token_hash(text).
    int number(std::string_view text, std::uint64_t hash) {
        std::size_t i = hash & mask_;
        while (slots_[i].generation == generation_) {
            const slot& s = slots_[i];
            if (s.hash == hash && s.text.size() == text.size() &&
                (text.size() <= 8 || std::memcmp(s.text.data(), text.data(), text.size()) == 0)) {
                return s.number;
            }
            i = (i + 1) & mask_;
        }
        slots_[i] = {hash, text, generation_, count_};
        if (2 * static_cast<std::size_t>(count_ + 1) > slots_.size()) grow();
        return count_++;
    }
    std::size_t size() const { return static_cast<std::size_t>(count_); }

private:
    struct slot {
        std::uint64_t hash = 0;
        std::string_view text;
        std::uint32_t generation = 0;   // of the pair numbered; 0: never used
        int number = 0;
    };
    // Twice the slots, the numbers of this pair kept.
    void grow() {
        std::vector<slot> old = std::move(slots_);
        slots_.assign(2 * old.size(), slot{});
        mask_ = slots_.size() - 1;
        for (const auto& s : old) {
            if (s.generation != generation_) continue;
            std::size_t i = s.hash & mask_;
            while (slots_[i].generation == generation_) i = (i + 1) & mask_;
            slots_[i] = s;
        }
    }
    std::vector<slot> slots_;
    std::size_t mask_ = 0;
    std::uint32_t generation_ = 0;
    int count_ = 0;
};

// ---------------------------------------------------------------- edit script

enum class step : std::uint8_t { equal, del, ins };

struct run {
    step op;
    std::uint32_t len;
};

// Limits of the precise path. dtl's cost is O((n+m)·P) in time and in memory
// (one 24-byte coordinate per step); (n+1)(m+1) bounds the number of steps,
// so ranges under dtl_cells cannot reach dtl's own cap of two million
// coordinates (past which it would silently give up).
constexpr std::uint64_t precise_dtl_cells = 1'500'000;
constexpr std::uint64_t coarse_dtl_cells = 40'000;
constexpr int max_depth = 64;

class script_builder {
public:
    script_builder(const std::vector<int>& a, const std::vector<int>& b, std::size_t vocabulary, bool coarse_mode)
        : a_(a), b_(b), vocabulary_(vocabulary) {
        dtl_cells_ = coarse_mode ? coarse_dtl_cells : precise_dtl_cells;
        const std::uint64_t n = a.size() + b.size();
        budget_ = (coarse_mode ? 24 : 64) * n + (coarse_mode ? 4'000'000 : 16'000'000);
    }

    std::vector<run> build() {
        diff_range(0, static_cast<std::uint32_t>(a_.size()), 0, static_cast<std::uint32_t>(b_.size()), 0);
        return std::move(runs_);
    }

    bool gave_up() const { return gave_up_; }
    // The budget (which grows with the token count) decided something.
    bool budget_reached() const { return budget_reached_; }

private:
    void push(step op, std::uint32_t len) {
        if (len == 0) return;
        if (!runs_.empty() && runs_.back().op == op) {
            runs_.back().len += len;
        } else {
            runs_.push_back({op, len});
        }
    }

    // Whether `cost` more work stays within the budget; notes when it does not.
    bool within_budget(std::uint64_t cost) {
        if (work_ + cost <= budget_) return true;
        budget_reached_ = true;
        return false;
    }

    void give_up(std::uint32_t n, std::uint32_t m) {
        gave_up_ = true;
        push(step::del, n);
        push(step::ins, m);
    }

    void diff_range(std::uint32_t alo, std::uint32_t ahi, std::uint32_t blo, std::uint32_t bhi, int depth) {
        std::uint32_t prefix = 0;
        while (alo + prefix < ahi && blo + prefix < bhi && a_[alo + prefix] == b_[blo + prefix]) ++prefix;
        push(step::equal, prefix);
        alo += prefix;
        blo += prefix;
        std::uint32_t suffix = 0;
        while (ahi - suffix > alo && bhi - suffix > blo && a_[ahi - suffix - 1] == b_[bhi - suffix - 1]) ++suffix;
        ahi -= suffix;
        bhi -= suffix;
        const std::uint32_t n = ahi - alo;
        const std::uint32_t m = bhi - blo;
        if (n == 0 || m == 0) {
            push(step::del, n);
            push(step::ins, m);
        } else if (static_cast<std::uint64_t>(n + 1) * (m + 1) <= dtl_cells_ &&
                   within_budget(std::uint64_t{n} * m)) {
            work_ += std::uint64_t{n} * m;
            if (no_token_in_common(alo, ahi, blo, bhi)) {
                // dtl's script would only delete and insert: one change either way.
                push(step::del, n);
                push(step::ins, m);
            } else {
                run_dtl(alo, ahi, blo, bhi);
            }
        } else if (depth < max_depth && within_budget(n + m)) {
            work_ += n + m;
            // Unique words first; where none is unique (long texts over a small
            // vocabulary), unique runs of 2, 3 or 4 words.
            std::uint32_t k = 1;
            auto anchors = unique_anchors(alo, ahi, blo, bhi);
            while (anchors.empty() && k < 4 && within_budget(n + m)) {
                ++k;
                work_ += n + m;
                anchors = unique_runs(alo, ahi, blo, bhi, k);
            }
            if (anchors.empty()) {
                give_up(n, m);
            } else {
                std::uint32_t ai = alo;
                std::uint32_t bi = blo;
                for (const auto& [x, y] : anchors) {
                    diff_range(ai, x, bi, y, depth + 1);
                    push(step::equal, k);
                    ai = x + k;
                    bi = y + k;
                }
                diff_range(ai, ahi, bi, bhi, depth + 1);
            }
        } else {
            give_up(n, m);
        }
        push(step::equal, suffix);
    }

    // True when the small ranges a[alo, ahi) and b[blo, bhi) share no token
    // (false for larger ranges, which are not checked).
    bool no_token_in_common(std::uint32_t alo, std::uint32_t ahi, std::uint32_t blo,
                            std::uint32_t bhi) const {
        constexpr std::uint64_t checked_pairs = 4096;
        if (std::uint64_t{ahi - alo} * (bhi - blo) > checked_pairs) return false;
        for (std::uint32_t i = alo; i < ahi; ++i)
            for (std::uint32_t j = blo; j < bhi; ++j)
                if (a_[i] == b_[j]) return false;
        return true;
    }

    // dtl's edit script, element by element, into the runs (dtl::Diff::storeSES
    // hands each element of its script to one of these).
    template <class SesElem, class Builder>
    struct script_sink {
        explicit script_sink(Builder& b) : builder(b) {}
        void operator()(const SesElem& e) const {
            switch (e.second.type) {
                case dtl::SES_COMMON: builder.push(step::equal, 1); break;
                case dtl::SES_DELETE: builder.push(step::del, 1); break;
                case dtl::SES_ADD: builder.push(step::ins, 1); break;
            }
        }
        Builder& builder;
    };

    void run_dtl(std::uint32_t alo, std::uint32_t ahi, std::uint32_t blo, std::uint32_t bhi) {
        dtl_a_.assign(a_.begin() + alo, a_.begin() + ahi);
        dtl_b_.assign(b_.begin() + blo, b_.begin() + bhi);
        dtl::Diff<int> d(dtl_a_, dtl_b_);
        d.onUnserious();
        d.compose();
        d.storeSES<script_builder, script_sink>(*this);
    }

    // Runs of k tokens occurring exactly once in a[alo, ahi) and once in
    // b[blo, bhi), the longest chain of them in the same order in both, not
    // overlapping.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> unique_runs(std::uint32_t alo, std::uint32_t ahi,
                                                                    std::uint32_t blo, std::uint32_t bhi,
                                                                    std::uint32_t k) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
        if (ahi - alo < k || bhi - blo < k) return pairs;
        const auto hash_at = [k](const std::vector<int>& v, std::uint32_t i) {
            std::uint64_t h = 1469598103934665603ull;
            for (std::uint32_t j = 0; j < k; ++j) h = (h ^ static_cast<std::uint32_t>(v[i + j])) * 1099511628211ull;
            return h;
        };
        struct seen {
            std::uint32_t in_a = 0, in_b = 0, pos_b = 0;
        };
        std::unordered_map<std::uint64_t, seen> runs;
        runs.reserve(ahi - alo);
        for (std::uint32_t i = alo; i + k <= ahi; ++i) runs[hash_at(a_, i)].in_a++;
        for (std::uint32_t j = blo; j + k <= bhi; ++j) {
            const auto it = runs.find(hash_at(b_, j));
            if (it == runs.end()) continue;
            it->second.in_b++;
            it->second.pos_b = j;
        }
        for (std::uint32_t i = alo; i + k <= ahi; ++i) {
            const seen& e = runs[hash_at(a_, i)];
            if (e.in_a != 1 || e.in_b != 1) continue;
            if (!std::equal(a_.begin() + i, a_.begin() + i + k, b_.begin() + e.pos_b)) continue;   // hash clash
            pairs.emplace_back(i, e.pos_b);
        }
        auto chain = longest_chain(pairs);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> apart;
        for (const auto& c : chain) {
            if (!apart.empty() && (c.first < apart.back().first + k || c.second < apart.back().second + k)) continue;
            apart.push_back(c);
        }
        return apart;
    }

    // Tokens occurring exactly once in a[alo, ahi) and once in b[blo, bhi),
    // the longest chain of them in the same order in both.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> unique_anchors(std::uint32_t alo, std::uint32_t ahi,
                                                                       std::uint32_t blo, std::uint32_t bhi) {
        if (stamp_.empty()) {   // first use: the per-token counters (most texts never need them)
            stamp_.assign(vocabulary_, 0);
            count_a_.resize(vocabulary_);
            count_b_.resize(vocabulary_);
            pos_b_.resize(vocabulary_);
        }
        ++generation_;
        for (std::uint32_t i = alo; i < ahi; ++i) touch(a_[i]).first++;
        for (std::uint32_t j = blo; j < bhi; ++j) {
            touch(b_[j]).second++;
            pos_b_[static_cast<std::size_t>(b_[j])] = j;
        }
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
        for (std::uint32_t i = alo; i < ahi; ++i) {
            const auto t = static_cast<std::size_t>(a_[i]);
            if (count_a_[t] == 1 && count_b_[t] == 1) pairs.emplace_back(i, pos_b_[t]);
        }
        return longest_chain(pairs);
    }

    // Longest subsequence of pairs (sorted by first) increasing in second.
    static std::vector<std::pair<std::uint32_t, std::uint32_t>> longest_chain(
        const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
        // Longest increasing subsequence of the b positions (patience sorting).
        std::vector<std::size_t> tails;
        std::vector<std::size_t> prev(pairs.size(), std::numeric_limits<std::size_t>::max());
        for (std::size_t k = 0; k < pairs.size(); ++k) {
            const auto it = std::lower_bound(tails.begin(), tails.end(), pairs[k].second,
                                             [&](std::size_t idx, std::uint32_t y) { return pairs[idx].second < y; });
            if (it != tails.begin()) prev[k] = *(it - 1);
            if (it == tails.end()) {
                tails.push_back(k);
            } else {
                *it = k;
            }
        }
        std::vector<std::pair<std::uint32_t, std::uint32_t>> chain;
        if (tails.empty()) return chain;
        for (std::size_t k = tails.back(); k != std::numeric_limits<std::size_t>::max(); k = prev[k]) {
            chain.push_back(pairs[k]);
        }
        std::reverse(chain.begin(), chain.end());
        return chain;
    }

    std::pair<std::uint32_t&, std::uint32_t&> touch(int token) {
        const auto t = static_cast<std::size_t>(token);
        if (stamp_[t] != generation_) {
            stamp_[t] = generation_;
            count_a_[t] = 0;
            count_b_[t] = 0;
        }
        return {count_a_[t], count_b_[t]};
    }

    const std::vector<int>& a_;
    const std::vector<int>& b_;
    std::size_t vocabulary_ = 0;   // distinct tokens of a and b
    std::uint64_t dtl_cells_ = 0;
    std::uint64_t budget_ = 0;
    std::uint64_t work_ = 0;
    bool gave_up_ = false;
    bool budget_reached_ = false;
    std::vector<run> runs_;
    std::uint32_t generation_ = 0;
    std::vector<std::uint32_t> stamp_, count_a_, count_b_, pos_b_;
    std::vector<int> dtl_a_, dtl_b_;   // the ranges handed to dtl
};

// ---------------------------------------------------------------- regions

// A maximal stretch of the script: equal tokens a[a0,a1) == b[b0,b1), or a
// change deleting a[a0,a1) and inserting b[b0,b1).
struct region {
    bool equal;
    std::uint32_t a0, a1, b0, b1;
};

// One text and the tokens of its part [from, to): the whole text, or the part
// left when an identical start and end shared with the other text are left
// out (they end and begin at white space, so the tokens are those of the
// whole text).
struct side {
    std::string_view text;
    std::size_t from = 0;
    std::size_t to = 0;
    std::vector<token> tokens;                  // offsets into text
    std::vector<int> ids;                       // the token numbers
    std::vector<std::uint64_t> length_before;   // bytes of token text before token i (no white space)

    std::uint64_t length(std::uint32_t from, std::uint32_t to) const { return length_before[to] - length_before[from]; }
    // Token boundary k is an end of the tokens only because a shared part was left out.
    bool at_cut(std::uint32_t k) const {
        return (k == 0 && from > 0) || (k >= tokens.size() && to < text.size());
    }
};

// Fills s with the tokens of text[from, to) and their numbers (its vectors
// keep their memory from the pair before).
void fill_side(side& s, std::string_view text, std::size_t from, std::size_t to, token_numbers& numbers) {
    s.text = text;
    s.from = from;
    s.to = to;
    s.tokens.clear();
    s.ids.clear();
    s.length_before.assign(1, 0);
    for_each_token(text.substr(from, to - from), [&](std::size_t begin, std::size_t end) {
        const std::string_view word(text.data() + from + begin, end - begin);
        s.tokens.push_back({static_cast<std::uint32_t>(from + begin), static_cast<std::uint32_t>(from + end)});
        s.ids.push_back(numbers.number(word, token_hash(word)));
        s.length_before.push_back(s.length_before.back() + word.size());
    });
}

std::vector<region> to_regions(const std::vector<run>& runs) {
    std::vector<region> out;
    std::uint32_t x = 0, y = 0;
    for (const auto& r : runs) {
        const bool eq = r.op == step::equal;
        const std::uint32_t dx = r.op == step::ins ? 0 : r.len;
        const std::uint32_t dy = r.op == step::del ? 0 : r.len;
        if (!out.empty() && out.back().equal == eq) {
            out.back().a1 += dx;
            out.back().b1 += dy;
        } else {
            out.push_back({eq, x, x + dx, y, y + dy});
        }
        x += dx;
        y += dy;
    }
    return out;
}

// Drops empty regions and joins neighbours of the same kind (in place: the
// regions kept are never more than the regions read).
void normalize(std::vector<region>& regions) {
    std::size_t kept = 0;
    for (const region r : regions) {
        if (r.a0 == r.a1 && r.b0 == r.b1) continue;
        if (kept > 0 && regions[kept - 1].equal == r.equal) {
            regions[kept - 1].a1 = r.a1;
            regions[kept - 1].b1 = r.b1;
        } else {
            regions[kept++] = r;
        }
    }
    regions.resize(kept);
}

// diff-match-patch's semantic clean-up: an equality no longer than the
// larger side of the edit before it and of the edit after it is folded into
// them, so "[-a-]{+b+} the [-c-]{+d+}" reads "[-a the c-]{+b the d+}".
// The stack gives the backtracking: after a fold, the equality before the
// grown edit is checked again.
void fold_short_equalities(std::vector<region>& regions, const side& a, const side& b) {
    auto edit_size = [&](const region& r) { return std::max(a.length(r.a0, r.a1), b.length(r.b0, r.b1)); };
    // The stack is the start of `regions` itself: it never holds more than was read.
    std::size_t top = 0;
    for (const region r : regions) {
        regions[top++] = r;
        while (top >= 3) {
            const region& c2 = regions[top - 1];
            const region& eq = regions[top - 2];
            const region& c1 = regions[top - 3];
            if (c2.equal || !eq.equal || c1.equal) break;
            const std::uint64_t len = a.length(eq.a0, eq.a1);
            if (len > edit_size(c1) || len > edit_size(c2)) break;
            const region merged{false, c1.a0, c2.a1, c1.b0, c2.b1};
            top -= 3;
            regions[top++] = merged;
        }
    }
    regions.resize(top);
}

// How good a place the boundary before token k of a side is for an edit to
// start or end (diff-match-patch's cleanupSemanticLossless scores).
int boundary_score(const side& s, std::uint32_t k) {
    if (k == 0 || k >= s.tokens.size()) return 6;
    const token& left = s.tokens[k - 1];
    const token& right = s.tokens[k];
    const std::string_view gap = s.text.substr(left.end, right.begin - left.end);
    if (gap.find('\n') != std::string_view::npos) return 5;
    if (!gap.empty()) {
        const char last = s.text[left.end - 1];
        return (left.end - left.begin == 1 && (last == '.' || last == ';' || last == ':' || last == '!' || last == '?'))
                   ? 4
                   : 3;
    }
    const auto is_punct = [&](const token& t) {
        return classify_cp(decode(s.text, t.begin)) == char_class::punct;
    };
    return (is_punct(left) || is_punct(right)) ? 1 : 0;
}

// Slides every lone insertion or deletion between two equalities to the
// position with the best boundaries: "A,{+ C,+} B" rather than "A{+, C+}, B".
// False when a slide reaches a part left out (nothing changed then).
bool slide_edits(std::vector<region>& regions, const std::vector<int>& ia, const std::vector<int>& ib,
                 const side& a, const side& b) {
    for (std::size_t k = 1; k + 1 < regions.size(); ++k) {
        region& r = regions[k];
        region& p = regions[k - 1];
        region& q = regions[k + 1];
        if (r.equal || !p.equal || !q.equal) continue;
        const bool insertion = r.a0 == r.a1;
        const bool deletion = r.b0 == r.b1;
        if (insertion == deletion) continue;
        const std::vector<int>& ids = insertion ? ib : ia;
        const side& s = insertion ? b : a;
        std::uint32_t lo = insertion ? r.b0 : r.a0;
        std::uint32_t hi = insertion ? r.b1 : r.a1;
        const std::uint32_t floor = insertion ? p.b0 : p.a0;
        const std::uint32_t ceiling = insertion ? q.b1 : q.a1;
        while (lo > floor && ids[lo - 1] == ids[hi - 1]) --lo, --hi;
        std::uint32_t best_lo = lo;
        int best = -1;
        while (true) {
            if (s.at_cut(lo) || s.at_cut(hi)) return false;
            const int score = boundary_score(s, lo) + boundary_score(s, hi);
            if (score >= best) {
                best = score;
                best_lo = lo;
            }
            if (hi >= ceiling || ids[lo] != ids[hi]) break;
            ++lo, ++hi;
        }
        const std::uint32_t old_lo = insertion ? r.b0 : r.a0;
        if (best_lo == old_lo) continue;
        const auto shift = static_cast<std::int64_t>(best_lo) - static_cast<std::int64_t>(old_lo);
        const auto move = [shift](std::uint32_t& v) { v = static_cast<std::uint32_t>(static_cast<std::int64_t>(v) + shift); };
        move(p.a1), move(p.b1);
        move(r.a0), move(r.a1), move(r.b0), move(r.b1);
        move(q.a0), move(q.b0);
    }
    normalize(regions);
    return true;
}

bool glued(const side& s, std::uint32_t i) { return s.tokens[i].end == s.tokens[i + 1].begin; }

bool word_token(const side& s, std::uint32_t i) {
    return classify_cp(decode(s.text, s.tokens[i].begin)) == char_class::word;
}

// Widens a change that starts or ends inside a compound written without
// spaces ("sixty-sixth", "79/194", "Secretary-General", "L.17") to the whole
// compound, so it reads "[-sixty-sixth-]{+sixty-seventh+}" rather than
// "sixty-[-sixth-]{+seventh+}". Punctuation at a word's edge ("matter[-.-]{+;+}",
// "(a)") is not widened over.
void widen_to_compounds(std::vector<region>& regions, const side& a, const side& b) {
    for (std::size_t k = 1; k + 1 < regions.size(); ++k) {
        region& r = regions[k];
        if (r.equal) continue;
        region& p = regions[k - 1];
        region& q = regions[k + 1];
        // Only a change whose edge is a word is widened.
        const bool starts_with_word = (r.a0 < r.a1 && word_token(a, r.a0)) || (r.b0 < r.b1 && word_token(b, r.b0));
        while (starts_with_word && p.equal && p.a1 > p.a0) {
            const std::uint32_t ta = p.a1 - 1, tb = p.b1 - 1;
            if ((r.a0 < r.a1 && !glued(a, ta)) || (r.b0 < r.b1 && !glued(b, tb))) break;
            if ((r.a0 == r.a1 && r.b0 == r.b1)) break;
            // A word, or punctuation with a word glued on its left.
            const bool inner_punct = ta > p.a0 && glued(a, ta - 1) && glued(b, tb - 1) && word_token(a, ta - 1);
            if (!word_token(a, ta) && !inner_punct) break;
            --p.a1, --p.b1, --r.a0, --r.b0;
        }
        const bool ends_with_word = (r.a0 < r.a1 && word_token(a, r.a1 - 1)) || (r.b0 < r.b1 && word_token(b, r.b1 - 1));
        while (ends_with_word && q.equal && q.a1 > q.a0) {
            const std::uint32_t ta = q.a0, tb = q.b0;
            if ((r.a0 < r.a1 && !glued(a, ta - 1)) || (r.b0 < r.b1 && !glued(b, tb - 1))) break;
            const bool inner_punct = ta + 1 < q.a1 && glued(a, ta) && glued(b, tb) && word_token(a, ta + 1);
            if (!word_token(a, ta) && !inner_punct) break;
            ++q.a0, ++q.b0, ++r.a1, ++r.b1;
        }
    }
    normalize(regions);
}

// ---------------------------------------------------------------- text pieces

// The ops, first as views: an equal or deleted piece is the old text right
// after the pieces before it, an inserted piece the new text right after
// them, so the pieces of one op are one stretch of a text, and each op's
// string is made once, at its full length. (A piece that does not follow
// on, which the writers here never add, is copied.)
class op_writer {
public:
    void add(op_kind op, std::string_view text) {
        if (text.empty()) return;
        if (!ops_.empty() && ops_.back().op == op) {
            ops_.back().append(text);
            return;
        }
        // Within a change, deletions come before insertions.
        if (op == op_kind::del && !ops_.empty() && ops_.back().op == op_kind::ins) {
            if (ops_.size() >= 2 && ops_[ops_.size() - 2].op == op_kind::del) {
                ops_[ops_.size() - 2].append(text);
            } else {
                ops_.insert(ops_.end() - 1, pending{op, text, {}});
            }
            return;
        }
        ops_.push_back(pending{op, text, {}});
    }

    std::vector<word_op> take() {
        std::vector<word_op> out;
        out.reserve(ops_.size());
        for (auto& p : ops_) {
            out.push_back(word_op{p.op, p.copied.empty() ? std::string(p.text) : std::move(p.copied), {}});
        }
        ops_.clear();
        return out;
    }

private:
    struct pending {
        op_kind op;
        std::string_view text;
        std::string copied;   // the text, when a piece did not follow on
        void append(std::string_view piece) {
            if (copied.empty() && text.data() + text.size() == piece.data()) {
                text = std::string_view(text.data(), text.size() + piece.size());
                return;
            }
            if (copied.empty()) copied.assign(text);
            copied.append(piece);
        }
    };
    std::vector<pending> ops_;
};

// Old and new text between two equal stretches: common leading and trailing
// white space stays equal, the rest is deleted and inserted.
void write_change(op_writer& w, std::string_view old_part, std::string_view new_part) {
    if (old_part == new_part) {
        w.add(op_kind::equal, old_part);
        return;
    }
    std::size_t lead = 0;
    while (lead < old_part.size() && lead < new_part.size() && old_part[lead] == new_part[lead] &&
           detail::space_byte(old_part[lead])) {
        ++lead;
    }
    std::size_t trail = 0;
    while (trail < old_part.size() - lead && trail < new_part.size() - lead &&
           old_part[old_part.size() - 1 - trail] == new_part[new_part.size() - 1 - trail] &&
           detail::space_byte(old_part[old_part.size() - 1 - trail])) {
        ++trail;
    }
    w.add(op_kind::equal, old_part.substr(0, lead));
    w.add(op_kind::del, old_part.substr(lead, old_part.size() - lead - trail));
    w.add(op_kind::ins, new_part.substr(lead, new_part.size() - lead - trail));
    w.add(op_kind::equal, old_part.substr(old_part.size() - trail));
}

std::vector<word_op> write_ops(const std::vector<region>& regions, const side& a, const side& b, op_writer& w) {
    w.add(op_kind::equal, a.text.substr(0, a.from));  // the shared start left out
    std::size_t old_pos = a.from, new_pos = b.from;
    for (const auto& r : regions) {
        if (!r.equal) continue;
        const std::size_t ob = a.tokens[r.a0].begin, oe = a.tokens[r.a1 - 1].end;
        const std::size_t nb = b.tokens[r.b0].begin, ne = b.tokens[r.b1 - 1].end;
        write_change(w, a.text.substr(old_pos, ob - old_pos), b.text.substr(new_pos, nb - new_pos));
        const std::string_view os = a.text.substr(ob, oe - ob);
        const std::string_view ns = b.text.substr(nb, ne - nb);
        if (os == ns) {
            w.add(op_kind::equal, os);
        } else {
            // Same tokens, different spacing between them.
            for (std::uint32_t k = 0; k < r.a1 - r.a0; ++k) {
                const token& ta = a.tokens[r.a0 + k];
                const token& tb = b.tokens[r.b0 + k];
                if (k > 0) {
                    const token& pa = a.tokens[r.a0 + k - 1];
                    const token& pb = b.tokens[r.b0 + k - 1];
                    write_change(w, a.text.substr(pa.end, ta.begin - pa.end), b.text.substr(pb.end, tb.begin - pb.end));
                }
                w.add(op_kind::equal, a.text.substr(ta.begin, ta.end - ta.begin));
            }
        }
        old_pos = oe;
        new_pos = ne;
    }
    write_change(w, a.text.substr(old_pos, a.to - old_pos), b.text.substr(new_pos, b.to - new_pos));
    w.add(op_kind::equal, a.text.substr(a.to));  // the shared end left out
    return w.take();
}

// Texts too large to index with 32-bit offsets: one delete and one insert.
word_diff whole_replacement(std::string_view old_text, std::string_view new_text) {
    word_diff d;
    d.coarse = true;
    op_writer w;
    write_change(w, old_text, new_text);
    d.ops = w.take();
    return d;
}

const subparagraph* find_sub(const std::vector<subparagraph>& subs, std::string_view id) {
    for (const auto& s : subs) {
        if (s.id == id) return &s;
        if (const auto* c = find_sub(s.children, id)) return c;
    }
    return nullptr;
}

void append_sub_text(std::string& out, const subparagraph& s) {
    out += s.text;
    for (const auto& c : s.children) {
        if (!out.empty()) out += ' ';
        out += c.label;
        out += ' ';
        append_sub_text(out, c);
    }
}

std::string footnote_text(const document& doc, int number) {
    for (const auto& f : doc.footnotes) {
        if (f.number == number) return f.text;
    }
    return {};
}

std::string label_of(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += '+';
        out += id;
    }
    return out.empty() ? std::string("(none)") : out;
}

template <class Find>
std::string text_of(const Find& find, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        std::string piece;
        if (const auto* p = find(id)) {
            piece = p->text;
        } else if (const auto open = id.find('('); open != std::string::npos) {
            if (const auto* parent = find(std::string_view(id).substr(0, open))) {
                if (const auto* s = find_sub(parent->subparagraphs, id)) append_sub_text(piece, *s);
            }
        }
        if (piece.empty()) continue;
        if (!out.empty()) out += ' ';
        out += piece;
    }
    return out;
}

// The text of the units named by ids, as text_of gives it: a view of the
// paragraph itself for the usual single paragraph, else built in `storage`.
template <class Find>
std::string_view text_view(const Find& find, const std::vector<std::string>& ids, std::string& storage) {
    if (ids.size() == 1) {
        if (const auto* p = find(ids[0])) return p->text;
    }
    storage = text_of(find, ids);
    return storage;
}

// Bytes at the start and the end that both texts share and that the diff
// may leave untokenized: the start ends just after white space, the end
// begins at white space, and both stay a margin away from the first and
// last difference, where the clean-up looks at neighbouring tokens. The
// margin only saves work: where a clean-up step would reach the part left
// out, diff_tokens says so and the whole texts are diffed (2 in 650 units of
// the corpus with 16 bytes; none with 64, which tokenized a fifth more).
struct shared_ends {
    std::size_t front = 0;
    std::size_t back = 0;
};

shared_ends shared_ends_of(std::string_view a, std::string_view b) {
    constexpr std::size_t margin = 16;
    const std::size_t shorter = std::min(a.size(), b.size());
    constexpr std::size_t block = 64;   // compared a block at a time first, then byte by byte
    std::size_t prefix = 0;
    while (prefix + block <= shorter && std::memcmp(a.data() + prefix, b.data() + prefix, block) == 0) prefix += block;
    while (prefix < shorter && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix + block <= shorter - prefix &&
           std::memcmp(a.data() + a.size() - suffix - block, b.data() + b.size() - suffix - block, block) == 0) {
        suffix += block;
    }
    while (suffix < shorter - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
    shared_ends e;
    if (prefix > margin) {
        e.front = prefix - margin;
        while (e.front > 0 && !detail::space_byte(a[e.front - 1])) --e.front;
    }
    if (suffix > margin) {
        e.back = suffix - margin;
        while (e.back > 0 && !detail::space_byte(a[a.size() - e.back])) --e.back;
    }
    return e;
}

// What diffing a pair of texts needs, kept from one pair to the next so
// that the units of a document reuse the same memory.
struct diff_buffers {
    side a, b;
    token_numbers numbers;
    op_writer ops;
};

// The word diff of the texts with the shared ends left out, or nullopt when
// leaving them out could change the ops: the budget of the precise diff
// (which grows with the token count) decided something, or the clean-up
// reached a part left out.
std::optional<word_diff> diff_tokens(std::string_view old_text, std::string_view new_text, shared_ends ends,
                                     const diff_options& options, diff_buffers& buffers) {
    word_diff d;
    // Tokens numbered so that dtl compares ints.
    buffers.numbers.restart();
    side& a = buffers.a;
    side& b = buffers.b;
    fill_side(a, old_text, ends.front, old_text.size() - ends.back, buffers.numbers);
    fill_side(b, new_text, ends.front, new_text.size() - ends.back, buffers.numbers);
    const bool cut = ends.front > 0 || ends.back > 0;
    const std::vector<int>& ia = a.ids;
    const std::vector<int>& ib = b.ids;

    const bool coarse_mode = ia.size() + ib.size() > options.max_tokens;
    script_builder builder(ia, ib, buffers.numbers.size(), coarse_mode);
    std::vector<region> regions = to_regions(builder.build());
    if (cut && builder.budget_reached()) return std::nullopt;
    d.coarse = coarse_mode || builder.gave_up();
    // The parts left out are equal stretches of the whole texts: the regions
    // must begin and end with one, as they would.
    const auto ends_equal = [&] {
        return !regions.empty() && (ends.front == 0 || regions.front().equal) &&
               (ends.back == 0 || regions.back().equal);
    };
    if (cut && !ends_equal()) return std::nullopt;
    if (options.semantic_cleanup) {
        fold_short_equalities(regions, a, b);
        normalize(regions);
        if (!slide_edits(regions, ia, ib, a, b)) return std::nullopt;
        widen_to_compounds(regions, a, b);
        if (cut && !ends_equal()) return std::nullopt;
    }
    d.ops = write_ops(regions, a, b, buffers.ops);
    return d;
}

// diff_words, with the buffers of the pair before.
word_diff diff_pair(std::string_view old_text, std::string_view new_text, const diff_options& options,
                    diff_buffers& buffers) {
    word_diff d;
    if (old_text == new_text) {
        if (!old_text.empty()) d.ops.push_back({op_kind::equal, std::string(old_text), {}});
        return d;
    }
    if (old_text.size() >= std::numeric_limits<std::uint32_t>::max() ||
        new_text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        return whole_replacement(old_text, new_text);
    }
    if (options.skip_shared_ends && old_text.size() + new_text.size() <= options.max_tokens) {
        const shared_ends ends = shared_ends_of(old_text, new_text);
        if (ends.front > 0 || ends.back > 0) {
            if (auto trimmed = diff_tokens(old_text, new_text, ends, options, buffers)) return std::move(*trimmed);
        }
    }
    return *diff_tokens(old_text, new_text, {}, options, buffers);  // never nullopt on the whole texts
}

}  // namespace

std::string unit_text(const document& doc, const std::vector<std::string>& ids) {
    return text_of([&](std::string_view id) { return find_paragraph(doc, id); }, ids);
}

word_diff diff_words(std::string_view old_text, std::string_view new_text, const diff_options& options) {
    diff_buffers buffers;
    return diff_pair(old_text, new_text, options, buffers);
}

alignment diff_alignment(alignment aligned, const document& old_doc, const document& new_doc,
                         const diff_options& options) {
    // The units (each with its sub-paragraphs) are diffed on two threads,
    // each with its own buffers; the units that took the coarse path are
    // noted per unit and named in reading order.
    std::vector<diff_buffers> buffers(detail::thread_slots());
    std::vector<std::vector<std::string>> coarse(aligned.units.size());
    const detail::paragraph_index old_index(old_doc);
    const detail::paragraph_index new_index(new_doc);
    const auto find_old = [&](std::string_view id) { return old_index.find(id); };
    const auto find_new = [&](std::string_view id) { return new_index.find(id); };
    const auto fill = [&](auto& self, alignment_unit& u, diff_buffers& buf, std::vector<std::string>& notes) -> void {
        std::string old_storage, new_storage;
        const std::string_view old_text = text_view(find_old, u.old_ids, old_storage);
        const std::string_view new_text = text_view(find_new, u.new_ids, new_storage);
        word_diff d = diff_pair(old_text, new_text, options, buf);
        if (d.coarse) notes.push_back(label_of(u.old_ids) + " -> " + label_of(u.new_ids));
        u.ops = std::move(d.ops);
        // Only spelling differs, white space ("micro -," against "micro-,")
        // or a compound's hyphen (changes_text): the same text after
        // normalization. A paragraph in its place is unchanged, one with a
        // new number renumbered, a moved one moved without "and modified"
        // (spelling never shows as a change).
        if (u.text_changed && (u.kind == unit_kind::modified || u.kind == unit_kind::moved) &&
            !changes_text(u.ops)) {
            if (u.kind == unit_kind::modified) {
                u.kind = u.old_ids == u.new_ids ? unit_kind::unchanged : unit_kind::renumbered;
            }
            u.text_changed = false;
            u.similarity = 1.0;
        }
        for (auto& child : u.children) self(self, child, buf, notes);
    };
    // The costliest units first (their text, nearly nothing for a text
    // unchanged), so that neither thread is left with a long one at the end.
    std::vector<std::pair<std::size_t, std::size_t>> order;  // (cost, unit)
    order.reserve(aligned.units.size());
    for (std::size_t i = 0; i < aligned.units.size(); ++i) {
        const auto& u = aligned.units[i];
        std::size_t cost = 0;
        if (u.text_changed || !u.children.empty()) {
            const auto size_in = [](const detail::paragraph_index& index, const std::vector<std::string>& ids) {
                std::size_t n = 0;
                for (const auto& id : ids) {
                    if (const paragraph* p = index.find(id)) n += p->text.size();
                }
                return n;
            };
            cost = size_in(old_index, u.old_ids) + size_in(new_index, u.new_ids);
        }
        order.emplace_back(cost, i);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    detail::parallel_for(order.size(), 1, [&](std::size_t begin, std::size_t end, std::size_t slot) {
        for (std::size_t k = begin; k < end; ++k) {
            const std::size_t i = order[k].second;
            fill(fill, aligned.units[i], buffers[slot], coarse[i]);
        }
    });
    std::size_t coarse_units = 0;
    std::string first_coarse;
    const auto note_coarse = [&](std::string what) {
        if (coarse_units++ == 0) first_coarse = std::move(what);
    };
    for (auto& notes : coarse) {
        for (auto& what : notes) note_coarse(std::move(what));
    }
    for (auto& f : aligned.footnotes) {
        const std::string old_text = f.old_number > 0 ? footnote_text(old_doc, f.old_number) : std::string();
        const std::string new_text = f.new_number > 0 ? footnote_text(new_doc, f.new_number) : std::string();
        word_diff d = diff_pair(old_text, new_text, options, buffers[0]);
        if (d.coarse) {
            note_coarse("footnote " + std::to_string(f.old_number) + " -> footnote " + std::to_string(f.new_number));
        }
        f.ops = std::move(d.ops);
        if (f.kind == unit_kind::modified && !changes_text(f.ops)) {  // as for the units above
            f.kind = f.old_number == f.new_number ? unit_kind::unchanged : unit_kind::renumbered;
        }
    }
    if (coarse_units > 0) {
        std::string note = "word diff: coarse fallback (common prefix and suffix, unique-word anchors, "
                           "delete and insert of the rest) taken for ";
        note += first_coarse;
        if (coarse_units > 1) {
            note += " and ";
            note += std::to_string(coarse_units - 1);
            note += coarse_units == 2 ? " other unit" : " other units";
        }
        note += ": too large or too different for the precise word diff";
        aligned.notes.push_back(std::move(note));
    }
    return aligned;
}

}  // namespace resdiff
