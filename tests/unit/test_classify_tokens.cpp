// Classify stage, token model: tokenize_like (the new side of a unit reuses the
// old side's tokens around the edits) must give exactly what tokenize gives.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "classify_text.hpp"

using resdiff::detail::token;

namespace {

// Bytes both texts share at the start, and at the end without overlapping it.
std::pair<std::size_t, std::size_t> shared(const std::string& a, const std::string& b) {
    std::size_t p = 0;
    while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
    std::size_t s = 0;
    while (s < a.size() - p && s < b.size() - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
    return {p, s};
}

std::string show(const std::vector<token>& toks) {
    std::string out;
    for (const auto& t : toks) {
        out.append(std::to_string(t.begin)).append("-").append(std::to_string(t.end)).append(":");
        out.append(std::to_string(static_cast<int>(t.kind))).append(":").append(t.lower);
        out.append("=").append(std::to_string(t.value)).append(" ");
    }
    return out;
}

void check_like(const std::string& base, const std::string& text) {
    const auto [p, s] = shared(base, text);
    const auto base_toks = resdiff::detail::tokenize(base);
    INFO("base: " << base << "\ntext: " << text);
    CHECK(show(resdiff::detail::tokenize_like(text, base, base_toks, p, s).toks) ==
          show(resdiff::detail::tokenize(text).toks));
    // Any shorter shared prefix or suffix gives the same tokens too.
    CHECK(show(resdiff::detail::tokenize_like(text, base, base_toks, p / 2, s / 3).toks) ==
          show(resdiff::detail::tokenize(text).toks));
}

// base = a + old_mid + b + old_end + c, text = a + new_mid + b + new_end + c:
// three shared spans, the middle one between two edits.
void check_spans(const std::string& a, const std::string& old_mid, const std::string& b,
                 const std::string& old_end, const std::string& c, const std::string& new_mid,
                 const std::string& new_end) {
    const std::string base = a + old_mid + b + old_end + c;
    const std::string text = a + new_mid + b + new_end + c;
    const auto base_toks = resdiff::detail::tokenize(base);
    const std::vector<resdiff::detail::shared_span> shared = {
        {0, 0, a.size()},
        {a.size() + new_mid.size(), a.size() + old_mid.size(), b.size()},
        {text.size() - c.size(), base.size() - c.size(), c.size()}};
    INFO("base: " << base << "\ntext: " << text);
    CHECK(show(resdiff::detail::tokenize_like(text, base, base_toks, shared).toks) ==
          show(resdiff::detail::tokenize(text).toks));
}

}  // namespace

TEST_CASE("tokenize_like equals tokenize around an edit", "[classify][tokens]") {
    const std::string tail = " of the Economic and Social Council at its substantive session of 2025, and "
                             "decides to include the item in the provisional agenda of its eightieth session.";
    SECTION("a word changed in the middle") {
        check_like("Recalling its resolution 79/194 of 19 December 2024 on information" + tail,
                   "Recalling its resolution 80/118 of 19 December 2025 on information" + tail);
    }
    SECTION("number words next to the edit merge as in the whole text") {
        check_like("at its seventy - ninth session and the one hundred and first meeting" + tail,
                   "at its seventy - eighth session and the one hundred and second meeting" + tail);
        check_like("twenty five six seven eight nine ten words follow here as usual" + tail,
                   "twenty five six seven eight nine eleven words follow here as usual" + tail);
        check_like("words come first, then one hundred and twenty-three thousand and four" + tail,
                   "words come first, then one hundred and twenty-three thousand and five" + tail);
    }
    SECTION("symbols, dates and ordinals beside the edit") {
        check_like("see A/C.2/79/L.17 and GC(68)/RES/15 from 15 to 19 April 2024 at its 79th session" + tail,
                   "see A/C.2/80/L.58 and GC(69)/RES/16 from 7 to 11 April 2025 at its 80th session" + tail);
    }
    SECTION("edits at the very start and the very end") {
        check_like("Noting the report" + tail, "Welcoming the report" + tail);
        check_like("Noting the report" + tail, "Noting the report" + tail + " It ends here.");
        check_like("short", "shorter");
        check_like("", "new text");
        check_like("old text", "");
    }
    SECTION("no plain word to cut at: white space other than ASCII, digits and marks only") {
        check_like("1, 2, 3, 4, 5, 6 - 7 - 8", "1, 2, 3, 4, 9, 6 - 7 - 8");
        check_like("alpha\xC2\xA0" "beta gamma delta epsilon", "alpha\xC2\xA0" "beta gamma delta zeta");
        check_like("one two three four five six seven", "one two three four five six eight");
    }
}

TEST_CASE("tokenize_like reuses the tokens between two edits", "[classify][tokens]") {
    const std::string mid = " welcomes the work of the Economic and Social Council in 2025 and requests ";
    SECTION("plain words inside the shared middle") {
        check_spans("Recalling its resolution ", "79/194", mid, "seventy-ninth", " session.", "80/118",
                    "eightieth");
    }
    SECTION("the middle ends in a number word or a symbol that the edit continues") {
        check_spans("at its ", "seventy", " - ninth session and the one hundred and ", "first", " meeting",
                    "eighty", "second");
        check_spans("see document A", "/C.2/79", "/L.17 of the Committee on the item on ", "agenda", " now",
                    "/C.2/80", "agendas");
    }
    SECTION("edits inside a word at either end of the middle") {
        check_spans("Noting", " the", " report of the Secretary-General on the implementatio", "n", " of it",
                    "s", "ns");
        check_spans("", "x", "words with no white space at the ends", "y", "", "z", "w");
    }
}
