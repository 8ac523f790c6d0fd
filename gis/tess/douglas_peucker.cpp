#include "gis/tess/douglas_peucker.hpp"

#include <algorithm>
#include <limits>
#include <tuple>
#include <utility>

#include "gis/core/per_thread.hpp"

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
/// The vertices are ranked by their squared distance times the chord's squared length, which
/// needs no division: a vertex beside the chord scores its cross product squared, one past an
/// end its squared distance to that end times the length. One division at the end gives the
/// distance. (This function was a tenth of load_bench's samples; without the division per vertex
/// its mesh phase fell from 62 to 57.5 ms on the 10,000 communes.)
std::pair<std::size_t, double> farthestFromChord(const std::vector<Vec2>& points, std::size_t first, std::size_t last) {
    const Vec2 a = points[first], b = points[last];
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    if (!(len2 > 0.0)) {  // a closed line: distances to the one end
        std::size_t best = first;
        double bestD2 = -1.0;
        for (std::size_t k = first + 1; k < last; ++k) {
            const double d2 = segmentDistanceSquared(points[k], a, b);
            if (d2 > bestD2) {
                bestD2 = d2;
                best = k;
            }
        }
        return {best, bestD2};
    }
    std::size_t best = first;
    double bestScore = -1.0;
    for (std::size_t k = first + 1; k < last; ++k) {
        const double px = points[k].x - a.x, py = points[k].y - a.y;
        const double along = px * dx + py * dy;
        double score;
        if (along <= 0.0) {
            score = (px * px + py * py) * len2;
        } else if (along >= len2) {
            const double qx = points[k].x - b.x, qy = points[k].y - b.y;
            score = (qx * qx + qy * qy) * len2;
        } else {
            const double cross = px * dy - py * dx;
            score = cross * cross;
        }
        if (score > bestScore) {
            bestScore = score;
            best = k;
        }
    }
    return {best, best == first ? -1.0 : segmentDistanceSquared(points[best], a, b)};
}

