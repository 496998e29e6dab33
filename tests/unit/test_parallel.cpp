// The pipeline's two-thread pieces: every index once, results in place,
// exceptions back on the caller, nesting without deadlock.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <catch2/catch.hpp>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "parallel.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

using resdiff::detail::parallel_for;
using resdiff::detail::run_both;
using resdiff::detail::thread_slots;

TEST_CASE("parallel_for visits every index once, in ranges of at most the grain", "[parallel]") {
    for (const std::size_t n : {0u, 1u, 7u, 1000u}) {
        for (const std::size_t grain : {1u, 3u, 64u}) {
            std::vector<std::atomic<int>> visits(n);
            std::atomic<std::size_t> too_long{0}, bad_slot{0};
            parallel_for(n, grain, [&](std::size_t begin, std::size_t end, std::size_t slot) {
                if (end - begin > grain || begin >= end) ++too_long;
                if (slot >= thread_slots()) ++bad_slot;
                for (std::size_t i = begin; i < end; ++i) ++visits[i];
            });
            for (std::size_t i = 0; i < n; ++i) REQUIRE(visits[i] == 1);
            CHECK(too_long == 0);
            CHECK(bad_slot == 0);
        }
    }
}

TEST_CASE("parallel_for gives each slot its own scratch space", "[parallel]") {
    // Per-slot sums, written without atomics: a slot used by two threads at
    // once would lose additions (and ThreadSanitizer would say so).
    const std::size_t n = 20000;
    std::vector<std::size_t> sums(thread_slots(), 0);
    parallel_for(n, 16, [&](std::size_t begin, std::size_t end, std::size_t slot) {
        for (std::size_t i = begin; i < end; ++i) sums[slot] += i;
    });
    CHECK(std::accumulate(sums.begin(), sums.end(), std::size_t{0}) == n * (n - 1) / 2);
}

TEST_CASE("run_both runs both and returns when both are done", "[parallel]") {
    std::vector<int> a(5000), b(5000);
    run_both([&] { std::iota(a.begin(), a.end(), 0); }, [&] { std::iota(b.begin(), b.end(), 1); });
    CHECK(a.back() == 4999);
    CHECK(b.back() == 5000);
}

TEST_CASE("an exception reaches the caller, the first task's first", "[parallel]") {
    CHECK_THROWS_WITH(run_both([] { throw std::runtime_error("a"); }, [] {}), "a");
    CHECK_THROWS_WITH(run_both([] {}, [] { throw std::runtime_error("b"); }), "b");
    CHECK_THROWS_WITH(run_both([] { throw std::runtime_error("a"); }, [] { throw std::runtime_error("b"); }), "a");
    CHECK_THROWS_WITH(parallel_for(100, 1,
                                   [](std::size_t begin, std::size_t, std::size_t) {
                                       if (begin == 57) throw std::runtime_error("57");
                                   }),
                      "57");
    // The helper is still there afterwards.
    std::atomic<int> count{0};
    parallel_for(100, 1, [&](std::size_t, std::size_t, std::size_t) { ++count; });
    CHECK(count == 100);
}

TEST_CASE("parallel pieces nest without waiting on themselves", "[parallel]") {
    std::atomic<int> inner{0};
    const auto work = [&] {
        parallel_for(50, 2, [&](std::size_t begin, std::size_t end, std::size_t) {
            inner += static_cast<int>(end - begin);
        });
    };
    for (int round = 0; round < 20; ++round) run_both(work, work);
    CHECK(inner == 20 * 2 * 50);
}

TEST_CASE("background work runs in the helper's idle time and is done when waited for", "[parallel]") {
    using resdiff::detail::background_task;
    using resdiff::detail::checkpoint;
    // Long background work with checkpoints, and pieces offered meanwhile:
    // they are done (by the helper at a checkpoint, or by their caller).
    std::atomic<int> steps{0};
    std::vector<int> squares(200);
    {
        background_task bg([&] {
            for (int i = 0; i < 2000; ++i) {
                ++steps;
                checkpoint();
            }
        });
        for (int round = 0; round < 10; ++round) {
            parallel_for(squares.size(), 4, [&](std::size_t begin, std::size_t end, std::size_t) {
                for (std::size_t i = begin; i < end; ++i) squares[i] = static_cast<int>(i * i);
            });
        }
        bg.wait();
        CHECK(steps == 2000);
    }
    CHECK(squares[199] == 199 * 199);
    // An exception reaches wait(); a task nobody waited for is done when it goes.
    background_task failing([] { throw std::runtime_error("background"); });
    CHECK_THROWS_WITH(failing.wait(), "background");
    int done = 0;
    { background_task quiet([&] { done = 1; }); }
    CHECK(done == 1);
    // Outside background work, checkpoint() does nothing.
    checkpoint();
}

