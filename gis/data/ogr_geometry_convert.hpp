#pragma once
/// OGR geometry → gis::Geometry (source CRS, no reprojection): multi-parts and collections
/// flattened, curves linearised, rings opened, repeated vertices dropped.
#include <cstddef>
#include <string>

#include "gis/core/geometry.hpp"

class OGRGeometry;

namespace gis::data {

/// Converts `geometry` (may be null or empty → GeometryKind::None). When a collection mixes
/// dimensions, the highest one is kept and `note` says what was dropped.
Geometry convertOgrGeometry(const OGRGeometry* geometry, std::string* note = nullptr);

/// Vertices of `geometry` as stored (all rings, parts and members; closing vertices included),
/// counted without copying any, so a feature too big to load can be refused before it is
/// converted. Curves count their control points (linearising adds more; the converted geometry
/// is checked again).
std::size_t countOgrVertices(const OGRGeometry* geometry);

}  // namespace gis::data
