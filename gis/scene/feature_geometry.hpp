#pragma once
/// Geometric questions the map view asks of features: where a label goes, what is under the cursor.
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/data/vector_layer.hpp"

namespace gis::scene {

/// A point inside each feature's largest polygon (GEOS PointOnSurface), for labels.
/// Features that are not polygons get their bounds' centre.
std::vector<Vec2> labelPointsOf(const data::VectorLayer& layer);

/// True when `point` is inside a polygon (holes excluded), or within `tolerance` of a line or point.
bool featureContains(const Geometry& geometry, Vec2 point, double tolerance);

}  // namespace gis::scene
