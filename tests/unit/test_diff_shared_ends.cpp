// Word diff: leaving the identical start and end of two texts untokenized
// (diff_options::skip_shared_ends) must give exactly the ops of the diff of
// the whole texts, also where the clean-up slides or widens an edit towards
// the part left out.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "resdiff/diff.hpp"

using namespace resdiff;

namespace {

std::string show(const word_diff& d) {
    std::string out = d.coarse ? "coarse\n" : "";
    for (const auto& op : d.ops) out.append(to_string(op.op)).append(":[").append(op.text).append("]\n");
    return out;
}

void check_same(const std::string& a, const std::string& b, diff_options options = {}) {
    diff_options whole = options;
    whole.skip_shared_ends = false;
    options.skip_shared_ends = true;
    INFO("old: " << a << "\nnew: " << b);
    CHECK(show(diff_words(a, b, options)) == show(diff_words(a, b, whole)));
}

// Texts over a small vocabulary, so that edits have repeated neighbours to slide over.
std::string random_text(std::mt19937& rng, std::size_t words) {
    static const std::vector<std::string> vocabulary = {"the",
                                                        "the",
                                                        "of",
                                                        "and",
                                                        ",",
                                                        "Assembly",
                                                        "seventy-ninth",
                                                        "79/194",
                                                        "session",
                                                        "(a)",
                                                        "  ",
                                                        "\n",
                                                        "Secretary-General",
                                                        "L.17",
                                                        "report",
                                                        ";",
                                                        "1,000.5",
                                                        "Organization's",
                                                        "résolution",
                                                        "–",
                                                        "and,"};
    std::string s;
    for (std::size_t k = 0; k < words; ++k) {
        if (!s.empty()) s += (rng() % 7 == 0) ? "" : " ";
        s += vocabulary[rng() % vocabulary.size()];
    }
    return s;
}

}  // namespace

TEST_CASE("skipping the shared ends gives the ops of the whole texts", "[diff][shared_ends]") {
    const std::string head(300, 'x');
    const std::string start =
        "Recalling its resolution 79/194 of 19 December 2024 on information and "
        "communications technologies for sustainable development, and ";
    const std::string end =
        " and requests the Secretary-General to report thereon at its eighty-first session.";
    SECTION("a word replaced in a long paragraph") {
        check_same(start + "welcomes the report" + end, start + "notes the report" + end);
    }
    SECTION("an insertion that slides over repeated words into the shared start") {
        const std::string rep =
            "the the the the the the the the the the the the the the the the the the the the ";
        check_same(start + rep + rep + "end" + end, start + rep + rep + "the end" + end);
        check_same(rep + rep + rep + "x", rep + rep + rep + rep + "x");
    }
    SECTION("edits at the very start and end") {
        check_same("A " + start + end, "B " + start + end);
        check_same(start + end + " A", start + end + " B");
        check_same(head + " " + start, head + "y " + start);
    }
    SECTION("only white space differs") {
        check_same(start + "  x" + end, start + " x" + end);
        check_same(start + end, start + "\n" + end);
    }
    SECTION("random edits") {
        std::mt19937 rng(20261129);
        for (int round = 0; round < 400; ++round) {
            const std::string a = random_text(rng, 20 + rng() % 80);
            std::string b = a;
            const int edits = 1 + static_cast<int>(rng() % 3);
            for (int e = 0; e < edits; ++e) {
                const std::size_t at = rng() % (b.size() + 1);
                const std::size_t len = std::min<std::size_t>(rng() % 12, b.size() - at);
                b.replace(at, len, rng() % 2 == 0 ? random_text(rng, rng() % 4) : std::string());
            }
            check_same(a, b);
            diff_options small;
            small.max_tokens = 1'000'000;
            small.semantic_cleanup = round % 5 != 0;
            check_same(b, a, small);
        }
    }
}
