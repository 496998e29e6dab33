// Resource limits (docs/reliability.md): the input size limit, and memory that
// stays within the documented bound of 128 MiB + 16 x the input size, checked
// by running the real binary under an address-space limit.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define RESDIFF_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RESDIFF_UNDER_ASAN 1
#endif
#endif

namespace {

// One resolution of about `bytes`: the fixture's preambular and operative
// paragraphs repeated (operative numbers running on); every seventh round of
// operative paragraphs reworded when `edited`.
[[maybe_unused]] std::string big_text(std::size_t bytes, bool edited) {
    std::vector<std::string> preamble, operative;
    std::istringstream in(read_file(fixture("A-RES-65-141.txt")));
    for (std::string line; std::getline(in, line);) {
        if (line.size() < 3 || line[0] != '\t') continue;
        const auto tab = line.find('\t', 1);
        if (std::isdigit(static_cast<unsigned char>(line[1])) && tab != std::string::npos) operative.push_back(line.substr(tab + 1));
        else if (std::isupper(static_cast<unsigned char>(line[1])) && line.rfind("\tThe General", 0) != 0) preamble.push_back(line);
    }
    std::string pp, op;
    std::size_t number = 0;
    for (std::size_t round = 0; pp.size() + op.size() < bytes; ++round) {
        for (const auto& l : preamble) pp.append(l).append("\n");
        for (auto l : operative) {
            if (edited && round % 7 == 3) {
                for (std::size_t pos = 0; (pos = l.find("Recognizes", pos)) != std::string::npos;) l.replace(pos, 10, "Stresses");
            }
            op.append("\t").append(std::to_string(++number)).append(".\t").append(l).append("\n");
        }
    }
    std::string text = "The General Assembly,\n";
    text.append(pp).append(op);
    return text;
}

}  // namespace

TEST_CASE("limits: input over --max-input is refused with a clear error", "[limits]") {
    cli_run r({"parse", "--max-input", "1000", fixture("A-RES-65-141.txt").string()});
    CHECK(r.rc == 2);
    CHECK(r.err.find("A-RES-65-141.txt") != std::string::npos);
    CHECK(r.err.find('\n') == r.err.size() - 1);   // one line
    cli_run d({"--max-input", "1000", fixture("A-RES-65-141.txt").string(), fixture("example-draft-66.txt").string()});
    CHECK(d.rc == 2);
}

TEST_CASE("limits: a 10 MB pair (two 5 MB texts) is compared within 128 MiB + 16 x input of address space", "[limits]") {
#ifdef RESDIFF_UNDER_ASAN
    SUCCEED("AddressSanitizer reserves address space of its own: the limit is checked in the plain build");
#else
    const auto dir = scratch_dir("limits");
    const std::string old_text = big_text(5'000'000, false);
    const std::string new_text = big_text(5'000'000, true);
    std::ofstream(dir / "old.txt", std::ios::binary) << old_text;
    std::ofstream(dir / "new.txt", std::ios::binary) << new_text;
    const rlim_t limit = 128ull * 1024 * 1024 + 16ull * (old_text.size() + new_text.size());
    const program_run fits(
        {RESDIFF_BINARY, "--format", "json", (dir / "old.txt").string(), (dir / "new.txt").string()}, {}, {},
        "/dev/null", limit);
    INFO(fits.err);
    CHECK(fits.rc == 1);
    // The same job with a fraction of that bound fails cleanly (exit 2, a message), never a crash.
    const program_run starved({RESDIFF_BINARY, (dir / "old.txt").string(), (dir / "new.txt").string()}, {},
                              {}, "/dev/null", 48ull * 1024 * 1024);
    INFO(starved.err);
    CHECK(starved.rc == 2);
    std::filesystem::remove_all(dir);
#endif
}
