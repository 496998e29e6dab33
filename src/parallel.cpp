#include "parallel.hpp"

#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

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
    // Detached work (run_detached): nobody waits; `drop(owner)` frees the
    // task and what it holds once it has run.
    void* owner = nullptr;
    void (*drop)(void*) = nullptr;
};

// A stretch of free heap whose pages are made present in the helper's idle
// time (prepare_heap).
struct stretch {
    char* at = nullptr;
    std::size_t left = 0;
};

// Pages made present at a time between two checks for work: 16 KiB, four
// page faults' worth (about 6 us).
constexpr std::size_t ready_step_bytes = std::size_t{16} << 10;

// The free heap of the calling thread grown to at least `bytes` past its
// current end: a block allocated and freed at once, kept by the allocator
// (main() tells glibc never to give memory back or to map large blocks on
// their own; otherwise the stretch is no longer mapped and readying it
// fails harmlessly). The whole pages of the block.
stretch grown_heap(std::size_t bytes) {
    void* block = std::malloc(bytes);
    if (block == nullptr) return {};
    const auto begin = reinterpret_cast<std::uintptr_t>(block);
    std::free(block);
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const std::uintptr_t from = (begin + page - 1) & ~(page - 1);
    const std::uintptr_t to = (begin + bytes) & ~(page - 1);
    return {reinterpret_cast<char*>(from), to > from ? static_cast<std::size_t>(to - from) : 0};
}

enum class readied { done, failed, unsupported };

// Makes the pages of [at, at + n) present and writable without writing
// to them (what is in them stays as it is, whoever is using them).
readied make_present(char* at, std::size_t n) {
#if defined(MADV_POPULATE_WRITE)
    if (::madvise(at, n, MADV_POPULATE_WRITE) == 0) return readied::done;
    return errno == EINVAL ? readied::unsupported : readied::failed;
#else
    (void)at, (void)n;
    return readied::unsupported;
#endif
}

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

    // Queues the stretch `s` of a caller's heap and `own` bytes of the
    // helper's own heap (grown first, on the helper) to be readied in its
    // idle time.
    void ready(stretch s, std::size_t own) {
        {
            std::lock_guard lock(mutex_);
            if (!can_ready_ || (s.left == 0 && own == 0)) return;
            if (s.left > 0) stretches_.push_back(s);
            own_bytes_ += own;
            readying_.store(true, std::memory_order_relaxed);  // under the lock: a sleeping helper sees it
        }
        wake_.notify_one();
    }

    std::size_t readied_total() const { return readied_.load(std::memory_order_relaxed); }

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
    helper(const cpu_set_t& home, const cpu_set_t& allowed) : home_(home), allowed_(allowed) {
        // Born pinned to its own CPU. Left to pin itself, the new thread often
        // waited for a turn on its creator's CPU (the 65 KB pair took 4.6 ms
        // instead of 3.9); pinned by its creator once started, it often ran
        // there first, spinning while its creator waited to go on (starting
        // it took 0.6 ms instead of 0.06 in two runs out of three).
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setaffinity_np(&attr, sizeof home_, &home_);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        const int rc = pthread_create(
            &thread_, &attr,
            [](void* self) -> void* {
                static_cast<helper*>(self)->loop();
                return nullptr;
            },
            this);
        pthread_attr_destroy(&attr);
        if (rc != 0) throw std::system_error(rc, std::generic_category(), "cannot start a thread");
    }

    // Pinned to its own CPU while work is offered; free to move while a
    // caller waits long for it.
    void pin() {
        if (!pinned_.exchange(true)) pthread_setaffinity_np(thread_, sizeof home_, &home_);
    }
    void unpin() {
        if (pinned_.exchange(false)) pthread_setaffinity_np(thread_, sizeof allowed_, &allowed_);
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
            // Meanwhile heap is readied, a step at a time.
            for (int i = 0; i < spin_rounds && !has_work_.load(std::memory_order_acquire); ++i) {
                if (!readying_.load(std::memory_order_relaxed) || !ready_step()) cpu_relax();
            }
            task* t = nullptr;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [&] {
                    return !pending_.empty() || !background_.empty() || readying_.load(std::memory_order_relaxed);
                });
                if (pending_.empty() && background_.empty()) continue;  // woken to ready heap
                // Offered pieces first: someone waits for them.
                auto& queue = !pending_.empty() ? pending_ : background_;
                t = queue.front();
                queue.pop_front();
                note_queues();
            }
            run(*t);
        }
    }

    // Readies one step of the first stretch (the stretches take turns: the
    // caller and the helper both allocate); false when there is none left.
    bool ready_step() {
        std::unique_lock lock(mutex_);
        if (own_bytes_ > 0) {
            const std::size_t own = std::exchange(own_bytes_, 0);
            lock.unlock();
            const stretch mine = grown_heap(own);
            lock.lock();
            if (mine.left > 0) stretches_.push_back(mine);
        }
        if (stretches_.empty()) {
            readying_.store(false, std::memory_order_relaxed);
            return false;
        }
        stretch s = stretches_.front();
        stretches_.erase(stretches_.begin());
        const std::size_t n = std::min(s.left, ready_step_bytes);
        lock.unlock();
        const readied r = make_present(s.at, n);
        lock.lock();
        if (r == readied::unsupported) {
            can_ready_ = false;
            stretches_.clear();
            own_bytes_ = 0;
        } else if (r == readied::done) {
            readied_.fetch_add(n, std::memory_order_relaxed);
            if (s.left > n) stretches_.push_back({s.at + n, s.left - n});
        }
        return true;
    }

    void run(task& t) {
        run_here(t);
        if (t.drop != nullptr) {
            t.drop(t.owner);  // detached: nobody waits
            return;
        }
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
    // Heap to ready in idle time (prepare_heap), under mutex_.
    std::vector<stretch> stretches_;
    std::size_t own_bytes_ = 0;
    bool can_ready_ = true;   // false once the system said it cannot
    std::atomic<bool> readying_{false};   // there may be some
    std::atomic<std::size_t> readied_{0};   // bytes made present so far
    std::atomic<bool> foreground_{false};  // pending_ is not empty
    const cpu_set_t home_, allowed_;
    std::atomic<bool> pinned_{true};
    pthread_t thread_{};  // started once the rest is built; never joined
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

void run_detached(std::function<void()> fn) {
    helper* h = helper::instance();
    if (h == nullptr) {
        task here;
        here.fn = &fn;
        run_here(here);  // its error, if any, goes with it: nobody to tell, as on the helper
        return;
    }
    struct detached {
        std::function<void()> fn;
        task t;
    };
    auto* d = new detached{std::move(fn), {}};
    d->t.fn = &d->fn;
    d->t.background = true;
    d->t.owner = d;
    d->t.drop = [](void* owner) { delete static_cast<detached*>(owner); };
    h->offer(d->t);
}

void prepare_heap(std::size_t caller_bytes, std::size_t helper_bytes) {
    helper* h = helper::instance();
    if (h == nullptr) return;
    h->ready(caller_bytes > 0 ? grown_heap(caller_bytes) : stretch{}, helper_bytes);
}

std::size_t readied_heap_bytes() {
    helper* h = helper::instance();
    return h != nullptr ? h->readied_total() : 0;
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
