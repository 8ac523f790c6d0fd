#pragma once
/// Triangulation of a large simple polygon with holes in O(n log n): monotone decomposition
/// (monotone_decomposition.hpp), then each y-monotone piece in linear time with a stack.
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// Triangulates `polygon` (outer ring + holes, open rings) without new vertices when its rings
/// are certainly simple and disjoint, appending like triangulatePolygon: the ring vertices to
/// `vertices` and counter-clockwise triangles (indices into `vertices`) to `indices`. Returns
/// false and appends nothing when the rings are not certainly simple or touch, when a step finds
/// a case it cannot handle, or when the triangles' area differs from |shell| − Σ|holes|: the
/// caller then uses a general triangulator. GLU's sweep costs ~ vertices × edges crossing the
/// sweep line, which on rings of thousands of spikes is far more than this one's n log n.
bool triangulateMonotone(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices);

}  // namespace gis::tess
