// Vocabulary of changes shared by the diff, classify, render and history stages.
#pragma once

#include <string>
#include <vector>

namespace resdiff {

enum class change_class { routine, lead, qualifier, citation, substantive };

// Direction of a lead (verb/opening phrase) or qualifier change.
enum class direction { none, strengthened, weakened, changed, softened, hardened };

enum class op_kind { equal, del, ins };

// One piece of a word diff. Concatenating the text of equal+del pieces gives
// the old text exactly, equal+ins pieces the new text exactly.
struct word_op {
    op_kind op = op_kind::equal;
    std::string text;
    std::vector<change_class> classes;   // filled by classify; empty on equal
    friend bool operator==(const word_op&, const word_op&) = default;
};

struct lead_change {
    std::string old_lead;
    std::string new_lead;
    direction dir = direction::none;
    friend bool operator==(const lead_change&, const lead_change&) = default;
};

// References to resolutions, decisions and documents cited by two versions
// (normalized as classify's citations() gives them), in order of first
// appearance, and the difference: added = cited only by the new version,
// dropped = cited only by the old one.
struct citation_change {
    std::vector<std::string> old_cited;
    std::vector<std::string> new_cited;
    std::vector<std::string> added;
    std::vector<std::string> dropped;
    friend bool operator==(const citation_change&, const citation_change&) = default;
};

// True when the ops change the text, not only its spacing ("micro -," against
// "micro-,") or the spelling of a compound ("capacity building",
// "capacity-building", "capacitybuilding"; "health care", "healthcare"),
// which never show as a change: some run of delete and insert pieces between
// two equal ones removes a text and adds another that still differ once white
// space, and hyphens between two letters, are left out of both.
bool changes_text(const std::vector<word_op>& ops);
// The same test on ops[first, last) (a run that crosses `last` is cut there).
bool changes_text(const std::vector<word_op>& ops, std::size_t first, std::size_t last);

// The ops as a report shows one side of them: each run of changes that
// changes spelling alone (see changes_text) becomes an equal piece holding
// that side's text (op_kind::del: the old text, otherwise the new), joined to
// the equal pieces around it, so that `p lay` -> `play` beside a real edit is
// not marked as a change. The text of that side is kept byte for byte.
// Returns ops itself when no run changes spelling alone; otherwise fills
// storage and returns it.
const std::vector<word_op>& spelling_as_equal(const std::vector<word_op>& ops, op_kind side,
                                              std::vector<word_op>& storage);

const char* to_string(change_class c);
const char* to_string(direction d);
const char* to_string(op_kind op);

}  // namespace resdiff
