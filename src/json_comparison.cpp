// The comparison JSON contract (docs/json.md, "Comparison"): both documents as
// document_to_json gives them, the summary, the alignment with word ops and
// classes, footnote units and notes. Keys in a fixed order; deterministic.
//
// Written straight to a string (json_writer.hpp, no JSON object tree): on
// large inputs the tree's allocations cost more than the diff itself. The
// layout is the one nlohmann::json's dump(2) gives.
#include <atomic>
#include <cmath>
#include <ostream>
#include <string>
#include <vector>

#include "json_writer.hpp"
#include "parallel.hpp"
#include "resdiff/json.hpp"

namespace resdiff {

namespace {

// Ratios rounded to 4 decimals so the output does not depend on the last bits.
double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

constexpr unit_kind all_kinds[] = {unit_kind::unchanged, unit_kind::modified, unit_kind::renumbered,
                                   unit_kind::moved,     unit_kind::added,    unit_kind::removed,
                                   unit_kind::split,     unit_kind::merged};
constexpr change_class all_classes[] = {change_class::substantive, change_class::lead, change_class::qualifier,
                                        change_class::citation, change_class::routine};

using writer = detail::json_writer;

void write_classes(writer& w, const std::vector<change_class>& classes) {
    w.open('[');
    for (const auto c : classes) {
        w.item();
        w.string(to_string(c));
    }
    w.close(']');
}

void write_ops(writer& w, const std::vector<word_op>& ops) {
    w.open('[');
    for (const auto& op : ops) {
        w.item();
        w.open('{');
        w.key("op");
        w.string(to_string(op.op));
        w.key("text");
        w.string(op.text);
        w.key("classes");
        write_classes(w, op.classes);
        w.close('}');
    }
    w.close(']');
}

void write_unit(writer& w, const alignment_unit& u) {
    w.open('{');
    w.key("kind");
    w.string(to_string(u.kind));
    w.key("old");
    w.strings(u.old_ids);
    w.key("new");
    w.strings(u.new_ids);
    w.key("moved");
    w.boolean(u.moved);
    w.key("text_changed");
    w.boolean(u.text_changed);
    w.key("crossed_part");
    w.boolean(u.crossed_part);
    w.key("similarity");
    w.number(rounded(u.similarity));
    w.key("classes");
    write_classes(w, u.classes);
    w.key("lead");
    if (u.lead.dir != direction::none) {
        w.open('{');
        w.key("old");
        w.string(u.lead.old_lead);
        w.key("new");
        w.string(u.lead.new_lead);
        w.key("direction");
        w.string(to_string(u.lead.dir));
        w.close('}');
    } else {
        w.null();
    }
    w.key("qualifier");
    if (u.qualifier_dir != direction::none) {
        w.string(to_string(u.qualifier_dir));
    } else {
        w.null();
    }
    w.key("ops");
    write_ops(w, u.ops);
    w.key("children");
    w.open('[');
    for (const auto& c : u.children) {
        w.item();
        write_unit(w, c);
    }
    w.close(']');
    w.close('}');
}

void write_footnote(writer& w, const footnote_unit& f) {
    w.open('{');
    w.key("kind");
    w.string(to_string(f.kind));
    w.key("old");
    if (f.old_number > 0) w.number(f.old_number); else w.null();
    w.key("new");
    if (f.new_number > 0) w.number(f.new_number); else w.null();
    w.key("classes");
    write_classes(w, f.classes);
    w.key("ops");
    write_ops(w, f.ops);
    w.close('}');
}

// The references each version cites and what changed between them.
void write_citations(writer& w, const citation_change& c) {
    w.open('{');
    w.key("old");
    w.strings(c.old_cited);
    w.key("new");
    w.strings(c.new_cited);
    w.key("added");
    w.strings(c.added);
    w.key("dropped");
    w.strings(c.dropped);
    w.close('}');
}

void write_summary(writer& w, const summary& s, std::size_t units, std::size_t footnotes) {
    w.open('{');
    w.key("units");
    w.number(units);
    w.key("footnotes");
    w.number(footnotes);
    w.key("changed");
    w.number(s.units_changed);
    w.key("kinds");
    w.open('{');
    for (const auto k : all_kinds) {
        const auto it = s.kinds.find(k);
        w.key(to_string(k));
        w.number(it == s.kinds.end() ? std::size_t{0} : it->second);
    }
    w.close('}');
    w.key("classes");
    w.open('{');
    for (const auto c : all_classes) {
        const auto it = s.classes.find(c);
        w.key(to_string(c));
        w.number(it == s.classes.end() ? std::size_t{0} : it->second);
    }
    w.close('}');
    w.key("routine_only");
    w.number(s.routine_only);
    w.key("words");
    w.open('{');
    w.key("old");
    w.number(s.words_old);
    w.key("new");
    w.number(s.words_new);
    w.key("deleted");
    w.number(s.words_deleted);
    w.key("inserted");
    w.number(s.words_inserted);
    w.close('}');
    w.key("share_changed");
    w.number(rounded(s.share_changed));
    w.close('}');
}

// From the opening brace to the key of the old document.
void write_start(writer& w) {
    w.open('{');
    // The documents exactly as `resdiff parse --format json` writes them.
    w.key("old");
}

// The new document, after the old one.
void write_new_document(writer& w, const comparison& cmp) {
    w.key("new");
    detail::write_document(w, cmp.new_doc);
}

// From this many units on, and up to this much text in their ops, the
// second half of the alignment is written on the helper (when there is one)
// while this thread writes the first, and held until then (past 1 MB, held,
// it took the 10 MB pair's peak from 90 to 106 MB).
constexpr std::size_t min_units_written_in_two = 64;
constexpr std::size_t max_text_written_in_two = std::size_t{1} << 20;

// The units [from, to) as members of the alignment array.
void write_units(writer& w, const comparison& cmp, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        w.item();
        write_unit(w, cmp.result.units[i]);
    }
}

// Everything after the documents.
void write_rest(writer& w, const comparison& cmp) {
    w.key("identical");
    w.boolean(cmp.identical());
    w.key("summary");
    write_summary(w, cmp.totals, cmp.result.units.size(), cmp.result.footnotes.size());
    w.key("alignment");
    w.open('[');
    const auto& units = cmp.result.units;
    std::size_t total = 0;  // the ops' text, most of what is written
    for (const auto& u : units) {
        for (const auto& op : u.ops) total += op.text.size();
    }
    if (units.size() < min_units_written_in_two || total > max_text_written_in_two ||
        detail::thread_slots() < 2) {
        write_units(w, cmp, 0, units.size());
    } else {
        // Split where about half the text is on either side, the second
        // half written apart and spliced in after the first.
        std::size_t split = 0;
        for (std::size_t seen = 0; split + 1 < units.size() && 2 * seen < total; ++split) {
            for (const auto& op : units[split].ops) seen += op.text.size();
        }
        split = std::max<std::size_t>(split, 1);
        writer tail = writer::continuing(w);
        tail.after_members();
        std::string tail_text;
        detail::run_both(
            [&] {
                write_units(tail, cmp, split, units.size());
                tail_text = tail.take();
            },
            [&] { write_units(w, cmp, 0, split); });
        w.splice(tail_text);
    }
    w.close(']');
    w.key("footnotes");
    w.open('[');
    for (const auto& f : cmp.result.footnotes) {
        w.item();
        write_footnote(w, f);
    }
    w.close(']');
    w.key("citations");
    write_citations(w, cmp.result.citations);
    w.key("notes");
    w.strings(cmp.result.notes);
    w.close('}');
    w.raw("\n");
}

void write_all(writer& w, const comparison& cmp) {
    write_start(w);
    detail::write_document(w, cmp.old_doc);
    write_new_document(w, cmp);
    write_rest(w, cmp);
}

}  // namespace

