// The scan that ingest (normalize_text's plain runs) and the JSON writer
// (strings copied as they are) share: sixteen bytes at a time, each caller
// with its own test of a block.
#pragma once

#include <bit>
#include <cstddef>

namespace resdiff::detail {

// Moves `i` to the first byte of a text of `size` bytes, at or after `i`,
// that stops the scan, or to the end, and returns true; returns false, with
// `i` where the caller goes on byte by byte, when the text is too short for
// the last block. stops(at) gives the stops among bytes [at, at + 16) as
// bits (bit k: byte at + k) and may read `back` bytes before `at`; `i` is at
// least `back`. The bytes after the last whole block are checked with one
// block that ends at the end of the text (its bytes before `i` checked
// already and ignored).
template <class Stops>
bool scan_blocks(std::size_t size, std::size_t& i, std::size_t back, Stops&& stops) {
    for (; i + 16 <= size; i += 16) {
        const unsigned stop = stops(i);
        if (stop != 0) {
            i += static_cast<std::size_t>(std::countr_zero(stop));
            return true;
        }
    }
    if (i == size) return true;
    if (size < 16 + back) return false;
    const std::size_t last = size - 16;
    const unsigned stop = stops(last) >> (i - last);
    i = stop != 0 ? i + static_cast<std::size_t>(std::countr_zero(stop)) : size;
    return true;
}

}  // namespace resdiff::detail
