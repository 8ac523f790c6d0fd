#include "gis/data/polygon_repair.hpp"

#include <algorithm>
#include <cmath>

#include "gis/data/geos_support.hpp"

namespace gis::data {
namespace {

bool allFinite(const std::vector<Polygon>& polygons) {
    for (const Polygon& p : polygons)
        for (const Ring& r : p.rings)
            for (const Vec2& v : r)
                if (!std::isfinite(v.x) || !std::isfinite(v.y)) return false;
    return true;
}

/// Sign of the cross product (b - a) × (c - a): +1 / -1 when certain in double arithmetic,
/// 0 when the value is within its rounding error bound (collinear or too close to tell).
int certainOrientation(Vec2 a, Vec2 b, Vec2 c) {
    const double left = (b.x - a.x) * (c.y - a.y);
    const double right = (b.y - a.y) * (c.x - a.x);
    const double det = left - right;
    // Shewchuk's bound for the orientation filter (differences of inputs rounded as well).
    const double bound = 3.3306690738754716e-16 * (std::fabs(left) + std::fabs(right)) * 4.0;
    if (det > bound) return 1;
    if (det < -bound) return -1;
    return 0;
}

}  // namespace

bool ringCertainlySimple(const Ring& ring) {
    // The ring as GEOS sees it: closed, with repeated consecutive points dropped.
    std::vector<Vec2> p;
    p.reserve(ring.size());
    for (const Vec2& v : ring)
        if (p.empty() || v.x != p.back().x || v.y != p.back().y) p.push_back(v);
    while (p.size() > 1 && p.back().x == p.front().x && p.back().y == p.front().y) p.pop_back();
    const std::size_t n = p.size();
    if (n < 3) return false;
    for (const Vec2& v : p)
        if (!std::isfinite(v.x) || !std::isfinite(v.y)) return false;
    // Adjacent segments share their vertex and nothing else unless they fold back on a line.
    for (std::size_t i = 0; i < n; ++i)
        if (certainOrientation(p[(i + n - 1) % n], p[i], p[(i + 1) % n]) == 0) return false;
    // Non-adjacent segments must not meet at all: sweep along x over the segments' boxes.
    struct Segment {
        double minX, maxX, minY, maxY;
        std::size_t index;
    };
    std::vector<Segment> segments(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = p[i], b = p[(i + 1) % n];
        segments[i] = {std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y), i};
    }
    std::sort(segments.begin(), segments.end(), [](const Segment& l, const Segment& r) { return l.minX < r.minX; });
    std::vector<const Segment*> active;
    for (const Segment& s : segments) {
        std::size_t kept = 0;
        for (const Segment* other : active)
            if (other->maxX >= s.minX) active[kept++] = other;
        active.resize(kept);
        for (const Segment* other : active) {
            if (other->maxY < s.minY || other->minY > s.maxY) continue;
            const std::size_t i = s.index, j = other->index;
            const std::size_t gap = i > j ? i - j : j - i;
            if (gap == 1 || gap == n - 1) continue;  // adjacent: checked above
            const Vec2 a = p[i], b = p[(i + 1) % n], c = p[j], d = p[(j + 1) % n];
            const int o1 = certainOrientation(a, b, c), o2 = certainOrientation(a, b, d);
            const int o3 = certainOrientation(c, d, a), o4 = certainOrientation(c, d, b);
            if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0) return false;  // touching, or too close to tell
            if (o1 != o2 && o3 != o4) return false;                      // they cross
        }
        active.push_back(&s);
    }
    return true;
}

RepairResult validateAndRepair(std::vector<Polygon>& polygons) {
    if (polygons.empty()) return {RepairOutcome::Failed, "no polygon"};
    if (!allFinite(polygons)) return {RepairOutcome::Failed, "non-finite coordinates"};
    for (const Polygon& p : polygons)
        if (p.rings.empty() || p.rings[0].size() < 3)
            return {RepairOutcome::Failed, "a polygon ring has fewer than 3 distinct vertices"};

    // One polygon without holes whose ring is certainly simple is valid: GEOS would only confirm
    // it (most communes; IsValid was a third of reading a layer).
    if (polygons.size() == 1 && polygons[0].rings.size() == 1 && ringCertainlySimple(polygons[0].rings[0]))
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
