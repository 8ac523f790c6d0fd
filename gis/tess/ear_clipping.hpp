#pragma once
/// Fast path for small simple rings: ear clipping. At the levels a national map draws, a commune
/// keeps a dozen or two vertices, and the monotone triangulator's sweep (a std::set of edges, half
/// edges, checks) cost ~26,000 instructions a polygon for a dozen triangles; clipping ears after a
/// pairwise simplicity test costs a few thousand at that size. Quadratic and worse in the ring's
/// size, so only small rings take it (kEarClipMaxVertices).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// Rings of up to this many vertices are tried by ear clipping.
inline constexpr std::size_t kEarClipMaxVertices = 32;

/// If `ring` (open, at most kEarClipMaxVertices vertices) is certainly simple — no two
/// non-adjacent edges meet, no turn is straight or too close to tell, as decided by
/// certainOrientation — appends its vertices and n − 2 counter-clockwise triangles whose areas add
/// up to the ring's, and returns true. Otherwise appends nothing and returns false (the caller
/// then uses a general triangulator).
bool triangulateRingByEars(const Ring& ring, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices);

}  // namespace gis::tess
