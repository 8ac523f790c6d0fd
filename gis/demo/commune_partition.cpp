#include "gis/demo/commune_partition.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace gis::demo {

namespace {

constexpr double kMaxSegmentM = 250.0;

bool lexLess(Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

/// Where seeds are dense and where sparse.
struct SpacingModel {
    double minX, maxX;
    Vec2 denseCentre;

    /// Relative seed spacing at p: wide in the mountainous west, tight in the lowland east
    /// (west cells come out 4–6× the area of east ones), tighter still around the township.
    double at(Vec2 p) const {
        const double t = std::clamp((p.x - minX) / (maxX - minX), 0.0, 1.0);
        double s = 2.4 - 1.6 * std::pow(t, 0.8);
        const double d = std::hypot(p.x - denseCentre.x, p.y - denseCentre.y);
        s *= 0.3 + 0.7 * std::clamp(d / 6000.0, 0.0, 1.0);
        return s;
    }
};

/// Greedy dart throwing over a fixed candidate list with radius scale*spacing(p).
std::vector<Vec2> dartThrow(const std::vector<Vec2>& candidates, double scale, const SpacingModel& spacing) {
    std::vector<Vec2> accepted;
    for (const Vec2& c : candidates) {
        const double rc = scale * spacing.at(c);
        bool ok = true;
        for (const Vec2& s : accepted) {
            const double r = std::max(rc, scale * spacing.at(s));
            if (std::hypot(c.x - s.x, c.y - s.y) < r) { ok = false; break; }
        }
        if (ok) accepted.push_back(c);
    }
    return accepted;
}

/// Voronoi cells of `seeds` clipped to `outline`, in seed order (multi-part cells possible).
std::vector<GeosPtr> clippedCells(const GeosContext& ctx, const std::vector<Vec2>& seeds, const GEOSGeometry* outline) {
    GEOSContextHandle_t h = ctx.handle();
    GeosPtr pts = toGeosMultiPoint(ctx, seeds);
    GeosPtr env = wrap(ctx, GEOSBuffer_r(h, outline, 20000.0, 2));
    GeosPtr diagram = wrap(ctx, GEOSVoronoiDiagram_r(h, pts.get(), env.get(), 0.0, 0));
    std::vector<GeosPtr> cells(seeds.size());
    const int n = GEOSGetNumGeometries_r(h, diagram.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* cell = GEOSGetGeometryN_r(h, diagram.get(), i);
        std::vector<Polygon> polys = polygonsFromGeos(ctx, cell);
        if (polys.empty()) continue;
        for (std::size_t s = 0; s < seeds.size(); ++s) {
            if (!cells[s] && pointInPolygon(polys[0], seeds[s])) {
                cells[s] = wrap(ctx, GEOSIntersection_r(h, cell, outline));
                break;
            }
        }
    }
    for (GeosPtr& c : cells)
        if (!c) c = wrap(ctx, GEOSGeom_createEmptyPolygon_r(h));
    return cells;
}

Vec2 centroidOf(const GeosContext& ctx, const GEOSGeometry* g, Vec2 fallback) {
    GeosPtr c = wrap(ctx, GEOSGetCentroid_r(ctx.handle(), g));
    double x = 0, y = 0;
    if (!c || GEOSisEmpty_r(ctx.handle(), c.get()) || !GEOSGeomGetX_r(ctx.handle(), c.get(), &x) ||
        !GEOSGeomGetY_r(ctx.handle(), c.get(), &y))
        return fallback;
    return {x, y};
}

/// Length of the border two polygonal geometries share.
double sharedBorder(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
    GEOSContextHandle_t h = ctx.handle();
    GeosPtr ba = wrap(ctx, GEOSBoundary_r(h, a));
    GeosPtr bb = wrap(ctx, GEOSBoundary_r(h, b));
    GeosPtr common = wrap(ctx, GEOSIntersection_r(h, ba.get(), bb.get()));
    double len = 0.0;
    if (common) GEOSLength_r(h, common.get(), &len);
    return len;
}

/// Makes every cell single-part: stray pieces (where the outline's bays cut a cell in two)
/// join the neighbour they share the longest border with.
std::vector<Polygon> singlePartCells(const GeosContext& ctx, std::vector<GeosPtr>& cells) {
    GEOSContextHandle_t h = ctx.handle();
    std::vector<std::vector<Polygon>> parts(cells.size());
    std::vector<Polygon> orphans;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::vector<Polygon> polys = polygonsFromGeos(ctx, cells[i].get());
        if (polys.empty()) continue;
        std::size_t best = 0;
        for (std::size_t k = 1; k < polys.size(); ++k)
            if (polygonArea(polys[k]) > polygonArea(polys[best])) best = k;
        for (std::size_t k = 0; k < polys.size(); ++k)
            (k == best ? parts[i] : orphans).push_back(polys[k]);
    }
    for (const Polygon& orphan : orphans) {
        GeosPtr og = toGeos(ctx, orphan);
        std::size_t target = 0;
        double bestLen = -1.0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (parts[i].empty()) continue;
            GeosPtr cg = toGeos(ctx, parts[i]);
            const double len = sharedBorder(ctx, og.get(), cg.get());
            if (len > bestLen) { bestLen = len; target = i; }
        }
        GeosPtr cg = toGeos(ctx, parts[target]);
        GeosPtr merged = wrap(ctx, GEOSUnion_r(h, cg.get(), og.get()));
        std::vector<Polygon> m = polygonsFromGeos(ctx, merged.get());
        if (m.size() == 1) parts[target] = m;  // an orphan touching only at a point stays dropped
    }
    std::vector<Polygon> out;
    for (auto& p : parts) out.push_back(p.empty() ? Polygon{} : p[0]);
    return out;
}

