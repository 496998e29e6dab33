// Stage 5, classify: what kind of change each edit is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "resdiff/align.hpp"
#include "resdiff/change.hpp"
#include "resdiff/document.hpp"

namespace resdiff {

// Strength of an operative verb or preambular opener on the documented scale
// (docs/clauses.md); 0 when the phrase is not on the scale.
int lead_strength(std::string_view lead);

// Compares two leads: strengthened, weakened, changed (unrelated or not on the
// scale) or none (same after normalization).
direction compare_leads(std::string_view old_lead, std::string_view new_lead);

// Fills word_op::classes, alignment_unit::classes, ::lead and ::qualifier_dir
// of every unit (and child unit), footnote_unit::classes and
// alignment::citations. Pure: returns the classified alignment.
//
// Edits are the runs of adjacent delete/insert ops. An edit is `routine` only
// when every changed token is explained by a roll-forward rule (ordinals and
// years advanced by the session/year distance of the two versions, dates of
// such years, symbols whose session or year part advanced, the predecessor
// added to a list of earlier resolutions, spacing/hyphenation variants,
// sequencing words in a lead); the rules are in docs/clauses.md.
alignment classify(alignment diffed, const document& old_doc, const document& new_doc);

// Citations (resolutions, decisions, document symbols) found in a text, in
// order of first appearance, normalized ("resolution 70/1", "A/80/555").
std::vector<std::string> citations(std::string_view text);

// Everything each version cites (paragraphs and footnotes) and the difference.
citation_change compare_citations(const document& old_doc, const document& new_doc);

}  // namespace resdiff
