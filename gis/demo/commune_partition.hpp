#pragma once
/// Splits the district outline into communes: Voronoi cells of seeds whose spacing varies
/// (large mountain communes in the west, small lowland ones in the east), clipped to the
/// district, then every shared edge densified and bent by one displacement field so the
/// borders wiggle like real ones while neighbours stay exactly gap- and overlap-free.
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/demo/geos_util.hpp"
#include "gis/demo/noise.hpp"
#include "gis/demo/prng.hpp"

namespace gis::demo {

struct Partition {
    Polygon district;               ///< union of the communes (after displacement)
    std::vector<Polygon> communes;  ///< valid, single-part polygons, local metres
    std::vector<Vec2> seeds;        ///< the (displaced) Voronoi seed of each commune
};

/// `targetCount` communes (exactly, unless the outline is too small for it). Seeds are
/// denser around `denseCentre` (where the township will be) and towards the east.
Partition partitionDistrict(const GeosContext& ctx, const Polygon& outline, Prng& rng, int targetCount,
                            Vec2 denseCentre, const DisplacementField& field);

/// Splits every ring edge into pieces no longer than `maxSegment`. The new vertices of an edge
/// are computed from its lexicographically smaller endpoint, so the two polygons sharing an
/// edge get bit-identical vertices whatever direction they walk it.
Ring densifyRing(const Ring& ring, double maxSegment);

/// Like densifyRing, but edges longer than `minLength` (the straight Voronoi borders) become
/// fractal curves by midpoint displacement. Each curve is a pure function of its canonical
/// endpoints and `salt`, so both neighbours get the same curve. `roughness` is the largest
/// sideways offset as a fraction of the piece being split.
Ring wiggleRing(const Ring& ring, double minLength, double maxSegment, double roughness, std::uint64_t salt);

}  // namespace gis::demo
