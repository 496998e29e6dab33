#include "resdiff/compare.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "classify_internal.hpp"
#include "parallel.hpp"
#include "word_count.hpp"

namespace resdiff {

namespace detail {

// A word token for counting: a run of word bytes, counted where it starts.
std::size_t count_words(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    if (size == 0) return 0;
    std::size_t n = word_byte(s[0]);
    // As 0/1 integers: a word byte after a byte that is none (no branch).
    for (std::size_t i = 1; i < size; ++i) n += unsigned{word_byte(s[i])} & unsigned{!word_byte(s[i - 1])};
    return n;
}

}  // namespace detail

namespace {

void add_unit(const alignment_unit& u, summary& s) {
    ++s.kinds[u.kind];
    if (u.moved) ++s.units_moved;
    if (u.kind != unit_kind::unchanged) ++s.units_changed;
    for (const auto c : u.classes) ++s.classes[c];
    if (!u.classes.empty() && std::all_of(u.classes.begin(), u.classes.end(),
                                          [](change_class c) { return c == change_class::routine; })) {
        ++s.routine_only;
    }
}

struct word_totals {
    std::size_t old_words = 0, new_words = 0, deleted = 0, inserted = 0;
};

void add_words(const alignment_unit& u, word_totals& w) {
    // Ops that change spelling alone ("tr ansparent" -> "transparent") change
    // no word: their words are counted in both versions, not as changed.
    const bool changed = changes_text(u.ops);
    for (const auto& op : u.ops) {
        const std::size_t n = detail::count_words(op.text);
        switch (op.op) {
            case op_kind::equal:
                w.old_words += n;
                w.new_words += n;
                break;
            case op_kind::del:
                w.old_words += n;
                w.deleted += changed ? n : 0;
                break;
            case op_kind::ins:
                w.new_words += n;
                w.inserted += changed ? n : 0;
                break;
        }
    }
}

// Units whose words are counted at a time, on either thread (every byte of
// both texts is read: 0.1 ms on one thread for the 200 KB pair).
constexpr std::size_t units_counted_at_once = 64;

}  // namespace

summary summarize(const alignment& result) {
    summary s;
    for (const auto& u : result.units) add_unit(u, s);
    std::array<word_totals, 2> by_slot{};
    detail::parallel_for(result.units.size(), units_counted_at_once,
                         [&](std::size_t begin, std::size_t end, std::size_t slot) {
                             for (std::size_t i = begin; i < end; ++i)
                                 add_words(result.units[i], by_slot[slot]);
                         });
    for (const auto& w : by_slot) {
        s.words_old += w.old_words;
        s.words_new += w.new_words;
        s.words_deleted += w.deleted;
        s.words_inserted += w.inserted;
    }
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

void compare_in_place(comparison& cmp, const compare_options& options) {
    // What each version cites depends on the documents alone: worked out in
    // the helper's idle time while they are aligned, diffed and classified.
    // (On one thread classify does it, reusing the citations of the unit
    // texts it reads anyway.)
    const bool apart = detail::thread_slots() > 1;
    citation_change citations;
    std::optional<detail::background_task> cites;
    // Urgent: needed when classify is done, before the documents' JSON that
    // compare_and_write_json may have offered.
    if (apart) cites.emplace([&] { citations = compare_citations(cmp.old_doc, cmp.new_doc); }, true);
    alignment aligned = align(cmp.old_doc, cmp.new_doc, options.align);
    alignment diffed = diff_alignment(std::move(aligned), cmp.old_doc, cmp.new_doc, options.diff);
    cmp.result = apart ? detail::classify_without_citations(std::move(diffed), cmp.old_doc, cmp.new_doc)
                       : classify(std::move(diffed), cmp.old_doc, cmp.new_doc);
    if (apart) {
        cites->wait();
        cmp.result.citations = std::move(citations);
    }
    cmp.totals = summarize(cmp.result);
}

comparison compare(document old_doc, document new_doc, const compare_options& options) {
    comparison cmp;
    cmp.old_doc = std::move(old_doc);
    cmp.new_doc = std::move(new_doc);
    compare_in_place(cmp, options);
    return cmp;
}

}  // namespace resdiff
