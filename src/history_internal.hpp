// Private to the history stage.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

#include "resdiff/history.hpp"

namespace resdiff::detail {

// relate() for every pair of documents, each document's phrases hashed once:
// result[a][b] == relate(docs[a], docs[b]).
std::vector<std::vector<relatedness>> relate_all(const std::vector<document>& docs);

// Runs fn(0) .. fn(n - 1) on up to `threads` threads (0: one per core). Every
// index runs even when another throws; then the exception of the lowest
// failing index is rethrown, so errors do not depend on scheduling.
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min<std::size_t>(threads, n);
    std::vector<std::exception_ptr> errors(n);
    auto run = [&](std::size_t i) {
        try {
            fn(i);
        } catch (...) {
            errors[i] = std::current_exception();
        }
    };
    if (workers <= 1) {
        for (std::size_t i = 0; i < n; ++i) run(i);
    } else {
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> pool;
        pool.reserve(workers - 1);
        auto loop = [&] {
            for (std::size_t i = next++; i < n; i = next++) run(i);
        };
        for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(loop);
        loop();
        for (auto& t : pool) t.join();
    }
    for (const auto& e : errors) {
        if (e) std::rethrow_exception(e);
    }
}

}  // namespace resdiff::detail
