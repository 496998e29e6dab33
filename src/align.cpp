// Stage 3, align: match the paragraphs of two versions by what they say.
//
// The pipeline (docs/alignment.md explains it with the measured figures):
//  1. Every paragraph (and sub-paragraph, footnote) becomes a bag of word
//     unigrams and bigrams weighted by TF-IDF over both documents.
//  2. Within each part (preamble, operative): paragraphs whose word sequence is
//     identical are matched first (hash anchors, as patience diff does).
//  3. The remaining pairs are scored by cosine similarity; candidates come from
//     an inverted index so that cost stays near-linear (terms shared by a large
//     share of the paragraphs are pruned from candidate generation, the exact
//     cosine is then computed for the best few candidates of each paragraph).
//  4. An optimal one-to-one assignment (Hungarian method) over the pairs whose
//     similarity reaches the threshold.
//  5. A dynamic search over windows of consecutive paragraphs for 1:n splits
//     and n:1 merges: the concatenation of the parts must match the other side
//     much better than any part alone.
//  6. Paragraphs left over in one part are matched against the left-overs of
//     the other part (crossed_part).
//  7. The longest increasing subsequence of the matched pairs (by old position
//     in new reading order) stays in place; every other pair is `moved`, so
//     the fewest paragraphs are called moved.
//  8. Sub-paragraphs are aligned the same way inside each operative pair; a
//     sub-paragraph that became its own paragraph (or the reverse) turns the
//     unit into a split (merge).
//  9. Footnotes are aligned by content, then by the paragraph that cites them.
// When the candidate work exceeds align_options::max_pairs, step 3 falls back
// to pairing left-overs by position between anchors, and alignment::notes says so.
#include "resdiff/align.hpp"

#include "align_detail.hpp"
#include "parallel.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace resdiff {

namespace {

// The threshold between "the same clause, reworded" (modified) and "a
// different clause" (removed + added), on the TF-IDF cosine of stemmed word
// unigrams and bigrams. A negotiator calls a paragraph the same clause when it
// keeps its purpose and a good part of its wording: the same subject (the
// same conference, report, mechanism), usually the same verb or opening
// phrase, even with half of its words replaced or a rollover ("Looking
// forward to the convening of" -> "Welcoming the convening of"). Reading every
// removed/added pair scoring 0.15-0.35 in fourteen real pairs of the corpus,
// the rewordings a reader calls the same clause score 0.25-0.29 and up, the
// different clauses 0.24 and down (Addis Ababa -> Sevilla outcome, HLP report
// -> new Office); docs/alignment.md lists them.
constexpr double default_threshold = 0.25;

// Bar for a paragraph left alone between two aligned neighbours on both
// sides, with the same lead phrase (the same slot, updated at a rollover).
constexpr double gap_threshold = 0.15;
// A moved pair under this score yields to such an in-place candidate.
constexpr double weak_move = 0.35;

// Paragraphs that crossed from the preamble to the operative part (or back).
constexpr double cross_part_threshold = 0.55;
// ... with a different lead word.
constexpr double cross_part_any_lead = 0.75;

// Candidate pairs worth remembering for split/merge search even when under
// the threshold (a part of a split matches its old paragraph only partly).
constexpr double min_candidate_similarity = 0.08;
// Weight (share of its IDF) of a number, date, symbol or ordinal session word,
// and of its class in bigrams: they change at every rollover.
constexpr float placeholder_weight = 0.25f;
// Best candidates kept per paragraph from the inverted index.
constexpr std::size_t candidates_per_item = 12;
// Items whose vectors are weighed (and candidates scored) as one piece of
// work handed to either thread.
constexpr std::size_t items_scored_at_once = 8;
// Components of the candidate graph larger than this use a greedy assignment.
constexpr std::size_t max_hungarian = 400;

// A feature key with its weight, in 12 bytes (a std::pair of the two took
// 16, its last 4 padding): the vectors of the paragraphs not matched exactly
// are the largest thing the aligner keeps. Packed: the key is read unaligned
// (one load on x86-64), never by reference.
struct [[gnu::packed]] feature {
    std::uint64_t key;
    float weight;
};
static_assert(sizeof(feature) == 12);
using vec = std::vector<feature>;   // sorted by key, L2-normalized

// ---------------------------------------------------------------- features

// Byte classes of the tokenizer: a word byte (ASCII letter or digit, or any
// byte of a multi-byte UTF-8 sequence) and its lower-case form (ASCII only,
// as tolower in the C locale).
struct byte_table {
    std::array<bool, 256> word{};
    std::array<char, 256> lower{};
    byte_table() {
        for (int c = 0; c < 256; ++c) {
            const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            word[c] = alnum || c >= 0x80;
            lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
};
const byte_table bytes_of;

bool word_byte(char c) { return bytes_of.word[static_cast<unsigned char>(c)]; }
char lower_byte(char c) { return bytes_of.lower[static_cast<unsigned char>(c)]; }

// `text` lower-cased equals `lower` (already lower-case).
bool equal_folded(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (lower_byte(text[i]) != lower[i]) return false;
    }
    return true;
}

// Eight bytes from `p` as a number whose low byte is p[0], whatever the
// machine's byte order.
std::uint64_t load_le(const char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
    return x;
}

// The low `n` bytes (1..8) of `x`.
std::uint64_t low_bytes(std::uint64_t x, std::size_t n) { return x & (~0ull >> (64 - 8 * n)); }

// Bytes [at, end) of `buf` (at most eight) as one number (as load_le reads
// them), zero-filled: a single load when eight bytes can be read inside `buf`.
std::uint64_t chunk_at(std::string_view buf, std::size_t at, std::size_t end) {
    const std::size_t n = std::min<std::size_t>(end - at, 8);   // 1..8
    if (at + 8 <= buf.size()) [[likely]] return low_bytes(load_le(buf.data() + at), n);
    char bytes[8] = {};
    std::memcpy(bytes, buf.data() + at, n);
    return load_le(bytes);
}

// What a word table looks a word up by: its first eight bytes and a hash of
// all of them. Most words are eight bytes or shorter and compare by `head`
// alone (no loop over their bytes, no branch on their length).
struct word_key {
    std::uint64_t head = 0;
    std::uint64_t hash = 0;
};

constexpr std::uint64_t key_mul = 0x9e3779b97f4a7c15ull;

// The key of a word of `length` bytes, eight or fewer, whose bytes are `head`
// (as chunk_at reads them).
word_key short_key(std::uint64_t head, std::size_t length) {
    const std::uint64_t h = (head ^ length) * key_mul;
    return {head, h ^ (h >> 32)};
}

// The key of the word buf[start, end).
inline word_key key_of(std::string_view buf, std::size_t start, std::size_t end) {
    const std::uint64_t head = chunk_at(buf, start, end);
    if (end - start <= 8) return short_key(head, end - start);
    std::uint64_t h = (head ^ (end - start)) * key_mul;
    for (std::size_t at = start + 8; at < end; at += 8) {
        h ^= h >> 29;
        h = (h ^ chunk_at(buf, at, end)) * key_mul;
    }
    return {head, h ^ (h >> 32)};
}
word_key key_of(std::string_view w) { return key_of(w, 0, w.size()); }

// Words to ids: an open-addressing table over the words, which live in one
// buffer (no allocation per word, no std::string keys), filled up to three
// quarters (a word is found in one or two probes of the same cache line). Words are compared
// byte for byte; the table of surface forms holds each form as it is written
// ("Recalling" and "recalling" are two entries with the same stem id).
class word_table {
public:
    // The id of `w` (`k` its key), or -1 when not seen yet.
    std::int64_t find(std::string_view w, const word_key& k) const {
        if (slots_.empty()) return -1;
        const auto tag = static_cast<std::uint16_t>(k.hash >> 48);
        for (std::size_t i = k.hash & mask_;; i = (i + 1) & mask_) {
            const slot& s = slots_[i];
            if (s.length == 0) return -1;
            if (s.head == k.head && s.length == w.size() &&
                (w.size() <= 8 || (s.tag == tag && same_bytes(w.substr(8), bytes_.data() + offsets_[i] + 8)))) {
                return s.id;
            }
        }
    }
    // Room for `n` words (of `bytes` bytes in all) without growing.
    void reserve(std::size_t n, std::size_t bytes) {
        if (4 * n > 3 * slots_.size()) grow((4 * n + 2) / 3);
        bytes_.reserve(bytes);
    }
    // Remembers `w` (`k` its key). A word too long for a slot, or past 4 GiB
    // of words, is not remembered (looked up, it is read again).
    void insert(std::string_view w, const word_key& k, std::uint32_t id) {
        if (w.empty() || w.size() > std::numeric_limits<std::uint16_t>::max()) return;
        if (bytes_.size() + w.size() > std::numeric_limits<std::uint32_t>::max()) return;
        if (4 * (count_ + 1) > 3 * slots_.size()) grow(slots_.size() * 2);
        place({k.head, id, static_cast<std::uint16_t>(w.size()), static_cast<std::uint16_t>(k.hash >> 48)},
              static_cast<std::uint32_t>(bytes_.size()), k.hash);
        bytes_.append(w);
        ++count_;
    }

private:
    // `w` equals the |w| bytes at `p`.
    static bool same_bytes(std::string_view w, const char* p) {
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (w[i] != p[i]) return false;
        }
        return true;
    }
    struct slot {   // 16 bytes, four to a cache line
        std::uint64_t head = 0;
        std::uint32_t id = 0;
        std::uint16_t length = 0;   // 0: empty
        std::uint16_t tag = 0;      // top bits of the hash
    };
    void place(const slot& s, std::uint32_t offset, std::uint64_t hash) {
        std::size_t i = hash & mask_;
        while (slots_[i].length != 0) i = (i + 1) & mask_;
        slots_[i] = s;
        offsets_[i] = offset;
    }
    // A table of at least `size` slots (a power of two, at least 1024).
    void grow(std::size_t size) {
        std::size_t n = 1024;
        while (n < size) n *= 2;
        std::vector<slot> old = std::move(slots_);
        std::vector<std::uint32_t> old_offsets = std::move(offsets_);
        slots_.assign(n, slot{});
        offsets_.assign(n, 0);
        mask_ = n - 1;
        for (std::size_t i = 0; i < old.size(); ++i) {
            if (old[i].length == 0) continue;
            const auto offset = old_offsets[i];
            place(old[i], offset, key_of(bytes_, offset, offset + old[i].length).hash);
        }
    }
    std::vector<slot> slots_;
    std::vector<std::uint32_t> offsets_;   // by slot: where its word starts in bytes_ (read for long words)
    std::size_t mask_ = 0;
    std::size_t count_ = 0;
    std::string bytes_;
};

// Routine tokens that change at every session rollover without changing the
// clause: numbers, years, symbols ("79/194", "a/80/123", "e/2025/15"), month
// names and ordinal session words ("seventy-ninth", "eightieth"). Each
// belongs to a placeholder class; bigrams are formed over the classes, so
// "resolution 79/194 of 19 December 2024" and "resolution 80/118 of 15
// December 2025" share every bigram and differ only in light unigrams.
const char* placeholder_class(std::string_view w) {
    if (w.empty() || w[0] == '#') return nullptr;
    const bool digits = std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
        if (w.find('/') != std::string_view::npos) return "#sym";
        if (w.size() == 4 && (w.substr(0, 2) == "19" || w.substr(0, 2) == "20") &&
            std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return "#year";
        }
        return "#num";
    }
    static constexpr std::array<std::string_view, 12> months = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december"};
    // Most words are no month: the first letter rules out nearly all of them
    // before any string is compared.
    for (const auto m : months) {
        if (m[0] == w[0] && m == w) return "#month";
    }
    // Ordinal session words: "twentieth" .. "ninetieth", "hundredth" and the
    // hyphenated "seventy-ninth" (kept whole by tokenize).
    static constexpr std::array<std::string_view, 8> tens = {"twenty", "thirty", "forty",   "fifty",
                                                             "sixty",  "seventy", "eighty", "ninety"};
    if (w.ends_with("ieth") || w == "hundredth") {
        for (const auto t : tens) {
            if (w.substr(0, t.size() - 1) == t.substr(0, t.size() - 1) && w.size() == t.size() + 3) return "#ord";
        }
        if (w == "hundredth") return "#ord";
    }
    // "forty-" and longer: a shorter word has no tens word before a hyphen.
    if (const auto dash = w.size() > 6 ? w.find('-') : std::string_view::npos; dash != std::string_view::npos) {
        if (std::find(tens.begin(), tens.end(), w.substr(0, dash)) != tens.end()) return "#ord";
    }
    return nullptr;
}

// Word ids and, per word, the number of items (paragraphs) using it. A bigram
// is weighted with the mean inverse document frequency of its two words.
struct vocabulary {
    word_table ids;                    // stem -> word id
    std::vector<std::uint32_t> df;     // by word id
    std::vector<float> idf_by_word;    // by word id, after count()
    double documents = 1.0;

    std::vector<std::uint32_t> cls;    // by word id: its placeholder class (itself when none)

    word_table surfaces;               // surface form (as written) -> id of its stem

    std::string scratch_form;   // a new surface form lower-cased and stemmed
    std::vector<std::uint32_t> scratch_tokens;   // tokenize's output, before it is copied to its exact size

    // With `keeps_stems`, every stem by id (stem i is stem_bytes[stem_ends[i -
    // 1], stem_ends[i])): a vocabulary of texts read on another thread, whose
    // ids are later translated into the main one (read_items). Kept apart
    // from `ids`, which leaves out words too long for its slots.
    bool keeps_stems = false;
    std::string stem_bytes;
    std::vector<std::size_t> stem_ends;

