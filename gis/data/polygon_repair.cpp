#include "gis/data/polygon_repair.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <set>

#include "gis/core/per_thread.hpp"
#include "gis/core/planar.hpp"
#include "gis/data/geos_support.hpp"
#include "gis/tess/monotone_decomposition.hpp"

namespace gis::data {
namespace {

bool allFinite(const std::vector<Polygon>& polygons) {
    for (const Polygon& p : polygons)
        for (const Ring& r : p.rings)
            for (const Vec2& v : r)
                if (!std::isfinite(v.x) || !std::isfinite(v.y)) return false;
    return true;
}

/// Whether segments i (p[i] to p[i+1]) and j of a ring of n vertices may meet: certainly apart
/// returns false; crossing, touching, or too close to tell returns true. Adjacent ones never.
bool segmentsMayMeet(const std::vector<Vec2>& p, std::size_t i, std::size_t j) {
    const std::size_t n = p.size();
    const std::size_t gap = i > j ? i - j : j - i;
    if (gap == 1 || gap == n - 1) return false;  // adjacent: checked by the fold-back test
    return gis::segmentsMayMeet(p[i], p[i + 1 == n ? 0 : i + 1], p[j], p[j + 1 == n ? 0 : j + 1]);
}

/// Rings up to this size are checked by a sweep over segment boxes: every pair whose boxes
/// overlap is tested, which on the rings of real layers (a few active segments at any x) is
/// several times cheaper than Shamos–Hoey's ordered set; its quadratic worst case (wavy rings,
/// 24 s at 1,000,000 vertices) stays bounded at this size.
constexpr std::size_t kBoxSweepMaxVertices = 1024;

/// A sort key that orders as `value` does, rounded towards −∞ to a float: 32 bits, so a key
/// and a segment index sort as one 64-bit integer (sorting the boxes themselves, 40 bytes each
/// with a comparison lambda, was a fifth of the check).
std::uint32_t floorKey(double value) {
    float f = static_cast<float>(value);
    if (static_cast<double>(f) > value) f = std::nextafter(f, -std::numeric_limits<float>::infinity());
    std::uint32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    return (bits & 0x80000000u) != 0 ? ~bits : bits | 0x80000000u;  // negatives reversed, below positives
}

/// The float a floorKey stands for.
double keyValue(std::uint32_t key) {
    const std::uint32_t bits = (key & 0x80000000u) != 0 ? key & 0x7FFFFFFFu : ~key;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return static_cast<double>(f);
}

/// Ring without repeated consecutive points, n >= 3, no fold-back: true when no two
/// non-adjacent segments may meet. A repeated vertex makes two segments touch, so it is found.
bool boxSweepSimple(const std::vector<Vec2>& p) {
    struct Box {
        double minX, maxX, minY, maxY;
    };
    const std::size_t n = p.size();
    std::vector<Box>& boxes = perThread<std::vector<Box>>();
    std::vector<std::uint64_t>& order = perThread<std::vector<std::uint64_t>, struct SweepOrder>();  // floorKey(minX) << 32 | segment
    std::vector<std::uint32_t>& active = perThread<std::vector<std::uint32_t>, struct SweepActive>();
    boxes.resize(n);
    order.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = p[i], b = p[i + 1 == n ? 0 : i + 1];
        boxes[i] = {std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y)};
        order[i] = std::uint64_t{floorKey(boxes[i].minX)} << 32 | i;
    }
    std::sort(order.begin(), order.end());
    active.clear();
    for (const std::uint64_t entry : order) {
        const auto segment = static_cast<std::uint32_t>(entry);
        const Box& box = boxes[segment];
        // The keys are minX rounded down, so every box still to come starts at or after `sweepX`:
        // a box that ends before it meets none of them.
        const double sweepX = keyValue(static_cast<std::uint32_t>(entry >> 32));
        for (std::size_t a = 0; a < active.size();) {
            const Box& other = boxes[active[a]];
            if (other.maxX < sweepX) {
                active[a] = active.back();
                active.pop_back();
                continue;
            }
            if (other.maxY >= box.minY && box.maxY >= other.minY && other.maxX >= box.minX && box.maxX >= other.minX &&
                segmentsMayMeet(p, active[a], segment))
                return false;
            ++a;
        }
        active.push_back(segment);
    }
    return true;
}

