#pragma once
/// Plain geometry types. Coordinates are doubles in the CRS of the batch that holds them
/// (the display CRS, EPSG:3857 metres, once data has been read).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace gis {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;
};

/// Axis-aligned box; default-constructed it is empty (expand() makes it valid).
struct Bounds {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool valid() const { return minX <= maxX && minY <= maxY; }
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    Vec2 center() const { return {(minX + maxX) * 0.5, (minY + maxY) * 0.5}; }
    void expand(Vec2 p) {
        minX = std::min(minX, p.x); minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x); maxY = std::max(maxY, p.y);
    }
    void expand(const Bounds& b) {
        if (!b.valid()) return;
        expand(Vec2{b.minX, b.minY}); expand(Vec2{b.maxX, b.maxY});
    }
    bool intersects(const Bounds& b) const {
        return valid() && b.valid() && minX <= b.maxX && b.minX <= maxX && minY <= b.maxY && b.minY <= maxY;
    }
    bool contains(Vec2 p) const { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
};

/// A ring is an open list of vertices: the closing vertex is NOT repeated.
using Ring = std::vector<Vec2>;
using LineString = std::vector<Vec2>;

/// rings[0] is the outer ring, the rest are holes.
struct Polygon {
    std::vector<Ring> rings;
};

enum class GeometryKind : std::uint8_t { None, Point, Line, Polygon };

/// One feature's geometry, already split into parts of a single kind (multi-geometries flattened).
struct Geometry {
    GeometryKind kind = GeometryKind::None;
    std::vector<Vec2> points;          ///< kind == Point
    std::vector<LineString> lines;     ///< kind == Line
    std::vector<Polygon> polygons;     ///< kind == Polygon

    Bounds bounds() const {
        Bounds b;
        for (const Vec2& p : points) b.expand(p);
        for (const LineString& l : lines) for (const Vec2& p : l) b.expand(p);
        for (const Polygon& poly : polygons) if (!poly.rings.empty()) for (const Vec2& p : poly.rings[0]) b.expand(p);
        return b;
    }
};

}  // namespace gis
