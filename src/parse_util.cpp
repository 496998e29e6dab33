// Small text helpers of the parse stage and the split-word repair.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "parse_internal.hpp"

namespace resdiff::detail {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter_byte(char c) {
    return is_upper_ascii(c) || is_lower_ascii(c) || (static_cast<unsigned char>(c) >= 0x80);
}

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

bool is_common_word(std::string_view w) {
    static const std::unordered_set<std::string_view> common = {
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
    return common.count(w) > 0;
}

bool is_builtin_word(std::string_view w) {
    // Words of UN resolutions that PDF extraction is known to split
    // ("see king", "intelligen ce") and that a short text may hold only once.
    static const std::unordered_set<std::string_view> words = {
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
bool alpha(char c) { return is_upper_ascii(c) || is_lower_ascii(c); }

std::string lowered(std::string_view w) {
    std::string s(w);
    for (auto& c : s) c = lower_ascii(c);
    return s;
}

// Tokens of a text: maximal runs of ASCII letters and hyphens between them.
template <class F>
void for_each_token(const std::string& s, F&& f) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (!alpha(s[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < s.size() && (alpha(s[i]) ||
                                (s[i] == '-' && i + 1 < s.size() && alpha(s[i + 1])))) {
            ++i;
        }
        f(start, i);
    }
}

}  // namespace

void repair_split_words(std::vector<std::string*>& texts) {
    // Pass 0, before anything is counted: a space the PDF put before a hyphen
    // inside a compound ("sixty -seventh", "Secretary -General", "COVID -19")
    // goes; a hyphen with a space before and none after is never prose.
    for (auto* t : texts) {
        std::string& s = *t;
        std::string joined;
        joined.reserve(s.size());
        for (std::size_t k = 0; k < s.size(); ++k) {
            if (s[k] == ' ' && k > 0 && k + 2 < s.size() && s[k + 1] == '-' &&
                std::isalnum(static_cast<unsigned char>(s[k - 1])) && std::isalnum(static_cast<unsigned char>(s[k + 2]))) {
                continue;
            }
            joined.push_back(s[k]);
        }
        s = std::move(joined);
    }
    // Vocabulary of the whole document (lowercase), counting occurrences.
    std::unordered_map<std::string, int> vocab;
    std::unordered_map<std::string, std::string> hyphenated;  // "followup" -> "follow-up"
    for (const auto* t : texts) {
        for_each_token(*t, [&](std::size_t a, std::size_t b) {
            const std::string w = lowered(std::string_view(*t).substr(a, b - a));
            if (w.find('-') != std::string::npos) {
                // Only lowercase compounds teach a hyphenation: a name such as
                // "Economic Co-operation" says nothing of "cooperation".
                const std::string_view original = std::string_view(*t).substr(a, b - a);
                const bool lowercase = std::none_of(original.begin(), original.end(),
                                                    [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
                std::string joined;
                std::size_t parts = 0;
                for (const char c : w) {
                    if (c == '-') {
                        ++parts;
                    } else {
                        joined.push_back(c);
                    }
                }
                if (parts == 1 && lowercase) hyphenated.emplace(joined, w);
                std::size_t s = 0;
                while (s <= w.size()) {
                    auto e = w.find('-', s);
                    if (e == std::string::npos) e = w.size();
                    ++vocab[w.substr(s, e - s)];
                    s = e + 1;
                }
            } else {
                ++vocab[w];
            }
        });
    }
    const auto known_alone = [&](const std::string& w) {
        const auto it = vocab.find(w);
        return is_common_word(w) || (it != vocab.end() && it->second > 1);
    };
    for (auto* t : texts) {
        std::string& s = *t;
        // Pass 1: "see king" -> "seeking" where "seeking" occurs elsewhere in
        // the document and one half is no word of its own.
        std::string out;
        out.reserve(s.size());
        std::size_t i = 0;
        while (i < s.size()) {
            out.push_back(s[i]);
            if (s[i] == ' ' && i > 0 && i + 1 < s.size() && alpha(s[i - 1]) &&
                is_lower_ascii(s[i + 1])) {
                std::size_t a = i;
                while (a > 0 && alpha(s[a - 1])) --a;
                std::size_t b = i + 1;
                while (b < s.size() && alpha(s[b])) ++b;
                const bool left_clean = a == 0 || s[a - 1] == ' ' || s[a - 1] == '(' || s[a - 1] == '"';
                const bool right_clean = b == s.size() || !std::isalnum(static_cast<unsigned char>(s[b])) ;
                const std::string left = lowered(std::string_view(s).substr(a, i - a));
                const std::string right(std::string_view(s).substr(i + 1, b - i - 1));
                if (left_clean && right_clean && lower_alpha(right) && (b == s.size() || s[b] != '-') &&
                    (a == 0 || s[a - 1] != '-')) {
                    const std::string joined = left + right;
                    const auto it = vocab.find(joined);
                    if ((it != vocab.end() || is_builtin_word(joined)) && (!known_alone(left) || !known_alone(right)) &&
                        left.size() + right.size() >= 5) {
                        out.pop_back();  // drop the space
                    }
                }
            }
            ++i;
        }
        s = std::move(out);
        // Pass 2: "followup" -> "follow-up" where only the hyphenated form
        // occurs elsewhere.
        if (hyphenated.empty()) continue;
        std::string fixed;
        fixed.reserve(s.size() + 8);
        std::size_t last = 0;
        for_each_token(s, [&](std::size_t a, std::size_t b) {
            const std::string_view tok = std::string_view(s).substr(a, b - a);
            if (tok.size() < 7 || !lower_alpha(tok)) return;
            const std::string w(tok);
            const auto h = hyphenated.find(w);
            if (h == hyphenated.end()) return;
            const auto v = vocab.find(w);
            if (v != vocab.end() && v->second > 1) return;
            fixed.append(s, last, a - last);
            fixed.append(h->second);
            last = b;
        });
        if (last == 0) continue;
        fixed.append(s, last, std::string::npos);
        s = std::move(fixed);
    }
}

}  // namespace resdiff::detail
