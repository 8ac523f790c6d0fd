#include "gis/data/geos_support.hpp"

#include <cstdarg>
#include <cstdio>

#include "gis/core/per_thread.hpp"

namespace gis::data {
namespace {

/// GEOS reports notices and errors through callbacks; they are only useful for debugging, and
/// every caller checks return values, so they are dropped rather than printed to stderr.
void ignoreMessage(const char* /*message*/, void* /*userdata*/) {}

struct ContextOwner {
    GEOSContextHandle_t handle = GEOS_init_r();
    ContextOwner() {
        GEOSContext_setNoticeMessageHandler_r(handle, ignoreMessage, nullptr);
        GEOSContext_setErrorMessageHandler_r(handle, ignoreMessage, nullptr);
    }
    ~ContextOwner() { GEOS_finish_r(handle); }
    ContextOwner(const ContextOwner&) = delete;
    ContextOwner& operator=(const ContextOwner&) = delete;
};

/// Open ring → closed GEOS LinearRing (copied in one block; Vec2 is two packed doubles).
GEOSGeometry* toLinearRing(GEOSContextHandle_t ctx, const Ring& ring, std::vector<Vec2>& scratch) {
    if (ring.size() < 3) return nullptr;
    scratch.assign(ring.begin(), ring.end());
    scratch.push_back(ring.front());
    static_assert(sizeof(Vec2) == 2 * sizeof(double), "Vec2 must be two packed doubles");
    GEOSCoordSequence* seq =
        GEOSCoordSeq_copyFromBuffer_r(ctx, &scratch[0].x, static_cast<unsigned>(scratch.size()), 0, 0);
    if (seq == nullptr) return nullptr;
    return GEOSGeom_createLinearRing_r(ctx, seq);  // takes ownership of seq
}

Ring ringFromGeos(GEOSContextHandle_t ctx, const GEOSGeometry* ring) {
    Ring out;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned size = 0;
    if (seq == nullptr || GEOSCoordSeq_getSize_r(ctx, seq, &size) == 0 || size < 4) return out;
    out.resize(size);
    GEOSCoordSeq_copyToBuffer_r(ctx, seq, &out[0].x, 0, 0);
    out.pop_back();  // rings are open in gis::Geometry
    return out;
}

}  // namespace

GEOSContextHandle_t geosContext() { return perThread<ContextOwner>().handle; }

void GeosDeleter::operator()(GEOSGeometry* g) const {
    if (g != nullptr) GEOSGeom_destroy_r(geosContext(), g);
}

GeosPtr toGeosPolygon(const Polygon& polygon) {
    GEOSContextHandle_t ctx = geosContext();
    if (polygon.rings.empty()) return nullptr;
    std::vector<Vec2>& scratch = perThread<std::vector<Vec2>, struct GeosRingScratch>();
    GEOSGeometry* shell = toLinearRing(ctx, polygon.rings[0], scratch);
    if (shell == nullptr) return nullptr;
    std::vector<GEOSGeometry*> holes;
    holes.reserve(polygon.rings.size() - 1);
    for (std::size_t i = 1; i < polygon.rings.size(); ++i)
        if (GEOSGeometry* hole = toLinearRing(ctx, polygon.rings[i], scratch)) holes.push_back(hole);
    return GeosPtr(GEOSGeom_createPolygon_r(ctx, shell, holes.data(), static_cast<unsigned>(holes.size())));
}

GeosPtr toGeosPolygons(const std::vector<Polygon>& polygons) {
    if (polygons.size() == 1) return toGeosPolygon(polygons[0]);
    std::vector<GEOSGeometry*> parts;
    for (const Polygon& p : polygons)
        if (GeosPtr g = toGeosPolygon(p)) parts.push_back(g.release());
    if (parts.empty()) return nullptr;
    return GeosPtr(
        GEOSGeom_createCollection_r(geosContext(), GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())));
}

std::size_t appendPolygons(const GEOSGeometry* geometry, std::vector<Polygon>& out) {
    if (geometry == nullptr) return 0;
    GEOSContextHandle_t ctx = geosContext();
    const int type = GEOSGeomTypeId_r(ctx, geometry);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx, geometry) == 1) return 0;
        Polygon polygon;
        Ring shell = ringFromGeos(ctx, GEOSGetExteriorRing_r(ctx, geometry));
        if (shell.size() < 3) return 0;
        polygon.rings.push_back(std::move(shell));
        const int holes = GEOSGetNumInteriorRings_r(ctx, geometry);
        for (int i = 0; i < holes; ++i) {
            Ring hole = ringFromGeos(ctx, GEOSGetInteriorRingN_r(ctx, geometry, i));
            if (hole.size() >= 3) polygon.rings.push_back(std::move(hole));
        }
        out.push_back(std::move(polygon));
        return 1;
    }
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        std::size_t added = 0;
        const int n = GEOSGetNumGeometries_r(ctx, geometry);
        for (int i = 0; i < n; ++i) added += appendPolygons(GEOSGetGeometryN_r(ctx, geometry, i), out);
        return added;
    }
    return 0;
}

}  // namespace gis::data
