#pragma once
/// A small deterministic pseudo-random generator for the demo data. std:: distributions are
/// not used on purpose: their output is implementation-defined, and the demo must be
/// byte-identical for a seed on every standard library.
#include <cmath>
#include <cstdint>
#include <numbers>

namespace gis::demo {

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and every 64-bit seed is a good seed.
class Prng {
public:
    explicit Prng(std::uint64_t seed) : m_state(seed) {}

    /// The next raw 64-bit value.
    std::uint64_t nextU64() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, 1): the top 53 bits, so every value is exactly representable.
    double uniform01() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }

    /// Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }

    /// Uniform integer in [lo, hi] (inclusive). The modulo bias is negligible for demo ranges.
    int uniformInt(int lo, int hi) {
        const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
        return lo + static_cast<int>(nextU64() % span);
    }

    /// True with probability p.
    bool chance(double p) { return uniform01() < p; }

    /// Normal(mean, sd) by Box–Muller (one value per call; the second is discarded for simplicity).
    double normal(double mean, double sd) {
        double u1 = uniform01();
        if (u1 < 1e-300) u1 = 1e-300;  // log(0) guard
        const double u2 = uniform01();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

    /// A child generator for an independent stream (e.g. one per commune), so adding draws to
    /// one part of the generator does not shift every other part.
    Prng fork(std::uint64_t salt) { return Prng(nextU64() ^ (salt * 0xD1B54A32D192ED03ull)); }

private:
    std::uint64_t m_state;
};

/// Fisher–Yates shuffle with our generator (std::shuffle's algorithm is unspecified).
template <class Vec>
void shuffle(Vec& items, Prng& rng) {
    for (std::size_t i = items.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng.nextU64() % i);
        std::swap(items[i - 1], items[j]);
    }
}

}  // namespace gis::demo