    std::uint32_t intern(std::string_view w) {
        const auto k = key_of(w);
        if (const auto found = ids.find(w, k); found >= 0) return static_cast<std::uint32_t>(found);
        const auto id = static_cast<std::uint32_t>(cls.size());
        ids.insert(w, k, id);
        cls.push_back(id);
        if (keeps_stems) {
            stem_bytes.append(w);
            stem_ends.push_back(stem_bytes.size());
        }
        if (const char* c = placeholder_class(w)) {
            const auto k_class = intern(c);   // may grow cls
            cls[id] = k_class;
        }
        return id;
    }
    double word_idf(std::uint32_t w) const {
        if (w < idf_by_word.size()) return idf_by_word[w];
        return std::log(1.0 + documents);   // a word seen in no counted item
    }
    double idf(std::uint64_t key) const {
        const auto lo = static_cast<std::uint32_t>((key & 0xffffffffu) - 1);
        if (key >> 32 == 0) return word_idf(lo);
        const auto hi = static_cast<std::uint32_t>((key >> 32) - 1);
        return 0.5 * (word_idf(hi) + word_idf(lo));
    }
};

// A light English stemmer, enough to make a lead and its operative form
// meet ("Recognizing"/"Recognizes", "Stressing"/"Stresses") and plurals
// compare equal; words with digits are left alone. Stems the `n` bytes at `w`
// in place and returns the length of the stem.
std::size_t stem(char* w, std::size_t n) {
    const std::string_view word(w, n);
    if (n < 5 || std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return n;
    auto ends = [&](std::string_view suf) {   // compared from the end (short: no library call)
        return n >= suf.size() + 4 && std::equal(suf.rbegin(), suf.rend(), word.rbegin());
    };
    if (ends("ies")) {
        n -= 2;
        w[n - 1] = 'y';
    } else if (ends("ing")) {
        n -= 3;
    } else if (ends("ed")) {
        n -= 2;
    } else if (ends("es")) {
        n -= 2;
    } else if (ends("s") && !ends("ss")) {
        n -= 1;
    }
    if (n >= 5 && w[n - 1] == 'e') --n;
    return n;
}

// "seventy" in "seventy-ninth" (any case): the hyphen keeps the ordinal whole.
bool tens_word(std::string_view w) {
    for (const char* t : {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}) {
        if (equal_folded(w, t)) return true;
    }
    return false;
}

// A hyphen after `w` keeps the token whole: "A/65/64-E/2010/12", "seventy-ninth".
bool hyphen_joins(std::string_view w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) || tens_word(w);
}

// The word id of a surface form seen for the first time: lower-cased,
// stemmed and interned. Out of line: the tokenizer's loop stays small.
[[gnu::noinline]] std::uint32_t new_surface(std::string_view w, const word_key& k, vocabulary& vocab) {
    std::string& form = vocab.scratch_form;   // reused: no allocation per new form
    form.resize(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) form[i] = lower_byte(w[i]);
    const auto id = vocab.intern(std::string_view(form.data(), stem(form.data(), form.size())));
    vocab.surfaces.insert(w, k, id);
    return id;
}

// The word id of the surface form `w` (`k` its key).
inline std::uint32_t word_id(std::string_view w, const word_key& k, vocabulary& vocab) {
    if (const auto id = vocab.surfaces.find(w, k); id >= 0) [[likely]] return static_cast<std::uint32_t>(id);
    return new_surface(w, k, vocab);
}

constexpr std::uint64_t high_bits = 0x8080808080808080ull;   // the high bit of each byte

// The word bytes among the eight bytes of `x` (as load_le reads them): the
// high bit of each byte that is a word byte (as word_byte tells), all eight
// bytes classified at once.
std::uint64_t word_bytes(std::uint64_t x) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t high = high_bits;
    // The high bit of each byte b of `v` (every byte below 0x80) for which b >= k:
    // b + 0x80 - k reaches 0x80 exactly then, and never carries into the next byte.
    const auto at_least = [](std::uint64_t v, std::uint64_t k) { return (v + (0x80 - k) * ones) & high; };
    const std::uint64_t ascii = x & ~high;
    const std::uint64_t folded = ascii | 0x20 * ones;   // upper-case letters to lower-case ones
    const std::uint64_t letters = at_least(folded, 'a') & ~at_least(folded, 'z' + 1);
    const std::uint64_t digits = at_least(ascii, '0') & ~at_least(ascii, '9' + 1);
    return (x & high) | letters | digits;   // bytes from 0x80 (UTF-8), letters, digits
}

// The end of the run of word bytes starting at text[i], eight bytes at a time.
[[gnu::always_inline]] inline std::size_t word_end(std::string_view text, std::size_t i) {
    while (i + 8 <= text.size()) {
        const std::uint64_t others = ~word_bytes(load_le(text.data() + i)) & high_bits;
        const auto run = static_cast<std::size_t>(std::countr_zero(others)) / 8;   // 8 when all are word bytes
        i += run;
        if (run < 8) return i;
    }
    while (i < text.size() && word_byte(text[i])) ++i;
    return i;
}

// The key of a token sequence (anchors: identical sequences), taken in one
// pass over the tokens once they are all read.
std::uint64_t sequence_key(const std::vector<std::uint32_t>& tokens) {
    std::uint64_t h = 1469598103934665603ull;
    for (const auto t : tokens) h = (h ^ t) * 1099511628211ull;
    return h ^ (h >> 29) ^ tokens.size();
}

// The joiner at text[i] (just after a run of word bytes) continues the token
// that started at `start`: '/' or '.' before a word byte ("65/141"), and '-'
// too when the token so far has a digit or is a tens word ("seventy-ninth").
bool joins(std::string_view text, std::size_t start, std::size_t i) {
    if (i + 1 >= text.size()) return false;
    const char c = text[i];   // the usual space or comma ends the token at once
    if (c != '/' && c != '.' && c != '-') return false;
    return word_byte(text[i + 1]) && (c != '-' || hyphen_joins(text.substr(start, i - start)));
}

// Lower-cased, lightly stemmed word tokens. '/' and '.' inside a token keep it
// whole ("65/141", "A/65/64-E/2010/12"), as does '-' in a token with digits;
// other hyphenated words count as their parts ("energy-efficient"). `key`:
// the key of the sequence.
std::vector<std::uint32_t> tokenize(std::string_view text, vocabulary& vocab, std::uint64_t& key) {
    // Read into a reused buffer, then copied at its size: an item's tokens
    // are kept through the alignment, and room reserved by the length of the
    // text (a token per 6 bytes; 7 is usual) took a sixth more memory.
    std::vector<std::uint32_t>& out = vocab.scratch_tokens;
    out.clear();
    out.reserve(text.size() / 6 + 1);
    const char* const p = text.data();
    const std::size_t n = text.size();
    std::size_t i = 0;
    bool at_word = false;   // text[i] is known to start a word
    while (true) {
        if (!at_word) {
            while (i < n && !word_byte(p[i])) ++i;
            if (i == n) break;
        }
        at_word = false;
        // A token: runs of word bytes joined by a joiner.
        const std::size_t start = i;
        if (start + 8 <= n) {
            // The first run found from one load; the usual word, shorter
            // than eight bytes and not joined, also takes its key from it,
            // and the next word's start when it lies in the same eight bytes.
            const std::uint64_t x = load_le(p + start);
            const std::uint64_t in_words = word_bytes(x);
            const auto run = static_cast<std::size_t>(std::countr_zero(~in_words & high_bits)) / 8;
            i = run < 8 ? start + run : word_end(text, start + 8);
            if (run < 8 && !joins(text, start, i)) {
                out.push_back(word_id(std::string_view(p + start, run), short_key(low_bytes(x, run), run), vocab));
                const std::uint64_t later = in_words & ~(~0ull >> (8 * (7 - run)));   // past the byte ending it
                at_word = later != 0;
                i = at_word ? start + static_cast<std::size_t>(std::countr_zero(later)) / 8 : start + 8;
                continue;
            }
        } else {
            i = word_end(text, start);
        }
        while (joins(text, start, i)) i = word_end(text, i + 1);
        out.push_back(word_id(std::string_view(p + start, i - start), key_of(text, start, i), vocab));
    }
    key = sequence_key(out);
    return std::vector<std::uint32_t>(out.begin(), out.end());
}

std::uint64_t unigram(std::uint32_t a) { return a + 1ull; }
std::uint64_t bigram(std::uint32_t a, std::uint32_t b) { return ((a + 1ull) << 32) | (b + 1ull); }
bool is_unigram(std::uint64_t key) { return key >> 32 == 0; }

// Feature keys with their counts, sorted by key.
using counts = std::vector<std::pair<std::uint64_t, std::uint32_t>>;

// Scratch space of count_features and of the vectors weighed from its
// counts, reused from item to item.
struct feature_scratch {
    std::vector<std::uint32_t> words;
    std::vector<std::uint64_t> pairs;
    std::vector<std::uint32_t> tf;   // by word id, all 0 between uses
    counts counted;
};

// The scratch space of this thread's current alignment: the preamble and the
// operative part are aligned at the same time, each with its own (set by
// using_scratch, which every entry point and each of the two parts does).
// Owned by the alignment, not by the thread: freed with it.
thread_local feature_scratch* current_scratch = nullptr;

// Makes `s` this thread's scratch space for its lifetime.
class using_scratch {
public:
    explicit using_scratch(feature_scratch& s) : saved_(std::exchange(current_scratch, &s)) {}
    using_scratch(const using_scratch&) = delete;
    using_scratch& operator=(const using_scratch&) = delete;
    ~using_scratch() { current_scratch = saved_; }

private:
    feature_scratch* saved_;
};

// The word unigrams and bigrams of a token sequence with their counts. A
// placeholder token (number, symbol, date, ordinal) counts as itself in
// unigrams and as its class in bigrams. Unigram keys sort before bigram
// keys, so the two are sorted apart; words are counted by id, and only the
// distinct ones sorted.
void count_features(const std::uint32_t* toks, std::size_t n, const vocabulary& vocab, counts& out) {
    auto& words = current_scratch->words;
    auto& pairs = current_scratch->pairs;
    auto& tf = current_scratch->tf;
    if (tf.size() < vocab.cls.size()) tf.resize(vocab.cls.size(), 0);
    words.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if (tf[toks[i]]++ == 0) words.push_back(toks[i]);
    }
    pairs.clear();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        pairs.push_back(bigram(vocab.cls[toks[i]], vocab.cls[toks[i + 1]]));
    }
    std::sort(words.begin(), words.end());
    std::sort(pairs.begin(), pairs.end());
    out.clear();
    for (const auto w : words) {
        out.emplace_back(unigram(w), tf[w]);
        tf[w] = 0;
    }
    for (std::size_t i = 0, j = 0; i < pairs.size(); i = j) {
        while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
        out.emplace_back(pairs[i], static_cast<std::uint32_t>(j - i));
    }
}

// The weight of a term occurring tf times, 1 + log(tf), looked up for the
// usual small counts.
double tf_weight(std::uint32_t tf) {
    static const auto small = [] {
        std::array<double, 64> t{};
        for (std::size_t i = 1; i < t.size(); ++i) t[i] = 1.0 + std::log(static_cast<double>(i));
        return t;
    }();
    return tf < small.size() ? small[tf] : 1.0 + std::log(static_cast<double>(tf));
}

// The TF-IDF vector of counted features: sorted by key, L2-normalized.
vec weigh(const counts& raw, const vocabulary& vocab) {
    vec v;
    v.reserve(raw.size());
    double norm = 0;
    for (const auto& [k, tf] : raw) {
        const double w = tf_weight(tf) * vocab.idf(k);
        v.push_back({k, static_cast<float>(w)});
        norm += w * w;
    }
    norm = std::sqrt(norm);
    if (norm > 0) {
        for (auto& f : v) f.weight = static_cast<float>(f.weight / norm);
    }
    return v;
}

// Counts of both lists, summed (both sorted by key).
void add_counts(const counts& a, const counts& b, counts& out) {
    out.clear();
    out.reserve(a.size() + b.size());
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() || j != b.end()) {
        if (j == b.end() || (i != a.end() && i->first < j->first)) {
            out.push_back(*i++);
        } else if (i == a.end() || j->first < i->first) {
            out.push_back(*j++);
        } else {
            out.emplace_back(i->first, i->second + j->second);
            ++i, ++j;
        }
    }
}

double cosine(const vec& a, const vec& b) {
    double dot = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        const auto a_key = i->key, b_key = j->key;
        if (a_key < b_key) ++i;
        else if (b_key < a_key) ++j;
        else dot += static_cast<double>(i->weight) * j->weight, ++i, ++j;
    }
    return std::clamp(dot, 0.0, 1.0);
}

// Share of the unigram weight of `part` whose words also occur in `whole`.
double containment(const vec& part, const vec& whole) {
    double in = 0, all = 0;
    auto j = whole.begin();
    for (const auto& f : part) {
        const auto k = f.key;
        if (!is_unigram(k)) continue;
        all += f.weight;
        while (j != whole.end() && j->key < k) ++j;
        if (j != whole.end() && j->key == k) in += f.weight;
    }
    return all > 0 ? in / all : 0.0;
}

// ---------------------------------------------------------------- items

// Anything aligned: a paragraph, a sub-paragraph or a footnote.
struct item {
    std::string id;
    part where = part::preamble;
    int global = 0;                 // position in its document (preamble first)
    std::string number;             // printed number / label, for "renumbered"
    std::string lead;               // paragraphs: lead phrase, lower-cased (empty otherwise)
    const std::string* text = nullptr;
    std::vector<std::uint32_t> tokens;
    std::uint64_t key = 0;               // hash of the token sequence (anchors)
    const vocabulary* vocab = nullptr;   // weights, after context::count
    const item* copy_of = nullptr;       // an item of the other version with the same text
    mutable std::uint32_t copies = 0;    // items of the other version copying this one

