// Synthetic benchmark of the aligner on real corpus resolutions (parsed):
// random but realistic edits with fixed seeds, paragraphs inserted from other
// resolutions of the corpus, scored against the true alignment.
// RESDIFF_ALIGN_EVAL=1 prints the figures (scripts/align-eval does that).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "resdiff/parse.hpp"
#include "unit/align_support.hpp"

TEST_CASE("corpus: synthetic edits of real resolutions are aligned with precision and recall >= 0.97",
          "[corpus][align][align-synthetic]") {
    // One resolution of each series (the most recent adopted text).
    const std::vector<std::string> bases = {"A-RES-80-118", "A-RES-80-133", "A-RES-80-147", "A-RES-80-125",
                                            "A-RES-80-121", "A-RES-80-123", "A-RES-80-7",   "A-RES-80-6",
                                            "A-RES-80-8",   "A-RES-80-75"};
    std::vector<resdiff::document> docs;
    for (const auto& b : bases) {
        docs.push_back(resdiff::parse_file(std::filesystem::path(RESDIFF_CORPUS_DIR) / (b + ".txt")));
        INFO(b);
        REQUIRE(docs.back().operative.size() >= 5);
    }
    align_test::tally total;
    std::ostringstream per_doc;
    for (std::size_t d = 0; d < docs.size(); ++d) {
        // Paragraphs "from another resolution": those of the next base in the list.
        std::vector<std::string> donors;
        const auto& other = docs[(d + 1) % docs.size()];
        for (const auto* l : {&other.preamble, &other.operative}) {
            for (const auto& p : *l) donors.push_back(p.text);
        }
        align_test::tally t;
        for (int k = 0; k < 40; ++k) {
            const auto sp = align_test::make_synthetic(docs[d], donors, 5000 + 100 * d + static_cast<std::uint64_t>(k), 10);
            const auto got = resdiff::align(sp.old_doc, sp.new_doc);
            t.add(sp.truth, got);
            total.add(sp.truth, got);
        }
        per_doc << bases[d] << ": pairs precision " << t.precision() << ", recall " << t.recall() << "\n";
    }
    if (std::getenv("RESDIFF_ALIGN_EVAL") != nullptr) {
        std::cout << "corpus, 10 resolutions x 40 trials x 10 edits\n" << per_doc.str() << total.report();
    }
    INFO(total.report());
    CHECK(total.precision() >= 0.97);
    CHECK(total.recall() >= 0.97);
}
