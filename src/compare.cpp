#include "resdiff/compare.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace resdiff {

namespace {

// A word token for counting: a run of letters or digits.
std::size_t count_words(const std::string& text) {
    std::size_t n = 0;
    bool in_word = false;
    for (const unsigned char c : text) {
        const bool word_char = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
        if (word_char && !in_word) ++n;
        in_word = word_char;
    }
    return n;
}

void add_unit(const alignment_unit& u, summary& s) {
    ++s.kinds[u.kind];
    if (u.moved) ++s.units_moved;
    if (u.kind != unit_kind::unchanged) ++s.units_changed;
    for (const auto c : u.classes) ++s.classes[c];
    if (!u.classes.empty() && std::all_of(u.classes.begin(), u.classes.end(),
                                          [](change_class c) { return c == change_class::routine; })) {
        ++s.routine_only;
    }
    for (const auto& op : u.ops) {
        const std::size_t w = count_words(op.text);
        switch (op.op) {
            case op_kind::equal: s.words_old += w; s.words_new += w; break;
            case op_kind::del: s.words_old += w; s.words_deleted += w; break;
            case op_kind::ins: s.words_new += w; s.words_inserted += w; break;
        }
    }
}

}  // namespace

summary summarize(const alignment& result) {
    summary s;
    for (const auto& u : result.units) add_unit(u, s);
    for (const auto& f : result.footnotes) {
        if (f.kind != unit_kind::unchanged) {
            ++s.units_changed;
            ++s.footnotes_changed;
        }
    }
    const std::size_t total = s.words_old + s.words_new;
    s.share_changed = total == 0 ? 0.0 : static_cast<double>(s.words_deleted + s.words_inserted) / static_cast<double>(total);
    return s;
}

std::size_t report_count(const summary& s, unit_kind kind) {
    if (kind == unit_kind::moved) return s.units_moved;
    const auto it = s.kinds.find(kind);
    return it == s.kinds.end() ? 0 : it->second;
}

comparison compare(document old_doc, document new_doc, const compare_options& options) {
    comparison cmp;
    alignment aligned = align(old_doc, new_doc, options.align);
    alignment diffed = diff_alignment(std::move(aligned), old_doc, new_doc, options.diff);
    cmp.result = classify(std::move(diffed), old_doc, new_doc);
    cmp.totals = summarize(cmp.result);
    cmp.old_doc = std::move(old_doc);
    cmp.new_doc = std::move(new_doc);
    return cmp;
}

}  // namespace resdiff