    // The TF-IDF vector, computed on first use: most paragraphs are matched
    // as anchors (identical text) and never need one.
    const vec& v() const {
        if (!weighed_) {
            count_features(tokens.data(), tokens.size(), *vocab, current_scratch->counted);
            v_ = weigh(current_scratch->counted, *vocab);
            weighed_ = true;
        }
        return v_;
    }
    // The same vector, not kept (unless it already is): the coarse
    // alignment of long lists reads each vector once, and keeping them all
    // took a third of the memory of a 10 MB pair.
    vec transient_v() const {
        if (weighed_) return v_;
        count_features(tokens.data(), tokens.size(), *vocab, current_scratch->counted);
        return weigh(current_scratch->counted, *vocab);
    }
    // Its feature counts, computed on first use (parts of split/merge windows).
    const counts& raw() const {
        if (!counted_) {
            count_features(tokens.data(), tokens.size(), *vocab, raw_);
            counted_ = true;
        }
        return raw_;
    }
    // Drops the tokens and the vectors (the item is no longer compared):
    // kept to the end, they were a third of the peak memory of a 10 MB pair.
    void release() {
        tokens = std::vector<std::uint32_t>();   // (not `= {}`: that keeps the capacity)
        v_ = vec();
        raw_ = counts();
        weighed_ = counted_ = false;
    }

private:
    mutable vec v_;
    mutable counts raw_;
    mutable bool weighed_ = false;
    mutable bool counted_ = false;
};

std::string_view trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

// Whether an alignment of lists fell back to the coarse method (the lists
// aligned after it then follow fewer rules), and where the note saying so
// goes (the first fallback writes it).
struct coarse_state {
    bool fell_back = false;
    std::vector<std::string>* notes = nullptr;
};

// Below this many tokens, document frequencies are counted on one thread;
// above, in ranges of this many items on either thread.
constexpr std::size_t min_tokens_counted_in_two = 8192;
constexpr std::size_t items_counted_at_once = 32;

struct context {
    vocabulary vocab;
    double threshold = default_threshold;
    std::size_t max_pairs = 0;
    coarse_state coarse;
    // The scratch space of vectors weighed on the thread that made the context.
    feature_scratch scratch;
    using_scratch scratch_in_use{scratch};

    void prepare(item& it, const std::string& text) {
        it.text = &text;
        it.tokens = tokenize(text, vocab, it.key);
        it.vocab = &vocab;
    }
    // Items by text: the first item with a given text. Texts are told apart
    // by length first, and only texts of the same length compared (no hash
    // of every text, which is read once more here than when looked up).
    class by_text {
    public:
        by_text() = default;
        explicit by_text(const std::vector<item>& items) {
            by_length_.reserve(items.size());
            for (const auto& it : items) by_length_.emplace_back(it.text->size(), &it);
            std::stable_sort(by_length_.begin(), by_length_.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        }
        const item* find(std::string_view text) const {
            auto at = std::lower_bound(by_length_.begin(), by_length_.end(), text.size(),
                                       [](const auto& e, std::size_t n) { return e.first < n; });
            for (; at != by_length_.end() && at->first == text.size(); ++at) {
                if (*at->second->text == text) return at->second;
            }
            return nullptr;
        }

    private:
        std::vector<std::pair<std::size_t, const item*>> by_length_;
    };
    // The same, taking the tokens of an item of the other version with the
    // same text when there is one (most texts are kept as they were).
    void prepare(item& it, const std::string& text, const by_text& known) {
        const item* same = known.find(text);
        if (same == nullptr) return prepare(it, text);
        it.text = &text;
        copy(it, *same);
    }
    // `it` (its text that of `same`, of the other version) takes the tokens
    // of `same` instead of reading the text again.
    void copy(item& it, const item& same) {
        it.tokens = same.tokens;
        it.key = same.key;
        it.vocab = &vocab;
        it.copy_of = &same;
        ++same.copies;
    }
    // Document frequencies over every prepared item.
    void count(const std::vector<std::vector<item>*>& lists) {
        std::size_t docs = 0, tokens = 0;
        std::vector<const item*> read;   // the items read (a copy is counted with the item it copies)
        for (const auto* l : lists) {
            for (const auto& it : *l) {
                ++docs;
                if (it.copy_of == nullptr) read.push_back(&it), tokens += it.tokens.size();
            }
        }
        // Counted in ranges of items on both threads (parallel_for: the
        // helper may be busy at first), each thread into counts of its own,
        // summed after (whole numbers: the same in any order).
        struct counter {
            std::vector<std::uint32_t> df;
            std::vector<std::size_t> seen_in;   // by word: the last item read (1-based) using it
        };
        std::array<counter, 2> by_slot;
        const auto count_in = [&](std::size_t from, std::size_t to, std::size_t slot) {
            auto& [df, seen_in] = by_slot[slot];
            if (df.empty()) df.assign(vocab.cls.size(), 0), seen_in.assign(vocab.cls.size(), 0);
            for (std::size_t k = from; k < to; ++k) {
                const std::uint32_t uses = 1 + read[k]->copies;
                for (const auto w : read[k]->tokens) {
                    if (seen_in[w] == k + 1) continue;
                    seen_in[w] = k + 1;
                    df[w] += uses;
                    if (const auto c = vocab.cls[w]; c != w) df[c] += uses;   // its class
                }
            }
        };
        // Long texts only: short ones take less than handing a share over.
        const std::size_t grain = tokens >= min_tokens_counted_in_two ? items_counted_at_once : read.size();
        detail::parallel_for(read.size(), grain, count_in);
        vocab.df = std::move(by_slot[0].df);
        vocab.df.resize(vocab.cls.size(), 0);
        for (std::size_t w = 0; w < by_slot[1].df.size(); ++w) vocab.df[w] += by_slot[1].df[w];
        vocab.documents = static_cast<double>(std::max<std::size_t>(docs, 1));
        // One logarithm per document frequency met, not per word: most
        // words are in one to three items (the same expression, the same
        // value).
        vocab.idf_by_word.resize(vocab.df.size());
        std::vector<float> idf_of_df;
        for (std::size_t w = 0; w < vocab.df.size(); ++w) {
            const std::uint32_t df = std::max(1u, vocab.df[w]);
            if (df >= idf_of_df.size()) idf_of_df.resize(df + 1, -1.0f);
            float& idf = idf_of_df[df];
            if (idf < 0) idf = static_cast<float>(std::log(1.0 + vocab.documents / df));
            vocab.idf_by_word[w] = idf;
        }
        // Numbers, years, symbols and ordinal session words ("2021",
        // "76/200", "seventy-ninth") change at every session
        // rollover: "Recalling its resolution 76/200 of 17 December 2021" and
        // "... 78/144 of 19 December 2023" are the same clause. Such a token
        // and its class (placeholder_class, in bigrams) weigh little.
        // Month names keep their weight, as words and in bigrams ("the June
        // 2019 report" and "of the Paris 2024 Games").
        // A class weighs what its members weigh on average (a class is
        // common, its members are not: "June 2019" keeps the weight it had).
        const auto month_id = vocab.ids.find("#month", key_of("#month"));
        const auto month =
            month_id < 0 ? std::numeric_limits<std::uint32_t>::max() : static_cast<std::uint32_t>(month_id);
        std::vector<double> sum(vocab.idf_by_word.size(), 0.0);
        std::vector<std::uint32_t> members(vocab.idf_by_word.size(), 0);
        for (std::size_t w = 0; w < vocab.idf_by_word.size(); ++w) {
            const auto c = vocab.cls[w];
            if (c != w && vocab.df[w] > 0) sum[c] += vocab.idf_by_word[w], ++members[c];
        }
        for (std::size_t w = 0; w < vocab.idf_by_word.size(); ++w) {
            if (members[w] > 0) vocab.idf_by_word[w] = static_cast<float>(sum[w] / members[w]);
        }
        for (std::size_t w = 0; w < vocab.idf_by_word.size(); ++w) {
            const auto c = vocab.cls[w];
            if ((c != w || members[w] > 0) && c != month) vocab.idf_by_word[w] *= placeholder_weight;
        }
    }
    // The vector of the parts' texts joined: their counts summed, plus the
    // bigrams across each boundary (as if the joined text were counted).
    vec concat(const std::vector<const item*>& parts) {
        counts across;
        const item* before = nullptr;   // the last part with words
        for (const auto* p : parts) {
            if (p->tokens.empty()) continue;
            if (before != nullptr) {
                const auto key = bigram(vocab.cls[before->tokens.back()], vocab.cls[p->tokens.front()]);
                across.emplace_back(key, 1);
            }
            before = p;
        }
        std::sort(across.begin(), across.end());
        counts joined, sum;
        for (std::size_t i = 0, j = 0; i < across.size(); i = j) {   // equal keys as one count
            while (j < across.size() && across[j].first == across[i].first) ++j;
            joined.emplace_back(across[i].first, static_cast<std::uint32_t>(j - i));
        }
        for (const auto* p : parts) {
            add_counts(joined, p->raw(), sum);
            joined.swap(sum);
        }
        return weigh(joined, vocab);
    }
};

// ---------------------------------------------------------------- assignment

// Minimum-cost assignment of rows to columns (rows <= cols), the Hungarian
// method in its O(n^2 m) potentials form. Returns the column of each row.
std::vector<int> hungarian(const std::vector<std::vector<double>>& cost) {
    const int n = static_cast<int>(cost.size());
    const int m = n == 0 ? 0 : static_cast<int>(cost[0].size());
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1), v(m + 1);
    std::vector<int> p(m + 1), way(m + 1);
    for (int i = 1; i <= n; ++i) {
        p[0] = i;
        int j0 = 0;
        std::vector<double> minv(m + 1, inf);
        std::vector<char> used(m + 1, 0);
        do {
            used[j0] = 1;
            const int i0 = p[j0];
            double delta = inf;
            int j1 = 0;
            for (int j = 1; j <= m; ++j) {
                if (used[j]) continue;
                const double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                if (cur < minv[j]) minv[j] = cur, way[j] = j0;
                if (minv[j] < delta) delta = minv[j], j1 = j;
            }
            for (int j = 0; j <= m; ++j) {
                if (used[j]) u[p[j]] += delta, v[j] -= delta;
                else minv[j] -= delta;
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            const int j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    std::vector<int> col(n, -1);
    for (int j = 1; j <= m; ++j) {
        if (p[j] != 0) col[p[j] - 1] = j - 1;
    }
    return col;
}

// Distinct feature keys (never 0) numbered 0, 1, 2 ... in order of first
// insertion: an open-addressing table that grows with the distinct keys (a
// long text repeats its terms: the 10 MB pair has 14,000 terms in 585,000
// postings, and a table sized by the postings took 25 MB). Filled up to
// three quarters (a power-of-two table at most half full was often a
// quarter full: 4,800 terms in 16,384 slots on the 200 KB pair).
class key_numbers {
public:
    // Room for `expected` keys before the table grows.
    explicit key_numbers(std::size_t expected = 8) {
        std::size_t size = 16;
        while (3 * size < 4 * expected) size *= 2;
        resize(size);
    }
    // The number of `key`, a new one when unseen.
    std::uint32_t insert(std::uint64_t key) {
        std::size_t i = slot(key);
        if (keys_[i] != 0) return numbers_[i];
        if (4 * (count_ + 1) > 3 * keys_.size()) {
            resize(2 * keys_.size());
            i = slot(key);
        }
        keys_[i] = key, numbers_[i] = count_++;
        return numbers_[i];
    }
    // The number of `key`, or -1.
    std::int64_t find(std::uint64_t key) const {
        const std::size_t i = slot(key);
        if (keys_[i] == 0) return -1;
        return numbers_[i];
    }
    std::uint32_t size() const { return count_; }

private:
    std::size_t slot(std::uint64_t key) const {
        std::size_t i = static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ull) >> 32) & mask_;
        while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
        return i;
    }
    // `size` slots (a power of two), the keys kept with their numbers.
    void resize(std::size_t size) {
        const auto old_keys = std::exchange(keys_, std::vector<std::uint64_t>(size, 0));
        const auto old_numbers = std::exchange(numbers_, std::vector<std::uint32_t>(size, 0));
        mask_ = size - 1;
        for (std::size_t k = 0; k < old_keys.size(); ++k) {
            if (old_keys[k] == 0) continue;
            const std::size_t i = slot(old_keys[k]);
            keys_[i] = old_keys[k], numbers_[i] = old_numbers[k];
        }
    }
    std::vector<std::uint64_t> keys_;   // 0: empty slot
    std::vector<std::uint32_t> numbers_;
    std::size_t mask_ = 0;
    std::uint32_t count_ = 0;
};

// For each feature key, the items of `items` (at the positions `which`, in
// increasing order) having it, in that order, with its weight there.
class inverted_index {
public:
    struct posting {
        int o;
        float w;
    };
    inverted_index(const std::vector<const item*>& items, const std::vector<int>& which)
        : first_term_(items.size(), 0) {
        std::size_t n = 0;
        for (const int o : which) n += items[o]->v().size();
        term_of_.reserve(n);
        // Distinct terms are fewer than postings (4,100 in 9,000 on the 200 KB
        // pair, 14,000 in 585,000 on the 10 MB one): room for half the
        // postings up to 16,384 terms, then the table grows if it must.
        terms_ = key_numbers(std::min<std::size_t>(n / 2, std::size_t{1} << 14));
        for (const int o : which) {
            first_term_[o] = term_of_.size();
            for (const auto& f : items[o]->v()) term_of_.push_back(terms_.insert(f.key));
        }
        start_.assign(terms_.size() + 1, 0);
        for (const auto t : term_of_) ++start_[t + 1];
        for (std::size_t t = 0; t < terms_.size(); ++t) start_[t + 1] += start_[t];
        postings_.resize(term_of_.size());
        std::vector<std::size_t> next(start_.begin(), start_.end() - 1);
        std::size_t k = 0;
        for (const int o : which) {
            for (const auto& f : items[o]->v()) postings_[next[term_of_[k++]]++] = {o, f.weight};
        }
    }
    // The number of the term `key`, or -1 when no indexed item has it.
    std::int64_t term(std::uint64_t key) const { return terms_.find(key); }
    std::size_t terms() const { return terms_.size(); }
    std::span<const posting> find(std::uint64_t key) const {
        const auto t = term(key);
        return t < 0 ? std::span<const posting>() : postings(t);
    }
    std::span<const posting> postings(std::int64_t term) const {
        const auto t = static_cast<std::size_t>(term);
        return std::span<const posting>(postings_).subspan(start_[t], start_[t + 1] - start_[t]);
    }
    // cosine(item, other) for an indexed item, `weights` holding the weight of
    // each term in the other vector (0 for terms it lacks): the same sum, in
    // the same order (the item's terms by key; a term the other lacks adds
    // +0.0, which changes no sum of non-negative products), without a walk
    // through the other vector.
    double cosine_with(const item& it, int o, const std::vector<float>& weights) const {
        double dot = 0;
        const std::uint32_t* t = term_of_.data() + first_term_[o];
        for (const auto& f : it.v()) dot += static_cast<double>(f.weight) * weights[*t++];
        return std::clamp(dot, 0.0, 1.0);
    }

private:
    key_numbers terms_;
    std::vector<std::size_t> start_;          // by term: its first posting; one past the end last
    std::vector<posting> postings_;
    std::vector<std::uint32_t> term_of_;      // the term of each feature of the indexed items, item by item
    std::vector<std::size_t> first_term_;     // by item: where its terms start in term_of_
};

// Adds the products of `w` with the postings' weights to acc, noting in
// `touched` the items met for the first time. The hot loop of the approximate
// candidate search: room is made for every posting first, and each item
// written, kept only when new, without a branch or a call per posting.
void add_postings(std::span<const inverted_index::posting> postings, float w, std::vector<double>& acc,
                  std::vector<int>& touched) {
    const std::size_t before = touched.size();
    touched.resize(before + postings.size());
    int* out = touched.data() + before;
    for (const auto& p : postings) {
        *out = p.o;
        out += acc[p.o] == 0.0 ? 1 : 0;
        acc[p.o] += static_cast<double>(w) * p.w;
    }
    touched.resize(static_cast<std::size_t>(out - touched.data()));
}

// The candidate generation of match_lists would look at more than `max_pairs`
// postings: for each item of news[rest_new], the left-over old items
// (olds[rest_old]) sharing each of its terms, terms in more than `df_cap` of
// them left out. Counted from the items' tokens alone (no feature counts
// sorted, no vector weighed or kept, no posting lists), and only when a bound
// on the work (every term of a new item in every old item) exceeds `max_pairs`.
bool candidate_work_exceeds(const std::vector<const item*>& olds, const std::vector<int>& rest_old,
                            const std::vector<const item*>& news, const std::vector<int>& rest_new,
                            std::size_t df_cap, std::size_t max_pairs) {
    // An item of n tokens has at most n unigrams and n - 1 bigrams.
    std::size_t old_terms = 0, new_terms = 0;
    for (const int o : rest_old) old_terms += 2 * olds[o]->tokens.size();
    for (const int j : rest_new) new_terms += 2 * news[j]->tokens.size();
    if (std::min(old_terms * rest_new.size(), new_terms * rest_old.size()) <= max_pairs) return false;
    key_numbers terms(std::min<std::size_t>(old_terms, std::size_t{1} << 14));
    std::vector<std::size_t> df;           // by term: the left-over old items holding it
    std::vector<std::size_t> last_item;    // by term: the last item (1-based, olds then news) seen with it
    std::size_t stamp = 0;
    // Each key of an item's unigrams and bigrams (as count_features forms
    // them), repeats included: repeats are told by last_item, no sorting.
    const auto for_each_key = [](const item& it, auto&& f) {
        const auto& t = it.tokens;
        const auto& cls = it.vocab->cls;
        for (std::size_t i = 0; i < t.size(); ++i) f(unigram(t[i]));
        for (std::size_t i = 0; i + 1 < t.size(); ++i) f(bigram(cls[t[i]], cls[t[i + 1]]));
    };
    for (const int o : rest_old) {
        ++stamp;
        for_each_key(*olds[o], [&](std::uint64_t key) {
            const auto t = terms.insert(key);
            if (t == df.size()) df.push_back(0), last_item.push_back(0);
            if (last_item[t] != stamp) last_item[t] = stamp, ++df[t];
        });
    }
    std::size_t work = 0;
    for (const int j : rest_new) {
        ++stamp;
        for_each_key(*news[j], [&](std::uint64_t key) {
            const auto t = terms.find(key);
            if (t < 0 || last_item[t] == stamp) return;
            last_item[t] = stamp;
            if (df[t] <= df_cap) work += df[t];
        });
        if (work > max_pairs) return true;
    }
    return false;
}

struct edge {
    int o = 0, n = 0;   // positions in the olds / news lists
    double sim = 0;
};

struct match_result {
    std::vector<int> old_to_new;   // -1 when unmatched
    std::vector<int> new_to_old;
    std::vector<double> sim;       // by old position
    std::vector<edge> candidates;  // every scored pair (>= min_candidate_similarity)
};

// Maximum-weight one-to-one matching over edges at or above the threshold.
// Weight: the margin over the threshold (so one clear match beats two
// doubtful ones) plus a small bonus for similar relative position.
void assign(const std::vector<edge>& edges, std::size_t n_old, std::size_t n_new, double threshold,
            match_result& r) {
    std::vector<edge> good;
    for (const auto& e : edges) {
        if (e.sim >= threshold && r.old_to_new[e.o] < 0 && r.new_to_old[e.n] < 0) good.push_back(e);
    }
    if (good.empty()) return;
    auto weight = [&](const edge& e) {
        const double ro = n_old > 1 ? static_cast<double>(e.o) / static_cast<double>(n_old - 1) : 0.0;
        const double rn = n_new > 1 ? static_cast<double>(e.n) / static_cast<double>(n_new - 1) : 0.0;
        return e.sim - threshold + 1e-3 + 0.01 * (1.0 - std::abs(ro - rn));
    };
    // Connected components (union-find over old ids and new ids offset by n_old).
    std::vector<int> parent(n_old + n_new);
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const auto& e : good) parent[find(e.o)] = find(static_cast<int>(n_old) + e.n);
    std::map<int, std::vector<edge>> comps;
    for (const auto& e : good) comps[find(e.o)].push_back(e);
    for (auto& [root, es] : comps) {
        (void)root;
        std::vector<int> rows, cols;
        for (const auto& e : es) rows.push_back(e.o), cols.push_back(e.n);
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        std::sort(cols.begin(), cols.end());
        cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
        auto take = [&](const edge& e) {
            r.old_to_new[e.o] = e.n;
            r.new_to_old[e.n] = e.o;
            r.sim[e.o] = e.sim;
        };
        if (es.size() == 1) {
            take(es[0]);
            continue;
        }
        if (rows.size() > max_hungarian || cols.size() > max_hungarian) {
            std::sort(es.begin(), es.end(), [&](const edge& a, const edge& b) {
                const double wa = weight(a), wb = weight(b);
                if (wa != wb) return wa > wb;
                return std::tie(a.o, a.n) < std::tie(b.o, b.n);
            });
            for (const auto& e : es) {
                if (r.old_to_new[e.o] < 0 && r.new_to_old[e.n] < 0) take(e);
            }
            continue;
        }
        const bool transpose = rows.size() > cols.size();
        const auto& R = transpose ? cols : rows;
        const auto& C = transpose ? rows : cols;
        std::vector<std::vector<double>> cost(R.size(), std::vector<double>(C.size(), 0.0));
        std::vector<std::vector<const edge*>> which(R.size(), std::vector<const edge*>(C.size(), nullptr));
        for (const auto& e : es) {
            const int a = transpose ? e.n : e.o;
            const int b = transpose ? e.o : e.n;
            const auto ri = std::lower_bound(R.begin(), R.end(), a) - R.begin();
            const auto ci = std::lower_bound(C.begin(), C.end(), b) - C.begin();
            cost[ri][ci] = -weight(e);
            which[ri][ci] = &e;
        }
        const auto col = hungarian(cost);
        for (std::size_t i = 0; i < col.size(); ++i) {
            if (col[i] >= 0 && which[i][col[i]] != nullptr) take(*which[i][col[i]]);
        }
    }
}

