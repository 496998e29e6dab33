// JSON contract (docs/json.md): documents and comparisons to JSON and back.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "resdiff/compare.hpp"
#include "resdiff/document.hpp"

namespace resdiff {

// Pretty-printed (2 spaces), keys in a fixed order, deterministic.
std::string document_to_json(const document& doc);
// Inverse of document_to_json: document_from_json(document_to_json(d)) == d.
// Throws input_error on malformed JSON.
document document_from_json(std::string_view json);

std::string comparison_to_json(const comparison& cmp);
// The same text written to a stream piece by piece, so a large comparison is
// never held twice in memory.
void write_comparison_json(std::ostream& out, const comparison& cmp);
// compare() and write_comparison_json() in one, quicker: the documents' part
// of the JSON is written on another thread while they are compared (up to
// 1 MB of text; past that, as write_comparison_json does).
comparison compare_and_write_json(std::ostream& out, document old_doc, document new_doc,
                                  const compare_options& options = {});

}  // namespace resdiff
