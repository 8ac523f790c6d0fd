#pragma once
/// OGR geometry → gis::Geometry (source CRS, no reprojection): multi-parts and collections
/// flattened, curves linearised, rings opened, repeated vertices dropped.
#include <string>

#include "gis/core/geometry.hpp"

class OGRGeometry;

namespace gis::data {

/// Converts `geometry` (may be null or empty → GeometryKind::None). When a collection mixes
/// dimensions, the highest one is kept and `note` says what was dropped.
Geometry convertOgrGeometry(const OGRGeometry* geometry, std::string* note = nullptr);

}  // namespace gis::data
