#include "gis/core/planar.hpp"

#include <algorithm>
#include <cmath>

namespace gis {

double ringArea(const Ring& ring) {
    double sum = 0.0;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) sum += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return 0.5 * sum;
}

double polygonArea(const Polygon& polygon) {
    if (polygon.rings.empty()) return 0.0;
    double area = std::abs(ringArea(polygon.rings[0]));
    for (std::size_t i = 1; i < polygon.rings.size(); ++i) area -= std::abs(ringArea(polygon.rings[i]));
    return area;
}

bool pointInPolygon(const Polygon& polygon, Vec2 p) {
    bool inside = false;
    for (const Ring& ring : polygon.rings) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
            const Vec2 a = ring[i], b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
        }
    }
    return inside;
}

double pointSegmentDistance(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double lengthSq = dx * dx + dy * dy;
    const double t = lengthSq > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

}  // namespace gis
