#include "gis/tess/geos_triangulator.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "gis/data/geos_support.hpp"
#include "gis/core/planar.hpp"

namespace gis::tess {
namespace {

/// Exact-coordinate key: GEOS's ear clipper returns the input coordinates bit for bit, so
/// triangle corners are mapped back onto shared vertices instead of three copies each.
struct PointKey {
    std::uint64_t x, y;
    bool operator==(const PointKey& o) const { return x == o.x && y == o.y; }
};
struct PointKeyHash {
    std::size_t operator()(const PointKey& k) const { return std::hash<std::uint64_t>()(k.x * 0x9E3779B97F4A7C15ull ^ k.y); }
};
PointKey keyOf(Vec2 p) {
    PointKey k{};
    std::memcpy(&k.x, &p.x, sizeof(double));
    std::memcpy(&k.y, &p.y, sizeof(double));
    return k;
}

}  // namespace

bool triangulatePolygonGeos(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices) {
    if (polygon.rings.empty() || polygon.rings[0].size() < 3) return false;
    GEOSContextHandle_t ctx = data::geosContext();
    data::GeosPtr input = data::toGeosPolygon(polygon);
    if (!input) return false;
    const std::size_t firstVertex = vertices.size();
    const std::size_t firstIndex = indices.size();
    std::unordered_map<PointKey, std::uint32_t, PointKeyHash> lookup;
    std::size_t ringVertices = 0;
    for (const Ring& r : polygon.rings) ringVertices += r.size();
    lookup.reserve(ringVertices * 2);
    for (const Ring& r : polygon.rings)
        for (const Vec2& p : r)
            if (lookup.emplace(keyOf(p), static_cast<std::uint32_t>(vertices.size())).second) vertices.push_back(p);

    auto indexOf = [&](Vec2 p) {
        auto [it, inserted] = lookup.emplace(keyOf(p), static_cast<std::uint32_t>(vertices.size()));
        if (inserted) vertices.push_back(p);  // a Steiner point (not expected from GEOS 3.11)
        return it->second;
    };

    const double expected = polygonArea(polygon);
    // Appends the triangles of a GEOS triangle collection; returns their total area.
    auto addTriangles = [&](const GEOSGeometry* collection) {
        double total = 0.0;
        const int count = GEOSGetNumGeometries_r(ctx, collection);
        for (int t = 0; t < count; ++t) {
            const GEOSGeometry* tri = GEOSGetGeometryN_r(ctx, collection, t);
            const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, GEOSGetExteriorRing_r(ctx, tri));
            double buf[8];
            unsigned size = 0;
            if (seq == nullptr || GEOSCoordSeq_getSize_r(ctx, seq, &size) == 0 || size != 4) continue;
            GEOSCoordSeq_copyToBuffer_r(ctx, seq, buf, 0, 0);
            const Vec2 a{buf[0], buf[1]}, b{buf[2], buf[3]}, c{buf[4], buf[5]};
            const double area = triangleArea(a, b, c);
            if (area == 0.0) continue;
            total += std::abs(area);
            indices.push_back(indexOf(a));
            indices.push_back(indexOf(b));
            indices.push_back(indexOf(c));
        }
        return total;
    };
    const auto areaMatches = [&](double total) { return std::abs(total - expected) <= 1e-9 * std::max(expected, 1.0); };

    data::GeosPtr triangles(GEOSConstrainedDelaunayTriangulation_r(ctx, input.get()));
    double total = triangles ? addTriangles(triangles.get()) : 0.0;
    // GEOS 3.11 joins holes to the shell before ear clipping, so all triangles should lie inside.
    // Guard anyway: if the areas disagree, drop triangles whose centroid is outside or in a hole.
    if (triangles && !areaMatches(total)) {
        std::size_t w = firstIndex;
        total = 0.0;
        for (std::size_t i = firstIndex; i + 2 < indices.size(); i += 3) {
            const Vec2 a = vertices[indices[i]], b = vertices[indices[i + 1]], c = vertices[indices[i + 2]];
            const Vec2 centroid{(a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0};
            if (!pointInPolygon(polygon, centroid)) continue;
            total += std::abs(triangleArea(a, b, c));
            indices[w++] = indices[i];
            indices[w++] = indices[i + 1];
            indices[w++] = indices[i + 2];
        }
        indices.resize(w);
    }
    if (!triangles || !areaMatches(total)) {
        // GEOS 3.11's hole joiner fails on some valid inputs (a hole touching the shell). Fall
        // back: clip the unconstrained Delaunay triangles of the vertices to the polygon and
        // triangulate each (hole-free) piece. Slower, but exact in area; rare in real data.
        indices.resize(firstIndex);
        data::GeosPtr delaunay(GEOSDelaunayTriangulation_r(ctx, input.get(), 0.0, 0));
        const int n = delaunay ? GEOSGetNumGeometries_r(ctx, delaunay.get()) : 0;
        for (int t = 0; t < n; ++t) {
            data::GeosPtr piece(GEOSIntersection_r(ctx, GEOSGetGeometryN_r(ctx, delaunay.get(), t), input.get()));
            std::vector<Polygon> parts;
            if (piece) data::appendPolygons(piece.get(), parts);
            for (const Polygon& part : parts) {
                data::GeosPtr g = data::toGeosPolygon(part);
                data::GeosPtr tris(g ? GEOSConstrainedDelaunayTriangulation_r(ctx, g.get()) : nullptr);
                if (tris) addTriangles(tris.get());
            }
        }
    }
    if (indices.size() == firstIndex) {
        vertices.resize(firstVertex);
        return false;
    }
    return true;
}

}  // namespace gis::tess
