// History: the order of versions (session, draft or resolution, date) and
// whether two files are versions of the same text.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_set>

#include "history_internal.hpp"
#include "resdiff/history.hpp"

namespace resdiff {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

int month_number(std::string_view word) {
    static constexpr std::array<const char*, 12> names = {"january", "february", "march",     "april",   "may",      "june",
                                                          "july",    "august",   "september", "october", "november", "december"};
    const std::string w = lower(word);
    if (w.size() < 3) return 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string_view name = names[i];
        if (w == name || (w.size() <= name.size() && name.substr(0, w.size()) == w)) return static_cast<int>(i) + 1;
    }
    if (w == "sept") return 9;
    return 0;
}

// Splits into words (letters) and numbers, dropping punctuation.
std::vector<std::string> date_tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (const char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c)) {
            if (!cur.empty() && (std::isdigit(c) != 0) != (std::isdigit(static_cast<unsigned char>(cur.back())) != 0)) flush();
            cur += ch;
        } else {
            flush();
        }
    }
    flush();
    return out;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

int make_date(int y, int m, int d) {
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
    return y * 10000 + m * 100 + d;
}

// "A-C.2-80-L.17.txt" -> "A/C.2/80/L.17" when the name looks like a UN symbol.
std::string symbol_from_source(const std::string& source) {
    if (source.empty()) return {};
    std::string stem = std::filesystem::path(source).filename().string();
    for (const char* ext : {".txt", ".pdf", ".docx", ".json", ".text"}) {
        const std::string e = ext;
        if (stem.size() > e.size() && lower(stem.substr(stem.size() - e.size())) == e) {
            stem.resize(stem.size() - e.size());
            break;
        }
    }
    if (stem.size() < 4 || (stem[0] != 'A' && stem[0] != 'a') || (stem[1] != '-' && stem[1] != '_')) return {};
    for (char& c : stem) {
        if (c == '-' || c == '_') c = '/';
    }
    stem[0] = 'A';
    return stem;
}

// Splits "A/C.2/80/L.17" at '/'.
std::vector<std::string> symbol_parts(const std::string& symbol) {
    std::vector<std::string> parts;
    std::string cur;
    for (const char c : symbol) {
        if (c == '/') {
            parts.push_back(cur);
            cur.clear();
        } else if (c != ' ') {
            cur += c;
        }
    }
    parts.push_back(cur);
    return parts;
}

std::vector<std::string> title_words(const std::string& title) {
    std::vector<std::string> words;
    std::string cur;
    for (const char ch : title) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80) {
            cur += static_cast<char>(std::tolower(c));
        } else if (!cur.empty()) {
            words.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) words.push_back(cur);
    return words;
}

// Hashes of runs of four consecutive words (lower-cased letters and digits),
// sorted and unique: shared phrases, not shared vocabulary, tell versions of
// one text apart from resolutions that only share their committee's boilerplate.
constexpr std::size_t sample_above = 2000;
bool sampled(std::uint64_t x) { return (x >> 62) == 0; }

struct gram_set {
    std::vector<std::uint64_t> grams;   // sorted, unique
    bool sampled = false;
};

gram_set gram_set_of(const document& doc) {
    // Word hashes (FNV-1a over lower-cased letters and digits), no allocation per word.
    std::vector<std::uint64_t> hashes;
    for (const auto* list : {&doc.preamble, &doc.operative}) {
        for (const auto& p : *list) {
            std::uint64_t h = 0;
            bool in_word = false;
            for (const char ch : p.text) {
                const unsigned char c = static_cast<unsigned char>(ch);
                const bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
                if (word) {
                    if (!in_word) h = 1469598103934665603ull;
                    const unsigned char lc = (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c;
                    h = (h ^ lc) * 1099511628211ull;
                } else if (in_word) {
                    hashes.push_back(h);
                }
                in_word = word;
            }
            if (in_word) hashes.push_back(h);
        }
    }
    std::vector<std::uint64_t> out;
    if (hashes.size() >= 4) out.reserve(hashes.size() - 3);
    for (std::size_t i = 0; i + 3 < hashes.size(); ++i) {
        std::uint64_t x = 1469598103934665603ull;
        for (std::size_t j = i; j < i + 4; ++j) x = (x ^ hashes[j]) * 1099511628211ull + (x >> 29);
        out.push_back(x);
    }
    // Long texts keep a fixed quarter of their phrases (chosen by hash), which
    // estimates the share as well and keeps sorting cheap.
    gram_set g;
    g.sampled = out.size() >= sample_above;
    if (g.sampled) out.erase(std::remove_if(out.begin(), out.end(), [](std::uint64_t x) { return !sampled(x); }), out.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    g.grams = std::move(out);
    return g;
}

// Share of the smaller sorted set found in the larger one. When one set is
// sampled and the other is not, only the sampled phrases of the full set count.
double containment(const gram_set& a, const gram_set& b) {
    const bool sample = a.sampled || b.sampled;
    auto kept = [&](std::uint64_t x) { return !sample || sampled(x); };
    std::size_t na = 0, nb = 0, common = 0;
    for (const auto x : a.grams) na += kept(x);
    for (const auto x : b.grams) nb += kept(x);
    if (na == 0 || nb == 0) return na == nb ? 1.0 : 0.0;
    auto i = a.grams.begin();
    auto j = b.grams.begin();
    while (i != a.grams.end() && j != b.grams.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            common += kept(*i);
            ++i;
            ++j;
        }
    }
    return static_cast<double>(common) / static_cast<double>(std::min(na, nb));
}

double title_similarity(const std::string& a, const std::string& b) {
    const auto wa = title_words(a), wb = title_words(b);
    if (wa.empty() || wb.empty()) return -1.0;
    const std::unordered_set<std::string> sa(wa.begin(), wa.end()), sb(wb.begin(), wb.end());
    std::size_t common = 0;
    for (const auto& w : sa) common += sb.count(w);
    const std::size_t uni = sa.size() + sb.size() - common;
    return uni == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(uni);
}

}  // namespace

