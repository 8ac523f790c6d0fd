#pragma once
/// Triangulation of one polygon with holes (a convex fan, ear clipping for small rings, our
/// monotone triangulator, the libGLU tessellator for what that refuses, GEOS as a rare fallback).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/core/planar.hpp"

namespace gis::tess {

/// Triangulates `polygon` (outer ring + holes, open rings) and appends its vertices to
/// `vertices` and triangles (indices into `vertices`) to `indices`. The fill follows the
/// even-odd rule over all rings, so holes are holes and a self-intersecting ring (as Douglas–
/// Peucker can produce) fills what an even-odd renderer would fill; the triangle area equals that
/// area. Intersection points become extra vertices. Returns false (and appends nothing) when the
/// polygon has no area or cannot be triangulated. Thread-safe: one tessellator per thread.
bool triangulatePolygon(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices);

/// A polygon with more vertices than this (all rings) is cut into pieces of at most this many by
/// axis-parallel lines and each piece is tessellated on its own, on up to kPieceThreads threads:
/// GLU's cost grows with the edges a sweep line crosses, which made wavy rings of 40,000 vertices
/// take seconds. The fill is the same (even-odd over all rings); the extra vertices lie on the cuts.
inline constexpr std::size_t kPieceVertices = 4096;  // of 256, 1024, 4096, 16384 the fastest on wavy rings
inline constexpr unsigned kPieceThreads = 2;

/// Every polygon that is not one convex ring is first given to the monotone triangulator
/// (monotone_triangulator.hpp), which takes O(n log n) but only simple rings; what it refuses goes
/// to GLU. On the national layer's export level it costs 300 M instructions where GLU took 514 M
/// (callgrind), and the exported PNGs are byte for byte the same: another triangulation of the
/// same rings covers the same pixels.

/// Process-wide counts since start, for diagnostics and tests.
struct TriangulatorStats {
    std::uint64_t gluErrors = 0;      ///< polygons the GLU tessellator rejected
    std::uint64_t geosFallbacks = 0;  ///< of those, triangulated by GEOS instead
    std::uint64_t dropped = 0;        ///< of those, dropped (no fill; the outline is still drawn)
    std::uint64_t monotoneRefusals = 0;  ///< polygons the monotone path refused (then GLU's)
};
TriangulatorStats triangulatorStats();

}  // namespace gis::tess
