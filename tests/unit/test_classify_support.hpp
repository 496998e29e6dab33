// Builders for the classify tests: word ops written inline, documents with
// sessions, dates and leads.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "resdiff/classify.hpp"

namespace classify_test {

// "Recalling its resolution [-78/132-]{+79/194+} of ..." -> equal/del/ins ops.
inline std::vector<resdiff::word_op> ops_of(std::string_view marked) {
    using resdiff::op_kind;
    std::vector<resdiff::word_op> ops;
    std::string cur;
    auto flush = [&](op_kind k) {
        if (!cur.empty()) ops.push_back({k, cur, {}});
        cur.clear();
    };
    std::size_t i = 0;
    while (i < marked.size()) {
        if (marked.substr(i, 2) == "[-") {
            flush(op_kind::equal);
            const auto end = marked.find("-]", i + 2);
            cur = std::string(marked.substr(i + 2, end - i - 2));
            flush(op_kind::del);
            i = end + 2;
        } else if (marked.substr(i, 2) == "{+") {
            flush(op_kind::equal);
            const auto end = marked.find("+}", i + 2);
            cur = std::string(marked.substr(i + 2, end - i - 2));
            flush(op_kind::ins);
            i = end + 2;
        } else {
            cur += marked[i++];
        }
    }
    flush(op_kind::equal);
    return ops;
}

inline std::string side_text(const std::vector<resdiff::word_op>& ops, bool old_side) {
    std::string s;
    for (const auto& op : ops)
        if (op.op == resdiff::op_kind::equal ||
            op.op == (old_side ? resdiff::op_kind::del : resdiff::op_kind::ins))
            s += op.text;
    return s;
}

inline resdiff::document make_doc(int session, std::string adopted, std::string symbol = {}) {
    resdiff::document d;
    d.meta.session = session;
    d.meta.adoption_date = std::move(adopted);
    d.meta.symbol = std::move(symbol);
    return d;
}

struct pair_setup {
    resdiff::document old_doc = make_doc(79, "19 December 2024", "A/RES/79/194");
    resdiff::document new_doc = make_doc(80, "15 December 2025", "A/RES/80/118");
};

// Classifies one modified unit "PP1"/"OP1" whose ops are `marked`; leads given
// make the paragraphs carry them (operative when `operative`).
inline resdiff::alignment_unit classify_one(std::string_view marked, std::string old_lead = {},
                                            std::string new_lead = {}, bool operative = false,
                                            pair_setup setup = {}) {
    resdiff::alignment a;
    resdiff::alignment_unit u;
    u.kind = resdiff::unit_kind::modified;
    u.text_changed = true;
    const std::string id = operative ? "OP1" : "PP1";
    u.old_ids = {id};
    u.new_ids = {id};
    u.ops = ops_of(marked);
    a.units.push_back(u);
    auto add = [&](resdiff::document& d, const std::string& lead, bool old_side) {
        resdiff::paragraph p;
        p.id = id;
        p.where = operative ? resdiff::part::operative : resdiff::part::preamble;
        p.lead = lead;
        p.text = side_text(u.ops, old_side);
        p.intro = p.text;
        (operative ? d.operative : d.preamble).push_back(p);
    };
    add(setup.old_doc, old_lead, true);
    add(setup.new_doc, new_lead, false);
    return resdiff::classify(a, setup.old_doc, setup.new_doc).units.front();
}

inline bool has(const std::vector<resdiff::change_class>& v, resdiff::change_class c) {
    return std::find(v.begin(), v.end(), c) != v.end();
}

inline std::vector<resdiff::change_class> only(resdiff::change_class c) {
    return {c};
}

}  // namespace classify_test
