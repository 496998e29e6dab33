// History: lineage, word blame and statistics over consecutive alignments.
#include "resdiff/history.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "history_internal.hpp"
#include "parse_internal.hpp"  // amendment_note
#include "resdiff/diff.hpp"
#include "resdiff/parse.hpp"
#include "word_count.hpp"

namespace resdiff {

namespace {

using age_t = std::uint32_t;

struct para_ref {
    std::string id;
    const std::string* text = nullptr;
};

std::vector<para_ref> paragraphs_of(const document& doc) {
    std::vector<para_ref> out;
    out.reserve(doc.preamble.size() + doc.operative.size());
    for (const auto* list : {&doc.preamble, &doc.operative}) {
        for (const auto& p : *list) out.push_back({p.id, &p.text});
    }
    return out;
}

// "OP9(a)(ii)" -> "OP9": history works on whole paragraphs.
std::string top_level(const std::string& id) {
    const auto paren = id.find('(');
    return paren == std::string::npos ? id : id.substr(0, paren);
}

bool is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Runs of equal age; white space takes the age of the byte before it (or,
// at the start, of the first byte after it).
std::vector<blame_run> to_runs(const std::string& text, const std::vector<age_t>& raw) {
    std::vector<age_t> ages = raw;
    std::size_t first_non_space = 0;
    while (first_non_space < text.size() && is_space_byte(static_cast<unsigned char>(text[first_non_space]))) ++first_non_space;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_space_byte(static_cast<unsigned char>(text[i]))) continue;
        if (i > first_non_space) ages[i] = ages[i - 1];
        else if (first_non_space < text.size()) ages[i] = ages[first_non_space];
    }
    std::vector<blame_run> runs;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = i;
        while (j < text.size() && ages[j] == ages[i]) ++j;
        runs.push_back({ages[i], text.substr(i, j - i)});
        i = j;
    }
    return runs;
}

// Does the word diff spell both texts exactly?
bool ops_spell(const std::vector<word_op>& ops, const std::string& old_text, const std::string& new_text) {
    std::size_t i = 0, j = 0;
    for (const auto& op : ops) {
        if (op.op != op_kind::ins) {
            if (old_text.compare(i, op.text.size(), op.text) != 0) return false;
            i += op.text.size();
        }
        if (op.op != op_kind::del) {
            if (new_text.compare(j, op.text.size(), op.text) != 0) return false;
            j += op.text.size();
        }
    }
    return i == old_text.size() && j == new_text.size();
}

std::vector<std::size_t> merge_sorted(std::vector<std::size_t> a, const std::vector<std::size_t>& b) {
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    return a;
}

}  // namespace

