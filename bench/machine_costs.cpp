// resdiff_machine_costs [ROUNDS]: what two costs that decide resdiff's
// whole-process time are on this machine, printed by scripts/bench next to
// the figures (docs/benchmarks.md, run 14):
//  - a new page of memory (mapped, written once, unmapped), taken by one
//    thread alone and by two threads at the same time;
//  - starting a thread on the other CPU: how long until it runs, after the
//    CPUs were left idle for a moment (a virtual machine may have halted the
//    other one), median and share of starts later than 0.5 ms.
// No part of resdiff is used: these are the machine's figures.
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

double micros(clock_type::time_point a, clock_type::time_point b) {
    return std::chrono::duration<double, std::micro>(b - a).count();
}

// Microseconds per page to map `pages` pages, write a byte in each and unmap
// them, `rounds` times; -1 when the system refuses the mapping.
double page_cost(std::size_t pages, int rounds) {
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t bytes = pages * page;
    const auto start = clock_type::now();
    for (int r = 0; r < rounds; ++r) {
        void* block = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (block == MAP_FAILED) return -1;
        auto* p = static_cast<volatile char*>(block);
        for (std::size_t at = 0; at < bytes; at += page) p[at] = 1;
        ::munmap(block, bytes);
    }
    return micros(start, clock_type::now()) / static_cast<double>(pages * static_cast<std::size_t>(rounds));
}

std::atomic<bool> started{false};

// Microseconds from asking for a thread pinned to `cpu` to its first step;
// -1 when it cannot be had.
double thread_start(int cpu) {
    started.store(false);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    pthread_attr_setaffinity_np(&attr, sizeof one, &one);
    const auto asked = clock_type::now();
    pthread_t thread;
    const int rc = pthread_create(
        &thread, &attr,
        [](void*) -> void* {
            started.store(true, std::memory_order_release);
            return nullptr;
        },
        nullptr);
    pthread_attr_destroy(&attr);
    if (rc != 0) return -1;
    while (!started.load(std::memory_order_acquire)) {
    }
    const double waited = micros(asked, clock_type::now());
    pthread_join(thread, nullptr);
    return waited;
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    constexpr std::size_t pages = 1024;  // 4 MB: about what the 200 KB pair takes
    const double alone = page_cost(pages, rounds);
    double first = 0, second = 0;
    {
        std::thread other([&] { first = page_cost(pages, rounds); });
        second = page_cost(pages, rounds);
        other.join();
    }
    std::printf("a new page: %.2f us alone, %.2f us each on two threads at once\n", alone,
                (first + second) / 2);

    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0 || CPU_COUNT(&allowed) < 2) {
        std::printf("thread start: one CPU only\n");
        return 0;
    }
    const int here = sched_getcpu();
    int cpu = 0;
    while (cpu < CPU_SETSIZE && (!CPU_ISSET(cpu, &allowed) || cpu == here)) ++cpu;
    std::vector<double> waits;
    for (int r = 0; r < rounds; ++r) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // both CPUs idle for a moment
        if (const double w = thread_start(cpu); w >= 0) waits.push_back(w);
    }
    if (waits.empty()) return 0;
    std::sort(waits.begin(), waits.end());
    const auto late = std::count_if(waits.begin(), waits.end(), [](double w) { return w > 500; });
    std::printf(
        "thread start on the other CPU after 20 ms idle: median %.0f us, %ld of %zu later than 0.5 ms\n",
        waits[waits.size() / 2], static_cast<long>(late), waits.size());
    return 0;
}