// Aligns two lists one-to-one: anchors, candidates, assignment.
using pair_filter = bool (*)(const item&, const item&, double);

match_result match_lists(const std::vector<const item*>& olds, const std::vector<const item*>& news,
                         context& ctx, coarse_state& coarse, bool allow_fallback = true,
                         pair_filter accept = nullptr) {
    match_result r;
    r.old_to_new.assign(olds.size(), -1);
    r.new_to_old.assign(news.size(), -1);
    r.sim.assign(olds.size(), 0.0);
    if (olds.empty() || news.empty()) return r;

    // 1. Anchors: identical word sequences. A sequence occurring as often on
    // both sides pairs k-th occurrence to k-th; otherwise (a paragraph copied
    // in from elsewhere, a duplicate dropped) each occurrence on the smaller
    // side takes the one at the closest relative position on the other.
    // Items by sequence hash (olds before news, each in order), so that the
    // items sharing a hash are one run.
    struct keyed_item {
        std::uint64_t key;
        bool is_new;
        int pos;
        auto operator<=>(const keyed_item&) const = default;
    };
    std::vector<keyed_item> by_key;
    by_key.reserve(olds.size() + news.size());
    for (std::size_t i = 0; i < olds.size(); ++i) {
        if (!olds[i]->tokens.empty()) by_key.push_back({olds[i]->key, false, static_cast<int>(i)});
    }
    for (std::size_t j = 0; j < news.size(); ++j) {
        if (!news[j]->tokens.empty()) by_key.push_back({news[j]->key, true, static_cast<int>(j)});
    }
    std::sort(by_key.begin(), by_key.end());
    const auto rel = [](int i, std::size_t n) { return n > 1 ? static_cast<double>(i) / static_cast<double>(n - 1) : 0.0; };
    auto link = [&](int o, int j) {
        if (olds[o]->tokens != news[j]->tokens) return;   // a hash collision
        r.old_to_new[o] = j;
        r.new_to_old[j] = o;
        r.sim[o] = 1.0;
    };
    std::vector<int> os, ns;   // positions of the olds and news of one hash
    for (std::size_t run = 0, end = 0; run < by_key.size(); run = end) {
        os.clear();
        ns.clear();
        for (end = run; end < by_key.size() && by_key[end].key == by_key[run].key; ++end) {
            (by_key[end].is_new ? ns : os).push_back(by_key[end].pos);
        }
        if (os.empty() || ns.empty()) continue;
        if (os.size() == ns.size()) {
            for (std::size_t k = 0; k < os.size(); ++k) link(os[k], ns[k]);
            continue;
        }
        const bool fewer_old = os.size() < ns.size();
        const auto& small = fewer_old ? os : ns;
        const auto& large = fewer_old ? ns : os;
        const std::size_t n_small = fewer_old ? olds.size() : news.size();
        const std::size_t n_large = fewer_old ? news.size() : olds.size();
        // Order-preserving choice of |small| of the large side minimizing the
        // total distance of relative positions (small lists: a simple DP).
        const std::size_t a_n = small.size(), b_n = large.size();
        if (a_n * b_n > 1'000'000) {
            for (std::size_t k = 0; k < a_n; ++k) fewer_old ? link(small[k], large[k]) : link(large[k], small[k]);
            continue;
        }
        const double inf = std::numeric_limits<double>::infinity();
        std::vector<std::vector<double>> cost(a_n + 1, std::vector<double>(b_n + 1, inf));
        for (std::size_t jj = 0; jj <= b_n; ++jj) cost[0][jj] = 0;
        for (std::size_t ii = 1; ii <= a_n; ++ii) {
            for (std::size_t jj = ii; jj <= b_n; ++jj) {
                const double take = cost[ii - 1][jj - 1] +
                                    std::abs(rel(small[ii - 1], n_small) - rel(large[jj - 1], n_large));
                cost[ii][jj] = std::min(cost[ii][jj - 1], take);
            }
        }
        for (std::size_t ii = a_n, jj = b_n; ii > 0; --jj) {
            if (cost[ii][jj] == cost[ii][jj - 1] && jj > ii) continue;
            fewer_old ? link(small[ii - 1], large[jj - 1]) : link(large[jj - 1], small[ii - 1]);
            --ii;
        }
    }

    std::vector<int> rest_old, rest_new;
    for (std::size_t i = 0; i < olds.size(); ++i) {
        if (r.old_to_new[i] < 0) rest_old.push_back(static_cast<int>(i));
    }
    for (std::size_t j = 0; j < news.size(); ++j) {
        if (r.new_to_old[j] < 0) rest_new.push_back(static_cast<int>(j));
    }
    if (rest_old.empty() || rest_new.empty()) return r;

    // 2. Candidates from an inverted index over the left-over old items.
    const std::size_t full = rest_old.size() * rest_new.size();
    const bool exact = full <= 250'000;
    // Terms in more than this many left-over old items do not generate
    // candidates (they still count in the exact cosine computed afterwards).
    const std::size_t df_cap = exact ? rest_old.size() : std::max<std::size_t>(32, rest_old.size() / 20);
    if (allow_fallback && candidate_work_exceeds(olds, rest_old, news, rest_new, df_cap, ctx.max_pairs)) {
        // Coarse method: walking both lists in order, pair left-overs by position.
        if (!coarse.fell_back && coarse.notes != nullptr) {
            std::string note = "alignment: more than ";
            note += std::to_string(ctx.max_pairs);
            note += " candidate paragraph pairs to score; paragraphs without an identical counterpart were "
                    "paired by position (coarse alignment, moves and splits not detected)";
            coarse.notes->push_back(std::move(note));
        }
        coarse.fell_back = true;
        std::size_t a = 0, b = 0;
        while (a < olds.size() && b < news.size()) {
            if (r.old_to_new[a] >= 0) { ++a; continue; }
            if (r.new_to_old[b] >= 0) { ++b; continue; }
            const double s = cosine(olds[a]->transient_v(), news[b]->transient_v());
            if (s >= ctx.threshold) {
                r.old_to_new[a] = static_cast<int>(b);
                r.new_to_old[b] = static_cast<int>(a);
                r.sim[a] = s;
            }
            ++a, ++b;
        }
        return r;
    }
    // In the exact mode (short lists), the vectors are weighed and the
    // candidates of each new item scored on both threads when the helper is
    // free (parallel_for; the caller's share on the caller's scratch space,
    // the other's on its own): each item weighs its own vector, and each range
    // of new items keeps its candidates apart, joined in order after: the same
    // vectors, sums and candidates, in the same order, as on one thread. (Long
    // lists, aligned while the other part is, gained nothing so.)
    feature_scratch other_scratch;
    const auto scratch_of = [&](std::size_t slot) -> feature_scratch& {
        return slot == 0 ? *current_scratch : other_scratch;
    };
    if (exact) {
        detail::parallel_for(rest_old.size(), items_scored_at_once, [&](std::size_t begin, std::size_t end, std::size_t slot) {
            const using_scratch own(scratch_of(slot));
            for (std::size_t k = begin; k < end; ++k) olds[rest_old[k]]->v();
        });
    }
    const inverted_index index(olds, rest_old);
    // The scores of the old items for one new item, and the items met.
    struct scores {
        std::vector<double> acc;
        std::vector<int> touched;
        // Outside the exact mode: by term, its weight in news[j] (0 when
        // absent), for the cosine of the best candidates.
        std::vector<float> weight_in_new;
        std::vector<std::size_t> terms_in_new;   // the terms set in weight_in_new
    };
    // Scores news[j] against the left-over old items, its candidates to `out`.
    const auto score = [&](int j, scores& sc, std::vector<edge>& out) {
        // (References, not a structured binding: clang cannot capture a
        // binding in the lambda below.)
        auto& acc = sc.acc;
        auto& touched = sc.touched;
        auto& weight_in_new = sc.weight_in_new;
        auto& terms_in_new = sc.terms_in_new;
        if (acc.empty()) {
            acc.assign(olds.size(), 0.0);
            if (!exact) weight_in_new.assign(index.terms(), 0.0f);
        }
        touched.clear();
        if (exact) {
            // Every pair is scored (acc is the cosine, no term left out): the
            // items are read off the few left-overs once, not noted at each of
            // their postings, and only those reaching min_candidate_similarity,
            // the only ones that can be kept, are ranked.
            for (const auto& f : news[j]->v()) {
                for (const auto& p : index.find(f.key)) acc[p.o] += static_cast<double>(f.weight) * p.w;
            }
            for (const int o : rest_old) {
                if (acc[o] >= min_candidate_similarity) touched.push_back(o);
            }
        } else {
            for (const auto& f : news[j]->v()) {
                const auto t = index.term(f.key);
                if (t < 0) continue;
                weight_in_new[static_cast<std::size_t>(t)] = f.weight;
                terms_in_new.push_back(static_cast<std::size_t>(t));
                const auto postings = index.postings(t);
                if (postings.size() > df_cap) continue;
                add_postings(postings, f.weight, acc, touched);
            }
        }
        // The best candidates first (ties by position); only the first few are kept.
        const auto best_first = [&](int x, int y) {
            if (acc[x] != acc[y]) return acc[x] > acc[y];
            return x < y;
        };
        const auto kept = std::min(touched.size(), candidates_per_item);
        std::partial_sort(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(kept), touched.end(),
                          best_first);
        for (std::size_t k = 0; k < kept; ++k) {
            const int o = touched[k];
            const double s =
                exact ? std::clamp(acc[o], 0.0, 1.0) : index.cosine_with(*olds[o], o, weight_in_new);
            if (s >= min_candidate_similarity) out.push_back({o, j, s});
        }
        if (exact) {
            for (const int o : rest_old) acc[o] = 0.0;
        } else {
            for (const int o : touched) acc[o] = 0.0;
            for (const auto t : terms_in_new) weight_in_new[t] = 0.0f;
            terms_in_new.clear();
        }
    };
    if (exact) {
        std::array<scores, 2> by_slot;
        std::vector<std::vector<edge>> found((rest_new.size() + items_scored_at_once - 1) / items_scored_at_once);
        detail::parallel_for(rest_new.size(), items_scored_at_once, [&](std::size_t begin, std::size_t end, std::size_t slot) {
            const using_scratch own(scratch_of(slot));
            for (std::size_t k = begin; k < end; ++k) score(rest_new[k], by_slot[slot], found[begin / items_scored_at_once]);
        });
        for (const auto& f : found) r.candidates.insert(r.candidates.end(), f.begin(), f.end());
    } else {
        scores sc;
        for (const int j : rest_new) score(j, sc, r.candidates);
    }
    // 3. Optimal assignment under the threshold.
    if (accept != nullptr) {
        std::erase_if(r.candidates, [&](const edge& e) { return !accept(*olds[e.o], *news[e.n], e.sim); });
    }
    assign(r.candidates, olds.size(), news.size(), ctx.threshold, r);
    return r;
}

