#pragma once
/// Planar measures of rings, polygons and segments in any projected CRS (shoelace areas,
/// even-odd containment, distances). One home for what tessellation, the demo generator and
/// hit testing all need.
#include <cmath>

#include "gis/core/geometry.hpp"

namespace gis {

/// Signed area of an open ring (counter-clockwise positive), shoelace formula.
double ringArea(const Ring& ring);
/// Area of a polygon: |outer| − Σ|holes|.
double polygonArea(const Polygon& polygon);
/// Even-odd point-in-polygon over every ring (so a point in a hole is outside).
bool pointInPolygon(const Polygon& polygon, Vec2 point);
/// Distance from p to the segment ab (not the infinite line).
double pointSegmentDistance(Vec2 p, Vec2 a, Vec2 b);
/// Signed area of triangle abc (counter-clockwise positive).
inline double triangleArea(Vec2 a, Vec2 b, Vec2 c) {
    return 0.5 * ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
}
/// Sign of the cross product (b - a) × (c - a): +1 (c left of a→b) / -1 when certain in double
/// arithmetic, 0 when the value is within its rounding error bound (collinear or too close to
/// tell). The simplicity checks and the monotone triangulator decide only on certain signs.
inline int certainOrientation(Vec2 a, Vec2 b, Vec2 c) {
    const double left = (b.x - a.x) * (c.y - a.y);
    const double right = (b.y - a.y) * (c.x - a.x);
    const double det = left - right;
    // Shewchuk's bound for the orientation filter (differences of inputs rounded as well).
    const double bound = 3.3306690738754716e-16 * (std::fabs(left) + std::fabs(right)) * 4.0;
    if (det > bound) return 1;
    if (det < -bound) return -1;
    return 0;
}

}  // namespace gis
