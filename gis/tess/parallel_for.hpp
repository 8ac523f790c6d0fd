#pragma once
/// Minimal work sharing over an index range, for per-feature jobs whose results are stored per
/// index (so the output does not depend on the thread count or scheduling).
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace gis::tess {

constexpr std::size_t kParallelBlock = 64;

/// How many threads parallelFor uses for `count` jobs when offered `threads`: threads only pay
/// off on big layers.
inline unsigned parallelWorkers(std::size_t count, unsigned threads) {
    return count > 4 * kParallelBlock ? std::max(1u, threads) : 1u;
}

/// Calls fn(worker, i) for every i in [0, count) on parallelWorkers(count, threads) threads, the
/// caller's being worker 0: for jobs that need an object of their thread's own (a PROJ
/// transformer is tied to one thread's context). Workers take blocks of indices from a shared
/// counter, which balances uneven features (a 20,000-vertex coastline next to 20-vertex
/// communes) better than a static split.
template <class Fn>
void parallelForWorkers(std::size_t count, unsigned threads, Fn&& fn) {
    std::atomic<std::size_t> next{0};
    auto work = [&](unsigned worker) {
        for (;;) {
            const std::size_t begin = next.fetch_add(kParallelBlock);
            if (begin >= count) return;
            const std::size_t end = std::min(begin + kParallelBlock, count);
            for (std::size_t i = begin; i < end; ++i) fn(worker, i);
        }
    };
    threads = parallelWorkers(count, threads);
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work, t);
    work(0);
    for (std::thread& t : helpers) t.join();
}

/// Calls fn(i) for every i in [0, count) on `threads` threads (the caller's included).
template <class Fn>
void parallelFor(std::size_t count, unsigned threads, Fn&& fn) {
    parallelForWorkers(count, threads, [&fn](unsigned, std::size_t i) { fn(i); });
}

}  // namespace gis::tess