// ---------------------------------------------------------------- groups

// An aligned unit in the making: positions are global item indices.
struct group {
    std::vector<int> olds, news;
    double sim = 0;
    bool crossed = false;
    bool moved = false;
    std::vector<alignment_unit> children;   // filled in later
};

// Searches windows of 2..4 consecutive items on one side that together match
// one item on the other side much better than any of them alone.
// `one` items are the single side, `many` the windowed side; `one_to_many`
// and `many_to_one` hold the current 1:1 matching.
struct window_match {
    int one = -1;
    std::vector<int> members;   // positions in `many`, increasing
    double sim = 0;
};

std::vector<window_match> find_windows(const std::vector<const item*>& one, const std::vector<const item*>& many,
                                       const std::vector<int>& one_to_many, const std::vector<int>& many_to_one,
                                       const std::vector<edge>& candidates, bool one_is_old, context& ctx) {
    // Candidates (`one` item, `many` item), the partner included, by `one` item.
    std::vector<std::pair<int, int>> cand;
    cand.reserve(candidates.size() + one.size());
    for (const auto& e : candidates) cand.emplace_back(one_is_old ? e.o : e.n, one_is_old ? e.n : e.o);
    for (std::size_t a = 0; a < one.size(); ++a) {
        if (one_to_many[a] >= 0) cand.emplace_back(static_cast<int>(a), one_to_many[a]);
    }
    std::sort(cand.begin(), cand.end());
    cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
    // Items of `many` still free; a window runs over consecutive free items
    // (plus the current partner), skipping at most two items matched elsewhere.
    std::vector<int> free_items;
    for (std::size_t b = 0; b < many.size(); ++b) {
        if (many_to_one[b] < 0) free_items.push_back(static_cast<int>(b));
    }
    std::vector<window_match> found;
    std::size_t budget = 0;
    struct part_scores {
        double contained;      // share of its word weight found in the single item
        double single = -1;    // cosine with the single item (-1: not computed yet)
    };
    std::vector<std::pair<int, part_scores>> parts_seen;
    std::vector<int> avail;
    std::vector<const item*> parts;
    std::vector<std::pair<int, int>> tried;   // windows scored for the current single item
    for (std::size_t run = 0, end = 0; run < cand.size(); run = end) {
        const auto a = static_cast<std::size_t>(cand[run].first);
        for (end = run; end < cand.size() && cand[end].first == cand[run].first;) ++end;
        const int partner = one_to_many[a];
        // A window holds the partner; when the partner has the very same
        // words, no part can be beaten (best_single is 1): nothing to search.
        if (partner >= 0 && one[a]->tokens == many[partner]->tokens) continue;
        // How each item of `many` near a candidate compares with one[a]
        // (a part of several windows is scored once; its cosine only when a
        // window holding it passes the containment test and scores well).
        parts_seen.clear();
        auto scores_of = [&](int b) -> part_scores& {
            for (auto& [seen, sc] : parts_seen) {
                if (seen == b) return sc;
            }
            parts_seen.emplace_back(b, part_scores{containment(many[b]->v(), one[a]->v())});
            return parts_seen.back().second;
        };
        auto single_of = [&](int b) {
            auto& sc = scores_of(b);
            if (sc.single < 0) sc.single = cosine(one[a]->v(), many[b]->v());
            return sc.single;
        };
        window_match best;
        tried.clear();
        for (std::size_t ci = run; ci < end; ++ci) {
            const int c = cand[ci].second;
            // The free items around c (and the partner): windows reach at most
            // three items to either side.
            const auto at = std::lower_bound(free_items.begin(), free_items.end(), c);
            const auto from = at - std::min<std::ptrdiff_t>(4, at - free_items.begin());
            const auto to = at + std::min<std::ptrdiff_t>(5, free_items.end() - at);
            avail.assign(from, to);
            if (partner >= 0 && !std::binary_search(avail.begin(), avail.end(), partner)) {
                avail.insert(std::lower_bound(avail.begin(), avail.end(), partner), partner);
            }
            const auto pos_it = std::lower_bound(avail.begin(), avail.end(), c);
            if (pos_it == avail.end() || *pos_it != c) continue;
            const int p = static_cast<int>(pos_it - avail.begin());
            const int n_avail = static_cast<int>(avail.size());
            for (int first = std::max(0, p - 3); first <= p; ++first) {
                for (int last = std::max(p, first + 1); last <= std::min(n_avail - 1, first + 3); ++last) {
                    if (avail[last] - avail[first] > last - first + 2) continue;
                    if (partner >= 0 && (partner < avail[first] || partner > avail[last])) continue;
                    parts.clear();
                    double least_contained = 1.0;
                    for (int k = first; k <= last; ++k) {
                        parts.push_back(many[avail[k]]);
                        budget += many[avail[k]]->tokens.size();
                        least_contained = std::min(least_contained, scores_of(avail[k]).contained);
                    }
                    // Most of each part must come from the single item (checked
                    // first: a long paragraph beside short ones fails it, and
                    // then nothing needs to be joined).
                    if (least_contained < 0.6) continue;
                    // A window met again from another candidate (its first and
                    // last items tell it) ends as it did the first time.
                    const std::pair<int, int> ends{avail[first], avail[last]};
                    if (std::find(tried.begin(), tried.end(), ends) != tried.end()) continue;
                    tried.push_back(ends);
                    const vec joined = ctx.concat(parts);
                    const double s = cosine(one[a]->v(), joined);
                    if (s < ctx.threshold || s <= best.sim) continue;
                    double best_single = 0;
                    const item* best_part = nullptr;
                    for (int k = first; k <= last; ++k) {
                        const double single = single_of(avail[k]);
                        if (single > best_single || best_part == nullptr) {
                            best_single = single;
                            best_part = many[avail[k]];
                        }
                    }
                    // The other parts (short ones beside a long one that was
                    // also reworded) drawn almost wholly from the single item,
                    // which they explain where the best part alone does not.
                    double others_contained = 1.0;
                    for (int k = first; k <= last; ++k) {
                        if (many[avail[k]] != best_part) {
                            others_contained = std::min(others_contained, scores_of(avail[k]).contained);
                        }
                    }
                    const bool short_absorbed =
                        others_contained >= 0.85 && s > best_single &&
                        containment(one[a]->v(), joined) - containment(one[a]->v(), best_part->v()) >= 0.05;
                    // Much better than any part alone: closes at least 40% of
                    // the remaining distance to identity; a short part wholly
                    // drawn from the single item needs less.
                    const double gain = s - best_single;
                    const bool much_better = gain >= std::max(0.03, 0.4 * (1.0 - best_single));
                    const bool wholly_drawn = least_contained >= 0.85 && gain >= 0.01;
                    if (!much_better && !wholly_drawn && !short_absorbed) continue;
                    best.one = static_cast<int>(a);
                    best.members.assign(avail.begin() + first, avail.begin() + last + 1);
                    best.sim = s;
                }
            }
            if (budget > 50'000'000) break;
        }
        if (best.one >= 0) found.push_back(best);
        if (budget > 50'000'000) break;
    }
    std::sort(found.begin(), found.end(), [](const window_match& x, const window_match& y) {
        if (x.sim != y.sim) return x.sim > y.sim;
        return x.one < y.one;
    });
    return found;
}

// Longest strictly increasing subsequence of `values`; returns a flag per element.
std::vector<bool> lis_members(const std::vector<int>& values) {
    const std::size_t n = values.size();
    std::vector<int> tails, tail_idx, prev(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const auto it = std::lower_bound(tails.begin(), tails.end(), values[i]);
        const auto pos = static_cast<std::size_t>(it - tails.begin());
        if (it == tails.end()) {
            tails.push_back(values[i]);
            tail_idx.push_back(static_cast<int>(i));
        } else {
            *it = values[i];
            tail_idx[pos] = static_cast<int>(i);
        }
        prev[i] = pos > 0 ? tail_idx[pos - 1] : -1;
    }
    std::vector<bool> in(n, false);
    for (int k = tail_idx.empty() ? -1 : tail_idx.back(); k >= 0; k = prev[k]) in[k] = true;
    return in;
}

