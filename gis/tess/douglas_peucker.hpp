#pragma once
/// Douglas–Peucker simplification of single lines and rings (no topology handling: the GLU
/// tessellator fills self-intersecting results with the even-odd rule, see simplify.hpp).
#include "gis/core/geometry.hpp"

namespace gis::tess {

/// Douglas–Peucker with an explicit stack (no recursion depth limit). Keeps both endpoints and
/// every vertex farther than `tolerance` from the simplified line; drops collinear vertices.
/// Lines of fewer than 3 vertices are returned unchanged.
LineString simplifyLine(const LineString& line, double tolerance);

/// Whether a ring is an outer ring (must never vanish) or a hole (may be dropped).
enum class RingRole : std::uint8_t { Outer, Hole };

/// Douglas–Peucker on a closed ring (open representation: the closing vertex is not repeated).
/// The ring is split at its lowest-left vertex and the vertex farthest from it, so the result
/// does not depend on where the ring starts, and each half is simplified as a line.
/// - A ring simplified below 4 vertices keeps its 4 most significant ones (those two anchors and
///   the farthest vertex of each half), so a thin shape stays a quad rather than a sliver.
/// - A ring whose bounds are smaller than `tolerance` in both directions collapses to its extreme
///   points (a triangle or quad), or, for a hole, is dropped (empty result).
/// Rings of at most 4 vertices are returned unchanged (unless a tiny hole).
Ring simplifyRing(const Ring& ring, double tolerance, RingRole role);

/// simplifyLine(line, t).size() for every t of `tolerances`, from one Douglas–Peucker descent
/// (to the smallest tolerance) instead of one per tolerance.
std::vector<std::size_t> simplifiedLineSizes(const LineString& line, const std::vector<double>& tolerances);

/// simplifyRing(ring, t, role).size() for every t of `tolerances`, from one descent.
std::vector<std::size_t> simplifiedRingSizes(const Ring& ring, const std::vector<double>& tolerances, RingRole role);

}  // namespace gis::tess
