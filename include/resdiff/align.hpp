// Stage 3, align: match the paragraphs of two versions by what they say.
#pragma once

#include <string>
#include <vector>

#include "resdiff/change.hpp"
#include "resdiff/document.hpp"

namespace resdiff {

enum class unit_kind {
    unchanged,   // same text after normalization, same position
    modified,    // same clause, reworded, order kept
    renumbered,  // same text, new number, order kept
    moved,       // relative order changed (text_changed tells whether also modified)
    added,
    removed,
    split,       // one old paragraph became two or more new ones
    merged,      // two or more old paragraphs became one
};

// One aligned unit. Ids name paragraphs ("PP3", "OP9") or sub-paragraphs
// ("OP9(a)"). old_ids is empty for added units, new_ids for removed ones.
struct alignment_unit {
    unit_kind kind = unit_kind::unchanged;
    std::vector<std::string> old_ids;
    std::vector<std::string> new_ids;
    bool text_changed = false;      // text differs after normalization
    bool moved = false;             // relative order changed (also set when kind == moved)
    bool crossed_part = false;      // went from preamble to operative part or back
    double similarity = 1.0;        // 0..1, how alike old and new text are
    // Filled by diff: word diff of the concatenated old text against the
    // concatenated new text (split/merged units: the parts joined by a space).
    std::vector<word_op> ops;
    // Filled by classify.
    std::vector<change_class> classes;
    lead_change lead;               // dir == none when the lead did not change
    direction qualifier_dir = direction::none;
    // Sub-paragraph units inside an operative paragraph pair.
    std::vector<alignment_unit> children;
    friend bool operator==(const alignment_unit&, const alignment_unit&) = default;
};

struct footnote_unit {
    unit_kind kind = unit_kind::unchanged;   // unchanged, modified, added, removed, renumbered
    int old_number = 0;                      // 0 when added
    int new_number = 0;                      // 0 when removed
    std::vector<word_op> ops;
    std::vector<change_class> classes;       // filled by classify: the set of its edits' classes
    friend bool operator==(const footnote_unit&, const footnote_unit&) = default;
};

struct align_options {
    // Similarity (0..1) under which a pair is not the same clause.
    double threshold = 0.0;   // 0: the documented default of the aligner
    // Work bound for the precise path; past it a coarser method is used and
    // alignment::notes says so.
    std::size_t max_pairs = 4'000'000;
};

struct alignment {
    std::vector<alignment_unit> units;     // in reading order of the new text (removed units where they stood)
    std::vector<footnote_unit> footnotes;
    std::vector<std::string> notes;        // fallbacks taken and why
    citation_change citations;             // filled by classify: cited sets of both versions
    friend bool operator==(const alignment&, const alignment&) = default;
};

alignment align(const document& old_doc, const document& new_doc, const align_options& options = {});

const char* to_string(unit_kind kind);

}  // namespace resdiff