// Aligns two lists (paragraphs of a part, or sub-paragraphs) into groups,
// with 1:1 matches, splits and merges. Group positions index olds/news.
std::vector<group> align_lists(const std::vector<const item*>& olds, const std::vector<const item*>& news,
                               context& ctx, coarse_state& coarse, match_result& r) {
    r = match_lists(olds, news, ctx, coarse);
    std::vector<group> groups;
    std::vector<char> old_used(olds.size(), 0), new_used(news.size(), 0);
    if (!coarse.fell_back || r.candidates.size() > 0) {
        // Splits: one old, a window of new.
        for (const auto& w : find_windows(olds, news, r.old_to_new, r.new_to_old, r.candidates, true, ctx)) {
            bool ok = !old_used[w.one];
            for (const int b : w.members) ok = ok && !new_used[b] && (r.new_to_old[b] < 0 || r.new_to_old[b] == w.one);
            if (!ok) continue;
            group g;
            g.olds = {w.one};
            for (const int b : w.members) g.news.push_back(b), new_used[b] = 1;
            g.sim = w.sim;
            old_used[w.one] = 1;
            groups.push_back(std::move(g));
        }
        // Merges: a window of old, one new.
        for (const auto& w : find_windows(news, olds, r.new_to_old, r.old_to_new, r.candidates, false, ctx)) {
            bool ok = !new_used[w.one];
            for (const int b : w.members) ok = ok && !old_used[b] && (r.old_to_new[b] < 0 || r.old_to_new[b] == w.one);
            if (!ok) continue;
            group g;
            for (const int b : w.members) g.olds.push_back(b), old_used[b] = 1;
            g.news = {w.one};
            g.sim = w.sim;
            new_used[w.one] = 1;
            groups.push_back(std::move(g));
        }
    }
    for (std::size_t o = 0; o < olds.size(); ++o) {
        const int n = r.old_to_new[o];
        if (n < 0 || old_used[o] || new_used[n]) continue;
        group g;
        g.olds = {static_cast<int>(o)};
        g.news = {n};
        g.sim = r.sim[o];
        old_used[o] = new_used[n] = 1;
        groups.push_back(std::move(g));
    }
    // Gaps: between two consecutive matched units in order, exactly one old and
    // one new paragraph left, with the same lead phrase: the clause kept its
    // place and its opening but was updated at a rollover ("Taking note of the
    // Digital Economy Report 2019 ..., which examines ..." -> "... Report 2021
    // ..., which examines the role of data flows"; the Paris 2024 Games ->
    // the Milano-Cortina 2026 Games). A lower bar holds there.
    if (!coarse.fell_back) {
        std::vector<std::pair<int, int>> anchors;   // (old, new) of 1:1 and n:m groups, by new position
        for (const auto& g : groups) anchors.emplace_back(g.olds.back(), g.news.back());
        std::sort(anchors.begin(), anchors.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        anchors.emplace_back(static_cast<int>(olds.size()), static_cast<int>(news.size()));
        std::pair<int, int> prev{-1, -1};
        for (const auto& next : anchors) {
            int lo_old = prev.first + 1, lo_new = prev.second + 1;
            if (next.first > prev.first) {
                std::vector<int> fo, fn;
                for (int o = lo_old; o < next.first; ++o) {
                    if (!old_used[o]) fo.push_back(o);
                }
                for (int n = lo_new; n < next.second; ++n) {
                    if (!new_used[n]) fn.push_back(n);
                }
                if (fo.size() == 1 && fn.size() == 1) {
                    const item& a = *olds[fo[0]];
                    const item& b = *news[fn[0]];
                    const double sim = cosine(a.v(), b.v());
                    if (!a.lead.empty() && a.lead == b.lead && sim >= gap_threshold) {
                        group g;
                        g.olds = {fo[0]};
                        g.news = {fn[0]};
                        g.sim = sim;
                        old_used[fo[0]] = new_used[fn[0]] = 1;
                        groups.push_back(std::move(g));
                    }
                }
            }
            if (next.first > prev.first) prev = next;
            else prev.second = next.second;
        }
    }
    // Keep the 1:1 view in step with the groups (for callers looking at left-overs).
    std::fill(r.old_to_new.begin(), r.old_to_new.end(), -1);
    std::fill(r.new_to_old.begin(), r.new_to_old.end(), -1);
    for (const auto& g : groups) {
        for (const int o : g.olds) r.old_to_new[o] = g.news.front();
        for (const int n : g.news) r.new_to_old[n] = g.olds.front();
    }
    // Moved: everything outside the longest increasing subsequence.
    std::sort(groups.begin(), groups.end(), [](const group& a, const group& b) { return a.news.front() < b.news.front(); });
    // A sub-paragraph paired with a whole paragraph (split off or merged in)
    // is reported as such and takes no part in deciding what moved.
    auto level_change = [&](const group& g) {
        const bool o = olds[g.olds.front()]->id.find('(') != std::string::npos;
        const bool n = news[g.news.front()]->id.find('(') != std::string::npos;
        return o != n;
    };
    std::vector<int> values;
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (level_change(groups[i])) continue;
        values.push_back(groups[i].olds.front());
        idx.push_back(i);
    }
    const auto keep = lis_members(values);
    for (std::size_t k = 0; k < idx.size(); ++k) groups[idx[k]].moved = !keep[k];
    // A weak move (a doubtful pair, far from its place) gives way to a free
    // paragraph with the same lead in its place: "Recalling its resolution
    // 70/299 ... on the follow-up of the 2030 Agenda" is not the new "Recalling
    // its resolution 73/218 ... as well as previous resolutions on the issue"
    // when the old list of predecessor resolutions stood in that place.
    if (!coarse.fell_back) {
        for (std::size_t i = 0; i < groups.size(); ++i) {
            auto& g = groups[i];
            if (!g.moved || g.olds.size() != 1 || g.news.size() != 1 || g.sim >= weak_move || level_change(g)) continue;
            int lo = -1, hi = static_cast<int>(olds.size());
            for (std::size_t j = i; j-- > 0;) {
                if (!groups[j].moved) {
                    lo = groups[j].olds.back();
                    break;
                }
            }
            for (std::size_t j = i + 1; j < groups.size(); ++j) {
                if (!groups[j].moved) {
                    hi = groups[j].olds.front();
                    break;
                }
            }
            std::vector<int> free_olds;
            for (int o = lo + 1; o < hi; ++o) {
                if (!old_used[o]) free_olds.push_back(o);
            }
            if (free_olds.size() != 1) continue;
            const item& a = *olds[free_olds[0]];
            const item& b = *news[g.news[0]];
            const double sim = cosine(a.v(), b.v());
            if (a.lead.empty() || a.lead != b.lead || sim < gap_threshold) continue;
            old_used[g.olds[0]] = 0;
            r.old_to_new[g.olds[0]] = -1;
            g.olds = {free_olds[0]};
            g.sim = sim;
            g.moved = false;
            old_used[free_olds[0]] = 1;
            r.old_to_new[free_olds[0]] = g.news[0];
            r.new_to_old[g.news[0]] = free_olds[0];
        }
    }
    return groups;
}

// The texts of items[at] for each position in `at`, trimmed and joined by a space.
std::string join_texts(const std::vector<const item*>& items, const std::vector<int>& at) {
    std::string out;
    for (const int k : at) {
        if (!out.empty()) out += ' ';
        out += trimmed(*items[k]->text);
    }
    return out;
}

unit_kind kind_of(bool split, bool merged, bool moved, bool text_changed, bool renumbered) {
    if (split) return unit_kind::split;
    if (merged) return unit_kind::merged;
    if (moved) return unit_kind::moved;
    if (text_changed) return unit_kind::modified;
    if (renumbered) return unit_kind::renumbered;
    return unit_kind::unchanged;
}

// Fills a unit's ids and kind from a group over item lists.
void fill_unit(alignment_unit& u, const group& g, const std::vector<const item*>& olds,
               const std::vector<const item*>& news) {
    u.old_ids.reserve(g.olds.size());
    u.new_ids.reserve(g.news.size());
    for (const int o : g.olds) u.old_ids.push_back(olds[o]->id);
    for (const int n : g.news) u.new_ids.push_back(news[n]->id);
    if (g.olds.empty() || g.news.empty()) {
        u.kind = g.olds.empty() ? unit_kind::added : unit_kind::removed;
        u.similarity = 0.0;
        u.text_changed = true;
        return;
    }
    // The texts joined differ (one paragraph on each side, the usual case:
    // compared in place).
    const bool one_to_one = g.olds.size() == 1 && g.news.size() == 1;
    const item& first_old = *olds[g.olds[0]];
    const item& first_new = *news[g.news[0]];
    if (one_to_one) u.text_changed = trimmed(*first_old.text) != trimmed(*first_new.text);
    else u.text_changed = join_texts(olds, g.olds) != join_texts(news, g.news);
    u.similarity = u.text_changed ? std::min(g.sim, 0.999999) : 1.0;
    u.moved = g.moved || g.crossed;
    u.crossed_part = g.crossed;
    const bool renumbered = one_to_one && first_old.number != first_new.number;
    u.kind = kind_of(g.news.size() > 1, g.olds.size() > 1, u.moved, u.text_changed, renumbered);
}

// ---------------------------------------------------------------- sub-paragraphs

struct sub_items {
    std::vector<item> items;
    std::vector<const item*> ptrs;
};

void collect_subs(const std::vector<subparagraph>& subs, std::vector<const subparagraph*>& out) {
    for (const auto& s : subs) {
        out.push_back(&s);
        collect_subs(s.children, out);
    }
}

// Sub-paragraphs of the paragraphs of one side of a group, depth first. With
// `with_plain` (a group of several paragraphs on this side), a paragraph
// without sub-paragraphs takes part as a whole, so that a sub-paragraph that
// became a paragraph of its own (or the reverse) pairs with it.
sub_items make_sub_items(const std::vector<const paragraph*>& paras, bool with_plain, context& ctx) {
    sub_items si;
    struct piece {
        const std::string* id;
        const std::string* label;
        const std::string* text;
    };
    std::vector<piece> pieces;
    static const std::string no_label;
    for (const auto* p : paras) {
        if (p->subparagraphs.empty()) {
            if (with_plain) pieces.push_back({&p->id, &no_label, &p->text});
            continue;
        }
        std::vector<const subparagraph*> subs;
        collect_subs(p->subparagraphs, subs);
        for (const auto* s : subs) pieces.push_back({&s->id, &s->label, &s->text});
    }
    si.items.resize(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        auto& it = si.items[i];
        it.id = *pieces[i].id;
        it.where = part::operative;
        it.global = static_cast<int>(i);
        it.number = *pieces[i].label;
        ctx.prepare(it, *pieces[i].text);
    }
    for (const auto& it : si.items) si.ptrs.push_back(&it);
    return si;
}

// Child units in reading order of the new side, removed ones where they stood.
// With `one_to_one`: for each unit, in that order, the positions of its old and
// new item when it pairs one with one, (-1, -1) otherwise.
std::vector<alignment_unit> order_units(std::vector<group>& groups, std::size_t n_old,
                                        const std::vector<const item*>& olds, const std::vector<const item*>& news,
                                        std::vector<std::pair<int, int>>* one_to_one = nullptr) {
    std::vector<int> old_group(n_old, -1);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        for (const int o : groups[gi].olds) old_group[o] = static_cast<int>(gi);
    }
    // The place of each unit: the groups first, then the removed items
    // (unit index past the groups: groups.size() + old position). Units are
    // made in that order (not made then moved: 30,000 units take 7 MB).
    struct keyed {
        int k1, k2, k3;
        std::size_t unit;
    };
    std::vector<keyed> out;
    out.reserve(groups.size() + n_old);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const auto& g = groups[gi];
        out.push_back({*std::min_element(g.news.begin(), g.news.end()), 0, 0, gi});
    }
    int anchor = -1;   // new position after which a removed item stands
    for (std::size_t o = 0; o < n_old; ++o) {
        if (old_group[o] >= 0) {
            const auto& g = groups[old_group[o]];
            if (!g.moved && !g.crossed) anchor = *std::max_element(g.news.begin(), g.news.end());
            continue;
        }
        out.push_back({anchor, 1, static_cast<int>(o), groups.size() + o});
    }
    std::stable_sort(out.begin(), out.end(), [](const keyed& a, const keyed& b) {
        return std::tie(a.k1, a.k2, a.k3) < std::tie(b.k1, b.k2, b.k3);
    });
    std::vector<alignment_unit> units(out.size());
    for (std::size_t k = 0; k < out.size(); ++k) {
        alignment_unit& u = units[k];
        const std::size_t at = out[k].unit;
        if (at < groups.size()) {
            fill_unit(u, groups[at], olds, news);
            u.children = std::move(groups[at].children);
        } else {
            group removed;
            removed.olds = {static_cast<int>(at - groups.size())};
            fill_unit(u, removed, olds, news);
        }
        if (one_to_one == nullptr) continue;
        const bool single = at < groups.size() && groups[at].olds.size() == 1 && groups[at].news.size() == 1;
        one_to_one->push_back(single ? std::pair(groups[at].olds[0], groups[at].news[0]) : std::pair(-1, -1));
    }
    return units;
}

// ---------------------------------------------------------------- footnotes

// The paragraph at position `global` of `doc` (preamble first).
const paragraph* paragraph_at(const document& doc, int global) {
    const auto n = static_cast<int>(doc.preamble.size());
    return global < n ? &doc.preamble[global] : &doc.operative[global - n];
}

