// Classify stage, data tables: data/leads.tsv and data/qualifiers.tsv are read
// at compile time by a plain split on spaces; that split must give exactly the
// words tokenize() gives, which the matching against unit texts relies on.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "classify_tables.hpp"
#include "classify_text.hpp"

namespace {

std::vector<std::string> table_words(const resdiff::detail::phrase& p) {
    return {p.begin(), p.end()};
}

std::vector<std::string> token_words(std::string_view text) {
    std::vector<std::string> out;
    const auto tokens = resdiff::detail::tokenize(text);
    for (const auto& t : tokens.toks) {
        if (t.kind != resdiff::detail::tok::word) out.push_back("(not a word: " + std::string(t.lower) + ")");
        out.push_back(std::string(t.lower));
    }
    return out;
}

}  // namespace

TEST_CASE("table phrases split as tokenize splits them", "[classify][tables]") {
    REQUIRE(!resdiff::detail::lead_table().empty());
    REQUIRE(!resdiff::detail::qualifier_table().empty());
    for (const auto& e : resdiff::detail::lead_table()) {
        INFO("lead: " << e.words.text);
        CHECK(table_words(e.words) == token_words(e.words.text));
        CHECK(e.strength > 0);
    }
    for (const auto& q : resdiff::detail::qualifier_table()) {
        INFO("qualifier: " << q.words.text);
        CHECK(table_words(q.words) == token_words(q.words.text));
    }
}

TEST_CASE("qualifiers are found by their first word, longest first", "[classify][tables]") {
    std::size_t longest = 0;
    for (const auto& q : resdiff::detail::qualifier_table()) {
        longest = std::max(longest, q.words.size());
        const auto group = resdiff::detail::qualifiers_starting_with(q.words.front());
        INFO("qualifier: " << q.words.text);
        bool found = false;
        for (std::size_t k = 0; k < group.size(); ++k) {
            CHECK(group[k].words.front() == q.words.front());
            if (k > 0) CHECK(group[k - 1].words.size() >= group[k].words.size());
            found = found || &group[k] == &q;
        }
        CHECK(found);
    }
    CHECK(resdiff::detail::longest_qualifier() == longest);
    CHECK(resdiff::detail::qualifiers_starting_with("zzz").empty());
    // "as soon as possible" is tried before "as appropriate".
    const auto as = resdiff::detail::qualifiers_starting_with("as");
    REQUIRE(as.size() >= 2);
    CHECK(as.front().words.size() > as.back().words.size());
}
