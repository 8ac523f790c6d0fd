#pragma once
/// Minimal work sharing over an index range, for per-feature jobs whose results are stored per
/// index (so the output does not depend on the thread count or scheduling).
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace gis::tess {

/// Calls fn(i) for every i in [0, count) on `threads` threads (the caller's included). Workers
/// take blocks of indices from a shared counter, which balances uneven features (a 20,000-vertex
/// coastline next to 20-vertex communes) better than a static split.
template <class Fn>
void parallelFor(std::size_t count, unsigned threads, Fn&& fn) {
    constexpr std::size_t kBlock = 64;
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (;;) {
            const std::size_t begin = next.fetch_add(kBlock);
            if (begin >= count) return;
            const std::size_t end = std::min(begin + kBlock, count);
            for (std::size_t i = begin; i < end; ++i) fn(i);
        }
    };
    threads = count > 4 * kBlock ? std::max(1u, threads) : 1u;  // threads only pay off on big layers
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    for (std::thread& t : helpers) t.join();
}

}  // namespace gis::tess
