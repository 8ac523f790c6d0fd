#pragma once
/// Fallback triangulation with GEOS constrained Delaunay, used only for the rare polygon the GLU
/// tessellator rejects (see polygon_triangulator.cpp). About 3x slower than GLU.
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// Same contract as triangulatePolygon(): appends vertices and triangles (indices into
/// `vertices`), or returns false and appends nothing. Expects a valid (non self-intersecting)
/// polygon; triangles outside the outer ring or inside a hole are dropped.
bool triangulatePolygonGeos(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices);

}  // namespace gis::tess
