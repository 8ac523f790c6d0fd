// Distance to facilities at national scale: N villages against M works spread over Vietnam's
// bounding box (deterministic), nearest work through the k-d tree with the WGS 84 geodesic.
// Run on demand (tools/bench.sh distances [N] [M]); the figure goes into the README. Not a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "gis/planning/nearest_site.hpp"

namespace {
using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::vector<gis::planning::LonLat> randomPoints(std::size_t n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(102.1, 109.5), lat(8.5, 23.4);  // mainland Vietnam's box
    std::vector<gis::planning::LonLat> points(n);
    for (auto& p : points) p = {lon(rng), lat(rng)};
    return points;
}
}  // namespace

int main(int argc, char** argv) {
    const std::size_t villages = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    const std::size_t works = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100000;
    const auto queries = randomPoints(villages, 1);
    auto sites = randomPoints(works, 2);
    std::vector<double> runs;
    double checksum = 0, buildSeconds = 0;
    for (int run = 0; run < 5; ++run) {
        const auto start = Clock::now();
        const gis::planning::NearestSite index(sites);
        buildSeconds = since(start);
        checksum = 0;
        for (const auto& q : queries) checksum += index.nearest(q)->metres;
        runs.push_back(since(start));
    }
    std::sort(runs.begin(), runs.end());
    std::printf("distances: %zu villages x %zu works: median %.3f s (min %.3f, max %.3f; index build %.3f s), mean nearest %.0f m\n",
                villages, works, runs[runs.size() / 2], runs.front(), runs.back(), buildSeconds, checksum / static_cast<double>(villages));
    return 0;
}
