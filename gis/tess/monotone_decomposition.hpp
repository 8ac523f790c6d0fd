#pragma once
/// Decomposition of a simple polygon with holes into y-monotone pieces (de Berg et al.,
/// Computational Geometry, ch. 3): one sweep over the vertices that also proves the rings simple.
#include <cstdint>
#include <utility>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// All rings of a polygon as one vertex array: vertex v belongs to one ring and its ring
/// neighbours are prev[v] and next[v]; edge v is the segment v → next[v].
struct RingSet {
    std::vector<Vec2> points;
    std::vector<std::uint32_t> prev, next;
    std::vector<std::uint32_t> ringStart;  ///< first vertex of each ring, then points.size()
};

/// Builds the ring set of `polygon`, dropping repeated consecutive vertices (and a repeated
/// closing vertex). False when a ring keeps fewer than 3 vertices or a coordinate is not finite.
bool buildRingSet(const Polygon& polygon, RingSet& rings);

/// The result of the sweep: the diagonals that cut the polygon into y-monotone pieces, and for
/// each ring whether the even-odd interior lies left of its edges as stored (else to the right).
struct MonotoneSplit {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> diagonals;
    std::vector<char> interiorLeft;  ///< per ring
};

/// "Monotone" here is with respect to the sweep order (y, then x): vertex a comes before b when
/// a.y < b.y, or a.y == b.y and a.x < b.x. Equal-y vertices are thus ordered consistently, as if the
/// sweep line were tilted by an infinitesimal angle.
inline bool sweepsBefore(Vec2 a, Vec2 b) { return a.y < b.y || (a.y == b.y && a.x < b.x); }

/// Sweeps `rings` once. Returns false — and the caller must not use the polygon's pieces — when
/// the rings are not certainly simple and disjoint (two segments meet or come too close to tell,
/// a vertex repeats, a ring folds back on itself), or when the sweep meets a case it cannot
/// handle. The interior is the even-odd one: no ring orientation or nesting is assumed.
bool splitIntoMonotone(const RingSet& rings, MonotoneSplit& split);

}  // namespace gis::tess
