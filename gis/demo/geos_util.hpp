#pragma once
/// Thin RAII helpers over the GEOS C API (re-entrant *_r functions) for the demo generator.
#include <geos_c.h>

#include <memory>
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/core/planar.hpp"

namespace gis::demo {

/// This thread's GEOS context (gis::data::geosContext(), shared with the readers), passed around
/// the generator explicitly. Not shared across threads.
class GeosContext {
public:
    GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GEOSContextHandle_t handle() const { return m_handle; }

private:
    GEOSContextHandle_t m_handle;
};

struct GeosDeleter {
    GEOSContextHandle_t handle = nullptr;
    void operator()(GEOSGeometry* g) const { if (g) GEOSGeom_destroy_r(handle, g); }
};
using GeosPtr = std::unique_ptr<GEOSGeometry, GeosDeleter>;

inline GeosPtr wrap(const GeosContext& ctx, GEOSGeometry* g) { return GeosPtr(g, GeosDeleter{ctx.handle()}); }

/// Polygon (open rings) → GEOS polygon. Rings are closed on the way in.
GeosPtr toGeos(const GeosContext& ctx, const Polygon& polygon);
/// Several polygons → one GEOS multipolygon.
GeosPtr toGeos(const GeosContext& ctx, const std::vector<Polygon>& polygons);
GeosPtr toGeosPoint(const GeosContext& ctx, Vec2 p);
GeosPtr toGeosMultiPoint(const GeosContext& ctx, const std::vector<Vec2>& points);

/// The polygonal parts of a GEOS geometry (any nesting of collections), rings opened.
std::vector<Polygon> polygonsFromGeos(const GeosContext& ctx, const GEOSGeometry* g);

/// Repairs an invalid polygonal geometry and keeps only its polygonal parts.
GeosPtr makeValidPolygonal(const GeosContext& ctx, const GEOSGeometry* g);

// Plain-geometry helpers (no GEOS) used all over the generator; areas and containment are
// gis::ringArea / polygonArea / pointInPolygon from gis/core/planar.hpp.

/// Distance from p to the nearest edge of any ring.
double distanceToBoundary(const Polygon& polygon, Vec2 p);

}  // namespace gis::demo
