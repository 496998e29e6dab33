#include "parallel.hpp"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>

namespace resdiff::detail {

namespace {

// Waits a while before sleeping: on a virtual machine, a thread that sleeps
// lets its CPU halt, and waking a halted CPU took up to a millisecond. The
// pipeline's parallel pieces come a fraction of a millisecond apart. On the
// 65 KB pair, spinning up to about half a millisecond (20,000 pauses) took
// 0.2 ms off a 4.3 ms run; 2,000 pauses were too few, 200,000 no better.
void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
}
constexpr int spin_rounds = 20000;

struct task {
    const std::function<void()>* fn = nullptr;
    std::exception_ptr error;
    std::atomic<bool> done{false};
    bool background = false;  // for the helper's idle time
    bool urgent = false;      // background work needed before the rest
};

thread_local bool on_helper = false;

// Runs `t` on the calling thread, its exception kept in t.error.
void run_here(task& t) {
    try {
        (*t.fn)();
    } catch (...) {
        t.error = std::current_exception();
    }
}

class helper {
public:
    // The process's helper thread, or nullptr when there is one CPU to run on
    // or RESDIFF_THREADS=1. It lives as long as the process: joining it at
    // exit cost the 65 KB pair 0.3 ms (the thread's exit hands its 8 MB
    // stack back to the system first), and nothing is left for it to do by
    // then (every task is waited for).
    static helper* instance() {
        static helper* const the = make().release();
        return the;
    }

    helper(const helper&) = delete;
    helper& operator=(const helper&) = delete;

    void offer(task& t) {
        pin();
        {
            std::lock_guard lock(mutex_);
            if (t.background) {
                if (t.urgent) {
                    background_.push_front(&t);
                } else {
                    background_.push_back(&t);
                }
            } else {
                pending_.push_back(&t);
                foreground_.store(true, std::memory_order_relaxed);
            }
        }
        has_work_.store(true, std::memory_order_release);
        wake_.notify_one();
    }

    // After the caller's own share: `t` is done when this returns, by the
    // helper or, taken back if the helper has not started it, by the caller.
    void complete(task& t) {
        bool taken_back = false;
        {
            std::lock_guard lock(mutex_);
            auto& queue = t.background ? background_ : pending_;
            if (const auto at = std::find(queue.begin(), queue.end(), &t); at != queue.end()) {
                queue.erase(at);
                note_queues();
                taken_back = true;
            }
        }
        if (taken_back) return run_here(t);
        for (int i = 0; i < spin_rounds && !t.done.load(std::memory_order_acquire); ++i) cpu_relax();
        if (!t.done.load(std::memory_order_acquire)) {
            // A long wait: the helper's CPU may be busy with another
            // program, and pinned there the helper could not move to the
            // one this thread is about to leave idle.
            unpin();
            std::unique_lock lock(mutex_);
            finished_.wait(lock, [&] { return t.done.load(std::memory_order_acquire); });
        }
    }

    // On the helper, inside background work: runs the pieces offered since.
    void run_offered() {
        if (!foreground_.load(std::memory_order_relaxed)) return;
        while (true) {
            task* t = nullptr;
            {
                std::lock_guard lock(mutex_);
                if (pending_.empty()) return;
                t = pending_.front();
                pending_.pop_front();
                note_queues();
            }
            run(*t);
        }
    }

private:
    helper(const cpu_set_t& home, const cpu_set_t& allowed)
        : home_(home), allowed_(allowed), thread_([this] { loop(); }) {
        // Pinned from here, before it has work: the new thread does not wait
        // for a turn on its creator's CPU. (Left to pin itself, it often did:
        // the 65 KB pair took 4.6 ms instead of 3.9.)
        pthread_setaffinity_np(thread_.native_handle(), sizeof home_, &home_);
    }

    // Pinned to its own CPU while work is offered; free to move while a
    // caller waits long for it.
    void pin() {
        if (!pinned_.exchange(true)) pthread_setaffinity_np(thread_.native_handle(), sizeof home_, &home_);
    }
    void unpin() {
        if (pinned_.exchange(false)) pthread_setaffinity_np(thread_.native_handle(), sizeof allowed_, &allowed_);
    }

    static std::unique_ptr<helper> make() {
        if (const char* t = std::getenv("RESDIFF_THREADS"); t != nullptr && std::string_view(t) == "1") return nullptr;
        cpu_set_t allowed;
        CPU_ZERO(&allowed);
        if (sched_getaffinity(0, sizeof allowed, &allowed) != 0 || CPU_COUNT(&allowed) < 2) return nullptr;
        const int here = sched_getcpu();
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (!CPU_ISSET(cpu, &allowed) || cpu == here) continue;
            cpu_set_t one;
            CPU_ZERO(&one);
            CPU_SET(cpu, &one);
            try {
                return std::unique_ptr<helper>(new helper(one, allowed));
            } catch (const std::system_error&) {
                return nullptr;  // no thread to be had: everything on the caller's
            }
        }
        return nullptr;
    }

