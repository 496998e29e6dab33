// Small text helpers of the parse stage and the split-word repair.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "parse_internal.hpp"

namespace resdiff::detail {


std::string_view first_word(std::string_view s) {
    s = trim(s);
    while (!s.empty() && (s.front() == '"' || s.front() == '\'' || s.front() == '(')) s.remove_prefix(1);
    std::size_t i = 0;
    while (i < s.size() && (is_letter_byte(s[i]) || s[i] == '-' || s[i] == '\'')) ++i;
    return s.substr(0, i);
}

int parse_ordinal(std::string_view word) {
    std::string w(word);
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::unordered_map<std::string, int> units = {
        {"first", 1},     {"second", 2},      {"third", 3},      {"fourth", 4},     {"fifth", 5},
        {"sixth", 6},     {"seventh", 7},     {"eighth", 8},     {"ninth", 9},      {"tenth", 10},
        {"eleventh", 11}, {"twelfth", 12},    {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15},
        {"sixteenth", 16}, {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
        {"thirtieth", 30}, {"fortieth", 40},  {"fiftieth", 50},  {"sixtieth", 60},  {"seventieth", 70},
        {"eightieth", 80}, {"ninetieth", 90}, {"hundredth", 100}};
    static const std::unordered_map<std::string, int> tens = {{"twenty", 20}, {"thirty", 30}, {"forty", 40},
                                                              {"fifty", 50},  {"sixty", 60},  {"seventy", 70},
                                                              {"eighty", 80}, {"ninety", 90}};
    if (const auto it = units.find(w); it != units.end()) return it->second;
    const auto dash = w.find('-');
    if (dash == std::string::npos) return 0;
    const auto t = tens.find(w.substr(0, dash));
    const auto u = units.find(w.substr(dash + 1));
    if (t == tens.end() || u == units.end() || u->second >= 10) return 0;
    return t->second + u->second;
}

namespace {

// Common English words that must never be glued to a neighbour.
constexpr std::string_view common_words[] = {
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "between", "both", "but", "by", "can", "could", "do", "each", "for", "from", "had", "has", "have", "he",
    "her", "his", "if", "in", "into", "is", "it", "its", "may", "me", "more", "most", "must", "my", "new",
    "no", "not", "of", "on", "one", "only", "or", "other", "our", "out", "over", "per", "see", "shall", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "under", "up", "upon", "us", "use", "was", "we", "well", "were",
    "what", "when", "where", "which", "while", "who", "will", "with", "within", "would", "year", "years",
    "able", "access", "action", "data", "day", "end", "good", "high", "key", "law", "less", "low", "made",
    "make", "many", "much", "need", "part", "set", "take", "time", "two", "way", "work", "world", "ever",
    "how", "own", "same", "just", "like", "long", "now", "off", "once", "very", "via", "why", "yet", "go",
    "inter", "alia", "non", "co", "re", "pre", "post", "sub", "self", "multi", "cross",
    "man", "men", "women", "age", "aid", "air", "art", "car", "ice", "oil", "sea", "sun", "war", "due"};

}  // namespace

namespace {

// Words of UN resolutions that PDF extraction is known to split
// ("see king", "intelligen ce") and that a short text may hold only once.
constexpr std::string_view builtin_words[] = {
    "seeking", "intelligence", "development", "developing", "developed", "international", "sustainable",
    "sustainability", "technology", "technologies", "technological", "innovation", "committee", "countries",
    "programme", "programmes", "implementation", "information", "communications", "communication",
    "cooperation", "partnership", "partnerships", "recommendations", "recognizing", "recognizes",
    "including", "infrastructure", "organization", "organizations", "population", "populations",
    "financial", "financing", "agricultural", "agriculture", "considering", "consideration", "commission",
    "commissions", "resolution", "resolutions", "particular", "particularly", "assembly", "secretary",
    "general", "member", "members", "states", "united", "nations", "national", "regional", "global",
    "economic", "economy", "social", "environmental", "environment", "women", "people", "persons",
    "disabilities", "digital", "divide", "divides", "private", "public", "sector", "sectors", "policy",
    "policies", "process", "processes", "system", "systems", "mechanism", "mechanisms", "framework",
    "frameworks", "management", "future", "director", "extreme", "poverty", "world", "agenda",
    "behind", "binding", "creditors", "debt", "dimensions", "efforts", "literacy", "perspective",
    "predictability", "radiation", "restructuring", "substantially", "subsidies", "vulnerable",
    "appropriately", "coordinated", "intermediaries", "considers", "others", "extend", "emphasizing",
    "encourages", "welcomes", "requests", "stresses", "underlines", "acknowledges", "reaffirming",
    "recalling", "noting", "expressing", "welcoming", "achievements", "challenges", "opportunities",
    "capacity", "building", "knowledge", "education", "health", "security", "nutrition", "climate",
    "change", "resilience", "investment", "investments", "resources", "science", "scientific", "research",
    "access", "affordable", "connectivity", "broadband", "internet", "governance", "stakeholders",
    "stakeholder", "multilateral", "multilateralism", "transparency", "accountability", "effective",
    "effectively", "inclusive", "equitable", "commitment", "commitments"};

// Compounds of UN texts whose hyphen text exports are known to drop where a
// line of the printed document broke after it ("postconflict"); with the
// ordinals from "twenty-first" to "ninety-ninth" ("twentyeighth"). None of
// the glued forms is a word ("socioeconomic", "cooperation", "lifelong",
// "policymaking" are, and are not here). Plain data: no list is built at run
// time (the two documents are parsed on two threads at once).
constexpr std::string_view builtin_compounds[] = {
    "capacity-building", "follow-up",         "multi-stakeholder", "long-term",       "short-term",
    "medium-term",       "medium-sized",      "middle-income",     "low-income",      "high-income",
    "system-wide",       "open-source",       "trade-distorting",  "post-conflict",   "fixed-term",
    "gender-balanced",   "gender-responsive", "drug-resistant",    "water-saving",    "distance-learning",
    "high-performance",  "small-scale",       "large-scale",       "decision-making", "cross-border",
    "cost-effective",    "evidence-based",    "people-centred",    "human-centred",   "rights-based",
    "knowledge-sharing", "time-bound",        "sex-disaggregated", "data-driven",     "public-private",
    "action-oriented",   "high-level",        "climate-resilient"};
constexpr std::string_view ordinal_tens[] = {"twenty", "thirty",  "forty",  "fifty",
                                             "sixty",  "seventy", "eighty", "ninety"};
constexpr std::string_view ordinal_units[] = {"first", "second",  "third",  "fourth", "fifth",
                                              "sixth", "seventh", "eighth", "ninth"};

// Calls f(glued, hyphenated) for each built-in compound.
template <class F>
void for_each_builtin_compound(F&& f) {
    std::string glued, hyphenated;  // reused
    for (const auto h : builtin_compounds) {
        const auto dash = h.find('-');
        glued.assign(h.substr(0, dash)).append(h.substr(dash + 1));
        f(std::string_view(glued), h);
    }
    for (const auto t : ordinal_tens) {
        for (const auto u : ordinal_units) {
            glued.assign(t).append(u);
            hyphenated.assign(t).append("-").append(u);
            f(std::string_view(glued), std::string_view(hyphenated));
        }
    }
}

}  // namespace

std::string amended_symbol(std::string_view sponsors) {
    const auto at = sponsors.find("amendment");
    if (at == std::string_view::npos) return {};
    // The first symbol after it: "A/" at the start of a word.
    for (auto s = sponsors.find("A/", at); s != std::string_view::npos; s = sponsors.find("A/", s + 2)) {
        if (s > 0 && sponsors[s - 1] != ' ' && sponsors[s - 1] != '(') continue;
        auto e = sponsors.find_first_of(" ;,)", s);
        if (e == std::string_view::npos) e = sponsors.size();
        while (e > s + 2 && (sponsors[e - 1] == '.' || sponsors[e - 1] == ':')) --e;
        return std::string(sponsors.substr(s, e - s));
    }
    return {};
}

std::string amendment_note(std::string_view amends) {
    std::string note = "an amendment to draft resolution ";
    note.append(amends);
    note.append(", not a text of the resolution");
    return note;
}

bool is_builtin_word(std::string_view w) {
    static const std::unordered_set<std::string_view> words(std::begin(builtin_words), std::end(builtin_words));
    return words.count(w) > 0;
}

namespace {

bool lower_alpha(std::string_view w) {
    if (w.empty()) return false;
    for (const char c : w) {
        if (!is_lower_ascii(c)) return false;
    }
    return true;
}

char lower_ascii(char c) { return is_upper_ascii(c) ? static_cast<char>(c - 'A' + 'a') : c; }
// ASCII letter: setting bit 0x20 maps 'A'..'Z' onto 'a'..'z' and no other byte into that range.
bool alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
bool alnum(char c) { return alpha(c) || is_digit(c); }

// Tokens of a text: maximal runs of ASCII letters and hyphens between them,
// f(begin, end) for each until it returns false.
template <class F>
void for_each_token(std::string_view s, F&& f) {
    const char* p = s.data();
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        if (!alpha(p[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (true) {
            while (i < n && alpha(p[i])) ++i;
            if (i + 1 < n && p[i] == '-' && alpha(p[i + 1])) {
                i += 2;
                continue;
            }
            break;
        }
        if (!f(start, i)) return;
    }
}

// By byte: the number of an ASCII letter in the alphabet (1 for 'a' and
// 'A' to 26 for 'z' and 'Z'), 0 for any other byte.
struct letter_table {
    unsigned char code[256] = {};
    constexpr letter_table() {
        for (int c = 0; c < 26; ++c) {
            code['a' + c] = static_cast<unsigned char>(c + 1);
            code['A' + c] = static_cast<unsigned char>(c + 1);
        }
    }
};
constexpr letter_table letters;

// A word's letters as digits of a number in base 32 (mod 2^64), chosen
// because the sum of two words written together follows from theirs,
// sum(xy) = sum(x) * 32^|y| + sum(y), and because words of up to 12 letters
// (60 bits) have a sum of their own: for them, equal sums and lengths are
// equal words, whatever their case, and no byte is compared.
constexpr std::size_t exact_sum_letters = 12;
std::uint64_t word_sum(std::string_view w) {
    std::uint64_t h = 0;
    for (const char c : w) h = h << 5 | letters.code[static_cast<unsigned char>(c)];
    return h;
}
std::uint64_t word_sum_power(std::size_t n) { return n >= 13 ? 0 : std::uint64_t{1} << (5 * n); }

// The end of the hyphenated token whose first hyphen is at q ("follow-up"
// at its '-'): letters and hyphens between letters.
const unsigned char* hyphenated_token_end(const unsigned char* q, const unsigned char* last) {
    while (*q == '-' && q + 1 != last && letters.code[q[1]] != 0) {
        ++q;
        while (letters.code[*q] != 0) ++q;
    }
    return q;
}

// Drops leading spaces, runs of spaces and trailing spaces, in place.
void collapse_spaces(std::string& s) {
    char* d = s.data();
    const std::size_t n = s.size();
    std::size_t out = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const char c = d[k];
        if (c == ' ' && (out == 0 || d[out - 1] == ' ')) continue;
        d[out++] = c;
    }
    while (out > 0 && d[out - 1] == ' ') --out;
    s.resize(out);
}

// Maps keyed by words, looked up with string_views (no key copy per lookup).
struct word_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using word_map = std::unordered_map<std::string, V, word_hash, std::equal_to<>>;

// Removes the bytes at `positions` (increasing) from `s`.
void erase_positions(std::string& s, const std::vector<std::size_t>& positions) {
    if (positions.empty()) return;
    char* d = s.data();
    const std::size_t n = s.size();
    std::size_t out = positions.front();
    std::size_t next = 0;
    for (std::size_t k = positions.front(); k < n; ++k) {
        if (next < positions.size() && positions[next] == k) {
            ++next;
            continue;
        }
        d[out++] = d[k];
    }
    s.resize(out);
}

// True when the letters x[xa, xa + n) and y[ya, ya + n) spell the same word
// in any case (setting bit 0x20 of an ASCII letter makes it lower case).
bool same_letters(std::string_view x, std::size_t xa, std::string_view y, std::size_t ya, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) {
        if ((x[xa + k] | 0x20) != (y[ya + k] | 0x20)) return false;
    }
    return true;
}

// The words of a document (ASCII letters; "Recalling" and "recalling" are
// one word), each with a number and a count: an open-addressing table of word
// numbers, looked up by the words' word_sum, the words' bytes in one buffer
// (no allocation per word, no hashing beyond the sum). Sized to the words
// found, not to the bytes read.
class vocabulary {
public:
    static constexpr std::uint32_t none = ~std::uint32_t{0};

    explicit vocabulary(std::size_t expected_words) {
        rehash(expected_words * 2);
        bytes_.reserve(expected_words * 8);
        words_.reserve(expected_words);
    }

    // The number of the word spelled by the letters s[a, a + n) in any case
    // (`sum` its word_sum), added with a count of 0 first; its count grows
    // by `occurrences`.
    std::uint32_t add(std::string_view s, std::size_t a, std::size_t n, std::uint64_t sum, int occurrences = 1) {
        std::size_t i = slot_of(sum);
        for (;; i = (i + 1) & mask_) {
            const std::uint32_t id = slots_[i];
            if (id == none) break;
            entry& e = words_[id];
            if (e.sum == sum && e.size == n && (n <= exact_sum_letters || same_letters(bytes_, e.offset, s, a, n))) {
                e.count += occurrences;
                return id;
            }
        }
        return insert(i, s.substr(a, n), sum, occurrences);
    }
    std::uint32_t add(std::string_view lower_word, int occurrences = 1) {
        return add(lower_word, 0, lower_word.size(), word_sum(lower_word), occurrences);
    }
    std::uint32_t find(std::string_view lower_word) const {
        const auto sum = word_sum(lower_word);
        const auto n = lower_word.size();
        for (std::size_t i = slot_of(sum);; i = (i + 1) & mask_) {
            const std::uint32_t id = slots_[i];
            if (id == none) return none;
            const entry& e = words_[id];
            if (e.sum == sum && e.size == n && (n <= exact_sum_letters || same_letters(bytes_, e.offset, lower_word, 0, n))) {
                return id;
            }
        }
    }
    // False when no word of `size` letters has the word_sum `sum`; true when
    // one may (words of more than 12 letters whose sums collide are told
    // apart only by find).
    bool may_hold(std::uint64_t sum, std::size_t size) const {
        for (std::size_t i = slot_of(sum);; i = (i + 1) & mask_) {
            const std::uint32_t id = slots_[i];
            if (id == none) return false;
            if (words_[id].sum == sum && words_[id].size == size) return true;
        }
    }
    // Counts the tokens of `s` (those of for_each_token) in reading order:
    // the number of each word goes to `ids`; a hyphenated token gets none,
    // and `compound(begin, end)` counts its parts. Returns true when `s`
    // holds two spaces in a row (noticed on the way: the bytes between the
    // tokens are read anyway). The letters of a token are read up to the
    // first byte that is none, at the latest the string's terminating NUL:
    // no bound check per byte.
    template <class F>
    bool count_tokens(const std::string& s, std::vector<std::uint32_t>& ids, F&& compound) {
        const auto* const first = reinterpret_cast<const unsigned char*>(s.data());
        const auto* const last = first + s.size();
        const auto* q = first;
        bool two_spaces = false;
        std::uint32_t prev = none;  // the token before, none at the start or after a hyphenated one
        const auto take = [&](std::uint32_t id) {  // the next word, numbered
            ids.push_back(id);
            link(prev, id);
            prev = id;
        };
        while (true) {
            if (q != last && q[0] == ' ' && letters.code[q[1]] != 0) {
                ++q;  // most words follow one space
            } else {
                const auto* const gap = q;
                while (q != last && letters.code[*q] == 0) ++q;
                for (const auto* g = gap; g + 1 < q && !two_spaces; ++g) two_spaces = g[0] == ' ' && g[1] == ' ';
                if (q == last) return two_spaces;
            }
            const auto* const start = q;
            // Two letters at a time where there are two (q[1] is at the latest
            // the terminating NUL).
            std::uint64_t sum = 0;
            unsigned l0, l1;
            while ((l0 = letters.code[q[0]]) != 0 && (l1 = letters.code[q[1]]) != 0) {
                sum = sum << 10 | l0 << 5 | l1;
                q += 2;
            }
            if (l0 != 0) {
                sum = sum << 5 | l0;
                ++q;
            }
            const auto a = static_cast<std::size_t>(start - first);
            if (*q == '-' && q + 1 != last && letters.code[q[1]] != 0) {
                q = hyphenated_token_end(q, last);
                compound(a, static_cast<std::size_t>(q - first));
                ids.push_back(none);
                prev = none;
                continue;
            }
            const auto n = static_cast<std::size_t>(q - start);
            if (n <= short_letters) {  // "of", "to": numbered by their sum, no search
                std::uint32_t& id = short_ids_[sum];
                if (id == none) {
                    id = add(s, a, n, sum);
                } else {
                    ++words_[id].count;
                }
                take(id);
                continue;
            }
            take(add(s, a, n, sum));
        }
    }
    // The word that stands before every occurrence of word `id` counted by
    // count_tokens: a word number, `none` for the start of a text or a
    // hyphenated token, `several` when they differ or the word occurs
    // inside a hyphenated token.
    static constexpr std::uint32_t several = none - 1;
    std::uint32_t previous_word(std::uint32_t id) const { return words_[id].previous; }
    // Word `id` occurs where the word before it is not followed (inside a
    // hyphenated token).
    void unlink(std::uint32_t id) { words_[id].previous = several; }
    int count(std::uint32_t id) const { return words_[id].count; }
    std::size_t size(std::uint32_t id) const { return words_[id].size; }
    // The word_sum of the two words written together, without writing them.
    std::uint64_t joined_sum(std::uint32_t left, std::uint32_t right) const {
        return words_[left].sum * word_sum_power(words_[right].size) + words_[right].sum;
    }
    std::size_t size() const { return words_.size(); }

private:
    static constexpr std::uint32_t unseen = none - 2;  // a neighbour not met yet
    struct entry {
        std::uint64_t sum = 0;     // word_sum of the word
        std::uint32_t offset = 0;  // where it starts in bytes_
        std::uint32_t size = 0;
        int count = 0;
        std::uint32_t previous = unseen;  // see previous_word
    };
    // `left` (a word number, or none) stands just before word `right`.
    void link(std::uint32_t left, std::uint32_t right) {
        std::uint32_t& previous = words_[right].previous;
        if (previous != left) previous = previous == unseen ? left : several;
    }
    // Adds the new word `w` in the empty slot `i`.
    [[gnu::noinline]] std::uint32_t insert(std::size_t i, std::string_view w, std::uint64_t sum, int occurrences) {
        const auto id = static_cast<std::uint32_t>(words_.size());
        slots_[i] = id;
        words_.push_back({sum, static_cast<std::uint32_t>(bytes_.size()), static_cast<std::uint32_t>(w.size()), occurrences});
        bytes_.append(w);  // in any case: compared by same_letters alone
        if (2 * words_.size() > slots_.size()) rehash(slots_.size() * 2);
        return id;
    }
    std::size_t slot_of(std::uint64_t sum) const { return (sum * 0x9E3779B97F4A7C15ull) >> shift_; }
    // A table of at least `size` slots (a power of two, at least 256).
    void rehash(std::size_t size) {
        unsigned log = 8;
        while ((std::size_t{1} << log) < size) ++log;
        slots_.assign(std::size_t{1} << log, none);
        mask_ = slots_.size() - 1;
        shift_ = 64 - log;
        for (std::uint32_t id = 0; id < words_.size(); ++id) {
            std::size_t i = slot_of(words_[id].sum);
            while (slots_[i] != none) i = (i + 1) & mask_;
            slots_[i] = id;
        }
    }
    std::vector<std::uint32_t> slots_;  // word numbers; none: empty
    std::size_t mask_ = 0;
    unsigned shift_ = 64;
    std::vector<entry> words_;
    std::string bytes_;  // the words as first met, one after the other
    // The numbers of the words of up to two letters met in count_tokens,
    // by word_sum (below 32^2; one token in six or seven); none where
    // not known yet.
    static constexpr std::size_t short_letters = 2;
    std::vector<std::uint32_t> short_ids_ = std::vector<std::uint32_t>(std::size_t{1} << (5 * short_letters), none);
};

struct token {
    std::size_t begin = 0, end = 0;
    std::uint32_t id = vocabulary::none;  // none for a hyphenated token
};

}  // namespace

void repair_split_words(std::vector<std::string*>& texts) {
    std::vector<std::size_t> drop;  // positions of spaces to remove from one text
    // Pass 0, before anything is counted: a space the PDF put before a hyphen
    // inside a compound ("sixty -seventh", "Secretary -General", "COVID -19")
    // goes; a hyphen with a space before and none after is never prose.
    for (auto* t : texts) {
        const std::string_view s = *t;
        drop.clear();
        for (std::size_t h = s.find('-', 2); h != std::string_view::npos; h = s.find('-', h + 1)) {
            if (h + 1 < s.size() && s[h - 1] == ' ' && alnum(s[h - 2]) && alnum(s[h + 1])) drop.push_back(h - 1);
        }
        erase_positions(*t, drop);
    }
    // Vocabulary of the whole document (lowercase), counting occurrences, and
    // the word number of every token in reading order (hyphenated tokens
    // count their parts). The built-in words enter with a count of 0, so that
    // one lookup answers "is this word in the document or in the built-in
    // list" and a count above 1 still means "occurs more than once".
    std::size_t bytes = 0;
    for (const auto* t : texts) bytes += t->size();
    // About one new word in 50 to 80 bytes of a resolution's prose (1,300
    // words in 60 KB, 2,400 in 200 KB); the table grows when there are more.
    vocabulary vocab(std::size(builtin_words) + std::size(common_words) + bytes / 64);
    for (const auto b : builtin_words) vocab.add(b, 0);
    // The common words too ("d o" -> "do" where "do" is not in the text).
    std::vector<std::uint32_t> common_ids;
    common_ids.reserve(std::size(common_words));
    for (const auto c : common_words) common_ids.push_back(vocab.add(c, 0));
    const auto listed = static_cast<std::uint32_t>(vocab.size());  // the words numbered so far
    struct hyphenation {
        std::string form;  // as first met
        int count = 0;     // lowercase occurrences
    };
    word_map<hyphenation> hyphenated;  // "followup" -> "follow-up"
    std::vector<std::uint32_t> token_ids;
    token_ids.reserve(bytes / 6);  // about one token in 6 to 7 bytes of prose
    std::string w;  // reused buffers: no allocation per token
    std::string joined;
    std::vector<std::size_t> tokens_end;  // per text: the end of its run in token_ids
    tokens_end.reserve(texts.size());
    // Texts holding two spaces in a row (none is made by the repairs below).
    std::vector<char> spaced(texts.size());
    for (std::size_t ti = 0; ti < texts.size(); ++ti) {
        const std::string& text = *texts[ti];
        // A word is looked up as it stands, in any case; a hyphenated token
        // is learnt here.
        spaced[ti] = vocab.count_tokens(text, token_ids, [&](std::size_t a, std::size_t b) {
            const std::string_view original = std::string_view(text).substr(a, b - a);
            // Only lowercase compounds teach a hyphenation: a name such as
            // "Economic Co-operation" says nothing of "cooperation".
            const bool lowercase = std::none_of(original.begin(), original.end(), is_upper_ascii);
            w.assign(original);
            for (auto& c : w) c = lower_ascii(c);
            joined.clear();
            std::size_t parts = 0;
            for (const char c : w) {
                if (c == '-') {
                    ++parts;
                } else {
                    joined.push_back(c);
                }
            }
            if (parts == 1 && lowercase) {
                auto [at, added] = hyphenated.try_emplace(joined);
                if (added) at->second.form = w;
                ++at->second.count;
            }
            const std::string_view wv = w;
            std::size_t s = 0;
            while (s <= wv.size()) {
                auto e = wv.find('-', s);
                if (e == std::string_view::npos) e = wv.size();
                vocab.unlink(vocab.add(wv.substr(s, e - s)));
                s = e + 1;
            }
        });
        tokens_end.push_back(token_ids.size());
    }
    // Per word: may it stand alone (a common word, or seen more than once)?
    // Is it the joined form of a lowercase compound ("followup"), and is it
    // seen at most once as such, or less often than the compound (a text
    // export that lost the hyphens at its line ends: "capacitybuilding" three
    // times, "capacity-building" twelve)?
    // Is it a lone letter other than "a" and "i", never a word of its own in
    // prose (a sub-paragraph's label "(f)" stands between parentheses)?
    constexpr unsigned char alone = 1, compound = 2, lone_compound = 4, stray = 8;
    std::vector<unsigned char> flags(vocab.size());
    for (std::uint32_t id = 0; id < vocab.size(); ++id) flags[id] = vocab.count(id) > 1 ? alone : 0;
    // A word seen more than once stands alone, unless it is a break that
    // repeats: "implemen tation" twice, "a nd" twice, each time next to the
    // same word, with which it spells a word of the document or of the
    // lists. The right half is always preceded by the left one; the left
    // half, seen as often, is then always followed by the right one. (A
    // word of the lists, numbered first, is a word.)
    for (std::uint32_t id = listed; id < vocab.size(); ++id) {
        const auto before = vocab.previous_word(id);
        if (vocab.count(id) < 2 || before >= vocab.size() ||  // no word before it, or not always the same
            !vocab.may_hold(vocab.joined_sum(before, id), vocab.size(before) + vocab.size(id))) {
            continue;
        }
        flags[id] &= static_cast<unsigned char>(~alone);
        if (before >= listed && vocab.count(before) == vocab.count(id))
            flags[before] &= static_cast<unsigned char>(~alone);
    }
    for (const auto id : common_ids) flags[id] |= alone;
    for (char c = 'b'; c <= 'z'; ++c) {
        if (c == 'i') continue;
        if (const auto id = vocab.find(std::string_view(&c, 1)); id != vocabulary::none) flags[id] |= stray;
    }
    for (const auto& [glued, hyphen] : hyphenated) {
        if (const auto id = vocab.find(glued); id != vocabulary::none) {
            const bool rare = vocab.count(id) <= 1 || vocab.count(id) < hyphen.count;
            flags[id] |= rare ? compound | lone_compound : compound;
        }
    }
    // A built-in compound's glued form is never a word: unglued wherever it is.
    for_each_builtin_compound([&](std::string_view glued, std::string_view form) {
        const auto id = vocab.find(glued);
        if (id == vocabulary::none) return;
        flags[id] |= compound | lone_compound;
        if (auto [at, added] = hyphenated.try_emplace(std::string(glued)); added) at->second.form = form;
    });
    // "followup" -> "follow-up" where only the hyphenated form occurs elsewhere.
    const auto unglued = [&](std::string_view tok, std::uint32_t id) -> const std::string* {
        if (tok.size() < 7 || (id != vocabulary::none && !(flags[id] & compound)) || !lower_alpha(tok)) return nullptr;
        if (id == vocabulary::none) id = vocab.find(tok);
        if (id != vocabulary::none && !(flags[id] & lone_compound)) return nullptr;
        const auto h = hyphenated.find(tok);
        return h == hyphenated.end() ? nullptr : &h->second.form;
    };
    // A text can change only where it holds a compound seen rarely (pass 2)
    // or two neighbouring words, not both standing alone (unless one is a
    // stray letter), whose joined form may be in the vocabulary (pass 1).
    // Either place holds a word that does not stand alone, a rare compound
    // or a stray letter: only such words, a few in a text, are looked at,
    // with their neighbours. Asked of the word numbers alone, from the end:
    // the end of the last such place in token_ids[first, end), or `first`
    // when there is none. Most texts are not read again, the others only up
    // to there.
    const auto may_join = [&](std::uint32_t left, std::uint32_t right) {
        return left != vocabulary::none && right != vocabulary::none &&
               (!(flags[left] & flags[right] & alone) || ((flags[left] | flags[right]) & stray)) &&
               vocab.may_hold(vocab.joined_sum(left, right), vocab.size(left) + vocab.size(right));
    };
    const auto changes_end = [&](std::size_t first, std::size_t end) -> std::size_t {
        for (std::size_t k = end; k-- > first;) {
            const auto id = token_ids[k];
            if (id == vocabulary::none || (flags[id] & (alone | lone_compound | stray)) == alone) continue;
            // The last place with this word; none with a later word.
            if (k + 1 < end && may_join(id, token_ids[k + 1])) return k + 2;
            if ((flags[id] & lone_compound) || (k > first && may_join(token_ids[k - 1], id))) return k + 1;
        }
        return first;
    };
    std::vector<std::pair<token, const std::string*>> fixes;
    std::size_t next_id = 0;
    for (std::size_t ti = 0; ti < texts.size(); ++ti) {
        const std::size_t stop = changes_end(next_id, tokens_end[ti]);
        if (stop == next_id) {
            next_id = tokens_end[ti];
            continue;
        }
        std::string& str = *texts[ti];
        const std::string_view s = str;
        // Pass 1 over pairs of neighbouring tokens: "see king" -> "seeking"
        // where "seeking" occurs elsewhere in the document (or in the
        // built-in list) and one half is no word of its own. Pass 2 on each
        // token: "followup" -> "follow-up". The decisions read the unchanged
        // text; the changes are made afterwards.
        drop.clear();
        fixes.clear();
        token prev;
        bool have_prev = false;
        for_each_token(s, [&](std::size_t a, std::size_t b) {
            if (next_id == stop) return false;  // nothing changes from here on
            const token cur{a, b, token_ids[next_id++]};
            if (const std::string* fix = unglued(s.substr(a, b - a), cur.id)) fixes.emplace_back(cur, fix);
            const token left = prev;
            const bool pair = have_prev && left.end + 1 == a && s[left.end] == ' ';
            prev = cur;
            have_prev = true;
            // The left token must stand after a space, "(" or '"' (or begin
            // the text), the right one before no letter, digit or hyphen;
            // neither hyphenated, the right one lower case, together at
            // least 5 letters; or fewer, one of them a stray lower-case
            // letter ("o f", "f or", "th e"), making a word that stands alone.
            // (A stray letter may be counted more than once, as the label
            // "(f)" is: not a reason to keep the two apart.)
            if (!pair || left.id == vocabulary::none || cur.id == vocabulary::none) return true;
            if (left.begin > 0 && s[left.begin - 1] != ' ' && s[left.begin - 1] != '(' && s[left.begin - 1] != '"') return true;
            if (b < s.size() && (alnum(s[b]) || s[b] == '-')) return true;
            const std::string_view right = s.substr(a, b - a);
            const std::size_t letters = (left.end - left.begin) + right.size();
            const auto stray_letter = [&](std::size_t at, std::size_t size, std::uint32_t word) {
                return size == 1 && (flags[word] & stray) && s[at] >= 'b' && s[at] <= 'z';
            };
            // ("a nd" too: a half that is no word of its own, "nd" twice
            // and each time after "a", joins a short common word.)
            const bool short_join =
                letters < 5 &&
                (stray_letter(left.begin, left.end - left.begin, left.id) ||
                 stray_letter(a, right.size(), cur.id) || !(flags[left.id] & flags[cur.id] & alone));
            if ((letters < 5 && !short_join) || !lower_alpha(right)) return true;
            if (!short_join && (flags[left.id] & flags[cur.id] & alone)) return true;
            joined.assign(s.substr(left.begin, left.end - left.begin));
            for (auto& c : joined) c = lower_ascii(c);
            joined.append(right);
            const auto id = vocab.find(joined);
            if (id != vocabulary::none && (!short_join || (flags[id] & alone))) drop.push_back(left.end);
            return true;
        });
        next_id = tokens_end[ti];
        if (drop.empty()) {
            if (fixes.empty()) continue;
            std::string fixed;
            fixed.reserve(s.size() + 8 * fixes.size());
            std::size_t last = 0;
            for (const auto& [tok, fix] : fixes) {
                fixed.append(s.substr(last, tok.begin - last));
                fixed.append(*fix);
                last = tok.end;
            }
            fixed.append(s.substr(last));
            str = std::move(fixed);
            continue;
        }
        // Words were joined: pass 2 reads the new tokens.
        erase_positions(str, drop);
        std::string fixed;
        std::size_t last = 0;
        const std::string_view fs = str;
        for_each_token(fs, [&](std::size_t a, std::size_t b) {
            const std::string* fix = unglued(fs.substr(a, b - a), vocabulary::none);
            if (!fix) return true;
            fixed.append(fs.substr(last, a - last));
            fixed.append(*fix);
            last = b;
            return true;
        });
        if (last == 0) continue;
        fixed.append(fs.substr(last));
        str = std::move(fixed);
    }
    for (std::size_t ti = 0; ti < texts.size(); ++ti) {
        std::string& t = *texts[ti];
        if (spaced[ti] || (!t.empty() && (t.front() == ' ' || t.back() == ' '))) collapse_spaces(t);
    }
}

}  // namespace resdiff::detail