std::string comparison_to_json(const comparison& cmp) {
    writer w;
    write_all(w, cmp);
    return w.take();
}

void write_comparison_json(std::ostream& out, const comparison& cmp) {
    writer w(out);
    write_all(w, cmp);
    w.finish();
}

comparison compare_and_write_json(std::ostream& out, document old_doc, document new_doc,
                                  const compare_options& options) {
    comparison cmp;
    cmp.old_doc = std::move(old_doc);
    cmp.new_doc = std::move(new_doc);
    // The documents' JSON (about 2.6 times their text, two thirds of the
    // report) is held in memory until the comparison is done: not past 1 MB
    // of text (held, it took the 2 MB pair's peak from 32 to 54 MB; written
    // in turn, it costs that pair nothing measurable).
    if (detail::thread_slots() == 1 || text_bytes(cmp.old_doc) + text_bytes(cmp.new_doc) > (std::size_t{1} << 20)) {
        compare_in_place(cmp, options);
        write_comparison_json(out, cmp);
        return cmp;
    }
    writer w(out);
    write_start(w);
    w.finish();
    // Each document's JSON in the helper's idle time (the comparison's own
    // parallel pieces go first), each a task of its own: one not started
    // when the comparison is done is written here meanwhile. The documents
    // are only read by both threads. The old one, first in the report, goes
    // straight out as it is written (nothing else writes to `out` until it
    // is done), and so does the new one when it starts after that (as it
    // does on the helper, which takes the two in turn); otherwise it is held
    // until then, in a buffer of about the size it takes (one allocation: a
    // buffer doubling as it fills is copied each time, and every page it
    // moves to is a new page fault).
    std::atomic<bool> old_out{false};
    bool new_out = false;
    std::string new_text;
    {
        detail::background_task write_old([&] {
            writer old_json = writer::continuing(w, out);
            detail::write_document(old_json, cmp.old_doc);
            old_json.finish();
            old_out.store(true, std::memory_order_release);
        });
        detail::background_task write_new([&] {
            new_out = old_out.load(std::memory_order_acquire);
            writer new_json = new_out ? writer::continuing(w, out) : writer::continuing(w);
            // Held: room for 2.6 times the text (the JSON takes 2.5 to 2.65).
            if (!new_out) new_json.expect(text_bytes(cmp.new_doc) * 13 / 5 + 4096);
            write_new_document(new_json, cmp);
            if (new_out) {
                new_json.finish();
            } else {
                new_text = new_json.take();
            }
        });
        compare_in_place(cmp, options);
        write_new.wait();
        write_old.wait();
    }
    if (!new_out) w.splice(new_text);
    write_rest(w, cmp);
    w.finish();
    return cmp;
}

}  // namespace resdiff
