#include "gis/tess/convex_fan.hpp"

#include "gis/core/planar.hpp"

namespace gis::tess {
namespace {

int signOf(double v) { return (v > 0.0) - (v < 0.0); }

}  // namespace

bool triangulateConvexRing(const Ring& ring, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices) {
    const std::size_t n = ring.size();
    if (n < 3) return false;
    // Convex and simple: every turn has the same sign (or is straight), and walking the ring the
    // x and the y direction each reverse at most twice, i.e. the boundary winds exactly once (a
    // pentagram turns one way throughout but reverses x four times).
    int turn = 0;
    int xReversals = 0, yReversals = 0;
    int lastDx = 0, lastDy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = ring[i == 0 ? n - 1 : i - 1], b = ring[i], c = ring[i + 1 == n ? 0 : i + 1];
        const int s = signOf(triangleArea(a, b, c));
        if (s != 0) {
            if (turn != 0 && s != turn) return false;
            turn = s;
        }
        const int dx = signOf(c.x - b.x), dy = signOf(c.y - b.y);
        if (dx != 0) {
            if (lastDx != 0 && dx != lastDx) ++xReversals;
            lastDx = dx;
        }
        if (dy != 0) {
            if (lastDy != 0 && dy != lastDy) ++yReversals;
            lastDy = dy;
        }
    }
    // Reversals are counted along the ring, missing at most the one across the wrap-around; the
    // cyclic count is even, so at most 2 here means at most 2 around the whole ring.
    if (turn == 0 || xReversals > 2 || yReversals > 2) return false;

    const auto base = static_cast<std::uint32_t>(vertices.size());
    const std::size_t firstIndex = indices.size();
    vertices.insert(vertices.end(), ring.begin(), ring.end());
    for (std::size_t i = 1; i + 1 < n; ++i) {
        if (triangleArea(ring[0], ring[i], ring[i + 1]) == 0.0) continue;
        indices.push_back(base);
        indices.push_back(base + static_cast<std::uint32_t>(i));
        indices.push_back(base + static_cast<std::uint32_t>(i + 1));
    }
    if (indices.size() == firstIndex) {
        vertices.resize(base);
        return false;
    }
    return true;
}

}  // namespace gis::tess
