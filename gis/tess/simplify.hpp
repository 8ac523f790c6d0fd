#pragma once
/// Geometry simplification for the coarser levels of detail.
#include <cstddef>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// Simplifies every ring and line on its own with Douglas–Peucker (douglas_peucker.hpp), in the
/// display CRS. Unlike GEOS TopologyPreserveSimplify this is linear-ish and cheap, but it may
/// create self-intersections and small gaps/overlaps between neighbours' shared borders; the GLU
/// tessellator fills self-intersecting rings with the even-odd rule, and the gaps (under a
/// pixel at the tolerances used, but thousands of specks on a national view) are closed by the
/// fill shader growing opaque fills half a pixel outward (fill_outward.hpp). A feature never
/// vanishes: outer rings keep at least a triangle or quad; holes smaller than the tolerance are
/// dropped. Points are returned as is.
Geometry simplifyGeometry(const Geometry& geometry, double toleranceMeters);

/// vertexCount(simplifyGeometry(geometry, t)) for every t of `tolerances` (0 = as is), from one
/// Douglas–Peucker descent per ring or line instead of one per tolerance.
std::vector<std::size_t> simplifiedVertexCounts(const Geometry& geometry, const std::vector<double>& tolerances);

/// Number of vertices (points, line and ring vertices) of a geometry.
std::size_t vertexCount(const Geometry& geometry);

}  // namespace gis::tess
