#pragma once
/// Triangulation of one polygon with holes (GEOS constrained Delaunay).
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// Triangulates `polygon` (outer ring + holes, open rings) and appends its vertices to
/// `vertices` and triangles (indices into `vertices`) to `indices`. Triangles outside the
/// outer ring or inside a hole are dropped, so the triangle area equals the polygon area.
/// Returns false (and appends nothing) when the polygon cannot be triangulated.
bool triangulatePolygon(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices);

/// Signed area of a ring (counter-clockwise positive), shoelace formula.
double ringArea(const Ring& ring);
/// Area of a polygon: |outer| − Σ|holes|.
double polygonArea(const Polygon& polygon);
/// Even-odd point-in-polygon over every ring (so a point in a hole is outside).
bool pointInPolygon(const Polygon& polygon, Vec2 point);

}  // namespace gis::tess
