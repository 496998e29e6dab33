// libFuzzer target: bytes -> ingest -> parse -> JSON and back.
// The checks live in checks.hpp, shared with the regression replay in the normal suite.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto problem = resdiff::fuzz::check_parse(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "resdiff fuzz: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