/// True when every edge of the ring turns certainly one way round the mean of its vertices
/// and the ring goes round it once: its vertices are then in strictly monotone angular order
/// around that point, which makes the ring the boundary of a polygon star-shaped from it, so
/// simple: n orientations instead of the sweep's sort and pair tests. 97 % of the bench set's
/// communes are, a fifth of the real national layer's (whose shapes are less regular).
/// False says nothing.
bool starShapedAroundMean(const std::vector<Vec2>& p) {
    const std::size_t n = p.size();
    Vec2 centre{0.0, 0.0};
    for (const Vec2& v : p) centre = {centre.x + v.x, centre.y + v.y};
    centre = {centre.x / static_cast<double>(n), centre.y / static_cast<double>(n)};
    const int turn = certainOrientation(centre, p[n - 1], p[0]);
    if (turn == 0) return false;
    // Going round once: the ray from the centre towards +x is crossed by exactly one edge, the
    // one rising through it when the ring turns counter-clockwise (falling when clockwise); the
    // half-open test counts an edge through a vertex once. Every edge turns the same way, so an
    // edge crossing the centre's line in that direction crosses it right of the centre.
    std::size_t crossings = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = p[i == 0 ? n - 1 : i - 1], b = p[i];
        if (certainOrientation(centre, a, b) != turn) return false;
        const bool rising = a.y <= centre.y && centre.y < b.y;
        const bool falling = b.y <= centre.y && centre.y < a.y;
        crossings += (turn > 0 ? rising : falling) ? 1 : 0;
    }
    return crossings == 1;
}

}  // namespace

bool ringCertainlySimple(const Ring& ring) {
    // The ring as GEOS sees it: closed, with repeated consecutive points dropped (in a buffer
    // each thread reuses: one allocation per ring was a tenth of the check).
    std::vector<Vec2>& p = perThread<std::vector<Vec2>, struct SimpleRingPoints>();
    p.clear();
    for (const Vec2& v : ring)
        if (p.empty() || v.x != p.back().x || v.y != p.back().y) p.push_back(v);
    while (p.size() > 1 && p.back().x == p.front().x && p.back().y == p.front().y) p.pop_back();
    const std::size_t n = p.size();
    if (n < 3) return false;
    for (const Vec2& v : p)
        if (!std::isfinite(v.x) || !std::isfinite(v.y)) return false;
    // First, as most rings pass it: a ring star-shaped round its mean needs no other test (an
    // edge folding back on the one before it would turn the other way round the centre).
    if (starShapedAroundMean(p)) return true;
    // Adjacent segments share their vertex and nothing else unless they fold back on a line.
    for (std::size_t i = 0; i < n; ++i)
        if (certainOrientation(p[(i + n - 1) % n], p[i], p[(i + 1) % n]) == 0) return false;
    if (n <= kBoxSweepMaxVertices) return boxSweepSimple(p);
    // Non-adjacent segments must not meet at all. Shamos–Hoey sweep (O(n log n), the old sweep
    // over segment boxes was quadratic on wavy rings: 24 s for 1,000,000 vertices): vertices in
    // (x, y) order; the segments crossing the sweep line are kept ordered bottom to top, and only
    // segments that become neighbours in that order are tested. The first meeting, if any, is
    // always found between neighbours before the sweep passes it. A repeated vertex is a touch.
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
    auto before = [&](std::uint32_t l, std::uint32_t r) { return p[l].x < p[r].x || (p[l].x == p[r].x && p[l].y < p[r].y); };
    std::sort(order.begin(), order.end(), before);
    for (std::size_t k = 1; k < n; ++k)
        if (p[order[k]].x == p[order[k - 1]].x && p[order[k]].y == p[order[k - 1]].y) return false;
    // Segment i runs from vertex i to vertex i+1; lo/hi are its first and last endpoint in sweep order.
    auto next = [n](std::size_t i) { return i + 1 == n ? std::size_t{0} : i + 1; };
    auto lo = [&](std::uint32_t s) { return before(s, static_cast<std::uint32_t>(next(s))) ? s : static_cast<std::uint32_t>(next(s)); };
    auto hi = [&](std::uint32_t s) { return before(s, static_cast<std::uint32_t>(next(s))) ? static_cast<std::uint32_t>(next(s)) : s; };
    bool uncertain = false;
    // a below b at the sweep line, for segments both crossing it and not meeting each other.
    auto below = [&](std::uint32_t a, std::uint32_t b) {
        if (a == b) return false;
        const std::uint32_t la = lo(a), lb = lo(b);
        int o;
        if (la == lb) {
            o = certainOrientation(p[la], p[hi(a)], p[hi(b)]);  // same first vertex: compare the far ends
        } else if (before(la, lb)) {
            o = certainOrientation(p[la], p[hi(a)], p[lb]);  // b starts later: where does it start relative to a?
        } else {
            o = -certainOrientation(p[lb], p[hi(b)], p[la]);
        }
        if (o == 0) {
            uncertain = true;
            return a < b;
        }
        return o > 0;
    };
    auto meet = [&](std::uint32_t i, std::uint32_t j) { return segmentsMayMeet(p, i, j); };
    std::set<std::uint32_t, decltype(below)> active(below);
    std::vector<std::set<std::uint32_t, decltype(below)>::iterator> where(n, active.end());
    for (const std::uint32_t v : order) {
        const auto previous = static_cast<std::uint32_t>(v == 0 ? n - 1 : v - 1);
        // Segments ending at v leave first, then segments starting at v enter.
        for (const std::uint32_t s : {previous, v}) {
            if (hi(s) != v) continue;
            const auto it = where[s];
            if (it != active.begin() && std::next(it) != active.end() && meet(*std::prev(it), *std::next(it))) return false;
            active.erase(it);
        }
        for (const std::uint32_t s : {previous, v}) {
            if (lo(s) != v) continue;
            const auto [it, inserted] = active.insert(s);
            if (uncertain || !inserted) return false;
            where[s] = it;
            if (it != active.begin() && meet(*std::prev(it), s)) return false;
            if (std::next(it) != active.end() && meet(s, *std::next(it))) return false;
        }
    }
    return true;
}

