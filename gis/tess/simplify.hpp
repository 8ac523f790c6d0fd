#pragma once
/// Geometry simplification for the coarser levels of detail.
#include "gis/core/geometry.hpp"

namespace gis::tess {

/// Simplifies with GEOS TopologyPreserveSimplify (no self-intersections, holes stay inside), so
/// the result can be triangulated. A feature never vanishes: when simplification fails or
/// leaves nothing, the input is returned unchanged. Points are returned as they are.
Geometry simplifyGeometry(const Geometry& geometry, double toleranceMeters);

}  // namespace gis::tess
