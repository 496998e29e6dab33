// Helpers for the alignment tests: documents built in code, a synthetic edit
// generator that keeps the true alignment, and precision/recall scoring.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "resdiff/align.hpp"
#include "resdiff/document.hpp"

namespace align_test {

using resdiff::document;
using resdiff::paragraph;
using resdiff::part;
using resdiff::subparagraph;
using resdiff::unit_kind;

// Sets ids ("PP1", "OP1"), numbers and intro/text of a document built in code.
inline void renumber(document& doc) {
    for (std::size_t i = 0; i < doc.preamble.size(); ++i) {
        auto& p = doc.preamble[i];
        p.id = "PP" + std::to_string(i + 1);
        p.where = part::preamble;
        p.number.clear();
    }
    for (std::size_t i = 0; i < doc.operative.size(); ++i) {
        auto& p = doc.operative[i];
        p.id = "OP" + std::to_string(i + 1);
        p.where = part::operative;
        p.number = std::to_string(i + 1);
        for (auto& s : p.subparagraphs) s.id = p.id + s.label;
        if (!p.subparagraphs.empty()) {
            std::string text = p.intro;
            for (const auto& s : p.subparagraphs) text += " " + s.label + " " + s.text;
            p.text = text;
        }
    }
}

inline paragraph make_paragraph(const std::string& text) {
    paragraph p;
    p.text = p.intro = text;
    const auto sp = text.find(' ');
    p.lead = text.substr(0, sp);
    return p;
}

// A document from preambular and operative texts.
inline document make_document(const std::vector<std::string>& pp, const std::vector<std::string>& op) {
    document d;
    for (const auto& t : pp) d.preamble.push_back(make_paragraph(t));
    for (const auto& t : op) d.operative.push_back(make_paragraph(t));
    renumber(d);
    return d;
}

// Strips footnote markers glued to a word ("Geneva2", "Diversity,1 will").
inline std::string strip_markers(const std::string& s, std::vector<int>& refs) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (std::isdigit(c) && i > 0) {
            const auto prev = static_cast<unsigned char>(s[i - 1]);
            std::size_t j = i;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
            const bool glued = std::isalpha(prev) || prev == ',' || prev == '"' || prev == ')' || prev == '.';
            const bool ends = j == s.size() || s[j] == ' ' || s[j] == ',' || s[j] == ';';
            if (glued && ends && j - i <= 2) {
                refs.push_back(std::stoi(s.substr(i, j - i)));
                i = j;
                continue;
            }
            out.append(s, i, j - i);
            i = j;
            continue;
        }
        out.push_back(s[i]);
        ++i;
    }
    return out;
}

inline std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// A minimal reader for the UN text-export layout (one tab-indented paragraph
// per line, footnotes "N text" after the last paragraph), independent of the
// parse stage so that the aligner's tests do not depend on it.
inline document load_text_export(const std::string& content) {
    document d;
    std::istringstream in(content);
    std::string line;
    bool body = false, after = false;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::string t = trim(line);
        if (t == "The General Assembly,") {
            body = true;
            continue;
        }
        if (!body) continue;
        if (!after && !line.empty() && line[0] == '\t') {
            std::vector<int> refs;
            std::string text = t;
            paragraph p;
            const auto tab = text.find('\t');
            if (tab != std::string::npos && tab <= 4 && std::isdigit(static_cast<unsigned char>(text[0]))) {
                text = trim(text.substr(tab + 1));
                p = make_paragraph(strip_markers(text, refs));
                p.footnotes = refs;
                d.operative.push_back(p);
            } else {
                p = make_paragraph(strip_markers(text, refs));
                p.footnotes = refs;
                d.preamble.push_back(p);
            }
            continue;
        }
        if (!d.operative.empty() && t.empty()) after = true;
        if (after) {
            std::size_t k = 0;
            while (k < t.size() && std::isdigit(static_cast<unsigned char>(t[k]))) ++k;
            if (k > 0 && k < 3 && k < t.size() && t[k] == ' ' &&
                std::stoi(t.substr(0, k)) == static_cast<int>(d.footnotes.size()) + 1) {
                resdiff::footnote f;
                f.number = std::stoi(t.substr(0, k));
                f.text = t.substr(k + 1);
                d.footnotes.push_back(f);
            }
        }
    }
    renumber(d);
    return d;
}

// ------------------------------------------------------------------ truth

struct truth_unit {
    unit_kind kind = unit_kind::unchanged;
    std::vector<std::string> old_ids, new_ids;
};

