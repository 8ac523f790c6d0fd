#pragma once
/// Spatially compact ordering and grouping of features, so chunks can be culled.
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// Feature indices sorted by the Morton (Z-order) code of their bounds' centre within `extent`
/// (ties by index, so the order is deterministic). Features with empty bounds go last.
std::vector<std::uint32_t> mortonOrder(const std::vector<Bounds>& featureBounds, const Bounds& extent);

}  // namespace gis::tess
