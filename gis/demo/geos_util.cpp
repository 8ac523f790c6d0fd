#include "gis/demo/geos_util.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <limits>

namespace gis::demo {

namespace {

// GEOS reports notices and errors through callbacks; the generator checks results itself,
// so the messages are dropped rather than printed into the user's terminal.
void silentHandler(const char*, void*) {}

GEOSGeometry* ringToGeos(GEOSContextHandle_t h, const Ring& ring) {
    const auto n = static_cast<unsigned>(ring.size());
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n + 1, 2);
    for (unsigned i = 0; i <= n; ++i) {
        const Vec2& p = ring[i % n];
        GEOSCoordSeq_setXY_r(h, seq, i, p.x, p.y);
    }
    return GEOSGeom_createLinearRing_r(h, seq);
}

GEOSGeometry* polygonToGeosRaw(GEOSContextHandle_t h, const Polygon& polygon) {
    if (polygon.rings.empty() || polygon.rings[0].size() < 3) return GEOSGeom_createEmptyPolygon_r(h);
    GEOSGeometry* shell = ringToGeos(h, polygon.rings[0]);
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < polygon.rings.size(); ++i)
        if (polygon.rings[i].size() >= 3) holes.push_back(ringToGeos(h, polygon.rings[i]));
    return GEOSGeom_createPolygon_r(h, shell, holes.empty() ? nullptr : holes.data(),
                                    static_cast<unsigned>(holes.size()));
}

Ring ringFromGeos(GEOSContextHandle_t h, const GEOSGeometry* ring) {
    Ring out;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    if (n == 0) return out;
    out.reserve(n);
    for (unsigned i = 0; i + 1 < n; ++i) {  // drop the closing vertex
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
        out.push_back({x, y});
    }
    return out;
}

void collectPolygons(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<Polygon>& out) {
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return;
        Polygon poly;
        poly.rings.push_back(ringFromGeos(h, GEOSGetExteriorRing_r(h, g)));
        const int holes = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < holes; ++i) poly.rings.push_back(ringFromGeos(h, GEOSGetInteriorRingN_r(h, g, i)));
        out.push_back(std::move(poly));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i) collectPolygons(h, GEOSGetGeometryN_r(h, g, i), out);
    }
}


}  // namespace

GeosContext::GeosContext() : m_handle(GEOS_init_r()) {
    GEOSContext_setNoticeMessageHandler_r(m_handle, silentHandler, nullptr);
    GEOSContext_setErrorMessageHandler_r(m_handle, silentHandler, nullptr);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

GeosPtr toGeos(const GeosContext& ctx, const Polygon& polygon) {
    return wrap(ctx, polygonToGeosRaw(ctx.handle(), polygon));
}

GeosPtr toGeos(const GeosContext& ctx, const std::vector<Polygon>& polygons) {
    std::vector<GEOSGeometry*> parts;
    for (const Polygon& p : polygons) parts.push_back(polygonToGeosRaw(ctx.handle(), p));
    return wrap(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOLYGON, parts.data(),
                                                 static_cast<unsigned>(parts.size())));
}

GeosPtr toGeosPoint(const GeosContext& ctx, Vec2 p) {
    return wrap(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), p.x, p.y));
}

GeosPtr toGeosMultiPoint(const GeosContext& ctx, const std::vector<Vec2>& points) {
    std::vector<GEOSGeometry*> parts;
    for (const Vec2& p : points) parts.push_back(GEOSGeom_createPointFromXY_r(ctx.handle(), p.x, p.y));
    return wrap(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOINT, parts.data(),
                                                 static_cast<unsigned>(parts.size())));
}

std::vector<Polygon> polygonsFromGeos(const GeosContext& ctx, const GEOSGeometry* g) {
    std::vector<Polygon> out;
    if (g) collectPolygons(ctx.handle(), g, out);
    return out;
}

GeosPtr makeValidPolygonal(const GeosContext& ctx, const GEOSGeometry* g) {
    GeosPtr fixed = wrap(ctx, GEOSMakeValid_r(ctx.handle(), g));
    if (!fixed) return wrap(ctx, GEOSGeom_createEmptyPolygon_r(ctx.handle()));
    // MakeValid may return a collection with stray lines/points; keep the polygons.
    std::vector<Polygon> polys = polygonsFromGeos(ctx, fixed.get());
    return toGeos(ctx, polys);
}




double distanceToBoundary(const Polygon& polygon, Vec2 p) {
    double best = std::numeric_limits<double>::infinity();
    for (const Ring& ring : polygon.rings)
        for (std::size_t i = 0; i < ring.size(); ++i)
            best = std::min(best, pointSegmentDistance(p, ring[i], ring[(i + 1) % ring.size()]));
    return best;
}

}  // namespace gis::demo