inline std::string key_of(const std::vector<std::string>& o, const std::vector<std::string>& n) {
    std::vector<std::string> a = o, b = n;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::string k;
    for (const auto& s : a) k += s + ",";
    k += "->";
    for (const auto& s : b) k += s + ",";
    return k;
}

struct tally {
    std::size_t pairs_true = 0, pairs_found = 0, pairs_right = 0;
    std::size_t changed_true = 0, changed_found = 0, changed_right = 0;   // pairs of changed units
    std::map<unit_kind, std::size_t> kind_true, kind_found, kind_right;

    static double ratio(std::size_t a, std::size_t b) { return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b); }
    double precision() const { return ratio(pairs_right, pairs_found); }
    double recall() const { return ratio(pairs_right, pairs_true); }
    double kind_precision(unit_kind k) const { return ratio(at(kind_right, k), at(kind_found, k)); }
    double kind_recall(unit_kind k) const { return ratio(at(kind_right, k), at(kind_true, k)); }
    static std::size_t at(const std::map<unit_kind, std::size_t>& m, unit_kind k) {
        const auto it = m.find(k);
        return it == m.end() ? 0 : it->second;
    }

    // Scores one alignment against the truth. Pairs: every (old id, new id)
    // of a unit with both sides. Kinds: a unit counts when its ids and kind
    // both agree.
    void add(const std::vector<truth_unit>& truth, const resdiff::alignment& got) {
        std::set<std::pair<std::string, std::string>> t, g, tc, gc;
        std::map<std::string, unit_kind> tk, gk;
        std::set<std::string> changed_ids;
        for (const auto& u : truth) {
            for (const auto& o : u.old_ids) {
                for (const auto& n : u.new_ids) {
                    t.insert({o, n});
                    if (u.kind != unit_kind::unchanged && u.kind != unit_kind::renumbered) tc.insert({o, n});
                }
            }
            tk[key_of(u.old_ids, u.new_ids)] = u.kind;
        }
        for (const auto& u : got.units) {
            for (const auto& o : u.old_ids) {
                for (const auto& n : u.new_ids) {
                    g.insert({o, n});
                    if (u.kind != unit_kind::unchanged && u.kind != unit_kind::renumbered) gc.insert({o, n});
                }
            }
            gk[key_of(u.old_ids, u.new_ids)] = u.kind;
        }
        pairs_true += t.size();
        pairs_found += g.size();
        for (const auto& p : g) pairs_right += t.count(p);
        changed_true += tc.size();
        changed_found += gc.size();
        for (const auto& p : gc) changed_right += tc.count(p);
        for (const auto& [k, kind] : tk) ++kind_true[kind];
        for (const auto& [k, kind] : gk) {
            ++kind_found[kind];
            const auto it = tk.find(k);
            if (it != tk.end() && it->second == kind) ++kind_right[kind];
        }
    }

    std::string report() const {
        std::ostringstream s;
        s.setf(std::ios::fixed);
        s.precision(4);
        s << "aligned pairs: precision " << precision() << ", recall " << recall() << " (" << pairs_right << " right of "
          << pairs_found << " found, " << pairs_true << " true)\n";
        s << "pairs of changed units: precision " << ratio(changed_right, changed_found) << ", recall "
          << ratio(changed_right, changed_true) << " (" << changed_true << " true)\n";
        for (const auto& [k, n] : kind_true) {
            s << "  " << resdiff::to_string(k) << ": precision " << kind_precision(k) << ", recall " << kind_recall(k)
              << " (" << n << " true, " << at(kind_found, k) << " found)\n";
        }
        return s.str();
    }
};

// ------------------------------------------------------------------ edits

// A small deterministic generator (the same sequence on every platform).
struct rng {
    std::uint64_t s;
    explicit rng(std::uint64_t seed) : s(seed * 6364136223846793005ull + 1442695040888963407ull) {}
    std::uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    double unit() { return static_cast<double>(next() % 1'000'000) / 1'000'000.0; }
};

inline std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> w;
    std::istringstream in(s);
    std::string x;
    while (in >> x) w.push_back(x);
    return w;
}

inline std::string join(const std::vector<std::string>& w) {
    std::string s;
    for (const auto& x : w) {
        if (!s.empty()) s += ' ';
        s += x;
    }
    return s;
}

