#include "gis/tess/simplify.hpp"

#include "gis/data/geos_support.hpp"

namespace gis::tess {
namespace {

data::GeosPtr toGeosLines(const std::vector<LineString>& lines) {
    GEOSContextHandle_t ctx = data::geosContext();
    std::vector<GEOSGeometry*> parts;
    for (const LineString& l : lines) {
        if (l.size() < 2) continue;
        GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(ctx, &l[0].x, static_cast<unsigned>(l.size()), 0, 0);
        if (GEOSGeometry* g = seq ? GEOSGeom_createLineString_r(ctx, seq) : nullptr) parts.push_back(g);
    }
    if (parts.empty()) return nullptr;
    return data::GeosPtr(
        GEOSGeom_createCollection_r(ctx, GEOS_MULTILINESTRING, parts.data(), static_cast<unsigned>(parts.size())));
}

void appendLines(const GEOSGeometry* g, std::vector<LineString>& out) {
    GEOSContextHandle_t ctx = data::geosContext();
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_LINESTRING) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, g);
        unsigned size = 0;
        if (seq == nullptr || GEOSCoordSeq_getSize_r(ctx, seq, &size) == 0 || size < 2) return;
        LineString line(size);
        GEOSCoordSeq_copyToBuffer_r(ctx, seq, &line[0].x, 0, 0);
        out.push_back(std::move(line));
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g); ++i) appendLines(GEOSGetGeometryN_r(ctx, g, i), out);
    }
}

}  // namespace

Geometry simplifyGeometry(const Geometry& geometry, double toleranceMeters) {
    if (toleranceMeters <= 0.0 || geometry.kind == GeometryKind::Point || geometry.kind == GeometryKind::None)
        return geometry;
    GEOSContextHandle_t ctx = data::geosContext();
    Geometry out;
    out.kind = geometry.kind;
    if (geometry.kind == GeometryKind::Polygon) {
        data::GeosPtr g = data::toGeosPolygons(geometry.polygons);
        data::GeosPtr s(g ? GEOSTopologyPreserveSimplify_r(ctx, g.get(), toleranceMeters) : nullptr);
        if (s) data::appendPolygons(s.get(), out.polygons);
        if (out.polygons.empty()) return geometry;
    } else {
        data::GeosPtr g = toGeosLines(geometry.lines);
        data::GeosPtr s(g ? GEOSTopologyPreserveSimplify_r(ctx, g.get(), toleranceMeters) : nullptr);
        if (s) appendLines(s.get(), out.lines);
        if (out.lines.empty()) return geometry;
    }
    return out;
}

}  // namespace gis::tess
