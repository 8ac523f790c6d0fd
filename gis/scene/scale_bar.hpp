#pragma once
/// Scale bars for Web Mercator maps. EPSG:3857 stretches distances by 1/cos(latitude), so a
/// pixel covers metersPerPixel × cos(lat) metres of ground: a bar drawn with the projected
/// scale would be 6 % too long at 19° N (Nghệ An) and 10 % at 23° N (Hà Giang).
#include "gis/core/geometry.hpp"
#include "gis/scene/camera.hpp"
#include "gis/scene/page_decor.hpp"

namespace gis::scene {

/// Latitude in degrees of a Web Mercator northing (spherical, R = 6378137 m).
double latitudeOfMercatorY(double northing);

/// Ground metres per pixel at the latitude of display-CRS point `at`.
double groundMetersPerPixel(const Camera& camera, Vec2 at);

/// The longest round bar (1, 2 or 5 × 10^n metres) not longer than `maxLengthPx` at the
/// latitude of `at`; tickLabels are left empty for the caller to word in its language.
ScaleBarSpec scaleBarFor(const Camera& camera, Vec2 at, float maxLengthPx);

}  // namespace gis::scene