/// Marks in `keep` the vertices Douglas–Peucker keeps strictly between first and last.
void markDouglasPeuckerRange(const std::vector<Vec2>& points, std::size_t first, std::size_t last, double toleranceSquared,
                        std::vector<std::uint8_t>& keep) {
    auto& stack = perThread<std::vector<std::pair<std::size_t, std::size_t>>>();  // reused: one ring after another, no allocation
    stack.clear();
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
    std::size_t kept = 0;
    for (std::size_t k = 0; k < count; ++k) kept += keep[k] ? 1 : 0;
    std::vector<Vec2> out;
    out.reserve(kept);
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

/// A ring rotated so its lowest-left vertex is vertex 0 and closed (points[n] == points[0]), so
/// both halves of the split are plain index ranges; `farthest` is the vertex farthest from the
/// anchor (0 when every vertex is at one point: nothing to simplify).
struct AnchoredRing {
    std::vector<Vec2> points;
    std::size_t farthest = 0;
};

AnchoredRing anchorRing(const Ring& ring) {
    const std::size_t n = ring.size();
    const std::size_t a = lowestLeft(ring);
    AnchoredRing out;
    out.points.reserve(n + 1);
    out.points.insert(out.points.end(), ring.begin() + static_cast<std::ptrdiff_t>(a), ring.end());
    out.points.insert(out.points.end(), ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(a));
    out.points.push_back(out.points[0]);
    double farthest = 0.0;
    for (std::size_t k = 1; k < n; ++k) {
        const double dx = out.points[k].x - out.points[0].x, dy = out.points[k].y - out.points[0].y;
        if (dx * dx + dy * dy > farthest) {
            farthest = dx * dx + dy * dy;
            out.farthest = k;
        }
    }
    return out;
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

/// The significance of every interior vertex of points[first..last] that Douglas–Peucker keeps
/// at some tolerance whose square exceeds `floorSquared`: the vertex is kept at tolerance t
/// exactly when its key exceeds t², its key being the smaller of its own chord distance² and its
/// parent split's key (a vertex is kept when it and every split above it are beyond t). The
/// splits do not depend on the tolerance, so one descent answers every tolerance above the floor.
/// Ranges above kHugeRange are cut into the same pieces as markDouglasPeucker; their inner piece
/// ends are kept at every tolerance (`forced`).
void significantKeys(const std::vector<Vec2>& points, std::size_t first, std::size_t last, double floorSquared,
                     std::vector<double>& keys, std::size_t& forced) {
    constexpr double kAlways = std::numeric_limits<double>::infinity();
    auto descend = [&](std::size_t from, std::size_t to) {
        auto& stack = perThread<std::vector<std::tuple<std::size_t, std::size_t, double>>>();
        stack.clear();
        stack.emplace_back(from, to, kAlways);
        while (!stack.empty()) {
            const auto [i, j, parentKey] = stack.back();
            stack.pop_back();
            if (j <= i + 1) continue;
            const auto [k, d2] = farthestFromChord(points, i, j);
            const double key = std::min(d2, parentKey);
            if (key <= floorSquared) continue;  // neither k nor anything below it is kept above the floor
            keys.push_back(key);
            stack.emplace_back(i, k, key);
            stack.emplace_back(k, j, key);
        }
    };
    if (last - first <= kHugeRange) {
        descend(first, last);
        return;
    }
    for (std::size_t begin = first; begin < last; begin += kPieceSize) {
        const std::size_t end = std::min(begin + kPieceSize, last);
        if (end < last) ++forced;
        descend(begin, end);
    }
}

/// The inner piece ends markDouglasPeucker keeps at any tolerance in first..last.
std::size_t forcedPieceEnds(std::size_t first, std::size_t last) {
    if (last - first <= kHugeRange) return 0;
    return (last - first + kPieceSize - 1) / kPieceSize - 1;
}

/// How many keys exceed each squared tolerance, added to `counts` (one per tolerance).
void addKeyCounts(const std::vector<double>& keys, const std::vector<double>& tolerances, std::size_t* counts) {
    for (std::size_t t = 0; t < tolerances.size(); ++t) {
        const double toleranceSquared = tolerances[t] * tolerances[t];
        std::size_t n = 0;
        for (const double key : keys) n += key > toleranceSquared ? 1 : 0;
        counts[t] += n;
    }
}

double smallestSquare(const std::vector<double>& tolerances) {
    double smallest = std::numeric_limits<double>::infinity();
    for (const double t : tolerances) smallest = std::min(smallest, t * t);
    return smallest;
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

    const AnchoredRing anchored = anchorRing(ring);
    const std::vector<Vec2>& points = anchored.points;
    const std::size_t b = anchored.farthest;
    if (b == 0) return ring;  // every vertex at one point: nothing to simplify

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

namespace gis::tess {

std::vector<std::size_t> simplifiedLineSizes(const LineString& line, const std::vector<double>& tolerances) {
    const std::size_t n = line.size();
    std::vector<std::size_t> sizes(tolerances.size(), n);
    if (n < 3) return sizes;
    std::vector<double> keys;
    std::size_t forced = 0;
    significantKeys(line, 0, n - 1, smallestSquare(tolerances), keys, forced);
    std::vector<std::size_t> kept(tolerances.size(), 2 + forced);
    addKeyCounts(keys, tolerances, kept.data());
    for (std::size_t t = 0; t < tolerances.size(); ++t)
        if (tolerances[t] > 0.0) sizes[t] = kept[t];
    return sizes;
}

std::vector<std::size_t> simplifiedRingSizes(const Ring& ring, const std::vector<double>& tolerances, RingRole role) {
    // Mirrors simplifyRing step by step; tests check the two agree.
    const std::size_t n = ring.size();
    std::vector<std::size_t> sizes(tolerances.size(), n);
    if (n == 0) return sizes;
    Bounds bounds;
    for (const Vec2& p : ring) bounds.expand(p);
    std::vector<double> normal;  // tolerances of the general case
    std::vector<std::size_t> normalSlot;
    bool needSliverCase = false;
    std::size_t extremes = 0;
    bool extremesKnown = false;
    std::vector<std::size_t> sliverSlot;  // tiny rings whose extremes are fewer than 3
    for (std::size_t t = 0; t < tolerances.size(); ++t) {
        const double tolerance = tolerances[t];
        if (!(tolerance > 0.0)) continue;
        const bool tiny = bounds.width() < tolerance && bounds.height() < tolerance;
        if (tiny && role == RingRole::Hole) {
            sizes[t] = 0;
            continue;
        }
        if (n <= 4) continue;
        if (tiny) {
            if (!extremesKnown) {
                extremes = extremePoints(ring).size();
                extremesKnown = true;
            }
            if (extremes >= 3) {
                sizes[t] = extremes;
                continue;
            }
            needSliverCase = true;
            sliverSlot.push_back(t);
            continue;
        }
        normal.push_back(tolerance);
        normalSlot.push_back(t);
    }
    if (normal.empty() && !needSliverCase) return sizes;

    const AnchoredRing anchored = anchorRing(ring);
    const std::vector<Vec2>& points = anchored.points;
    const std::size_t b = anchored.farthest;
    if (b == 0) return sizes;  // every vertex at one point: returned as is (n)

    // Each half's own farthest vertex: what the "fewer than 4" rule adds to a half that kept nothing.
    const double topOfFirst = farthestFromChord(points, 0, b).second;
    const double topOfSecond = farthestFromChord(points, b, n).second;
    auto withQuadRule = [&](std::size_t kept, bool firstEmpty, bool secondEmpty) {
        if (kept >= 4) return kept;
        return kept + (firstEmpty && topOfFirst > 0.0 ? 1 : 0) + (secondEmpty && topOfSecond > 0.0 ? 1 : 0);
    };
    // A sliver simplifies with an infinite tolerance: only the anchors and the piece ends of huge halves stay.
    const std::size_t firstEnds = forcedPieceEnds(0, b), secondEnds = forcedPieceEnds(b, n);
    for (const std::size_t t : sliverSlot) sizes[t] = withQuadRule(2 + firstEnds + secondEnds, firstEnds == 0, secondEnds == 0);
    if (normal.empty()) return sizes;

    const double floorSquared = smallestSquare(normal);
    std::vector<double> firstKeys, secondKeys;
    std::size_t firstForced = 0, secondForced = 0;
    significantKeys(points, 0, b, floorSquared, firstKeys, firstForced);
    significantKeys(points, b, n, floorSquared, secondKeys, secondForced);
    std::vector<std::size_t> first(normal.size(), firstForced), second(normal.size(), secondForced);
    addKeyCounts(firstKeys, normal, first.data());
    addKeyCounts(secondKeys, normal, second.data());
    for (std::size_t i = 0; i < normal.size(); ++i)
        sizes[normalSlot[i]] = withQuadRule(2 + first[i] + second[i], first[i] == 0, second[i] == 0);
    return sizes;
}

}  // namespace gis::tess
