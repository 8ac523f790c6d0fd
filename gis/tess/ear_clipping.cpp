#include "gis/tess/ear_clipping.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "gis/core/planar.hpp"

namespace gis::tess {
namespace {

struct EdgeBox {
    double minX, maxX, minY, maxY;
};

/// Whether edges i (ring[i] → ring[i+1]) and j of the ring may meet: they cross, touch, overlap,
/// or are too close to tell. Certainly apart returns false. Their boxes are known to overlap.
bool edgesMayMeet(const Ring& ring, std::size_t i, std::size_t j) {
    const std::size_t n = ring.size();
    const Vec2 a = ring[i], b = ring[i + 1 == n ? 0 : i + 1], c = ring[j], d = ring[j + 1 == n ? 0 : j + 1];
    const int o1 = certainOrientation(a, b, c), o2 = certainOrientation(a, b, d);
    const int o3 = certainOrientation(c, d, a), o4 = certainOrientation(c, d, b);
    if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0) return true;  // collinear or too close to tell, boxes overlapping
    return o1 != o2 && o3 != o4;
}

/// No turn straight or too close to tell (which also rules out a repeated vertex and a fold-back),
/// and no two non-adjacent edges that may meet: every pair is tested, boxes first, which at this
/// size costs less than setting up a sweep.
bool certainlySimple(const Ring& ring) {
    const std::size_t n = ring.size();
    std::array<EdgeBox, kEarClipMaxVertices> boxes;
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = ring[i == 0 ? n - 1 : i - 1], b = ring[i], c = ring[i + 1 == n ? 0 : i + 1];
        if (certainOrientation(a, b, c) == 0) return false;
        boxes[i] = {std::min(b.x, c.x), std::max(b.x, c.x), std::min(b.y, c.y), std::max(b.y, c.y)};
    }
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 2; j < n; ++j) {
            if (i == 0 && j == n - 1) continue;  // adjacent across the wrap-around
            const EdgeBox& p = boxes[i];
            const EdgeBox& q = boxes[j];
            if (p.maxX < q.minX || q.maxX < p.minX || p.maxY < q.minY || q.maxY < p.minY) continue;
            if (edgesMayMeet(ring, i, j)) return false;
        }
    return true;
}

/// The ring's vertices as a doubly linked list walked counter-clockwise, so that a convex turn is
/// a left turn whatever the ring's stored orientation.
struct RemainingVertices {
    std::array<std::uint32_t, kEarClipMaxVertices> next{};
    std::array<std::uint32_t, kEarClipMaxVertices> prev{};

    RemainingVertices(std::size_t n, bool counterClockwise) {
        for (std::size_t i = 0; i < n; ++i) {
            const auto after = static_cast<std::uint32_t>(i + 1 == n ? 0 : i + 1);
            const auto before = static_cast<std::uint32_t>(i == 0 ? n - 1 : i - 1);
            next[i] = counterClockwise ? after : before;
            prev[i] = counterClockwise ? before : after;
        }
    }
    void remove(std::uint32_t v) {
        next[prev[v]] = next[v];
        prev[next[v]] = prev[v];
    }
};

/// u → v → w is an ear: a certain left turn, and no other remaining vertex inside the triangle or
/// on it (a vertex too close to an edge to tell counts as on it). A vertex outside the triangle's
/// box is outside it: most are rejected by that alone, before any orientation.
bool isEar(const Ring& ring, const RemainingVertices& list, std::uint32_t u, std::uint32_t v, std::uint32_t w) {
    const Vec2 a = ring[u], b = ring[v], c = ring[w];
    if (certainOrientation(a, b, c) <= 0) return false;
    const double minX = std::min({a.x, b.x, c.x}), maxX = std::max({a.x, b.x, c.x});
    const double minY = std::min({a.y, b.y, c.y}), maxY = std::max({a.y, b.y, c.y});
    for (std::uint32_t q = list.next[w]; q != u; q = list.next[q]) {
        const Vec2 p = ring[q];
        if (p.x < minX || p.x > maxX || p.y < minY || p.y > maxY) continue;
        const bool outside = certainOrientation(a, b, p) < 0 || certainOrientation(b, c, p) < 0 || certainOrientation(c, a, p) < 0;
        if (!outside) return false;
    }
    return true;
}

}  // namespace

bool triangulateRingByEars(const Ring& ring, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices) {
    const std::size_t n = ring.size();
    if (n < 3 || n > kEarClipMaxVertices || !certainlySimple(ring)) return false;
    const double area = ringArea(ring);
    if (!(area != 0.0) || !std::isfinite(area)) return false;

    const auto base = static_cast<std::uint32_t>(vertices.size());
    const std::size_t firstIndex = indices.size();
    auto giveUp = [&] {
        indices.resize(firstIndex);
        return false;
    };
    RemainingVertices list(n, area > 0.0);
    double triangleAreas = 0.0;
    auto emit = [&](std::uint32_t u, std::uint32_t v, std::uint32_t w) {
        indices.insert(indices.end(), {base + u, base + v, base + w});
        triangleAreas += triangleArea(ring[u], ring[v], ring[w]);
    };
    std::size_t left = n;
    std::uint32_t v = 0;
    std::size_t triedSinceLastEar = 0;
    while (left > 3) {
        // A whole turn round the remaining vertices without an ear: numerically too close to
        // call (in exact arithmetic a simple polygon always has one).
        if (triedSinceLastEar > left) return giveUp();
        const std::uint32_t u = list.prev[v], w = list.next[v];
        if (!isEar(ring, list, u, v, w)) {
            v = w;
            ++triedSinceLastEar;
            continue;
        }
        emit(u, v, w);
        list.remove(v);
        --left;
        v = u;
        triedSinceLastEar = 0;
    }
    const std::uint32_t u = list.prev[v], w = list.next[v];
    if (certainOrientation(ring[u], ring[v], ring[w]) <= 0) return giveUp();
    emit(u, v, w);
    // The triangles must cover the ring exactly once: a check against any case the tests above
    // let through wrongly.
    if (std::abs(triangleAreas - std::abs(area)) > 1e-9 * std::abs(area)) return giveUp();
    vertices.insert(vertices.end(), ring.begin(), ring.end());
    return true;
}

}  // namespace gis::tess
