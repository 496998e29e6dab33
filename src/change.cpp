#include "resdiff/align.hpp"
#include "resdiff/change.hpp"
#include "word_count.hpp"

#include <algorithm>
#include <string>

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

// Whether the run of changes ops[i, j) (no equal piece inside) removes a text
// and adds another that differ in more than spelling; removed and added are
// scratch space.
bool run_changes_text(const std::vector<word_op>& ops, std::size_t i, std::size_t j, std::string& removed,
                      std::string& added) {
    const char before = i > 0 && !ops[i - 1].text.empty() ? ops[i - 1].text.back() : '\0';
    speller del(removed, before), ins(added, before);
    for (std::size_t k = i; k < j; ++k) (ops[k].op == op_kind::del ? del : ins).feed(ops[k].text);
    const char after = j < ops.size() && !ops[j].text.empty() ? ops[j].text.front() : '\0';
    del.finish(after);
    ins.finish(after);
    return removed != added;
}

// Calls f(i, j) for each run of changes ops[i, j) within [first, last).
template <class F>
void for_each_run(const std::vector<word_op>& ops, std::size_t first, std::size_t last, F&& f) {
    for (std::size_t i = first; i < last;) {
        if (ops[i].op == op_kind::equal) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < last && ops[j].op != op_kind::equal) ++j;
        if (!f(i, j)) return;
        i = j;
    }
}

void append_equal(std::vector<word_op>& out, std::string_view text) {
    if (text.empty()) return;
    if (!out.empty() && out.back().op == op_kind::equal) {
        out.back().text.append(text);
    } else {
        out.push_back({op_kind::equal, std::string(text), {}});
    }
}

}  // namespace

bool changes_text(const std::vector<word_op>& ops, std::size_t first, std::size_t last) {
    std::string removed, added;  // the two sides' spellings
    bool changes = false;
    for_each_run(ops, first, std::min(last, ops.size()), [&](std::size_t i, std::size_t j) {
        changes = run_changes_text(ops, i, j, removed, added);
        return !changes;
    });
    return changes;
}

bool changes_text(const std::vector<word_op>& ops) {
    return changes_text(ops, 0, ops.size());
}

const std::vector<word_op>& spelling_as_equal(const std::vector<word_op>& ops, op_kind side,
                                              std::vector<word_op>& storage) {
    std::string removed, added;
    bool respelled = false;  // some run changes spelling alone
    for_each_run(ops, 0, ops.size(), [&](std::size_t i, std::size_t j) {
        respelled = !run_changes_text(ops, i, j, removed, added);
        return !respelled;
    });
    if (!respelled) return ops;
    const op_kind shown = side == op_kind::del ? op_kind::del : op_kind::ins;
    storage.clear();
    storage.reserve(ops.size());
    std::size_t done = 0;  // ops before it are in storage
    const auto copy_up_to = [&](std::size_t end) {
        for (; done < end; ++done) {
            if (ops[done].op == op_kind::equal) {
                append_equal(storage, ops[done].text);
            } else {
                storage.push_back(ops[done]);
            }
        }
    };
    for_each_run(ops, 0, ops.size(), [&](std::size_t i, std::size_t j) {
        if (run_changes_text(ops, i, j, removed, added)) return true;
        copy_up_to(i);
        for (std::size_t k = i; k < j; ++k) {
            if (ops[k].op == shown) append_equal(storage, ops[k].text);
        }
        done = j;
        return true;
    });
    copy_up_to(ops.size());
    return storage;
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
