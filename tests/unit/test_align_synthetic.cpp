// Synthetic benchmark of the aligner on the fixture resolution: random but
// realistic edits with fixed seeds, scored against the true alignment.
// RESDIFF_ALIGN_EVAL=1 prints the figures (scripts/align-eval does that).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>

#include "support.hpp"
#include "unit/align_support.hpp"

namespace {

// Paragraphs "from another resolution", written for this test in the style of
// General Assembly texts on other agenda items.
const std::vector<std::string> donor_paragraphs = {
    "Recognizing that desertification, land degradation and drought are challenges of a global dimension and affect the livelihoods of millions of people in dryland areas,",
    "Expressing deep concern at the increasing frequency and intensity of extreme weather events, including heatwaves, floods and tropical cyclones, in small island developing States,",
    "Requests the United Nations Environment Programme to continue to provide technical assistance to Governments in the preparation of national biodiversity strategies;",
    "Calls upon Member States to ratify or accede to the Convention on the Rights of Persons with Disabilities and the Optional Protocol thereto as a matter of priority;",
    "Reaffirming the sovereign right of States to exploit their own resources pursuant to their environmental policies, as set out in principle 2 of the Rio Declaration,",
    "Decides to convene a high-level meeting on antimicrobial resistance in 2026, to be held in New York, and requests the President of the General Assembly to appoint two co-facilitators;",
    "Encourages the Food and Agriculture Organization of the United Nations to strengthen its support for smallholder farmers, pastoralists and artisanal fisherfolk in rural areas;",
    "Noting with appreciation the work of the Special Rapporteur on the right to safe drinking water and sanitation and the reports submitted to the Human Rights Council,",
    "Stresses the importance of international cooperation in combating illicit financial flows and strengthening good practices on assets return to foster sustainable development;",
    "Welcomes the convening of the United Nations Ocean Conference in Nice, France, and the adoption of its political declaration on the conservation and sustainable use of the oceans;",
    "Mindful of the need to ensure the safety and security of humanitarian personnel and United Nations and associated personnel in armed conflict,",
    "Urges all parties to refrain from attacks against schools and hospitals and to respect the civilian character of educational and medical facilities;",
};

void run_benchmark(const align_test::document& base, int trials, int edits, align_test::tally& t) {
    for (int k = 0; k < trials; ++k) {
        const auto sp = align_test::make_synthetic(base, donor_paragraphs, 1000 + static_cast<std::uint64_t>(k), edits);
        const auto got = resdiff::align(sp.old_doc, sp.new_doc);
        t.add(sp.truth, got);
    }
}

}  // namespace

TEST_CASE("synthetic edits of A/RES/65/141 are aligned with precision and recall >= 0.97", "[align][align-synthetic]") {
    const auto base = align_test::load_text_export(read_file(fixture("A-RES-65-141.txt")));
    REQUIRE(base.preamble.size() == 25);
    REQUIRE(base.operative.size() == 24);
    align_test::tally t;
    run_benchmark(base, 300, 8, t);
    if (std::getenv("RESDIFF_ALIGN_EVAL") != nullptr) std::cout << "fixture A/RES/65/141, 300 trials x 8 edits\n" << t.report();
    INFO(t.report());
    CHECK(t.precision() >= 0.97);
    CHECK(t.recall() >= 0.97);
    // Every kind the generator produces is found most of the time.
    for (const auto k : {resdiff::unit_kind::modified, resdiff::unit_kind::added, resdiff::unit_kind::removed,
                         resdiff::unit_kind::moved, resdiff::unit_kind::split, resdiff::unit_kind::merged,
                         resdiff::unit_kind::renumbered}) {
        INFO(resdiff::to_string(k));
        CHECK(t.kind_true[k] > 0);
        CHECK(t.kind_recall(k) >= 0.85);
        CHECK(t.kind_precision(k) >= 0.85);
    }
}
