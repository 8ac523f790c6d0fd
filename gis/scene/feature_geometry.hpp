#pragma once
/// Geometric questions the map view asks of features: where a label goes, what is under the cursor.
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/data/vector_layer.hpp"

namespace gis::scene {

/// A point inside the feature's largest polygon (GEOS PointOnSurface), for its label. A feature
/// that is not a polygon gets its bounds' centre.
Vec2 labelPointOf(const Geometry& geometry);

/// True when `point` is inside a polygon (holes excluded), or within `tolerance` of a line or point.
bool featureContains(const Geometry& geometry, Vec2 point, double tolerance);

}  // namespace gis::scene