// `pairs`: the paragraphs (positions in their documents, preamble first) of
// each one-to-one unit, in the order of the units; (-1, -1) for the others.
std::vector<footnote_unit> align_footnotes(const document& a, const document& b,
                                           const std::vector<std::pair<int, int>>& pairs, context& ctx) {
    std::vector<item> oi(a.footnotes.size()), ni(b.footnotes.size());
    for (std::size_t i = 0; i < oi.size(); ++i) {
        ctx.prepare(oi[i], a.footnotes[i].text);
        oi[i].global = a.footnotes[i].number;
    }
    const context::by_text same_text(oi);
    for (std::size_t i = 0; i < ni.size(); ++i) {
        ctx.prepare(ni[i], b.footnotes[i].text, same_text);
        ni[i].global = b.footnotes[i].number;
    }
    std::vector<const item*> op, np;
    for (const auto& it : oi) op.push_back(&it);
    for (const auto& it : ni) np.push_back(&it);
    // Footnotes are short ("See resolution 60/252."): a stricter bar.
    const double saved = ctx.threshold;
    ctx.threshold = std::max(saved, 0.5);
    auto r = match_lists(op, np, ctx, ctx.coarse, false);
    ctx.threshold = saved;
    // Left-overs cited at the same place of an aligned paragraph pair.
    const bool leftovers = std::count(r.old_to_new.begin(), r.old_to_new.end(), -1) > 0 &&
                           std::count(r.new_to_old.begin(), r.new_to_old.end(), -1) > 0;
    std::map<int, std::size_t> old_by_number, new_by_number;
    for (std::size_t i = 0; leftovers && i < oi.size(); ++i) old_by_number.emplace(a.footnotes[i].number, i);
    for (std::size_t i = 0; leftovers && i < ni.size(); ++i) new_by_number.emplace(b.footnotes[i].number, i);
    for (const auto& [o, n] : pairs) {
        if (!leftovers) break;
        if (o < 0) continue;
        const paragraph* po = paragraph_at(a, o);
        const paragraph* pn = paragraph_at(b, n);
        if (po->footnotes.empty() || pn->footnotes.empty()) continue;
        const std::size_t k = std::min(po->footnotes.size(), pn->footnotes.size());
        for (std::size_t i = 0; i < k; ++i) {
            const auto fo = old_by_number.find(po->footnotes[i]);
            const auto fn = new_by_number.find(pn->footnotes[i]);
            if (fo == old_by_number.end() || fn == new_by_number.end()) continue;
            if (r.old_to_new[fo->second] >= 0 || r.new_to_old[fn->second] >= 0) continue;
            r.old_to_new[fo->second] = static_cast<int>(fn->second);
            r.new_to_old[fn->second] = static_cast<int>(fo->second);
        }
    }
    struct keyed {
        int k1, k2, k3;
        footnote_unit f;
    };
    std::vector<keyed> out;
    for (std::size_t j = 0; j < ni.size(); ++j) {
        footnote_unit f;
        f.new_number = b.footnotes[j].number;
        const int o = r.new_to_old[j];
        if (o < 0) {
            f.kind = unit_kind::added;
        } else {
            f.old_number = a.footnotes[o].number;
            if (trimmed(a.footnotes[o].text) != trimmed(b.footnotes[j].text)) f.kind = unit_kind::modified;
            else if (f.old_number != f.new_number) f.kind = unit_kind::renumbered;
        }
        out.push_back({static_cast<int>(j), 0, 0, f});
    }
    for (std::size_t i = 0; i < oi.size(); ++i) {
        if (r.old_to_new[i] >= 0) continue;
        int anchor = -1;
        for (int p = static_cast<int>(i) - 1; p >= 0; --p) {
            if (r.old_to_new[p] >= 0) {
                anchor = r.old_to_new[p];
                break;
            }
        }
        footnote_unit f;
        f.kind = unit_kind::removed;
        f.old_number = a.footnotes[i].number;
        out.push_back({anchor, 1, static_cast<int>(i), f});
    }
    std::stable_sort(out.begin(), out.end(), [](const keyed& x, const keyed& y) {
        return std::tie(x.k1, x.k2, x.k3) < std::tie(y.k1, y.k2, y.k3);
    });
    std::vector<footnote_unit> units_out;
    for (auto& k : out) units_out.push_back(std::move(k.f));
    return units_out;
}

// ---------------------------------------------------------------- paragraphs

// A lead phrase compared loosely: lower-cased, without the adverbs that only
// order a series of paragraphs ("Recalling also", "Expressing deep concern
// also", "Further recognizing").
std::string lead_key(const std::string& lead) {
    static constexpr std::array<std::string_view, 6> ordering = {"also", "further", "furthermore",
                                                                 "moreover", "again", "once"};
    std::string out, w;
    auto flush = [&] {
        if (!w.empty() && std::find(ordering.begin(), ordering.end(), w) == ordering.end()) {
            if (!out.empty()) out += ' ';
            out += w;
        }
        w.clear();
    };
    for (const char c : lead) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) w.push_back(lower_byte(c));
        else flush();
    }
    flush();
    return out;
}

// Items for the paragraphs of `doc` (preamble first), with their texts only.
std::vector<item> items_of(const document& doc) {
    std::vector<item> items(doc.preamble.size() + doc.operative.size());
    std::size_t i = 0;
    for (const auto* list : {&doc.preamble, &doc.operative}) {
        for (const auto& p : *list) items[i++].text = &p.text;
    }
    return items;
}

// The rest of the items of `doc` (as items_of made them) but their tokens:
// ids, positions, numbers and lead phrases.
void describe_items(const document& doc, std::vector<item>& items) {
    std::size_t i = 0;
    int g = 0;
    for (const auto* list : {&doc.preamble, &doc.operative}) {
        int k = 0;
        for (const auto& p : *list) {
            item& it = items[i++];
            it.id = p.id;
            it.where = list == &doc.preamble ? part::preamble : part::operative;
            it.global = g++;
            if (it.where == part::operative) it.number = p.number.empty() ? std::to_string(k) : p.number;
            it.lead = lead_key(p.lead);
            ++k;
        }
    }
}

// Paragraphs of `doc` as items, read.
std::vector<item> make_items(const document& doc, context& ctx) {
    std::vector<item> items = items_of(doc);
    describe_items(doc, items);
    for (auto& it : items) ctx.prepare(it, *it.text);
    return items;
}

// ---------------------------------------------------------------- reading on two threads

// Room in the tables of a vocabulary for the words of `bytes` bytes of text.
void reserve_words(vocabulary& vocab, std::size_t bytes) {
    // Room for a word form per 64 bytes of text and a stem per 96, up to
    // 3,072 (4,096 slots; pairs of 120 KB, 370 KB and 18 MB have 1,500, 3,000
    // and 4,400 forms, 1,200, 2,200 and 3,200 stems): a vocabulary grows far
    // slower than its text, and the tables grow when they must. Every slot
    // reserved is written (a page fault per 4 KiB), so reserving for the
    // text, not for what the tables hold, cost time as well as memory; a
    // table that grows while the text is read is rehashed (more room for
    // small texts costs less than that).
    constexpr std::size_t reserve_cap = 3072;
    const std::size_t forms = std::min(bytes / 64 + 64, reserve_cap);
    const std::size_t stems = std::min(bytes / 96 + 64, reserve_cap);
    vocab.surfaces.reserve(forms, 10 * forms);
    vocab.ids.reserve(stems, 10 * stems);
}

// Reads the texts of `order` (tokens and sequence keys) with the ids reading
// them one after the other into `vocab` gives. With `split` short of the end,
// on two threads: this one from the front into `vocab`, the helper from the
// back into a vocabulary of its own, translated afterwards; `split` is where
// the helper's share is expected to start (it sizes that vocabulary).
// Their surface forms are not carried over: a later text using one finds its
// stem again, with the same id. `with_first` and `with_second` run on the
// thread reading the first part and on the other.
void read_items(std::span<item* const> order, std::size_t split, vocabulary& vocab,
                const std::function<void()>& with_first = [] {}, const std::function<void()>& with_second = [] {}) {
    split = std::min(split, order.size());
    const auto read = [&](std::size_t from, std::size_t to, vocabulary& into) {
        for (std::size_t k = from; k < to; ++k) order[k]->tokens = tokenize(*order[k]->text, into, order[k]->key);
    };
    if (split == order.size()) {
        with_first();
        with_second();
        read(0, split, vocab);
    } else {
        // This thread reads from the front into `vocab`, the helper from the
        // back into a vocabulary of its own, each paragraph claimed by one of
        // them, until they meet: a helper busy elsewhere (or starting late)
        // leaves more to this thread, and no one waits for a half. `split`
        // is only where the helper is not expected to get past.
        std::atomic<std::uint64_t> ends{static_cast<std::uint64_t>(order.size()) << 32};  // back << 32 | front
        const auto claim = [&](bool front) -> std::size_t {
            std::uint64_t e = ends.load(std::memory_order_relaxed);
            while (true) {
                const std::uint64_t f = e & 0xffffffffu, b = e >> 32;
                if (f >= b) return order.size();
                const std::uint64_t next = front ? (b << 32 | (f + 1)) : ((b - 1) << 32 | f);
                if (ends.compare_exchange_weak(e, next, std::memory_order_relaxed)) {
                    return static_cast<std::size_t>(front ? f : b - 1);
                }
            }
        };
        vocabulary later;
        later.keeps_stems = true;
        detail::run_both(
            [&] {
                with_second();
                std::size_t bytes = 0;
                for (std::size_t k = split; k < order.size(); ++k) bytes += order[k]->text->size();
                reserve_words(later, bytes);
                for (std::size_t k; (k = claim(false)) != order.size();) read(k, k + 1, later);
            },
            [&] {
                with_first();
                for (std::size_t k; (k = claim(true)) != order.size();) read(k, k + 1, vocab);
            });
        // The helper's stems into `vocab`, in the order reading everything in
        // order meets them: its paragraphs' tokens in order (it read them
        // from the back), each stem interned where it first occurs.
        const std::size_t met = static_cast<std::size_t>(ends.load() & 0xffffffffu);
        constexpr std::uint32_t unmapped = ~std::uint32_t{0};
        std::vector<std::uint32_t> ids(later.stem_ends.size(), unmapped);
        const std::string_view bytes = later.stem_bytes;
        for (std::size_t k = met; k < order.size(); ++k) {
            auto& tokens = order[k]->tokens;
            for (auto& t : tokens) {
                if (ids[t] == unmapped) {
                    const std::size_t from = t == 0 ? 0 : later.stem_ends[t - 1];
                    ids[t] = vocab.intern(bytes.substr(from, later.stem_ends[t] - from));
                }
                t = ids[t];
            }
            order[k]->key = sequence_key(tokens);
        }
    }
    for (auto* it : order) it->vocab = &vocab;
}

// Below this many paragraphs in both versions, the two parts are aligned on
// one thread: handing one over would cost more than it saves.
constexpr std::size_t min_items_aligned_in_two = 32;

// From this many bytes to read on, align() reads the paragraphs on two
// threads (read_items). Read in two fixed halves, the helper's half often
// waited behind the citations (background work) and the reading took longer
// than on one thread; read from both ends until the threads meet, the helper
// takes what it gets to (200 KB pair: about 230 of 569 paragraphs) and the
// whole process gains (65 KB pair: median 4.1 -> 3.7 ms; 2 MB pair 84 -> 81
// ms; 200 KB pair unchanged, its helper having as much else to do).
constexpr std::size_t min_bytes_read_in_two = 16 * 1024;

// Reads the paragraphs of both versions (`olds` and `news`, as items_of made
// them) and describes them. A new paragraph with the text of an old one takes
// its tokens (most texts are kept as they were); the others, after every old
// one, are read in order or (from min_bytes_read_in_two) from both ends at
// the same time (read_items), with the ids reading them in order gives, each
// version described on one of the two threads.
void read_both(const document& old_doc, const document& new_doc, std::vector<item>& olds, std::vector<item>& news,
               context& ctx) {
    const context::by_text same_text(olds);
    std::vector<const item*> same(news.size(), nullptr);
    std::vector<item*> order;
    order.reserve(olds.size() + news.size());
    std::size_t bytes = 0;
    for (auto& it : olds) order.push_back(&it), bytes += it.text->size();
    for (std::size_t j = 0; j < news.size(); ++j) {
        same[j] = same_text.find(*news[j].text);
        if (same[j] == nullptr) order.push_back(&news[j]), bytes += news[j].text->size();
    }
    std::size_t split = order.size();
    if (bytes >= min_bytes_read_in_two && detail::thread_slots() > 1) {
        std::size_t first = 0;
        for (split = 0; split < order.size() && 2 * first < bytes; ++split) first += order[split]->text->size();
    }
    read_items(order, split, ctx.vocab, [&] { describe_items(old_doc, olds); },
               [&] { describe_items(new_doc, news); });
    for (std::size_t j = 0; j < news.size(); ++j) {
        if (same[j] != nullptr) ctx.copy(news[j], *same[j]);
    }
}

}  // namespace

namespace detail {

double default_align_threshold() { return default_threshold; }

std::vector<std::vector<double>> similarity_matrix(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    context ctx;
    std::vector<item> ai(a.size()), bi(b.size());
    for (std::size_t i = 0; i < a.size(); ++i) ctx.prepare(ai[i], a[i]);
    for (std::size_t i = 0; i < b.size(); ++i) ctx.prepare(bi[i], b[i]);
    ctx.count({&ai, &bi});
    std::vector<std::vector<double>> m(a.size(), std::vector<double>(b.size(), 0.0));
    for (std::size_t i = 0; i < a.size(); ++i) {
        for (std::size_t j = 0; j < b.size(); ++j) m[i][j] = cosine(ai[i].v(), bi[j].v());
    }
    return m;
}

read_ids read_texts(const std::vector<std::string>& texts, std::size_t split) {
    vocabulary vocab;
    std::vector<item> items(texts.size());
    std::vector<item*> order;
    for (std::size_t i = 0; i < texts.size(); ++i) items[i].text = &texts[i], order.push_back(&items[i]);
    read_items(order, split, vocab);
    read_ids out;
    for (const auto& it : items) out.tokens.push_back(it.tokens), out.keys.push_back(it.key);
    out.classes = vocab.cls;
    return out;
}

std::vector<std::vector<double>> paragraph_similarities(const document& old_doc, const document& new_doc) {
    context ctx;
    std::vector<item> oi = make_items(old_doc, ctx);
    std::vector<item> ni = make_items(new_doc, ctx);
    ctx.count({&oi, &ni});
    std::vector<std::vector<double>> m(oi.size(), std::vector<double>(ni.size(), 0.0));
    for (std::size_t i = 0; i < oi.size(); ++i) {
        for (std::size_t j = 0; j < ni.size(); ++j) m[i][j] = cosine(oi[i].v(), ni[j].v());
    }
    return m;
}

}  // namespace detail

