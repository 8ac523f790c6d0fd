#pragma once
/// Fast path for convex rings: a triangle fan, no sweep. Coarse levels are mostly triangles and
/// quads (at 2446 m the national layer averages ~4 vertices per commune), for which GLU's mesh
/// setup costs far more than the triangles themselves. (GLU has the same shortcut internally,
/// but disables it when an edge-flag callback is set, which we need for plain triangles.)
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// If `ring` is a simple convex polygon (collinear vertices allowed), appends its vertices and
/// fan triangles (zero-area ones skipped) and returns true; otherwise appends nothing and
/// returns false (self-intersecting, reflex, degenerate, or winding more than once).
bool triangulateConvexRing(const Ring& ring, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices);

}  // namespace gis::tess
