// History stage, blame invariants on random series of versions run through
// the real pipeline (align + diff): whatever the aligner decides,
//  1. the blame runs of every paragraph concatenate to its text exactly;
//  2. a word attributed to version k is an inserted token of the diff of its
//     unit between versions k-1 and k, and a word attributed to an older
//     version is an equal token there (so it was present in the aligned
//     paragraph of version k-1).
#include <catch2/catch.hpp>

#include <cctype>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "resdiff/history.hpp"

using namespace resdiff;

namespace {

const std::vector<std::string> vocabulary = {
    "Recognizes", "the", "importance", "of", "information", "and", "communications", "technologies", "for",
    "sustainable", "development", "calls", "upon", "Member", "States", "to", "strengthen", "cooperation",
    "digital", "divide", "developing", "countries", "capacity-building", "in", "particular", "women", "girls",
    "2030", "Agenda", "notes", "with", "concern", "persistent", "gaps", ",", ";", "(a)", "encourages"};

std::string random_sentence(std::mt19937& rng, std::size_t min_words, std::size_t max_words) {
    std::uniform_int_distribution<std::size_t> len(min_words, max_words);
    std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
    const std::size_t n = len(rng);
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) s += ' ';
        s += vocabulary[pick(rng)];
    }
    return s;
}

std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (const char c : s) {
        if (c == ' ') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string join(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) {
        if (!s.empty()) s += ' ';
        s += w;
    }
    return s;
}

// Rewords a paragraph: deletes, inserts and replaces a few words.
std::string mutate(std::mt19937& rng, const std::string& text) {
    auto words = words_of(text);
    std::uniform_int_distribution<int> edits(0, 3);
    std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
    const int n = edits(rng);
    for (int e = 0; e < n; ++e) {
        std::uniform_int_distribution<std::size_t> pos(0, words.size());
        const std::size_t at = pos(rng);
        switch (rng() % 3) {
            case 0: words.insert(words.begin() + static_cast<std::ptrdiff_t>(at), vocabulary[pick(rng)]); break;
            case 1:
                if (at < words.size() && words.size() > 2) words.erase(words.begin() + static_cast<std::ptrdiff_t>(at));
                break;
            default:
                if (at < words.size()) words[at] = vocabulary[pick(rng)];
        }
    }
    return join(words);
}

document make_doc(const std::vector<std::string>& paras, int version) {
    document d;
    d.meta.session = 70 + version;
    for (std::size_t i = 0; i < paras.size(); ++i) {
        paragraph p;
        p.id = "OP" + std::to_string(i + 1);
        p.where = part::operative;
        p.number = std::to_string(i + 1);
        p.text = p.intro = paras[i];
        d.operative.push_back(p);
    }
    return d;
}

std::vector<document> random_series(std::mt19937& rng, std::size_t versions) {
    std::vector<std::string> paras;
    std::uniform_int_distribution<int> count(2, 7);
    for (int i = count(rng); i > 0; --i) paras.push_back(random_sentence(rng, 4, 25));
    std::vector<document> out{make_doc(paras, 0)};
    for (std::size_t v = 1; v < versions; ++v) {
        std::vector<std::string> next;
        for (const auto& p : paras) {
            const auto r = rng() % 10;
            if (r == 0 && paras.size() > 1) continue;                 // dropped
            next.push_back(r < 5 ? mutate(rng, p) : p);              // reworded or kept
            if (r == 9) next.push_back(random_sentence(rng, 3, 15));  // a new paragraph after it
        }
        if (next.size() > 2 && rng() % 4 == 0) std::swap(next.front(), next.back());   // a move
        paras = next;
        out.push_back(make_doc(paras, static_cast<int>(v)));
    }
    return out;
}

std::string top_level(const std::string& id) { return id.substr(0, id.find('(')); }

}  // namespace

TEST_CASE("history: blame invariants hold on random series", "[history][blame]") {
    std::mt19937 rng(20251215);
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t versions = 2 + static_cast<std::size_t>(trial % 6);
        history_options opt;
        opt.keep_all = true;   // random texts: keep every version
        const history h = build_history(random_series(rng, versions), opt);
        REQUIRE(h.versions.size() == versions);

        for (std::size_t k = 0; k < versions; ++k) {
            const document& d = h.versions[k];
            REQUIRE(h.blame[k].size() == d.operative.size());
            std::unordered_map<std::string, std::size_t> at;
            for (std::size_t i = 0; i < d.operative.size(); ++i) {
                // Invariant 1: the runs spell the paragraph exactly.
                std::string text;
                for (const auto& r : h.blame[k][i].runs) {
                    CHECK(r.version <= k);
                    text += r.text;
                }
                CHECK(text == d.operative[i].text);
                at.emplace(d.operative[i].id, i);
            }
            if (k == 0) continue;
            // Invariant 2, per unit of the step from k-1 to k.
            for (const auto& u : h.steps[k - 1].units) {
                std::vector<std::size_t> news;
                for (const auto& id : u.new_ids) {
                    const auto it = at.find(top_level(id));
                    if (it != at.end()) news.push_back(it->second);
                }
                if (news.empty()) continue;
                // Ages of the unit's new text (paragraphs joined by a space).
                std::vector<std::size_t> ages;
                std::string new_text;
                for (const auto i : news) {
                    if (!new_text.empty()) {
                        new_text += ' ';
                        ages.push_back(k);
                    }
                    new_text += d.operative[i].text;
                    for (const auto& r : h.blame[k][i].runs) ages.insert(ages.end(), r.text.size(), r.version);
                }
                // Op kind of every byte of the new text.
                std::vector<op_kind> kind;
                std::string spelled;
                for (const auto& op : u.ops) {
                    if (op.op == op_kind::del) continue;
                    spelled += op.text;
                    kind.insert(kind.end(), op.text.size(), op.op);
                }
                REQUIRE(spelled == new_text);
                for (std::size_t b = 0; b < new_text.size(); ++b) {
                    const unsigned char c = static_cast<unsigned char>(new_text[b]);
                    if (c == ' ' || (b > 0 && new_text[b - 1] != ' ')) continue;   // the first byte of each word
                    if (ages[b] == k) CHECK(kind[b] == op_kind::ins);
                    else CHECK(kind[b] == op_kind::equal);
                }
            }
        }
        // The share of words from the first version matches the blame of each version.
        for (std::size_t k = 0; k < versions; ++k) {
            std::size_t words = 0, first = 0;
            for (const auto& pb : h.blame[k]) {
                for (const auto& r : pb.runs) {
                    bool in_word = false;
                    for (const unsigned char c : r.text) {
                        const bool w = std::isalnum(c) != 0 || c >= 0x80;
                        if (w && !in_word) {
                            ++words;
                            if (r.version == 0) ++first;
                        }
                        in_word = w;
                    }
                }
            }
            CHECK(h.stats[k].words == words);
            if (words > 0) CHECK(h.stats[k].unchanged_since_first == Approx(static_cast<double>(first) / static_cast<double>(words)));
        }
    }
}
