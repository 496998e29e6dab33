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

namespace {

// Writes the spelling of one side of a run of changes, fed piece by piece:
// its bytes without white space and without a hyphen between two letters
// (the last byte of the equal piece before the run counts as the letter
// before, the first byte of the one after as the letter after).
class speller {
public:
    speller(std::string& out, char before) : out_(out), last_(before) { out_.clear(); }
    void feed(std::string_view text) {
        for (const char c : text) {
            if (detail::space_byte(c)) continue;
            if (hyphen_) settle(c);
            if (c == '-') {
                hyphen_ = true;  // kept or not by the byte after it
                continue;
            }
            out_.push_back(c);
            last_ = c;
        }
    }
    void finish(char after) {
        if (hyphen_) settle(after);
    }

private:
    void settle(char next) {
        hyphen_ = false;
        if (detail::ascii_alpha(last_) && detail::ascii_alpha(next)) return;
        out_.push_back('-');
        last_ = '-';
    }
    std::string& out_;
    char last_;
    bool hyphen_ = false;
};

}  // namespace

bool changes_text(const std::vector<word_op>& ops) {
    std::string removed, added;  // the two sides' spellings
    for (std::size_t i = 0; i < ops.size();) {
        if (ops[i].op == op_kind::equal) {
            ++i;
            continue;
        }
        // A run of changes, ops[i, j): the text it removes and the one it adds.
        const char before = i > 0 && !ops[i - 1].text.empty() ? ops[i - 1].text.back() : '\0';
        speller del(removed, before), ins(added, before);
        std::size_t j = i;
        for (; j < ops.size() && ops[j].op != op_kind::equal; ++j)
            (ops[j].op == op_kind::del ? del : ins).feed(ops[j].text);
        const char after = j < ops.size() && !ops[j].text.empty() ? ops[j].text.front() : '\0';
        del.finish(after);
        ins.finish(after);
        if (removed != added) return true;
        i = j;
    }
    return false;
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