/// Replaces vertices closer than `tolerance` to an earlier vertex by that vertex, so that
/// neighbours that computed the same intersection point separately agree bit for bit.
void snapVertices(std::vector<Polygon>& polygons, double tolerance) {
    std::vector<Vec2> canonical;
    for (Polygon& poly : polygons)
        for (Ring& ring : poly.rings) {
            for (Vec2& p : ring) {
                bool found = false;
                for (const Vec2& c : canonical)
                    if (std::abs(c.x - p.x) <= tolerance && std::abs(c.y - p.y) <= tolerance) { p = c; found = true; break; }
                if (!found) canonical.push_back(p);
            }
            // Drop repeated consecutive vertices the snapping may have created.
            Ring clean;
            for (const Vec2& p : ring)
                if (clean.empty() || clean.back().x != p.x || clean.back().y != p.y) clean.push_back(p);
            while (clean.size() > 1 && clean.front().x == clean.back().x && clean.front().y == clean.back().y)
                clean.pop_back();
            ring = clean;
        }
}

}  // namespace

namespace {

/// Appends a and the points splitting a→b into pieces ≤ maxSegment (b itself is not added).
/// The points are interpolated from the lexicographically smaller end.
void appendDensifiedEdge(Vec2 a, Vec2 b, double maxSegment, Ring& out) {
    out.push_back(a);
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    const int pieces = static_cast<int>(std::ceil(len / maxSegment));
    if (pieces <= 1) return;
    const bool forward = lexLess(a, b);
    const Vec2 from = forward ? a : b;
    const Vec2 to = forward ? b : a;
    for (int k = 1; k < pieces; ++k) {
        const int j = forward ? k : pieces - k;
        const double t = static_cast<double>(j) / pieces;
        out.push_back({from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t});
    }
}

}  // namespace

Ring densifyRing(const Ring& ring, double maxSegment) {
    Ring out;
    for (std::size_t i = 0; i < ring.size(); ++i) appendDensifiedEdge(ring[i], ring[(i + 1) % ring.size()], maxSegment, out);
    return out;
}

namespace {

std::uint64_t mixBits(std::uint64_t h, double v) {
    std::uint64_t bits = 0;
    static_assert(sizeof bits == sizeof v);
    std::memcpy(&bits, &v, sizeof bits);
    h ^= bits + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h = (h ^ (h >> 31)) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 29);
}

/// Midpoint displacement between a and b (exclusive), appended to out in order a → b.
void subdivide(Vec2 a, Vec2 b, double maxSegment, double roughness, std::uint64_t salt, Ring& out) {
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    if (len <= maxSegment) return;
    // The offset depends only on this piece's endpoints: deterministic and shared.
    std::uint64_t h = mixBits(mixBits(mixBits(mixBits(salt, a.x), a.y), b.x), b.y);
    const double u = static_cast<double>(h >> 11) * 0x1.0p-53 * 2.0 - 1.0;
    const double off = u * roughness * len;
    const Vec2 m{0.5 * (a.x + b.x) - (b.y - a.y) / len * off, 0.5 * (a.y + b.y) + (b.x - a.x) / len * off};
    subdivide(a, m, maxSegment, roughness, salt, out);
    out.push_back(m);
    subdivide(m, b, maxSegment, roughness, salt, out);
}

}  // namespace

Ring wiggleRing(const Ring& ring, double minLength, double maxSegment, double roughness, std::uint64_t salt) {
    Ring out;
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = ring[i];
        const Vec2 b = ring[(i + 1) % n];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        if (len < minLength) {  // outline pieces and short borders: straight
            appendDensifiedEdge(a, b, maxSegment, out);
            continue;
        }
        const bool forward = lexLess(a, b);
        Ring inner;
        subdivide(forward ? a : b, forward ? b : a, maxSegment, roughness, salt, inner);
        if (!forward) std::reverse(inner.begin(), inner.end());
        out.push_back(a);
        out.insert(out.end(), inner.begin(), inner.end());
    }
    return out;
}

