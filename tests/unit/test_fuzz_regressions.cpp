// Replays every input under tests/fuzz-regressions/<target>/ through the same
// checks the libFuzzer targets run, so a crash or failure found once by
// fuzzing stays fixed in the normal (and sanitizer) suite.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "../fuzz/checks.hpp"
#include "support.hpp"

namespace {

template <typename Check>
std::size_t replay(const std::string& target, Check check) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(RESDIFF_SOURCE_DIR) / "tests" / "fuzz-regressions" / target;
    std::size_t n = 0;
    if (!fs::exists(dir)) return n;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        INFO(entry.path().string());
        CHECK(check(read_file(entry.path())) == "");
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("fuzz regressions: parse target inputs are handled", "[fuzz]") {
    CHECK(replay("fuzz_parse", resdiff::fuzz::check_parse) >= 1);
}

TEST_CASE("fuzz regressions: compare target inputs are handled", "[fuzz]") {
    CHECK(replay("fuzz_compare", resdiff::fuzz::check_compare) >= 1);
}
