// Lead phrases: the italic opening of a preambular paragraph ("Recalling
// also", "Noting with concern", "Bearing in mind") and the verb phrase of an
// operative one ("Decides", "Calls upon", "Takes note with appreciation of").
//
// Rule (both parts):
//   lead = [adverb...] head [adverb...] [complement]
// where
//   - adverbs are the modifiers negotiators add to a verb: also, further,
//     furthermore, again, once again, moreover, strongly, deeply, gravely,
//     seriously, fully, firmly, urgently, particularly, once more, likewise,
//     additionally, equally, emphatically, respectfully, warmly, sincerely...;
//   - head is the first other word (participle, adjective or finite verb);
//     preambular "Having" takes the participle after it ("Having considered");
//   - complement is the fixed part of a compound lead, which belongs to the
//     verb and not to its object:
//       "upon" / "on" after Calls/Calling/Call ("Calls upon");
//       "in mind" after Bearing/Bears/Keeping; "into account" after Taking/Takes;
//       "note [also|further] [with <adjective> <noun>] of" after Taking/Takes
//         ("Takes note with appreciation of", "Taking note also of");
//       "with [adjective] concern|appreciation|satisfaction|interest|regret|
//         gratitude" after any head ("Noting with concern", "Welcomes with
//         appreciation");
//       "its|their [adjective] <feeling noun> [at|about|over|for|to|regarding|
//         that|with]" after Express*/Reiterat*/Renew* ("Expresses its deep
//         concern at", "Expressing deep concern"; the preposition belongs to
//         the lead because the object only starts after it).
// Everything after the lead is the object: "Calls upon all States" has lead
// "Calls upon", "Requests the Secretary-General to" has lead "Requests".
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "parse_internal.hpp"

namespace resdiff::detail {

namespace {

// A word in ASCII lower case (what std::tolower does in the "C" locale the
// program runs in), without an allocation: at most its first 16 bytes. No
// word the rule compares with is that long (the longest, "wholeheartedly",
// has 14 letters), so a cut word matches none, and the prefixes it is asked
// for are shorter.
class lower_word {
public:
    void assign(std::string_view s) {
        size_ = std::min(s.size(), bytes_.size());
        for (std::size_t i = 0; i < size_; ++i) {
            bytes_[i] = is_upper_ascii(s[i]) ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
        }
    }
    std::string_view view() const { return {bytes_.data(), size_}; }

private:
    std::array<char, 16> bytes_;
    std::size_t size_ = 0;
};

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
    for (const auto x : list) {
        if (w == x) return true;
    }
    return false;
}

bool is_adverb(std::string_view lw) {
    static const word_set adverbs = {
        "also",          "further",        "furthermore",   "again",        "moreover",     "strongly",
        "deeply",        "gravely",        "seriously",     "fully",        "firmly",       "urgently",
        "particularly",  "likewise",       "additionally",  "equally",      "emphatically", "respectfully",
        "warmly",        "sincerely",      "profoundly",    "greatly",      "especially",   "once",
        "still",         "repeatedly",     "unequivocally", "resolutely",   "duly",         "therefore",
        "hereby",        "solemnly",       "most",          "highly",       "earnestly",    "consistently",
        "categorically", "extremely",      "keenly",        "increasingly", "acutely",      "sorely",
        "genuinely",     "wholeheartedly", "truly"};
    return adverbs.contains(lw);
}

bool is_feeling(std::string_view lw) {
    static const word_set feelings = {
        "concern",     "concerns",      "appreciation", "satisfaction", "interest",       "regret",
        "gratitude",   "support",       "condolences",  "sympathy",     "solidarity",     "hope",
        "conviction",  "determination", "thanks",       "alarm",        "disappointment", "dismay",
        "outrage",     "commitment",    "readiness",    "willingness",  "appeal",         "call",
        "recognition", "welcome",       "expectation",  "desire",       "intention",      "sadness",
        "shock",       "indignation"};
    return feelings.contains(lw);
}

bool is_feeling_adjective(std::string_view lw) {
    static const word_set adjectives = {"deep",       "deepest",    "grave",     "serious",    "great",
                                        "profound",   "sincere",    "strong",    "full",       "continued",
                                        "continuing", "particular", "utmost",    "heartfelt",  "renewed",
                                        "firm",       "unwavering", "growing",   "increasing", "special",
                                        "warm",       "high",       "strongest", "deep-felt",  "keen"};
    return adjectives.contains(lw);
}

// Punctuation after a word that ends the phrase: , ; : . " ) '
bool ends_phrase(char c) {
    return c == ',' || c == ';' || c == ':' || c == '.' || c == '"' || c == ')' || c == '\'';
}

struct word {
    std::string_view text;  // as printed, punctuation stripped
    std::size_t end = 0;    // offset just after the word in the source text
};

// At most 12 words: enough for the longest lead ("Takes note with deep
// appreciation of" and adverbs). They are read only as far as they are asked
// for: a lead has a few words, its paragraph may go on for a page.
constexpr std::size_t max_words = 12;
class word_reader {
public:
    explicit word_reader(std::string_view s) : s_(s) {}
    // True when the phrase has a word number `i` (reading up to it).
    bool has(std::size_t i) {
        while (count_ <= i && !done_) read_word();
        return i < count_;
    }
    const word& operator[](std::size_t i) const { return items_[i]; }

private:
    void read_word() {
        if (pos_ >= s_.size() || count_ >= max_words) {
            done_ = true;
            return;
        }
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '"' || s_[pos_] == '\'')) ++pos_;
        const std::size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] != ' ') ++pos_;
        std::string_view w = s_.substr(start, pos_ - start);
        // Punctuation ends the phrase: keep the word, mark the stop.
        while (!w.empty() && ends_phrase(w.back())) {
            w.remove_suffix(1);
            done_ = true;
        }
        if (!w.empty()) items_[count_++] = {w, start + w.size()};
    }
    std::string_view s_;
    std::size_t pos_ = 0;
    std::array<word, max_words> items_;
    std::size_t count_ = 0;
    bool done_ = false;
};

}  // namespace

