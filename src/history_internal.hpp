// Private to the history stage.
#pragma once

#include <cstddef>
#include <vector>

#include "parallel.hpp"
#include "resdiff/history.hpp"

namespace resdiff::detail {

// relate() for every pair of documents, each document's phrases hashed once:
// result[a][b] == relate(docs[a], docs[b]).
std::vector<std::vector<relatedness>> relate_all(const std::vector<document>& docs);

}  // namespace resdiff::detail