    void loop() {
        on_helper = true;
        while (true) {
            // Briefly busy after each task: the next one usually follows.
            for (int i = 0; i < spin_rounds && !has_work_.load(std::memory_order_acquire); ++i) cpu_relax();
            task* t = nullptr;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [&] { return !pending_.empty() || !background_.empty(); });
                // Offered pieces first: someone waits for them.
                auto& queue = !pending_.empty() ? pending_ : background_;
                t = queue.front();
                queue.pop_front();
                note_queues();
            }
            run(*t);
        }
    }

    void run(task& t) {
        run_here(t);
        {
            // Under the lock: the caller may be between its check and its wait.
            std::lock_guard lock(mutex_);
            t.done.store(true, std::memory_order_release);
        }
        finished_.notify_all();
    }

    // After a queue changed, under the lock.
    void note_queues() {
        foreground_.store(!pending_.empty(), std::memory_order_relaxed);
        has_work_.store(!pending_.empty() || !background_.empty(), std::memory_order_relaxed);
    }

    std::mutex mutex_;
    std::condition_variable wake_, finished_;
    // Offered and not started, oldest first. Tasks can nest (a task's own
    // parallel pieces, run on the caller while the helper is busy with
    // another): each offer waits here until taken or taken back.
    std::deque<task*> pending_;
    std::deque<task*> background_;  // idle-time work, taken when pending_ is empty
    std::atomic<bool> has_work_{false};
    std::atomic<bool> foreground_{false};  // pending_ is not empty
    const cpu_set_t home_, allowed_;
    std::atomic<bool> pinned_{true};
    std::thread thread_;  // last: started once the rest is built; never joined
};

}  // namespace

std::size_t thread_slots() { return helper::instance() != nullptr ? 2 : 1; }

struct background_task::state {
    std::function<void()> fn;
    task t;
    bool waited = false;
};

background_task::background_task(std::function<void()> fn, bool urgent) : state_(std::make_unique<state>()) {
    state_->fn = std::move(fn);
    state_->t.fn = &state_->fn;
    state_->t.background = true;
    state_->t.urgent = urgent;
    if (helper* h = helper::instance()) h->offer(state_->t);
}

background_task::~background_task() {
    if (state_ != nullptr && !state_->waited) {
        try {
            wait();
        } catch (...) {
            // Unwinding already, or nobody asked: the task's error goes.
        }
    }
}

void background_task::wait() {
    state_->waited = true;
    if (helper* h = helper::instance()) {
        h->complete(state_->t);
    } else {
        run_here(state_->t);
    }
    if (state_->t.error) std::rethrow_exception(state_->t.error);
}

void checkpoint() {
    if (on_helper) helper::instance()->run_offered();
}

void run_both(const std::function<void()>& a, const std::function<void()>& b) {
    helper* h = helper::instance();
    if (h == nullptr) {
        a();
        b();
        return;
    }
    task t;
    t.fn = &a;
    h->offer(t);
    std::exception_ptr mine;
    try {
        b();
    } catch (...) {
        mine = std::current_exception();
    }
    h->complete(t);
    if (t.error) std::rethrow_exception(t.error);
    if (mine) std::rethrow_exception(mine);
}

void parallel_for(std::size_t n, std::size_t grain,
                  const std::function<void(std::size_t begin, std::size_t end, std::size_t slot)>& fn) {
    grain = std::max<std::size_t>(grain, 1);
    std::atomic<std::size_t> next{0};
    const auto share = [&](std::size_t slot) {
        while (true) {
            const std::size_t begin = next.fetch_add(grain, std::memory_order_relaxed);
            if (begin >= n) return;
            fn(begin, std::min(n, begin + grain), slot);
        }
    };
    helper* h = n > grain ? helper::instance() : nullptr;
    if (h == nullptr) {
        share(0);
        return;
    }
    const std::function<void()> theirs = [&] { share(1); };
    task t;
    t.fn = &theirs;
    h->offer(t);
    std::exception_ptr mine;
    try {
        share(0);
    } catch (...) {
        mine = std::current_exception();
        next.store(n, std::memory_order_relaxed);  // no more ranges for anyone
    }
    // (Taken back unstarted, it finds nothing left: the caller's share ends
    // only when every range is claimed.)
    h->complete(t);
    if (mine) std::rethrow_exception(mine);
    if (t.error) std::rethrow_exception(t.error);
}

}  // namespace resdiff::detail
