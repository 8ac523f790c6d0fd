#include "gis/scene/feature_geometry.hpp"

#include <geos_c.h>

#include <cmath>

#include "gis/core/planar.hpp"
#include "gis/data/geos_support.hpp"

namespace gis::scene {

namespace {

/// GEOS PointOnSurface of one polygon; falls back to the outer ring's bounds centre.
Vec2 pointOnSurface(const Polygon& polygon) {
    Bounds bounds;
    for (const Vec2& p : polygon.rings[0]) bounds.expand(p);
    const data::GeosPtr geometry = data::toGeosPolygon(polygon);
    if (!geometry) return bounds.center();
    GEOSContextHandle_t geos = data::geosContext();
    const data::GeosPtr point(GEOSPointOnSurface_r(geos, geometry.get()));
    double x = 0, y = 0;
    if (point && GEOSGeomGetX_r(geos, point.get(), &x) == 1 && GEOSGeomGetY_r(geos, point.get(), &y) == 1) return {x, y};
    return bounds.center();
}

}  // namespace

Vec2 labelPointOf(const Geometry& geometry) {
    const Polygon* largest = nullptr;
    double largestArea = -1.0;
    for (const Polygon& polygon : geometry.polygons) {
        if (polygon.rings.empty() || polygon.rings[0].size() < 3) continue;
        const double area = std::abs(ringArea(polygon.rings[0]));
        if (area > largestArea) { largestArea = area; largest = &polygon; }
    }
    return largest != nullptr ? pointOnSurface(*largest) : geometry.bounds().center();
}

bool featureContains(const Geometry& geometry, Vec2 point, double tolerance) {
    switch (geometry.kind) {
    case GeometryKind::Polygon:
        for (const Polygon& polygon : geometry.polygons)
            if (pointInPolygon(polygon, point)) return true;
        return false;
    case GeometryKind::Line:
        for (const LineString& line : geometry.lines)
            for (std::size_t i = 1; i < line.size(); ++i)
                if (pointSegmentDistance(point, line[i - 1], line[i]) <= tolerance) return true;
        return false;
    case GeometryKind::Point:
        for (const Vec2& p : geometry.points)
            if (std::hypot(p.x - point.x, p.y - point.y) <= tolerance) return true;
        return false;
    case GeometryKind::None:
        return false;
    }
    return false;
}

}  // namespace gis::scene
