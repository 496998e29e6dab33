// Stage 4, diff: word-level operations inside aligned units.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "resdiff/align.hpp"
#include "resdiff/change.hpp"
#include "resdiff/document.hpp"

namespace resdiff {

struct diff_options {
    // Fold short unchanged runs (a lone "the", "of", punctuation) between two
    // edits into the edit, as diff-match-patch's semantic clean-up does.
    bool semantic_cleanup = true;
    // Token count (old + new) above which the precise diff is replaced by a
    // coarser one (common prefix/suffix, then one delete + one insert of the
    // middle, or line-level anchors); word_diff::coarse says so.
    std::size_t max_tokens = 200'000;
    // Leave the identical start and end of the two texts untokenized (whole
    // words only). The ops are the same either way (the diff falls back to
    // the whole texts where a clean-up step would reach into the part left
    // out); false is for tests that check exactly that.
    bool skip_shared_ends = true;
};

struct word_diff {
    std::vector<word_op> ops;
    bool coarse = false;   // the fallback was taken
};

// Word diff of two texts. Punctuation is its own token; white space never
// shows as a change. Invariant: equal+del texts concatenate to `old_text`,
// equal+ins texts to `new_text`, byte for byte.
word_diff diff_words(std::string_view old_text, std::string_view new_text,
                     const diff_options& options = {});

// Fills alignment_unit::ops (and children's, and footnote_unit::ops) of every
// unit, diffing the units' concatenated texts. Returns the alignment with the
// ops filled; adds a note to alignment::notes when a fallback was taken.
alignment diff_alignment(alignment aligned, const document& old_doc, const document& new_doc,
                         const diff_options& options = {});

// Text of the paragraphs or sub-paragraphs named by ids, joined by one space,
// as the diff stage compares them.
std::string unit_text(const document& doc, const std::vector<std::string>& ids);

}  // namespace resdiff
