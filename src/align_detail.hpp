// Internals of the align stage exposed for tests and measurements.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "resdiff/document.hpp"

namespace resdiff::detail {

// The aligner's default threshold (TF-IDF cosine of word unigrams and bigrams).
double default_align_threshold();

// Cosine similarity of every text of `a` with every text of `b`, with TF-IDF
// weights computed over both lists, as the aligner scores paragraphs.
std::vector<std::vector<double>> similarity_matrix(const std::vector<std::string>& a,
                                                   const std::vector<std::string>& b);

// Similarity of every paragraph of `old_doc` with every paragraph of
// `new_doc` (preamble then operative, in document order), weighted exactly as
// align() weighs them (document frequencies over both documents).
std::vector<std::vector<double>> paragraph_similarities(const document& old_doc, const document& new_doc);

// The word ids of `texts` read in order into one vocabulary, those from
// `split` on read apart into a vocabulary of their own and translated (as
// align() reads on two threads), with the sequence key of each text and the
// placeholder class of each id: the same whatever `split`.
struct read_ids {
    std::vector<std::vector<std::uint32_t>> tokens;
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> classes;   // by word id
};
read_ids read_texts(const std::vector<std::string>& texts, std::size_t split);

}  // namespace resdiff::detail
