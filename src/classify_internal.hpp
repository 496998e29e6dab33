// What the pipeline (compare.cpp) needs of the classify stage beyond its
// public header.
#pragma once

#include "resdiff/align.hpp"
#include "resdiff/document.hpp"

namespace resdiff::detail {

// classify() without alignment::citations, which compare_citations gives:
// the pipeline works them out on the helper thread meanwhile (they depend
// on the documents alone).
alignment classify_without_citations(alignment diffed, const document& old_doc, const document& new_doc);

}  // namespace resdiff::detail