history derive_history(std::vector<document> versions, std::vector<alignment> steps) {
    if (versions.empty()) throw std::invalid_argument("history: no versions");
    if (steps.size() + 1 != versions.size()) throw std::invalid_argument("history: need one alignment per pair of consecutive versions");
    history h;
    const std::size_t n = versions.size();
    h.versions = std::move(versions);
    h.steps = std::move(steps);
    h.lineage.resize(n);
    h.blame.resize(n);
    h.stats.resize(n);

    // Version 0: everything is new.
    std::vector<para_ref> prev = paragraphs_of(h.versions[0]);
    std::vector<std::vector<age_t>> prev_ages;
    std::size_t first_words = 0;
    for (const auto& p : prev) {
        prev_ages.emplace_back(p.text->size(), age_t{0});
        lineage_entry e;
        e.id = p.id;
        e.kind = unit_kind::added;
        e.origin = 0;
        h.lineage[0].paragraphs.push_back(e);
        h.blame[0].push_back({p.id, to_runs(*p.text, prev_ages.back())});
        first_words += detail::count_words(*p.text);
    }
    h.stats[0].paragraphs = prev.size();
    h.stats[0].added = prev.size();
    h.stats[0].words = first_words;
    h.stats[0].unchanged_since_first = first_words == 0 ? 0.0 : 1.0;

    for (std::size_t k = 1; k < n; ++k) {
        const document& new_doc = h.versions[k];
        const std::vector<para_ref> cur = paragraphs_of(new_doc);
        std::unordered_map<std::string, std::size_t> old_index, new_index;
        for (std::size_t i = 0; i < prev.size(); ++i) old_index.emplace(prev[i].id, i);
        for (std::size_t i = 0; i < cur.size(); ++i) new_index.emplace(cur[i].id, i);

        std::vector<std::vector<age_t>> cur_ages(cur.size());
        std::vector<bool> claimed(cur.size(), false);
        std::vector<lineage_entry> entries(cur.size());
        std::vector<std::vector<std::string>> successors(prev.size());
        version_stats& st = h.stats[k];
        std::size_t recomputed = 0;

        for (auto& u : h.steps[k - 1].units) {
            std::vector<std::size_t> olds, news;
            for (const auto& id : u.old_ids) {
                const auto it = old_index.find(top_level(id));
                if (it != old_index.end() && std::find(olds.begin(), olds.end(), it->second) == olds.end()) olds.push_back(it->second);
            }
            for (const auto& id : u.new_ids) {
                const auto it = new_index.find(top_level(id));
                if (it != new_index.end() && !claimed[it->second] &&
                    std::find(news.begin(), news.end(), it->second) == news.end()) {
                    news.push_back(it->second);
                }
            }
            if (news.empty() && olds.empty()) continue;
            for (const auto j : news) claimed[j] = true;

            // The texts as the diff stage compares them: parts joined by a space.
            std::string old_text, new_text;
            std::vector<age_t> old_ages;
            for (const auto i : olds) {
                if (!old_text.empty()) {
                    old_text += ' ';
                    old_ages.push_back(old_ages.empty() ? 0 : old_ages.back());
                }
                old_text += *prev[i].text;
                old_ages.insert(old_ages.end(), prev_ages[i].begin(), prev_ages[i].end());
            }
            std::vector<std::size_t> starts;
            for (const auto j : news) {
                if (!new_text.empty()) new_text += ' ';
                starts.push_back(new_text.size());
                new_text += *cur[j].text;
            }
            if (!ops_spell(u.ops, old_text, new_text)) {
                u.ops = diff_words(old_text, new_text).ops;
                ++recomputed;
            }
            // Carry ages through the ops: equal keeps the old age, ins is new here.
            std::vector<age_t> new_ages(new_text.size(), static_cast<age_t>(k));
            std::size_t i = 0, j = 0;
            for (const auto& op : u.ops) {
                const std::size_t len = op.text.size();
                if (op.op == op_kind::equal) {
                    std::copy(old_ages.begin() + static_cast<std::ptrdiff_t>(i), old_ages.begin() + static_cast<std::ptrdiff_t>(i + len),
                              new_ages.begin() + static_cast<std::ptrdiff_t>(j));
                }
                if (op.op != op_kind::ins) i += len;
                if (op.op != op_kind::del) j += len;
                if (op.op == op_kind::del) st.words_removed += detail::count_words(op.text);
                if (op.op == op_kind::ins) st.words_added += detail::count_words(op.text);
            }
            for (std::size_t x = 0; x < news.size(); ++x) {
                const std::size_t idx = news[x];
                const std::size_t len = cur[idx].text->size();
                cur_ages[idx].assign(new_ages.begin() + static_cast<std::ptrdiff_t>(starts[x]),
                                     new_ages.begin() + static_cast<std::ptrdiff_t>(starts[x] + len));
                lineage_entry& e = entries[idx];
                e.id = cur[idx].id;
                if (olds.empty()) {
                    e.kind = unit_kind::added;
                    e.origin = k;
                    continue;
                }
                e.kind = u.kind == unit_kind::added ? unit_kind::modified : u.kind;
                e.text_changed = old_text != new_text && changes_text(u.ops);  // spelling is no change
                e.moved = u.moved || u.kind == unit_kind::moved;
                e.origin = k;
                for (const auto o : olds) {
                    e.predecessors.push_back(prev[o].id);
                    const auto& pe = h.lineage[k - 1].paragraphs[o];
                    e.origin = std::min(e.origin, pe.origin);
                    e.changed_in = merge_sorted(e.changed_in, pe.changed_in);
                }
                if (e.text_changed) e.changed_in = merge_sorted(e.changed_in, {k});
            }
            if (!news.empty()) {
                for (const auto o : olds) {
                    for (const auto jn : news) successors[o].push_back(cur[jn].id);
                }
            }
        }

        // Paragraphs the alignment did not mention are new here.
        std::size_t unmentioned = 0;
        for (std::size_t j = 0; j < cur.size(); ++j) {
            if (claimed[j]) continue;
            ++unmentioned;
            cur_ages[j].assign(cur[j].text->size(), static_cast<age_t>(k));
            entries[j].id = cur[j].id;
            entries[j].kind = unit_kind::added;
            entries[j].origin = k;
            st.words_added += detail::count_words(*cur[j].text);
        }
        if (recomputed > 0) {
            h.notes.push_back("version " + std::to_string(k + 1) + ": word diff recomputed for " + std::to_string(recomputed) +
                              " unit(s) whose ops did not spell their texts");
        }
        if (unmentioned > 0) {
            h.notes.push_back("version " + std::to_string(k + 1) + ": " + std::to_string(unmentioned) +
                              " paragraph(s) missing from the alignment, counted as new");
        }

        for (std::size_t o = 0; o < prev.size(); ++o) {
            auto& pe = h.lineage[k - 1].paragraphs[o];
            pe.successors = successors[o];
            if (successors[o].empty()) {
                h.lineage[k].dropped.push_back({prev[o].id, k, pe.origin});
                ++st.removed;
            }
        }

        std::size_t words = 0, first_age_words = 0;
        for (std::size_t j = 0; j < cur.size(); ++j) {
            const lineage_entry& e = entries[j];
            if (e.predecessors.empty()) ++st.added;
            else if (e.moved) ++st.moved;
            else if (e.text_changed) ++st.modified;
            else ++st.unchanged;
            const std::string& text = *cur[j].text;
            bool in_word = false;
            for (std::size_t b = 0; b < text.size(); ++b) {
                const bool w = detail::word_byte(static_cast<unsigned char>(text[b]));
                if (w && !in_word) {
                    ++words;
                    if (cur_ages[j][b] == 0) ++first_age_words;
                }
                in_word = w;
            }
            h.blame[k].push_back({cur[j].id, to_runs(text, cur_ages[j])});
        }
        st.paragraphs = cur.size();
        st.words = words;
        st.unchanged_since_first = words == 0 ? 0.0 : static_cast<double>(first_age_words) / static_cast<double>(words);
        h.lineage[k].paragraphs = std::move(entries);
        prev = cur;
        prev_ages = std::move(cur_ages);
    }
    return h;
}