std::string extract_lead(std::string_view text, part where) {
    text = trim(text);
    word_reader ws(text);
    if (!ws.has(0)) return {};
    std::size_t k = 0;
    // The words in lower case, each made once when first asked for.
    std::array<lower_word, max_words> lows;
    std::array<bool, max_words> lowered{};
    const auto lw = [&](std::size_t i) -> std::string_view {
        if (!ws.has(i)) return {};
        if (!lowered[i]) {
            lows[i].assign(ws[i].text);
            lowered[i] = true;
        }
        return lows[i].view();
    };
    // Leading adverbs ("Also requests", "Once again calls upon", "Deeply concerned").
    while (ws.has(k + 1) && is_adverb(lw(k))) ++k;
    const std::string_view head = lw(k);
    ++k;
    // "Having considered", "Having regard to" (preamble).
    if (head == "having" && ws.has(k)) ++k;
    // Adverbs after the head ("Recalling also", "Requests further").
    while (ws.has(k) && is_adverb(lw(k)) && lw(k) != "once") ++k;
    const auto starts = [&](std::string_view prefix) { return head.starts_with(prefix); };
    if (starts("call") && (lw(k) == "upon" || lw(k) == "on" || lw(k) == "for")) {
        ++k;
    } else if (starts("look") && lw(k) == "forward" && lw(k + 1) == "to") {
        k += 2;
    } else if ((starts("bear") || starts("keep")) && lw(k) == "in" && lw(k + 1) == "mind") {
        k += 2;
    } else if (starts("tak") && lw(k) == "into" && lw(k + 1) == "account") {
        k += 2;
    } else if (starts("tak") && lw(k) == "note") {
        ++k;
        while (ws.has(k) && is_adverb(lw(k))) ++k;
        if (lw(k) == "with") {
            std::size_t j = k + 1;
            while (ws.has(j) && is_feeling_adjective(lw(j))) ++j;
            if (is_feeling(lw(j))) k = j + 1;
        }
        if (lw(k) == "of") ++k;
    } else if (starts("express") || starts("reiterat") || starts("renew") || starts("extend")) {
        std::size_t j = k;
        if (lw(j) == "its" || lw(j) == "their" || lw(j) == "his" || lw(j) == "her") ++j;
        while (ws.has(j) && is_feeling_adjective(lw(j))) ++j;
        if (ws.has(j) && is_feeling(lw(j))) {
            k = j + 1;
            if (in(lw(k), {"at", "about", "over", "regarding"})) ++k;
        }
    }
    if (lw(k) == "with") {
        std::size_t j = k + 1;
        while (ws.has(j) && is_feeling_adjective(lw(j))) ++j;
        if (ws.has(j) && is_feeling(lw(j))) k = j + 1;
    }
    (void)where;
    // Every step above moved k only onto a word that is there.
    return std::string(text.substr(0, ws[k - 1].end));
}

