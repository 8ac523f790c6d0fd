#pragma once
/// GEOS (C API, re-entrant) helpers shared by the reader (validation, repair) and the
/// tessellator: a per-thread context and conversions between gis::Polygon and GEOS geometries.
#include <geos_c.h>

#include <memory>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::data {

/// The calling thread's GEOS context (created on first use, destroyed at thread exit).
GEOSContextHandle_t geosContext();

struct GeosDeleter {
    void operator()(GEOSGeometry* g) const;
};
/// Owns a GEOS geometry; must be destroyed on the thread that created it.
using GeosPtr = std::unique_ptr<GEOSGeometry, GeosDeleter>;

/// Polygon (open rings) → GEOS Polygon (closed rings). Null if a ring has fewer than 3 vertices.
GeosPtr toGeosPolygon(const Polygon& polygon);
/// Several polygons → GEOS MultiPolygon (or a Polygon when there is one). Null when none converts.
GeosPtr toGeosPolygons(const std::vector<Polygon>& polygons);
/// Appends the polygonal parts of `geometry` (recursing into collections) as open-ring
/// Polygons; lines and points are ignored. Returns the number of polygons appended.
std::size_t appendPolygons(const GEOSGeometry* geometry, std::vector<Polygon>& out);

}  // namespace gis::data
