#pragma once
/// The outline of the demo district in a local metric frame (x east, y north, metres,
/// origin at the district centre).
#include "gis/core/geometry.hpp"
#include "gis/demo/geos_util.hpp"
#include "gis/demo/prng.hpp"

namespace gis::demo {

struct DistrictShape {
    Polygon outline;   ///< open ring, counter-clockwise, no segment longer than ~250 m
    LineString river;  ///< the river that forms the eastern border (runs beyond the outline)
};

/// An irregular, natural-looking outline of roughly `widthM` × `heightM`: an ellipse perturbed
/// by multi-octave radial noise, with its eastern side cut by a meandering river so one border
/// is concave the way district borders that follow a river are.
DistrictShape generateDistrictShape(const GeosContext& ctx, Prng& rng, double widthM, double heightM);

}  // namespace gis::demo