alignment align(const document& old_doc, const document& new_doc, const align_options& options) {
    alignment out;
    context ctx;
    ctx.threshold = options.threshold > 0 ? options.threshold : default_threshold;
    ctx.max_pairs = options.max_pairs;
    ctx.coarse.notes = &out.notes;

    reserve_words(ctx.vocab, text_bytes(old_doc) + text_bytes(new_doc));
    std::vector<item> oi = items_of(old_doc);
    std::vector<item> ni = items_of(new_doc);
    read_both(old_doc, new_doc, oi, ni, ctx);
    ctx.count({&oi, &ni});
    std::vector<const item*> op, np;
    for (const auto& it : oi) op.push_back(&it);
    for (const auto& it : ni) np.push_back(&it);

    // Groups over global positions.
    std::vector<group> groups;
    std::vector<char> old_done(oi.size(), 0), new_done(ni.size(), 0);
    auto part_list = [](const std::vector<const item*>& all, part w, std::vector<int>& globals) {
        std::vector<const item*> out_list;
        for (const auto* it : all) {
            if (it->where == w) out_list.push_back(it), globals.push_back(it->global);
        }
        return out_list;
    };
    {
        // The preamble and the operative part, aligned at the same time, each
        // with its own scratch space and coarse_state: the rest of the context
        // is only read, and the items of the two parts (whose vectors are
        // weighed on first use) are distinct. Aligned one after the other, a
        // preamble that fell back to the coarse method makes the operative
        // part follow fewer rules: then the operative part is aligned again so
        // (the vectors its first alignment weighed are the ones the second
        // would weigh).
        struct part_lists {
            std::vector<int> og, ng;
            std::vector<const item*> ol, nl;
            std::vector<group> groups;
            coarse_state coarse;
            std::vector<std::string> notes;
            feature_scratch scratch;
        };
        std::array<part_lists, 2> parts;
        parts[0].ol = part_list(op, part::preamble, parts[0].og);
        parts[0].nl = part_list(np, part::preamble, parts[0].ng);
        parts[1].ol = part_list(op, part::operative, parts[1].og);
        parts[1].nl = part_list(np, part::operative, parts[1].ng);
        const auto align_part = [&](part_lists& p, coarse_state& coarse) {
            match_result r;
            p.groups = align_lists(p.ol, p.nl, ctx, coarse, r);
        };
        if (oi.size() + ni.size() < min_items_aligned_in_two || detail::thread_slots() < 2) {
            for (auto& p : parts) align_part(p, ctx.coarse);
        } else {
            // The part with more to compare (the tokens of its paragraphs
            // without an identical counterpart) on this thread: done with the
            // other, the helper joins in its parallel pieces.
            std::array<std::size_t, 2> work{};
            for (std::size_t k = 0; k < 2; ++k) {
                for (const auto* it : parts[k].ol) work[k] += it->copies == 0 ? it->tokens.size() : 0;
                for (const auto* it : parts[k].nl) work[k] += it->copy_of == nullptr ? it->tokens.size() : 0;
            }
            const std::size_t here = work[0] > work[1] ? 0 : 1;
            for (auto& p : parts) p.coarse = coarse_state{ctx.coarse.fell_back, &p.notes};
            const auto run_part = [&](std::size_t k) {
                const using_scratch own(parts[k].scratch);
                align_part(parts[k], parts[k].coarse);
            };
            detail::run_both([&] { run_part(1 - here); }, [&] { run_part(here); });
            out.notes.insert(out.notes.end(), parts[0].notes.begin(), parts[0].notes.end());
            if (parts[0].coarse.fell_back && !parts[1].coarse.fell_back) {
                ctx.coarse.fell_back = true;
                align_part(parts[1], ctx.coarse);
            } else {
                if (!parts[0].coarse.fell_back) {
                    out.notes.insert(out.notes.end(), parts[1].notes.begin(), parts[1].notes.end());
                }
                ctx.coarse.fell_back = parts[0].coarse.fell_back || parts[1].coarse.fell_back;
            }
        }
        for (auto& p : parts) {
            for (auto& g : p.groups) {
                for (auto& o : g.olds) o = p.og[o], old_done[o] = 1;
                for (auto& n : g.news) n = p.ng[n], new_done[n] = 1;
                groups.push_back(std::move(g));
            }
        }
    }
    // Paragraphs that crossed parts: left-overs of one part against the other's.
    for (const part w : {part::preamble, part::operative}) {
        const part other = w == part::preamble ? part::operative : part::preamble;
        std::vector<const item*> ol, nl;
        std::vector<int> og, ng;
        for (const auto* it : op) {
            if (it->where == w && !old_done[it->global]) ol.push_back(it), og.push_back(it->global);
        }
        for (const auto* it : np) {
            if (it->where == other && !new_done[it->global]) nl.push_back(it), ng.push_back(it->global);
        }
        if (ol.empty() || nl.empty()) continue;
        // A paragraph moved across parts changes its lead ("Recognizing" ->
        // "Recognizes") but keeps its wording; distinct clauses of the two
        // parts often share long passages (a preambular "Taking note of the
        // report" and the operative "Requests a report"), so the bar is higher.
        // Hence: the same lead word in its other form ("Recognizing" ->
        // "Recognizes", the same stem) and cross_part_threshold, or a near copy.
        const double saved = ctx.threshold;
        ctx.threshold = std::max(saved, cross_part_threshold);
        auto r = match_lists(ol, nl, ctx, ctx.coarse, true, [](const item& a, const item& b, double sim) {
            const bool same_lead = !a.tokens.empty() && !b.tokens.empty() && a.tokens[0] == b.tokens[0];
            return same_lead || sim >= cross_part_any_lead;
        });
        ctx.threshold = saved;
        for (std::size_t o = 0; o < ol.size(); ++o) {
            if (r.old_to_new[o] < 0) continue;
            group g;
            g.olds = {og[o]};
            g.news = {ng[r.old_to_new[o]]};
            g.sim = r.sim[o];
            g.crossed = true;
            g.moved = true;
            old_done[g.olds[0]] = new_done[g.news[0]] = 1;
            groups.push_back(std::move(g));
        }
    }

    // Sub-paragraphs inside each operative pair.
    struct child_state {
        sub_items os, ns;
        std::vector<group> groups;
    };
    std::vector<child_state> kids(groups.size());
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        auto& g = groups[gi];
        std::vector<const paragraph*> ps, qs;
        for (const int o : g.olds) ps.push_back(paragraph_at(old_doc, o));
        for (const int n : g.news) qs.push_back(paragraph_at(new_doc, n));
        bool any = false;
        for (const auto* p : ps) any = any || !p->subparagraphs.empty();
        for (const auto* q : qs) any = any || !q->subparagraphs.empty();
        if (!any) continue;
        auto& k = kids[gi];
        k.os = make_sub_items(ps, ps.size() > 1, ctx);
        k.ns = make_sub_items(qs, qs.size() > 1, ctx);
        match_result r;
        k.groups = align_lists(k.os.ptrs, k.ns.ptrs, ctx, ctx.coarse, r);
    }
    // A sub-paragraph that became its own paragraph (split), or a paragraph
    // that became a sub-paragraph (merged).
    {
        struct orphan {
            std::size_t g;
            int sub;
        };
        std::vector<orphan> old_subs, new_subs;
        for (std::size_t gi = 0; gi < kids.size(); ++gi) {
            std::vector<char> ou(kids[gi].os.items.size(), 0), nu(kids[gi].ns.items.size(), 0);
            for (const auto& cg : kids[gi].groups) {
                for (const int o : cg.olds) ou[o] = 1;
                for (const int n : cg.news) nu[n] = 1;
            }
            for (std::size_t s = 0; s < ou.size(); ++s) {
                if (!ou[s]) old_subs.push_back({gi, static_cast<int>(s)});
            }
            for (std::size_t s = 0; s < nu.size(); ++s) {
                if (!nu[s]) new_subs.push_back({gi, static_cast<int>(s)});
            }
        }
        auto promote = [&](bool out_of_old) {
            const auto& subs = out_of_old ? old_subs : new_subs;
            std::vector<const item*> paras;
            std::vector<int> globals;
            for (const auto* it : out_of_old ? np : op) {
                const bool done = out_of_old ? new_done[it->global] : old_done[it->global];
                if (!done && it->where == part::operative) paras.push_back(it), globals.push_back(it->global);
            }
            if (subs.empty() || paras.empty() || subs.size() * paras.size() > 1'000'000) return;
            std::vector<edge> edges;
            for (std::size_t s = 0; s < subs.size(); ++s) {
                const auto& k = kids[subs[s].g];
                const item* si = out_of_old ? k.os.ptrs[subs[s].sub] : k.ns.ptrs[subs[s].sub];
                for (std::size_t p = 0; p < paras.size(); ++p) {
                    const double sim = cosine(si->v(), paras[p]->v());
                    if (sim >= ctx.threshold) edges.push_back({static_cast<int>(s), static_cast<int>(p), sim});
                }
            }
            match_result r;
            r.old_to_new.assign(subs.size(), -1);
            r.new_to_old.assign(paras.size(), -1);
            r.sim.assign(subs.size(), 0.0);
            assign(edges, subs.size(), paras.size(), ctx.threshold, r);
            for (std::size_t s = 0; s < subs.size(); ++s) {
                const int p = r.old_to_new[s];
                if (p < 0) continue;
                auto& g = groups[subs[s].g];
                auto& k = kids[subs[s].g];
                const int gl = globals[p];
                group child;
                child.sim = r.sim[s];
                alignment_unit cu;
                const item* si = out_of_old ? k.os.ptrs[subs[s].sub] : k.ns.ptrs[subs[s].sub];
                cu.kind = out_of_old ? unit_kind::split : unit_kind::merged;
                cu.old_ids = {out_of_old ? si->id : paras[p]->id};
                cu.new_ids = {out_of_old ? paras[p]->id : si->id};
                cu.text_changed = trimmed(*si->text) != trimmed(*paras[p]->text);
                cu.similarity = cu.text_changed ? std::min(r.sim[s], 0.999999) : 1.0;
                g.children.push_back(std::move(cu));   // promoted children, placed after the others
                if (out_of_old) {
                    g.news.push_back(gl);
                    std::sort(g.news.begin(), g.news.end());
                    new_done[gl] = 1;
                } else {
                    g.olds.push_back(gl);
                    std::sort(g.olds.begin(), g.olds.end());
                    old_done[gl] = 1;
                }
                // The sub-paragraph is accounted for: mark it so it is not listed as removed/added.
                k.groups.push_back(group{});
                auto& marker = k.groups.back();
                marker.sim = -1;   // marker group, dropped when units are built
                (out_of_old ? marker.olds : marker.news).push_back(subs[s].sub);
            }
        };
        promote(true);
        promote(false);
    }
    for (std::size_t gi = 0; gi < kids.size(); ++gi) {
        auto& k = kids[gi];
        if (k.os.items.empty() && k.ns.items.empty()) continue;
        std::vector<group> real;
        std::vector<int> accounted_old(k.os.items.size(), 0), accounted_new(k.ns.items.size(), 0);
        for (auto& cg : k.groups) {
            if (cg.sim < 0) {
                for (const int o : cg.olds) accounted_old[o] = 1;
                for (const int n : cg.news) accounted_new[n] = 1;
            } else {
                real.push_back(std::move(cg));
            }
        }
        // Added sub-paragraphs are groups with no old side.
        for (std::size_t n = 0; n < k.ns.items.size(); ++n) {
            bool used = accounted_new[n] != 0;
            for (const auto& cg : real) used = used || std::find(cg.news.begin(), cg.news.end(), n) != cg.news.end();
            if (!used) {
                group add;
                add.news = {static_cast<int>(n)};
                real.push_back(std::move(add));
            }
        }
        // Removed ones come from order_units; skip those accounted for by promotion.
        std::vector<const item*> ol = k.os.ptrs;
        auto units = order_units(real, k.os.items.size(), ol, k.ns.ptrs);
        std::vector<alignment_unit> kept;
        for (auto& u : units) {
            if (u.kind == unit_kind::removed) {
                bool acc = false;
                for (std::size_t o = 0; o < k.os.items.size(); ++o) {
                    if (accounted_old[o] && k.os.items[o].id == u.old_ids[0]) acc = true;
                }
                if (acc) continue;
            }
            // A sub-paragraph paired with a whole paragraph: it split off, or merged in.
            if (u.old_ids.size() == 1 && u.new_ids.size() == 1) {
                const bool old_sub = u.old_ids[0].find('(') != std::string::npos;
                const bool new_sub = u.new_ids[0].find('(') != std::string::npos;
                if (old_sub && !new_sub) u.kind = unit_kind::split;
                if (!old_sub && new_sub) u.kind = unit_kind::merged;
            }
            kept.push_back(std::move(u));
        }
        for (auto& promoted : groups[gi].children) kept.push_back(std::move(promoted));
        groups[gi].children = std::move(kept);
    }

    // Added paragraphs.
    for (std::size_t n = 0; n < ni.size(); ++n) {
        if (new_done[n]) continue;
        group g;
        g.news = {static_cast<int>(n)};
        groups.push_back(std::move(g));
    }
    // The units name the paragraphs and compare their texts: the tokens
    // and vectors go before they are made (room for the units).
    kids = std::vector<child_state>();
    for (auto* items : {&oi, &ni}) {
        for (auto& it : *items) it.release();
    }
    std::vector<std::pair<int, int>> one_to_one;
    out.units = order_units(groups, oi.size(), op, np, &one_to_one);
    out.footnotes = align_footnotes(old_doc, new_doc, one_to_one, ctx);
    return out;
}

}  // namespace resdiff
