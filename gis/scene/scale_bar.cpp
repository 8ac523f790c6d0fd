#include "gis/scene/scale_bar.hpp"

#include <cmath>

namespace gis::scene {

namespace {
constexpr double kEarthRadius = 6378137.0;  // the sphere EPSG:3857 is defined on
constexpr double kPi = 3.14159265358979323846;
}  // namespace

double latitudeOfMercatorY(double northing) { return std::atan(std::sinh(northing / kEarthRadius)) * 180.0 / kPi; }

double groundMetersPerPixel(const Camera& camera, Vec2 at) {
    return camera.metersPerPixel * std::cos(latitudeOfMercatorY(at.y) * kPi / 180.0);
}

ScaleBarSpec scaleBarFor(const Camera& camera, Vec2 at, float maxLengthPx) {
    ScaleBarSpec bar;
    const double groundPerPx = groundMetersPerPixel(camera, at);
    if (!(groundPerPx > 0) || !(maxLengthPx > 0)) return bar;
    const double maxMeters = groundPerPx * maxLengthPx;
    double step = std::pow(10.0, std::floor(std::log10(maxMeters)));
    int lead = 1;
    for (int candidate : {5, 2}) {
        if (candidate * step <= maxMeters) {
            lead = candidate;
            break;
        }
    }
    bar.meters = lead * step;
    bar.lengthPx = static_cast<float>(bar.meters / groundPerPx);
    bar.segments = lead == 5 ? 5 : 4;  // whole steps of 1 (5) or quarters of 1 and 2
    return bar;
}

}  // namespace gis::scene