namespace {

// Connected groups of mutually related versions; returns the kept indices
// (the largest group; ties go to the group holding the newest version).
std::vector<std::size_t> related_group(const std::vector<document>& docs, const history_options& options,
                                       std::vector<excluded_version>& excluded) {
    const std::size_t n = docs.size();
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    auto find = [&](std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    const auto rel = detail::relate_all(docs);
    for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = a + 1; b < n; ++b) {
            const auto& r = rel[a][b];
            const double content_needed = r.title < 0 ? options.content_threshold : options.content_threshold_titled;
            if (r.title >= options.title_threshold || r.content >= content_needed) parent[find(a)] = find(b);
        }
    }
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < n; ++i) groups[find(i)].push_back(i);
    const std::vector<std::size_t>* best = nullptr;
    for (const auto& [root, members] : groups) {
        if (!best || members.size() > best->size() || (members.size() == best->size() && members.back() > best->back())) best = &members;
    }
    std::vector<bool> keep(n, false);
    for (const auto i : *best) keep[i] = true;
    for (std::size_t i = 0; i < n; ++i) {
        if (keep[i]) continue;
        // Name the closest kept version.
        std::size_t closest = best->front();
        for (const auto j : *best) {
            if (rel[i][j].content > rel[i][closest].content) closest = j;
        }
        const auto& r = rel[i][closest];
        std::string reason = "not the same text as the others: content similarity ";
        reason += std::to_string(static_cast<int>(r.content * 100 + 0.5)) + "%";
        if (r.title >= 0) reason += ", title similarity " + std::to_string(static_cast<int>(r.title * 100 + 0.5)) + "%";
        reason += " with the closest version";
        const std::string other = key_of(docs[closest]).symbol.empty() ? docs[closest].source : key_of(docs[closest]).symbol;
        if (!other.empty()) reason += " (" + other + ")";
        excluded.push_back({docs[i].source, key_of(docs[i]).symbol, reason});
    }
    return *best;
}

// Leaves out of `docs` each version for which `reason(kept, d)` gives a
// reason (`kept`: the versions kept before it), and names it in `excluded`.
template <class Reason>
void leave_out(std::vector<document>& docs, std::vector<excluded_version>& excluded, Reason reason) {
    std::vector<document> kept;
    kept.reserve(docs.size());
    for (auto& d : docs) {
        if (std::string why = reason(kept, d); !why.empty()) {
            excluded.push_back({d.source, key_of(d).symbol, std::move(why)});
        } else {
            kept.push_back(std::move(d));
        }
    }
    docs = std::move(kept);
}

// Leaves out each version that is the version before it again (the same
// file given twice, or a copy under another name): its row would change
// nothing. A text that comes back later (a change undone) is kept.
void drop_repeats(std::vector<document>& docs, std::vector<excluded_version>& excluded) {
    leave_out(docs, excluded, [](const std::vector<document>& kept, const document& d) -> std::string {
        if (kept.empty()) return {};
        const document& before = kept.back();
        if (!(before.meta == d.meta && before.structured == d.structured && before.preamble == d.preamble &&
              before.operative == d.operative && before.sections == d.sections &&
              before.footnotes == d.footnotes)) {
            return {};
        }
        if (!d.source.empty() && d.source == before.source) return "given twice";
        const std::string name = before.source.empty() ? key_of(before).symbol : before.source;
        return name.empty() ? "the same text as the version before it"
                            : "the same text as the version before it (" + name + ")";
    });
}