namespace {

/// A one-ring polygon proven simple, so GEOS IsValid need not run. The quick sweep refuses runs
/// of nearly collinear vertices it cannot decide (a densely sampled wavy coastline: GEOS then took
/// 1.5 s on 1,000,000 vertices); the monotone decomposition's sweep, which accepts straight
/// vertices and refuses every crossing, touch, repeat or fold-back, decides those in its place.
bool oneRingCertainlySimple(const Polygon& polygon) {
    if (ringCertainlySimple(polygon.rings[0])) return true;
    tess::RingSet rings;
    tess::MonotoneSplit split;
    return tess::buildRingSet(polygon, rings) && tess::splitIntoMonotone(rings, split);
}

}  // namespace

RepairResult validateAndRepair(std::vector<Polygon>& polygons) {
    if (polygons.empty()) return {RepairOutcome::Failed, "no polygon"};
    if (!allFinite(polygons)) return {RepairOutcome::Failed, "non-finite coordinates"};
    for (const Polygon& p : polygons)
        if (p.rings.empty() || p.rings[0].size() < 3)
            return {RepairOutcome::Failed, "a polygon ring has fewer than 3 distinct vertices"};

    // One polygon without holes whose ring is certainly simple is valid: GEOS would only confirm
    // it (most communes; IsValid was a third of reading a layer).
    if (polygons.size() == 1 && polygons[0].rings.size() == 1 && oneRingCertainlySimple(polygons[0]))
        return {RepairOutcome::Valid, {}};

    GEOSContextHandle_t ctx = geosContext();
    GeosPtr geometry = toGeosPolygons(polygons);
    if (!geometry) return {RepairOutcome::Failed, "GEOS could not build the polygon"};
    const char valid = GEOSisValid_r(ctx, geometry.get());
    if (valid == 1) return {RepairOutcome::Valid, {}};

    RepairResult result{RepairOutcome::Repaired, {}};
    if (char* reason = GEOSisValidReason_r(ctx, geometry.get())) {
        result.reason = reason;
        GEOSFree_r(ctx, reason);
    }
    // The default "linework" method keeps every piece of area the rings enclose (a bowtie
    // becomes two triangles), which is what a map user expects to still see.
    GeosPtr repaired(GEOSMakeValid_r(ctx, geometry.get()));
    std::vector<Polygon> fixed;
    if (repaired) appendPolygons(repaired.get(), fixed);
    if (fixed.empty()) {
        result.outcome = RepairOutcome::Failed;
        result.reason += result.reason.empty() ? "repair left no area" : "; repair left no area";
        return result;
    }
    polygons = std::move(fixed);
    return result;
}

}  // namespace gis::data