// Words negotiators insert, replace and delete.
inline const std::vector<std::string>& edit_words() {
    static const std::vector<std::string> w = {
        "further",    "deep",        "strongly",     "all",        "relevant",    "effective",  "full",
        "sustainable", "inclusive",  "equitable",    "resilient",  "digital",     "meaningful", "affordable",
        "in particular", "as appropriate", "inter alia", "voluntary", "mutually agreed", "national", "regional",
        "global",     "enhanced",    "continued",    "persistent", "significant", "urgent",     "timely",
        "gender-responsive", "people-centred", "rights-based", "data", "artificial intelligence", "capacity",
        "women and girls", "youth", "persons with disabilities", "small island developing States"};
    return w;
}

// Rewords a text word by word: replaces, deletes and inserts single words
// scattered over the paragraph (the hardest case for bigram features).
inline std::string reword_scattered(const std::string& text, double intensity, rng& r) {
    auto w = words_of(text);
    if (w.size() < 3) return text + " " + edit_words()[r.below(edit_words().size())];
    std::vector<std::string> out;
    out.push_back(w[0]);
    const auto& pool = edit_words();
    bool changed = false;
    for (std::size_t i = 1; i < w.size(); ++i) {
        const double x = r.unit();
        if (x < intensity * 0.5) {
            out.push_back(pool[r.below(pool.size())]);   // replace
            changed = true;
        } else if (x < intensity * 0.75) {
            changed = true;                             // delete
        } else if (x < intensity) {
            out.push_back(w[i]);
            out.push_back(pool[r.below(pool.size())]);   // insert
            changed = true;
        } else {
            out.push_back(w[i]);
        }
    }
    if (!changed) out.push_back(pool[r.below(pool.size())]);
    return join(out);
}

// Rewords a text as amendments do: phrases of one to six words replaced,
// deleted or inserted until `share` of the words were touched; the first word
// (the lead) stays.
inline std::string reword_phrases(const std::string& text, double share, rng& r) {
    auto w = words_of(text);
    const auto& pool = edit_words();
    if (w.size() < 3) return text + " " + pool[r.below(pool.size())];
    const auto target = std::max<std::size_t>(1, static_cast<std::size_t>(share * static_cast<double>(w.size())));
    std::size_t touched = 0;
    for (int guard = 0; touched < target && guard < 100; ++guard) {
        const std::size_t at = 1 + r.below(w.size() - 1);
        const std::size_t len = std::min<std::size_t>(1 + r.below(6), w.size() - at);
        const std::size_t op = r.below(3);
        std::vector<std::string> phrase;
        for (std::size_t k = 0, n = 1 + r.below(3); k < n; ++k) phrase.push_back(pool[r.below(pool.size())]);
        if (op == 0) {   // replace
            w.erase(w.begin() + static_cast<long>(at), w.begin() + static_cast<long>(at + len));
            w.insert(w.begin() + static_cast<long>(at), phrase.begin(), phrase.end());
            touched += len;
        } else if (op == 1 && w.size() > len + 3) {   // delete
            w.erase(w.begin() + static_cast<long>(at), w.begin() + static_cast<long>(at + len));
            touched += len;
        } else {   // insert
            w.insert(w.begin() + static_cast<long>(at), phrase.begin(), phrase.end());
            touched += phrase.size();
        }
    }
    return join(w);
}

// A rewording of the given intensity (0..0.5): mostly phrase edits touching up
// to half of the words, sometimes scattered word edits touching up to a quarter.
inline std::string reword(const std::string& text, double intensity, rng& r) {
    if (r.below(10) < 7) return reword_phrases(text, intensity, r);
    return reword_scattered(text, intensity * 0.6, r);
}

inline std::string lower_first(std::string s) {
    if (!s.empty() && std::isupper(static_cast<unsigned char>(s[0]))) s[0] = static_cast<char>(std::tolower(s[0]));
    return s;
}
inline std::string upper_first(std::string s) {
    if (!s.empty() && std::islower(static_cast<unsigned char>(s[0]))) s[0] = static_cast<char>(std::toupper(s[0]));
    return s;
}
inline std::string strip_end(std::string s) {
    while (!s.empty() && (s.back() == ';' || s.back() == ',' || s.back() == '.' || s.back() == ' ')) s.pop_back();
    return s;
}

// One paragraph of the new text under construction, with where it came from.
struct slot {
    std::string text;
    std::vector<subparagraph> subs;
    std::string intro;
    std::vector<std::string> origin;   // old ids
    bool reworded = false, moved = false;
    int group = -1;                    // split: slots of one group share it
    bool merged = false;
};

struct synthetic_pair {
    document old_doc, new_doc;
    std::vector<truth_unit> truth;
};

