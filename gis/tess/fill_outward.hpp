#pragma once
/// Which way each vertex of a triangulated fill moves when the fill is grown by a fraction of a
/// pixel, so that neighbouring features meet without background showing between them.
///
/// Why: every ring is simplified on its own (simplify.hpp), so two communes' shared border
/// becomes two slightly different lines at a coarse level, and a commune smaller than the
/// tolerance shrinks to a triangle. Between them the page shows through: on the national layer
/// at 1200×900, 2,925 light specks, where full detail has 289 (the source's own slivers). The
/// fill shader pushes each vertex half a pixel along its outward miter, which closes gaps up to
/// a pixel wide; the overlap this makes with a neighbour is half a pixel of one colour or the
/// other, which no one can see.
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// A miter is stored as two signed bytes (GL_BYTE, normalized), scaled so that ±127 is ±2:
/// the longest miter kept (a vertex whose edges meet at 60° or sharper is pushed 2 units, not
/// the 1/sin(θ/2) a true miter would need, like a miter limit).
inline constexpr float kOutwardMiterMax = 2.0f;

/// Appends two bytes per vertex of `vertices` (vertices.size() × 2 in all) to `miters`: the
/// vector by which moving the vertex moves each of its boundary edges one unit outward. The
/// boundary and its outside come from the triangles alone (an edge used by one triangle is on
/// the boundary, and its outside is away from that triangle's third vertex), so any
/// triangulator's vertex layout, ring orientation, hole and cut piece is handled alike. Interior
/// vertices, and vertices whose edges cancel out, get (0, 0).
void appendOutwardMiters(const std::vector<Vec2>& vertices, const std::vector<std::uint32_t>& indices,
                         std::vector<std::int8_t>& miters);

}  // namespace gis::tess