// Leaves out the versions without resolution structure when another has
// it: an amendment ("Delete operative paragraphs 3, 43 and 45.") or a text
// the parser could not read as a resolution. Compared as one plain
// paragraph, it would make every paragraph of the versions around it look
// removed and then added back.
void drop_unstructured(std::vector<document>& docs, std::vector<excluded_version>& excluded) {
    if (std::none_of(docs.begin(), docs.end(), [](const document& d) { return d.structured; })) return;
    leave_out(docs, excluded, [](const std::vector<document>&, const document& d) -> std::string {
        if (d.structured) return {};
        if (!d.meta.amends.empty()) return detail::amendment_note(d.meta.amends);
        const auto n = d.preamble.size() + d.operative.size();
        return "no resolution structure recognized (" + std::to_string(n) +
               (n == 1 ? " plain paragraph" : " plain paragraphs") + "), unlike the other versions";
    });
}

}  // namespace

history build_history(std::vector<document> docs, const history_options& options) {
    if (docs.empty()) throw std::invalid_argument("history: no versions");
    order_used order = order_used::given;
    std::string note = options.keep_order_note;
    if (!options.keep_order) {
        std::string why;
        if (const auto sorted = chronological_order(docs, &why)) {
            std::vector<document> reordered;
            reordered.reserve(docs.size());
            for (const auto i : *sorted) reordered.push_back(std::move(docs[i]));
            docs = std::move(reordered);
            order = order_used::chronological;
            note.clear();
        } else {
            note = why;
        }
    }
    std::vector<excluded_version> excluded;
    if (!options.keep_all && docs.size() >= 2) {
        drop_unstructured(docs, excluded);
        const auto kept = related_group(docs, options, excluded);
        if (kept.size() != docs.size()) {
            std::vector<document> remaining;
            for (const auto i : kept) remaining.push_back(std::move(docs[i]));
            docs = std::move(remaining);
        }
        drop_repeats(docs, excluded);
    }
    // Each version compared once with its predecessor; the comparisons are
    // independent, so they run side by side.
    const std::size_t total = docs.size() - 1;
    std::vector<alignment> steps(total);
    std::mutex progress_mutex;
    std::size_t done = 0;
    // The first two stages of compare(): history uses the alignment and the
    // word ops, not the classification (the costliest stage on real texts).
    detail::parallel_for(total, options.threads, [&](std::size_t k) {
        steps[k] = diff_alignment(align(docs[k], docs[k + 1], options.compare.align), docs[k], docs[k + 1], options.compare.diff);
        if (options.progress) {
            const std::lock_guard<std::mutex> lock(progress_mutex);
            options.progress(++done, total);
        }
    });
    history h = derive_history(std::move(docs), std::move(steps));
    h.order = order;
    h.order_note = note;
    h.excluded = std::move(excluded);
    return h;
}

std::vector<document> read_versions(const std::vector<std::string>& paths, const ingest_options& ingest, unsigned threads,
                                    const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<document> docs(paths.size());
    std::mutex progress_mutex;
    std::size_t done = 0;
    detail::parallel_for(paths.size(), threads, [&](std::size_t i) {
        docs[i] = parse_file(paths[i], ingest);
        if (progress) {
            const std::lock_guard<std::mutex> lock(progress_mutex);
            progress(++done, paths.size());
        }
    });
    return docs;
}

std::string version_label(const history& h, std::size_t version) {
    std::string fallback = "v";
    fallback.append(std::to_string(version + 1));
    if (version >= h.versions.size()) return fallback;
    const document& d = h.versions[version];
    std::string symbol = key_of(d).symbol;
    if (!symbol.empty()) return symbol;
    if (!d.source.empty()) return std::filesystem::path(d.source).filename().string();
    return fallback;
}

std::vector<std::string> ancestors_at(const history& h, const std::string& id, std::size_t version) {
    if (h.versions.empty() || version >= h.versions.size()) return {};
    std::unordered_set<std::string> current{id};
    for (std::size_t v = h.versions.size() - 1; v > version; --v) {
        std::unordered_set<std::string> older;
        for (const auto& e : h.lineage[v].paragraphs) {
            if (current.count(e.id)) older.insert(e.predecessors.begin(), e.predecessors.end());
        }
        current = std::move(older);
        if (current.empty()) return {};
    }
    std::vector<std::string> out;
    for (const auto& e : h.lineage[version].paragraphs) {
        if (current.count(e.id)) out.push_back(e.id);
    }
    return out;
}

}  // namespace resdiff