std::optional<int> parse_un_date(std::string_view text) {
    const auto t = date_tokens(text);
    for (std::size_t i = 0; i < t.size(); ++i) {
        // 2025-10-14
        if (all_digits(t[i]) && t[i].size() == 4 && i + 2 < t.size() && all_digits(t[i + 1]) && all_digits(t[i + 2])) {
            if (const int d = make_date(std::stoi(t[i]), std::stoi(t[i + 1]), std::stoi(t[i + 2]))) return d;
        }
        // 14 October 2025
        if (all_digits(t[i]) && t[i].size() <= 2 && i + 2 < t.size() && all_digits(t[i + 2]) && t[i + 2].size() == 4) {
            if (const int m = month_number(t[i + 1])) {
                if (const int d = make_date(std::stoi(t[i + 2]), m, std::stoi(t[i]))) return d;
            }
        }
        // October 14, 2025
        if (!all_digits(t[i]) && i + 2 < t.size() && all_digits(t[i + 1]) && t[i + 1].size() <= 2 && all_digits(t[i + 2]) &&
            t[i + 2].size() == 4) {
            if (const int m = month_number(t[i])) {
                if (const int d = make_date(std::stoi(t[i + 2]), m, std::stoi(t[i + 1]))) return d;
            }
        }
    }
    return std::nullopt;
}

version_key key_of(const document& doc) {
    version_key k;
    k.symbol = doc.meta.symbol.empty() ? symbol_from_source(doc.source) : doc.meta.symbol;
    k.session = doc.meta.session;
    k.draft = doc.meta.kind == document_kind::draft;
    const auto parts = symbol_parts(k.symbol);
    bool has_res = false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& p = parts[i];
        if (p == "RES") has_res = true;
        if (p.size() > 2 && (p[0] == 'L' || p[0] == 'l') && p[1] == '.' && all_digits(p.substr(2))) {
            if (doc.meta.kind != document_kind::resolution) k.draft = true;
            k.draft_number = std::stoi(p.substr(2));
        }
        // The session is the first purely numeric part after "A" ("A/80/L.7",
        // "A/C.2/80/L.17", "A/RES/80/118").
        if (k.session == 0 && i > 0 && all_digits(p) && p.size() <= 3) {
            if (!(has_res && i + 1 == parts.size())) k.session = std::stoi(p);
        }
    }
    if (has_res && doc.meta.kind == document_kind::unknown) k.draft = false;
    const std::string& first = k.draft ? doc.meta.distribution_date : doc.meta.adoption_date;
    const std::string& second = k.draft ? doc.meta.adoption_date : doc.meta.distribution_date;
    if (auto d = parse_un_date(first)) k.date = *d;
    else if (auto d2 = parse_un_date(second)) k.date = *d2;
    return k;
}

std::optional<std::vector<std::size_t>> chronological_order(const std::vector<document>& docs, std::string* why) {
    std::vector<version_key> keys;
    keys.reserve(docs.size());
    for (const auto& d : docs) keys.push_back(key_of(d));
    const bool all_sessions = std::all_of(keys.begin(), keys.end(), [](const version_key& k) { return k.session != 0; });
    const bool all_dates = std::all_of(keys.begin(), keys.end(), [](const version_key& k) { return k.date != 0; });
    if (!all_sessions && !all_dates) {
        for (std::size_t i = 0; i < docs.size(); ++i) {
            if (keys[i].session == 0 && keys[i].date == 0) {
                if (why) *why = (docs[i].source.empty() ? "a version" : docs[i].source) + " has neither a session nor a date";
                return std::nullopt;
            }
        }
        if (why) *why = "some versions have a session but no date, others a date but no session";
        return std::nullopt;
    }
    std::vector<std::size_t> order(docs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // A lexicographic key, so the comparison is a strict weak order even when
    // some dates are missing (those sort first within their session).
    auto tuple_of = [&](std::size_t i) {
        const auto& k = keys[i];
        return std::tuple<int, int, int, int>(all_sessions ? k.session : 0, all_sessions ? (k.draft ? 0 : 1) : 0, k.date,
                                              k.draft ? k.draft_number : 0);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return tuple_of(a) < tuple_of(b); });
    return order;
}

relatedness relate(const document& a, const document& b) {
    relatedness r;
    r.title = title_similarity(a.meta.title, b.meta.title);
    r.content = containment(gram_set_of(a), gram_set_of(b));
    return r;
}

namespace detail {

std::vector<std::vector<relatedness>> relate_all(const std::vector<document>& docs) {
    std::vector<gram_set> grams;
    grams.reserve(docs.size());
    for (const auto& d : docs) grams.push_back(gram_set_of(d));
    std::vector<std::vector<relatedness>> out(docs.size(), std::vector<relatedness>(docs.size()));
    for (std::size_t a = 0; a < docs.size(); ++a) {
        out[a][a] = {1.0, 1.0};
        for (std::size_t b = a + 1; b < docs.size(); ++b) {
            out[a][b].title = title_similarity(docs[a].meta.title, docs[b].meta.title);
            out[a][b].content = containment(grams[a], grams[b]);
            out[b][a] = out[a][b];
        }
    }
    return out;
}

}  // namespace detail

const char* to_string(order_used order) { return order == order_used::chronological ? "chronological" : "given"; }

}  // namespace resdiff
