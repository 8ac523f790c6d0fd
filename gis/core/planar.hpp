#pragma once
/// Planar measures of rings, polygons and segments in any projected CRS (shoelace areas,
/// even-odd containment, distances). One home for what tessellation, the demo generator and
/// hit testing all need.
#include <algorithm>
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

/// Whether the closed segments ab and cd may meet: false when they are certainly apart; true when
/// they cross, touch, or are too close to tell (a certainOrientation of 0, then only when their
/// boxes overlap). The simplicity checks and the monotone sweep refuse a ring on true.
inline bool segmentsMayMeet(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
    const int o1 = certainOrientation(a, b, c), o2 = certainOrientation(a, b, d);
    const int o3 = certainOrientation(c, d, a), o4 = certainOrientation(c, d, b);
    if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0) {
        const bool apart = std::max(a.x, b.x) < std::min(c.x, d.x) || std::max(c.x, d.x) < std::min(a.x, b.x) ||
                           std::max(a.y, b.y) < std::min(c.y, d.y) || std::max(c.y, d.y) < std::min(a.y, b.y);
        return !apart;
    }
    return o1 != o2 && o3 != o4;
}

}  // namespace gis
