// Two threads for the pipeline's independent pieces: reading the two
// documents, parts of the alignment, the word diff and classification of the
// units, and in the background the citations and the documents' JSON.
//
// One helper thread, started on first use and kept until the process exits,
// pinned to another CPU than the one that started it (left to the scheduler,
// a new thread was often queued behind its creator on the same CPU, and the
// two halves ran one after the other). The caller always works too: a task
// the helper has not started when the caller is done with its own share is
// taken back and run by the caller, so a busy or missing second CPU costs
// nothing but the offer. With one CPU, or RESDIFF_THREADS=1, everything runs
// on the caller's thread.
//
// Results never depend on which thread did what: callers give each task its
// own output slot and scratch space (`slot` 0 is the caller, 1 the offered
// share, whoever runs it) and merge in a fixed order. An exception is
// rethrown on the caller's thread. Any thread may call these at any time
// (history compares on threads of its own, and pieces nest): offers queue
// for the helper, and one not started when its caller is done is run by
// the caller.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace resdiff::detail {

// 2 when a helper thread is available, else 1.
std::size_t thread_slots();

// Runs `a` and `b`, at the same time when a helper is available (`a` on the
// helper), and returns when both are done. If both throw, `a`'s exception
// is rethrown.
void run_both(const std::function<void()>& a, const std::function<void()>& b);

// Calls fn(begin, end, slot) on consecutive ranges of at most `grain`
// indexes covering [0, n), claimed in order by the caller and the helper.
void parallel_for(std::size_t n, std::size_t grain,
                  const std::function<void(std::size_t begin, std::size_t end, std::size_t slot)>& fn);

// Work for the helper's idle time, started when no piece offered by
// run_both or parallel_for waits; pieces offered while it runs go first, at
// its next checkpoint(). wait() returns when it is done, and runs it on the
// caller if the helper never started it (with one CPU: there and then).
class background_task {
public:
    // `urgent`: started before the background work offered earlier (which
    // is needed later).
    explicit background_task(std::function<void()> fn, bool urgent = false);
    background_task(const background_task&) = delete;
    background_task& operator=(const background_task&) = delete;
    ~background_task();  // waits, if wait() was not called
    void wait();         // rethrows the task's exception

private:
    struct state;
    std::unique_ptr<state> state_;
};

// Called by background work between its steps (cheap): on the helper,
// runs the pieces offered since, so that their callers need not wait for
// the background work or do the pieces alone.
void checkpoint();

// Runs `fn` in the helper's idle time and does not wait for it: work whose
// end nobody needs to see, which a process may exit in the middle of (with
// no helper, it runs here and now). An exception it throws is dropped.
void run_detached(std::function<void()> fn);

// Frees `value` so (a comparison about to be dropped by a process that is
// done: 0.06 ms of frees on the 65 KB pair, 0.2 ms on the 200 KB pair).
template <class T>
void destroy_detached(T value) {
    auto held = std::make_shared<T>(std::move(value));
    run_detached([held]() mutable { held.reset(); });
}

// Readies, in the helper's idle time, memory about to be allocated: the
// next `caller_bytes` of the calling thread's heap and `helper_bytes` of
// the helper's. A first write to a page of memory costs a page fault (1.5
// us on the virtual machines measured; a 65 KB comparison touches 450 new
// pages, a 200 KB one 1,300), and the helper spends much of its time
// waiting for the next piece of work. Each heap is grown by its share (a
// block allocated and freed at once: the allocator keeps it, as main()
// tells glibc not to give memory back) and its pages made present ahead of
// the allocations, without writing to them (Linux's MADV_POPULATE_WRITE;
// elsewhere, or on older kernels, nothing is done). Costs up to that much
// memory that may go unused. The helper's share makes it allocate (and so
// choose its heap) the first time it gets to it.
void prepare_heap(std::size_t caller_bytes, std::size_t helper_bytes);
// The bytes of heap made present so far (0 without a helper).
std::size_t readied_heap_bytes();

}  // namespace resdiff::detail
