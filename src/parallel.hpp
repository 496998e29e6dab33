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

}  // namespace resdiff::detail