Partition partitionDistrict(const GeosContext& ctx, const Polygon& outline, Prng& rng, int targetCount,
                            Vec2 denseCentre, const DisplacementField& field) {
    GEOSContextHandle_t h = ctx.handle();
    GeosPtr outlineG = toGeos(ctx, outline);
    const Bounds bb = Geometry{GeometryKind::Polygon, {}, {}, {outline}}.bounds();

    // 1. Seeds: a fixed list of candidates inside the district, thinned by dart throwing.
    //    The spacing scale is bisected until exactly targetCount seeds survive.
    std::vector<Vec2> candidates;
    while (candidates.size() < 3000) {
        const Vec2 p{rng.uniform(bb.minX, bb.maxX), rng.uniform(bb.minY, bb.maxY)};
        if (pointInPolygon(outline, p) && distanceToBoundary(outline, p) > 1500.0) candidates.push_back(p);
    }
    double lo = 500.0, hi = 30000.0;
    const SpacingModel spacing{bb.minX, bb.maxX, denseCentre};
    std::vector<Vec2> seeds = dartThrow(candidates, hi, spacing);
    for (int iter = 0; iter < 60; ++iter) {
        const double mid = 0.5 * (lo + hi);
        std::vector<Vec2> s = dartThrow(candidates, mid, spacing);
        if (static_cast<int>(s.size()) > targetCount) lo = mid; else hi = mid;
        if (static_cast<int>(s.size()) == targetCount) { seeds = s; break; }
        if (std::abs(static_cast<int>(s.size()) - targetCount) < std::abs(static_cast<int>(seeds.size()) - targetCount)) seeds = s;
    }

    // 2. One Lloyd half-step: evens out the worst slivers, keeps the west/east size contrast.
    {
        std::vector<GeosPtr> cells = clippedCells(ctx, seeds, outlineG.get());
        for (std::size_t i = 0; i < seeds.size(); ++i) {
            const Vec2 c = centroidOf(ctx, cells[i].get(), seeds[i]);
            // Half a step only: full Lloyd would make every commune the same size.
            const Vec2 moved{0.5 * (seeds[i].x + c.x), 0.5 * (seeds[i].y + c.y)};
            if (pointInPolygon(outline, moved)) seeds[i] = moved;
        }
    }

    // 3. Final cells, single-part, with shared vertices made identical.
    std::vector<GeosPtr> cells = clippedCells(ctx, seeds, outlineG.get());
    std::vector<Polygon> polys = singlePartCells(ctx, cells);
    snapVertices(polys, 0.01);

    // 4. Make the straight Voronoi borders fractal, densify, and bend everything with the
    //    same smooth field (large-scale bends), so borders look surveyed along streams/ridges.
    const std::uint64_t salt = rng.nextU64();
    Partition result;
    std::vector<GeosPtr> finals;
    for (std::size_t i = 0; i < polys.size(); ++i) {
        if (polys[i].rings.empty()) continue;
        Polygon bent;
        for (const Ring& ring : polys[i].rings) {
            Ring r = wiggleRing(ring, 900.0, kMaxSegmentM, 0.16, salt);
            for (Vec2& p : r) p = field.apply(p);
            bent.rings.push_back(std::move(r));
        }
        GeosPtr g = toGeos(ctx, bent);
        if (!GEOSisValid_r(h, g.get())) {
            // Only tiny self-touches can appear (the field is injective); repair and keep the
            // largest piece so every commune stays one polygon.
            g = makeValidPolygonal(ctx, g.get());
            std::vector<Polygon> fixed = polygonsFromGeos(ctx, g.get());
            std::size_t best = 0;
            for (std::size_t k = 1; k < fixed.size(); ++k)
                if (polygonArea(fixed[k]) > polygonArea(fixed[best])) best = k;
            if (!fixed.empty()) bent = fixed[best];
            g = toGeos(ctx, bent);
        }
        if (ringArea(bent.rings[0]) < 0) std::reverse(bent.rings[0].begin(), bent.rings[0].end());
        result.communes.push_back(bent);
        result.seeds.push_back(field.apply(seeds[i]));
        finals.push_back(std::move(g));
    }

    // 5. The district is the union of its communes, so both outlines match exactly.
    std::vector<GEOSGeometry*> raw;
    for (GeosPtr& g : finals) raw.push_back(GEOSGeom_clone_r(h, g.get()));
    GeosPtr coll = wrap(ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, raw.data(),
                                                         static_cast<unsigned>(raw.size())));
    GeosPtr uni = wrap(ctx, GEOSUnaryUnion_r(h, coll.get()));
    std::vector<Polygon> up = polygonsFromGeos(ctx, uni.get());
    std::size_t best = 0;
    for (std::size_t k = 1; k < up.size(); ++k)
        if (polygonArea(up[k]) > polygonArea(up[best])) best = k;
    if (!up.empty()) {
        result.district.rings.push_back(up[best].rings[0]);  // outer ring only: no pinholes
        if (ringArea(result.district.rings[0]) < 0)
            std::reverse(result.district.rings[0].begin(), result.district.rings[0].end());
    }
    return result;
}

}  // namespace gis::demo
