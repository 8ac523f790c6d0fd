#include "gis/demo/geos_util.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "gis/data/geos_support.hpp"

namespace gis::demo {

GeosContext::GeosContext() : m_handle(data::geosContext()) {}

GeosPtr toGeos(const GeosContext& ctx, const Polygon& polygon) {
    // The demo wants a geometry for every input: a degenerate polygon becomes an empty one.
    data::GeosPtr converted = data::toGeosPolygon(polygon);
    return wrap(ctx, converted ? converted.release() : GEOSGeom_createEmptyPolygon_r(ctx.handle()));
}

GeosPtr toGeos(const GeosContext& ctx, const std::vector<Polygon>& polygons) {
    std::vector<GEOSGeometry*> parts;
    for (const Polygon& p : polygons) parts.push_back(toGeos(ctx, p).release());
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

std::vector<Polygon> polygonsFromGeos(const GeosContext&, const GEOSGeometry* g) {
    std::vector<Polygon> out;
    data::appendPolygons(g, out);
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
