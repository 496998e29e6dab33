#include <algorithm>

#include "resdiff/align.hpp"
#include "resdiff/change.hpp"
#include "word_count.hpp"

namespace resdiff {

const char* to_string(unit_kind kind) {
    switch (kind) {
        case unit_kind::unchanged: return "unchanged";
        case unit_kind::modified: return "modified";
        case unit_kind::renumbered: return "renumbered";
        case unit_kind::moved: return "moved";
        case unit_kind::added: return "added";
        case unit_kind::removed: return "removed";
        case unit_kind::split: return "split";
        case unit_kind::merged: return "merged";
    }
    return "unchanged";
}

bool changes_text(const std::vector<word_op>& ops) {
    return std::any_of(ops.begin(), ops.end(), [](const word_op& op) {
        return op.op != op_kind::equal && !std::all_of(op.text.begin(), op.text.end(), detail::space_byte);
    });
}

const char* to_string(change_class c) {
    switch (c) {
        case change_class::routine: return "routine";
        case change_class::lead: return "lead";
        case change_class::qualifier: return "qualifier";
        case change_class::citation: return "citation";
        case change_class::substantive: return "substantive";
    }
    return "substantive";
}

const char* to_string(direction d) {
    switch (d) {
        case direction::none: return "none";
        case direction::strengthened: return "strengthened";
        case direction::weakened: return "weakened";
        case direction::changed: return "changed";
        case direction::softened: return "softened";
        case direction::hardened: return "hardened";
    }
    return "none";
}

const char* to_string(op_kind op) {
    switch (op) {
        case op_kind::equal: return "equal";
        case op_kind::del: return "delete";
        case op_kind::ins: return "insert";
    }
    return "equal";
}

}  // namespace resdiff
