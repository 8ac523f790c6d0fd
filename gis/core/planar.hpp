#pragma once
/// Planar measures of rings, polygons and segments in any projected CRS (shoelace areas,
/// even-odd containment, distances). One home for what tessellation, the demo generator and
/// hit testing all need.
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

}  // namespace gis
