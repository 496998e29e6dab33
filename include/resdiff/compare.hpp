// The whole pipeline for two versions: align, diff, classify, summarize.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "resdiff/align.hpp"
#include "resdiff/classify.hpp"
#include "resdiff/diff.hpp"
#include "resdiff/document.hpp"

namespace resdiff {

struct compare_options {
    align_options align;
    diff_options diff;
};

struct summary {
    std::map<unit_kind, std::size_t> kinds;        // units per kind
    std::map<change_class, std::size_t> classes;   // units carrying each class
    std::size_t units_changed = 0;                 // units (and footnote units) that are not unchanged
    std::size_t routine_only = 0;                  // changed units whose only class is routine
    std::size_t units_moved = 0;                   // units that moved, whatever their kind
    std::size_t footnotes_changed = 0;             // footnote units that are not unchanged
    std::size_t words_old = 0;                     // word tokens in the old text
    std::size_t words_new = 0;
    std::size_t words_deleted = 0;
    std::size_t words_inserted = 0;
    double share_changed = 0.0;                    // (deleted + inserted) / (old + new)
};

struct comparison {
    document old_doc;
    document new_doc;
    alignment result;
    summary totals;
    bool identical() const { return totals.units_changed == 0 && totals.words_deleted == 0 && totals.words_inserted == 0; }
};

// Aligns, diffs, classifies and summarizes. With two or more CPUs it uses a
// second thread for independent pieces: started on first use, pinned to
// another CPU than the caller's, and kept until the process exits
// (RESDIFF_THREADS=1 in the environment keeps everything on the caller's
// thread). The result is the same either way. Calls from several threads at
// once are safe; a process that forks without exec should set
// RESDIFF_THREADS=1.
comparison compare(document old_doc, document new_doc, const compare_options& options = {});
// The same for the documents already in `cmp`, which it only reads (another
// thread may read them meanwhile): fills cmp.result and cmp.totals.
void compare_in_place(comparison& cmp, const compare_options& options = {});

summary summarize(const alignment& result);

// Units of a kind as the reports count them: `moved` counts every unit that
// moved (also one reworded, split or merged on the way), the others their kind.
std::size_t report_count(const summary& s, unit_kind kind);

}  // namespace resdiff
