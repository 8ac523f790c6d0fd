#include "gis/tess/douglas_peucker.hpp"

#include <algorithm>
#include <utility>

namespace gis::tess {
namespace {

/// Squared distance from p to segment ab (to the point a when a == b, as for a closed line).
double segmentDistanceSquared(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0.0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

/// Interior vertex of points[first..last] farthest from the chord, and its squared distance.
std::pair<std::size_t, double> farthestFromChord(const std::vector<Vec2>& points, std::size_t first, std::size_t last) {
    std::size_t best = first;
    double bestD2 = -1.0;
    for (std::size_t k = first + 1; k < last; ++k) {
        const double d2 = segmentDistanceSquared(points[k], points[first], points[last]);
        if (d2 > bestD2) {
            bestD2 = d2;
            best = k;
        }
    }
    return {best, bestD2};
}

/// Marks in `keep` the vertices Douglas–Peucker keeps strictly between first and last.
void markDouglasPeuckerRange(const std::vector<Vec2>& points, std::size_t first, std::size_t last, double toleranceSquared,
                        std::vector<std::uint8_t>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> stack;
    stack.emplace_back(first, last);
    while (!stack.empty()) {
        const auto [i, j] = stack.back();
        stack.pop_back();
        if (j <= i + 1) continue;
        const auto [k, d2] = farthestFromChord(points, i, j);
        if (d2 <= toleranceSquared) continue;  // everything between i and j is within tolerance
        keep[k] = 1;
        stack.emplace_back(i, k);
        stack.emplace_back(k, j);
    }
}

/// Douglas–Peucker is quadratic at worst: on a strongly wavy ring each split peels off a few
/// vertices, and a 1,000,000-vertex ring took seconds per level. Above kHugeRange vertices the
/// range is cut into pieces of kPieceSize whose ends are kept (real vertices, so the result is
/// still within tolerance; at most one extra vertex per piece), which bounds the cost to
/// O(n · kPieceSize) and in practice O(n log kPieceSize). Ordinary rings (communes have a few
/// thousand vertices) are simplified exactly as before.
constexpr std::size_t kHugeRange = 65536;
constexpr std::size_t kPieceSize = 1024;

void markDouglasPeucker(const std::vector<Vec2>& points, std::size_t first, std::size_t last, double toleranceSquared,
                        std::vector<std::uint8_t>& keep) {
    if (last - first <= kHugeRange) {
        markDouglasPeuckerRange(points, first, last, toleranceSquared, keep);
        return;
    }
    for (std::size_t begin = first; begin < last; begin += kPieceSize) {
        const std::size_t end = std::min(begin + kPieceSize, last);
        keep[begin] = keep[end] = 1;
        markDouglasPeuckerRange(points, begin, end, toleranceSquared, keep);
    }
}

/// Collects the kept vertices in order.
std::vector<Vec2> gather(const std::vector<Vec2>& points, const std::vector<std::uint8_t>& keep, std::size_t count) {
    std::vector<Vec2> out;
    for (std::size_t k = 0; k < count; ++k)
        if (keep[k]) out.push_back(points[k]);
    return out;
}

/// The ring's first vertex of minimal x (then y): an anchor independent of the ring's start.
std::size_t lowestLeft(const Ring& ring) {
    std::size_t a = 0;
    for (std::size_t k = 1; k < ring.size(); ++k)
        if (ring[k].x < ring[a].x || (ring[k].x == ring[a].x && ring[k].y < ring[a].y)) a = k;
    return a;
}

/// For a ring smaller than the tolerance: its vertices of extreme x and y, in ring order.
Ring extremePoints(const Ring& ring) {
    std::size_t minX = 0, maxX = 0, minY = 0, maxY = 0;
    for (std::size_t k = 1; k < ring.size(); ++k) {
        if (ring[k].x < ring[minX].x) minX = k;
        if (ring[k].x > ring[maxX].x) maxX = k;
        if (ring[k].y < ring[minY].y) minY = k;
        if (ring[k].y > ring[maxY].y) maxY = k;
    }
    std::size_t picks[] = {minX, minY, maxX, maxY};
    std::sort(std::begin(picks), std::end(picks));
    Ring out;
    for (std::size_t i = 0; i < 4; ++i)
        if (i == 0 || picks[i] != picks[i - 1]) out.push_back(ring[picks[i]]);
    return out;
}

}  // namespace

LineString simplifyLine(const LineString& line, double tolerance) {
    const std::size_t n = line.size();
    if (n < 3 || !(tolerance > 0.0)) return line;
    std::vector<std::uint8_t> keep(n, 0);
    keep[0] = keep[n - 1] = 1;
    markDouglasPeucker(line, 0, n - 1, tolerance * tolerance, keep);
    return gather(line, keep, n);
}

Ring simplifyRing(const Ring& ring, double tolerance, RingRole role) {
    const std::size_t n = ring.size();
    if (!(tolerance > 0.0) || n == 0) return ring;
    Bounds bounds;
    for (const Vec2& p : ring) bounds.expand(p);
    const bool tiny = bounds.width() < tolerance && bounds.height() < tolerance;
    if (tiny && role == RingRole::Hole) return {};  // a hole below a pixel cannot be seen
    if (n <= 4) return ring;
    if (tiny) {
        // Collapse to its extreme points so the feature still shows as a dot of the right extent.
        Ring extremes = extremePoints(ring);
        if (extremes.size() >= 3) return extremes;
        // Two extremes only (a diagonal sliver): fall through to the 4 most significant vertices.
    }

    // Rotate so the anchor is vertex 0 and close the ring (points[n] == points[0]): both halves
    // are then plain index ranges.
    const std::size_t a = lowestLeft(ring);
    std::vector<Vec2> points;
    points.reserve(n + 1);
    points.insert(points.end(), ring.begin() + static_cast<std::ptrdiff_t>(a), ring.end());
    points.insert(points.end(), ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(a));
    points.push_back(points[0]);

    std::size_t b = 0;  // the vertex farthest from the anchor
    double farthest = -1.0;
    for (std::size_t k = 1; k < n; ++k) {
        const double dx = points[k].x - points[0].x, dy = points[k].y - points[0].y;
        if (dx * dx + dy * dy > farthest) {
            farthest = dx * dx + dy * dy;
            b = k;
        }
    }
    if (!(farthest > 0.0)) return ring;  // every vertex at one point: nothing to simplify

    std::vector<std::uint8_t> keep(n + 1, 0);
    keep[0] = keep[b] = keep[n] = 1;
    const double toleranceSquared = tiny ? 1e300 : tolerance * tolerance;
    markDouglasPeucker(points, 0, b, toleranceSquared, keep);
    markDouglasPeucker(points, b, n, toleranceSquared, keep);

    std::size_t kept = 0;
    for (std::size_t k = 0; k < n; ++k) kept += keep[k];
    if (kept < 4) {
        // Keep the 4 most significant vertices: in each half that kept no interior vertex, the
        // one farthest from the chord (when off it), so a ring never degenerates to a sliver.
        for (const auto& [first, last] : {std::pair<std::size_t, std::size_t>{0, b}, {b, n}}) {
            if (std::any_of(keep.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                            keep.begin() + static_cast<std::ptrdiff_t>(last), [](std::uint8_t k) { return k != 0; }))
                continue;
            const auto [k, d2] = farthestFromChord(points, first, last);
            if (d2 > 0.0) keep[k] = 1;
        }
    }
    return gather(points, keep, n);
}

}  // namespace gis::tess
