// Every corpus file can be read and parsed, and parsing is deterministic.
#include <catch2/catch.hpp>

#include <filesystem>

#include "resdiff/parse.hpp"

TEST_CASE("corpus: every text file parses the same way twice", "[corpus]") {
    namespace fs = std::filesystem;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(RESDIFF_CORPUS_DIR)) {
        if (entry.path().extension() != ".txt") continue;
        ++files;
        INFO(entry.path().filename().string());
        const auto a = resdiff::parse_file(entry.path());
        const auto b = resdiff::parse_file(entry.path());
        CHECK(a == b);
        CHECK(a.preamble.size() + a.operative.size() > 0);
    }
    CHECK(files >= 40);
}