bool is_known_preamble_opener(std::string_view w) {
    static const word_set list = {
        "Acknowledging", "Affirming",   "Alarmed",     "Also",         "Anticipating", "Appalled",
        "Appreciating",  "Aware",       "Bearing",     "Believing",    "Cognizant",    "Cognisant",
        "Commending",    "Committed",   "Concerned",   "Confident",    "Conscious",    "Considering",
        "Convinced",     "Deeply",      "Deploring",   "Desiring",     "Desirous",     "Determined",
        "Disturbed",     "Dismayed",    "Emphasizing", "Emphasising",  "Encouraged",   "Encouraging",
        "Endorsing",     "Expressing",  "Firmly",      "Fully",        "Further",      "Gravely",
        "Greatly",       "Guided",      "Having",      "Highlighting", "Inspired",     "Keeping",
        "Looking",       "Mindful",     "Noting",      "Observing",    "Particularly", "Persuaded",
        "Pleased",       "Profoundly",  "Reaffirming", "Realizing",    "Reassured",    "Recalling",
        "Recognizing",   "Recognising", "Regretting",  "Reiterating",  "Reminding",    "Resolved",
        "Respecting",    "Seeking",     "Seriously",   "Sharing",      "Strongly",     "Stressing",
        "Supporting",    "Taking",      "Underlining", "Underscoring", "Urging",       "Welcoming",
        "Wishing",       "Acting",      "Aiming",      "Appreciative", "Bearing",      "Building",
        "Calling",       "Condemning",  "Continuing",  "Deploring",    "Drawing",      "Encouraging",
        "Equally",       "Grateful",    "Heartened",   "Mindful",      "Reaffirming",  "Reiterating",
        "Satisfied",     "Troubled",    "Upholding",   "Viewing"};
    return list.contains(w);
}

bool is_preamble_opener(std::string_view w) {
    if (w.size() < 4 || !is_upper_ascii(w[0])) return false;
    if (is_known_preamble_opener(w)) return true;
    // Other capitalised participles: "Emphasizing", "Commemorating".
    if (w.size() >= 6 && w.substr(w.size() - 3) == "ing") {
        for (std::size_t i = 1; i < w.size(); ++i) {
            if (!is_lower_ascii(w[i])) return false;
        }
        return true;
    }
    return false;
}

bool starts_with_operative_verb(std::string_view text) {
    std::string_view w = first_word(text);
    if (w.size() < 4 || !is_upper_ascii(w[0])) return false;
    std::size_t from = 1;
    // "Further requests", "Also decides", "Strongly urges": the verb follows the adverb.
    lower_word lw;
    lw.assign(w);
    if (is_adverb(lw.view())) {
        const auto at = static_cast<std::size_t>(w.data() - text.data()) + w.size();  // w is a view into text
        if (at >= text.size() || text[at] != ' ') return false;
        w = first_word(text.substr(at + 1));
        from = 0;
    }
    // Operative verbs are in the third person singular: "Decides", "Calls", "Stresses".
    if (w.size() < 4 || w.back() != 's') return false;
    for (std::size_t i = from; i < w.size(); ++i) {
        if (!is_lower_ascii(w[i])) return false;
    }
    return true;
}

}  // namespace resdiff::detail