namespace {

// Polls `flag` for up to a few seconds: detached work has no wait().
bool becomes_true(const std::atomic<bool>& flag) {
    for (int i = 0; i < 5000 && !flag.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return flag.load();
}

// Sets its flag when destroyed (moved-from ones do not count).
struct marks_end {
    std::atomic<bool>* flag = nullptr;
    std::vector<int> payload = std::vector<int>(1000, 7);
    explicit marks_end(std::atomic<bool>& f) : flag(&f) {}
    marks_end(marks_end&& o) noexcept : flag(std::exchange(o.flag, nullptr)), payload(std::move(o.payload)) {}
    marks_end& operator=(marks_end&&) = delete;
    ~marks_end() {
        if (flag != nullptr) flag->store(true);
    }
};

}  // namespace

TEST_CASE("detached work runs without being waited for; with one thread at once", "[parallel]") {
    using resdiff::detail::run_detached;
    std::atomic<bool> ran{false};
    run_detached([&] { ran = true; });
    if (thread_slots() == 1) CHECK(ran.load());   // no helper: there and then
    CHECK(becomes_true(ran));
    // An exception in detached work goes nowhere; the helper carries on.
    run_detached([] { throw std::runtime_error("nobody listens"); });
    std::atomic<bool> after{false};
    run_detached([&] { after = true; });
    CHECK(becomes_true(after));
    // And offered pieces still run.
    int a = 0, b = 0;
    run_both([&] { a = 1; }, [&] { b = 2; });
    CHECK(a + b == 3);
}

TEST_CASE("destroy_detached frees the value it is given, not a copy", "[parallel]") {
    std::atomic<bool> gone{false};
    marks_end value(gone);
    resdiff::detail::destroy_detached(std::move(value));
    CHECK(value.flag == nullptr);   // moved out of
    CHECK(value.payload.empty());
    CHECK(becomes_true(gone));
}

TEST_CASE("readying the heap makes its pages present and never changes what is in them", "[parallel]") {
    // The allocator set up as resdiff's main() does (freed memory kept, no
    // block mapped on its own): the stretch readied is where the caller's
    // next blocks come from.
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
    const std::size_t before = resdiff::detail::readied_heap_bytes();
    resdiff::detail::prepare_heap(std::size_t{4} << 20, std::size_t{1} << 20);
    // The helper makes pages present while the caller fills them: what the
    // caller wrote must read back whole, whatever was readied before or after.
    std::vector<std::vector<unsigned char>> blocks;
    for (int round = 0; round < 64; ++round) {
        blocks.emplace_back(std::size_t{48} << 10, static_cast<unsigned char>(round + 1));
        if (round % 8 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));   // the helper idles
    }
    // Idle time for the rest of both stretches (woken for them, the helper
    // needs no other work).
    for (int i = 0; i < 2000 && resdiff::detail::readied_heap_bytes() - before < (std::size_t{5} << 20) - (64 << 10); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    for (int round = 0; round < 64; ++round) {
        const auto& b = blocks[static_cast<std::size_t>(round)];
        const auto expected = static_cast<unsigned char>(round + 1);
        REQUIRE(std::all_of(b.begin(), b.end(), [&](unsigned char c) { return c == expected; }));
    }
    // Both stretches readied, where the system can (Linux 5.14 and later;
    // not under ThreadSanitizer, whose allocator unmaps a large block when it
    // is freed: madvise then finds no stretch to ready, ENOMEM).
    bool can = false;
#if defined(__linux__) && defined(MADV_POPULATE_WRITE) && !defined(__SANITIZE_THREAD__)
    void* probe = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (probe != MAP_FAILED) {
        can = ::madvise(probe, 4096, MADV_POPULATE_WRITE) == 0;
        ::munmap(probe, 4096);
    }
#endif
    if (thread_slots() > 1 && can) {
        // Whole pages of the 4 MB and 1 MB blocks: at most a page less each.
        CHECK(resdiff::detail::readied_heap_bytes() - before >= (std::size_t{5} << 20) - (std::size_t{8} << 10));
    } else {
        CHECK(resdiff::detail::readied_heap_bytes() == before);
    }
    // The helper's own heap, readied on the helper: its work still right.
    std::vector<std::size_t> squares(5000);
    parallel_for(squares.size(), 64, [&](std::size_t begin, std::size_t end, std::size_t) {
        std::vector<std::size_t> local(end - begin);
        for (std::size_t i = begin; i < end; ++i) local[i - begin] = i * i;
        std::copy(local.begin(), local.end(), squares.begin() + static_cast<std::ptrdiff_t>(begin));
    });
    for (std::size_t i = 0; i < squares.size(); ++i) REQUIRE(squares[i] == i * i);
    const std::size_t done = resdiff::detail::readied_heap_bytes();
    resdiff::detail::prepare_heap(0, 0);   // nothing to do
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(resdiff::detail::readied_heap_bytes() == done);
}
