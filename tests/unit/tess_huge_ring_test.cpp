// Huge lines and rings are simplified piecewise (bounded cost); the result must still be a
// Douglas–Peucker result: a subsequence of the input with every dropped vertex within tolerance
// of the segment that replaced it, and far fewer vertices than the input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "gis/tess/douglas_peucker.hpp"

namespace {

double distanceToSegment(gis::Vec2 p, gis::Vec2 a, gis::Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

/// A wavy line of `n` vertices: 3,000 waves of ±16 km along 350 km (metres).
gis::LineString wavyLine(std::size_t n) {
    gis::LineString line;
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / static_cast<double>(n - 1);
        line.push_back({350e3 * t, 16e3 * std::sin(2 * M_PI * 3000 * t)});
    }
    return line;
}

}  // namespace

TEST_CASE("tess: a 300,000-vertex wavy line is simplified within tolerance, piece by piece", "[tess]") {
    const gis::LineString line = wavyLine(300000);
    const double tolerance = 153.0;  // 1 px of a 1000 px frame over this extent
    const gis::LineString simple = gis::tess::simplifyLine(line, tolerance);
    CHECK(simple.size() < line.size() / 10);
    CHECK(simple.size() > 2 * 3000);  // every wave keeps its crest and trough
    REQUIRE(simple.front().x == line.front().x);
    REQUIRE(simple.back().x == line.back().x);
    // Walk the input: each vertex is either the next kept one or lies within tolerance of the
    // segment between the kept vertices around it.
    std::size_t kept = 0;
    double worst = 0.0;
    for (const gis::Vec2& p : line) {
        if (kept + 1 < simple.size() && p.x == simple[kept + 1].x && p.y == simple[kept + 1].y) {
            ++kept;
            continue;
        }
        if (kept + 1 < simple.size()) worst = std::max(worst, distanceToSegment(p, simple[kept], simple[kept + 1]));
    }
    CHECK(kept == simple.size() - 1);  // a subsequence, in order
    CHECK(worst <= tolerance);
}
