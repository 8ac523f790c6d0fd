#include "gis/scene/feature_geometry.hpp"

#include <geos_c.h>

#include <cmath>
#include <memory>

namespace gis::scene {

namespace {

/// Shoelace area of an open ring (absolute value).
double ringArea(const Ring& ring) {
    double twiceArea = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        twiceArea += (ring[j].x * ring[i].y) - (ring[i].x * ring[j].y);
    return std::abs(twiceArea) * 0.5;
}

/// Even-odd crossing test against one open ring.
bool insideRing(const Ring& ring, Vec2 p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Vec2& a = ring[i];
        const Vec2& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

double distanceToSegment(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double lengthSq = dx * dx + dy * dy;
    double t = lengthSq > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

struct GeosContext {
    GEOSContextHandle_t handle = GEOS_init_r();
    ~GeosContext() { GEOS_finish_r(handle); }
};

/// GEOS PointOnSurface of one polygon; falls back to the outer ring's bounds centre.
Vec2 pointOnSurface(GEOSContextHandle_t geos, const Polygon& polygon) {
    Bounds bounds;
    for (const Vec2& p : polygon.rings[0]) bounds.expand(p);
    auto makeRing = [&](const Ring& ring) -> GEOSGeometry* {
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(geos, static_cast<unsigned>(ring.size() + 1), 2);
        for (std::size_t i = 0; i <= ring.size(); ++i) {
            const Vec2& v = ring[i % ring.size()];
            GEOSCoordSeq_setXY_r(geos, seq, static_cast<unsigned>(i), v.x, v.y);
        }
        return GEOSGeom_createLinearRing_r(geos, seq);
    };
    GEOSGeometry* shell = makeRing(polygon.rings[0]);
    std::vector<GEOSGeometry*> holes;
    for (std::size_t r = 1; r < polygon.rings.size(); ++r)
        if (polygon.rings[r].size() >= 3) holes.push_back(makeRing(polygon.rings[r]));
    if (shell == nullptr) return bounds.center();
    GEOSGeometry* geometry = GEOSGeom_createPolygon_r(geos, shell, holes.data(), static_cast<unsigned>(holes.size()));
    if (geometry == nullptr) return bounds.center();
    Vec2 result = bounds.center();
    if (GEOSGeometry* point = GEOSPointOnSurface_r(geos, geometry)) {
        double x = 0, y = 0;
        if (GEOSGeomGetX_r(geos, point, &x) == 1 && GEOSGeomGetY_r(geos, point, &y) == 1) result = {x, y};
        GEOSGeom_destroy_r(geos, point);
    }
    GEOSGeom_destroy_r(geos, geometry);
    return result;
}

}  // namespace

std::vector<Vec2> labelPointsOf(const data::VectorLayer& layer) {
    GeosContext geos;
    std::vector<Vec2> points;
    points.reserve(layer.features.size());
    for (const data::Feature& feature : layer.features) {
        const Geometry& g = feature.geometry;
        const Polygon* largest = nullptr;
        double largestArea = -1.0;
        for (const Polygon& polygon : g.polygons) {
            if (polygon.rings.empty() || polygon.rings[0].size() < 3) continue;
            const double area = ringArea(polygon.rings[0]);
            if (area > largestArea) { largestArea = area; largest = &polygon; }
        }
        points.push_back(largest != nullptr ? pointOnSurface(geos.handle, *largest) : g.bounds().center());
    }
    return points;
}

bool featureContains(const Geometry& geometry, Vec2 point, double tolerance) {
    switch (geometry.kind) {
    case GeometryKind::Polygon:
        for (const Polygon& polygon : geometry.polygons) {
            if (polygon.rings.empty() || !insideRing(polygon.rings[0], point)) continue;
            bool inHole = false;
            for (std::size_t r = 1; r < polygon.rings.size() && !inHole; ++r) inHole = insideRing(polygon.rings[r], point);
            if (!inHole) return true;
        }
        return false;
    case GeometryKind::Line:
        for (const LineString& line : geometry.lines)
            for (std::size_t i = 1; i < line.size(); ++i)
                if (distanceToSegment(point, line[i - 1], line[i]) <= tolerance) return true;
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