// Builds an old document (a copy of `base`, one operative paragraph given
// sub-paragraphs) and a new one with random realistic edits; keeps the truth.
inline synthetic_pair make_synthetic(const document& base, const std::vector<std::string>& donors, std::uint64_t seed,
                                     int n_edits) {
    rng r(seed);
    synthetic_pair sp;
    sp.old_doc = base;
    auto& od = sp.old_doc;
    // Give one operative paragraph sub-paragraphs built from its two successors,
    // so that "a sub-paragraph moves out" can be exercised.
    int sub_host = -1;
    if (od.operative.size() >= 6) {
        const std::size_t h = 1 + r.below(od.operative.size() - 4);
        auto& host = od.operative[h];
        host.intro = strip_end(host.text) + ":";
        host.subparagraphs.clear();
        for (int k = 0; k < 2; ++k) {
            subparagraph s;
            s.label = k == 0 ? "(a)" : "(b)";
            s.text = lower_first(strip_end(od.operative[h + 1 + k].text)) + ";";
            host.subparagraphs.push_back(s);
        }
        od.operative.erase(od.operative.begin() + static_cast<long>(h) + 1, od.operative.begin() + static_cast<long>(h) + 3);
        sub_host = static_cast<int>(h);
    }
    renumber(od);

    std::vector<slot> pre, op;
    for (const auto& p : od.preamble) {
        slot s;
        s.text = s.intro = p.text;
        s.origin = {p.id};
        pre.push_back(s);
    }
    for (const auto& p : od.operative) {
        slot s;
        s.text = p.text;
        s.intro = p.intro;
        s.subs = p.subparagraphs;
        s.origin = {p.id};
        op.push_back(s);
    }
    int next_group = 0;
    std::vector<truth_unit> extra_truth;   // removed paragraphs
    std::set<std::string> touched;         // old ids already edited
    auto fresh = [&](const slot& s) {
        if (s.origin.size() != 1 || s.group >= 0 || s.merged || s.reworded || s.moved) return false;
        return touched.count(s.origin[0]) == 0;
    };
    auto pick = [&](std::vector<slot>& v, int min_pos = 0) -> int {
        for (int tries = 0; tries < 20; ++tries) {
            if (static_cast<int>(v.size()) <= min_pos) return -1;
            const int i = min_pos + static_cast<int>(r.below(v.size() - static_cast<std::size_t>(min_pos)));
            if (fresh(v[i]) && v[i].subs.empty() && !v[i].origin.empty()) return i;
        }
        return -1;
    };
    bool sub_moved = false;
    std::size_t donor = r.below(donors.size() + 1);
    for (int e = 0; e < n_edits; ++e) {
        const std::size_t what = r.below(9);
        auto& v = (r.below(3) == 0) ? pre : op;
        if (what == 0 || what == 1) {   // reword
            const int i = pick(v);
            if (i < 0) continue;
            v[i].text = reword(v[i].text, 0.05 + 0.45 * r.unit(), r);
            v[i].intro = v[i].text;
            v[i].reworded = true;
            touched.insert(v[i].origin[0]);
        } else if (what == 2) {         // delete
            const int i = pick(v);
            if (i < 0) continue;
            extra_truth.push_back({unit_kind::removed, v[i].origin, {}});
            touched.insert(v[i].origin[0]);
            v.erase(v.begin() + i);
        } else if (what == 3) {         // insert a paragraph of another resolution
            if (donors.empty()) continue;
            slot s;
            s.text = s.intro = donors[donor++ % donors.size()];
            std::size_t at = r.below(v.size() + 1);
            while (at > 0 && at < v.size() && v[at].group >= 0 && v[at - 1].group == v[at].group) ++at;
            v.insert(v.begin() + static_cast<long>(at), s);
        } else if (what == 4) {         // move by at least two places
            const int i = pick(v);
            if (i < 0 || v.size() < 6) continue;
            int j = static_cast<int>(r.below(v.size()));
            if (std::abs(j - i) < 3) continue;
            // Keep moves from overlapping other moved paragraphs' spans.
            bool clear = true;
            for (int k = std::min(i, j); k <= std::max(i, j); ++k) clear = clear && !v[k].moved && v[k].group < 0 && !v[k].merged;
            if (!clear) continue;
            slot s = v[i];
            s.moved = true;
            if (r.below(3) == 0) {
                s.text = reword(s.text, 0.05 + 0.2 * r.unit(), r);
                s.intro = s.text;
                s.reworded = true;
            }
            touched.insert(s.origin[0]);
            v.erase(v.begin() + i);
            v.insert(v.begin() + j, s);
        } else if (what == 5 || what == 8) {   // split at a semicolon or ", and"
            const int i = pick(v);
            if (i < 0) continue;
            const std::string t = strip_end(v[i].text);
            std::size_t cut = std::string::npos;
            for (const std::string sep : {"; ", ", and ", ", including ", ", while "}) {
                for (std::size_t at = t.find(sep); at != std::string::npos; at = t.find(sep, at + 1)) {
                    if (at > t.size() * 3 / 10 && at < t.size() * 7 / 10) {
                        cut = at;
                        break;
                    }
                }
                if (cut != std::string::npos) break;
            }
            if (cut == std::string::npos) continue;
            const bool operative = &v == &op;
            std::string first = t.substr(0, cut) + (operative ? ";" : ",");
            std::string rest = t.substr(t.find(' ', cut + 1) + 1);
            if (rest.rfind("and ", 0) == 0) rest = rest.substr(4);
            std::string second = upper_first(rest) + (operative ? ";" : ",");
            slot a = v[i], b = v[i];
            a.text = a.intro = first;
            b.text = b.intro = second;
            a.group = b.group = next_group++;
            touched.insert(v[i].origin[0]);
            v[i] = a;
            v.insert(v.begin() + i + 1, b);
        } else if (what == 6) {         // merge two neighbours
            const int i = pick(v);
            if (i < 0 || i + 1 >= static_cast<int>(v.size()) || !fresh(v[i + 1]) || !v[i + 1].subs.empty()) continue;
            slot m = v[i];
            m.text = m.intro = strip_end(v[i].text) + ", and " + lower_first(v[i + 1].text);
            m.origin.push_back(v[i + 1].origin[0]);
            m.merged = true;
            touched.insert(v[i].origin[0]);
            touched.insert(v[i + 1].origin[0]);
            v[i] = m;
            v.erase(v.begin() + i + 1);
        } else if (what == 7) {         // a sub-paragraph becomes its own operative paragraph
            if (sub_host < 0 || sub_moved) continue;
            int h = -1;
            for (std::size_t k = 0; k < op.size(); ++k) {
                if (!op[k].subs.empty()) h = static_cast<int>(k);
            }
            if (h < 0) continue;
            auto host = op[h];
            slot out;
            out.text = out.intro = upper_first(strip_end(host.subs[1].text)) + ";";
            host.subs.pop_back();
            host.group = out.group = next_group++;
            out.origin = host.origin;
            touched.insert(host.origin[0]);
            op[h] = host;
            op.insert(op.begin() + h + 1, out);
            sub_moved = true;
        }
    }
    // Build the new document.
    auto& nd = sp.new_doc;
    for (const auto& s : pre) {
        paragraph p = make_paragraph(s.text);
        nd.preamble.push_back(p);
    }
    for (const auto& s : op) {
        paragraph p = make_paragraph(s.intro);
        p.subparagraphs = s.subs;
        nd.operative.push_back(p);
    }
    renumber(nd);
    // Truth.
    std::map<int, std::size_t> group_unit;
    auto emit = [&](const std::vector<slot>& v, const std::vector<paragraph>& paras, bool operative) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            const auto& s = v[i];
            const std::string& nid = paras[i].id;
            if (s.origin.empty()) {
                sp.truth.push_back({unit_kind::added, {}, {nid}});
            } else if (s.group >= 0) {
                const auto it = group_unit.find(s.group);
                if (it == group_unit.end()) {
                    group_unit[s.group] = sp.truth.size();
                    sp.truth.push_back({unit_kind::split, s.origin, {nid}});
                } else {
                    sp.truth[it->second].new_ids.push_back(nid);
                }
            } else if (s.merged) {
                sp.truth.push_back({unit_kind::merged, s.origin, {nid}});
            } else if (s.moved) {
                sp.truth.push_back({unit_kind::moved, s.origin, {nid}});
            } else if (s.reworded) {
                sp.truth.push_back({unit_kind::modified, s.origin, {nid}});
            } else {
                const paragraph* old = resdiff::find_paragraph(od, s.origin[0]);
                const bool renum = operative && old != nullptr && old->number != paras[i].number;
                const bool sub_changed = old != nullptr && old->text != paras[i].text;
                sp.truth.push_back({sub_changed ? unit_kind::modified : renum ? unit_kind::renumbered : unit_kind::unchanged,
                                    s.origin, {nid}});
            }
        }
    };
    emit(pre, nd.preamble, false);
    emit(op, nd.operative, true);
    for (auto& t : extra_truth) sp.truth.push_back(t);
    return sp;
}

}  // namespace align_test
