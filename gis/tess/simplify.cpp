#include "gis/tess/simplify.hpp"

#include "gis/tess/douglas_peucker.hpp"

namespace gis::tess {

Geometry simplifyGeometry(const Geometry& geometry, double toleranceMeters) {
    if (!(toleranceMeters > 0.0) || geometry.kind == GeometryKind::Point || geometry.kind == GeometryKind::None)
        return geometry;
    Geometry out;
    out.kind = geometry.kind;
    if (geometry.kind == GeometryKind::Polygon) {
        out.polygons.reserve(geometry.polygons.size());
        for (const Polygon& polygon : geometry.polygons) {
            if (polygon.rings.empty()) continue;
            Polygon simplified;
            simplified.rings.reserve(polygon.rings.size());
            simplified.rings.push_back(simplifyRing(polygon.rings[0], toleranceMeters, RingRole::Outer));
            for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
                Ring hole = simplifyRing(polygon.rings[i], toleranceMeters, RingRole::Hole);
                if (hole.size() >= 3) simplified.rings.push_back(std::move(hole));
            }
            out.polygons.push_back(std::move(simplified));
        }
    } else {
        out.lines.reserve(geometry.lines.size());
        for (const LineString& line : geometry.lines) out.lines.push_back(simplifyLine(line, toleranceMeters));
    }
    return out;
}

std::size_t vertexCount(const Geometry& geometry) {
    std::size_t n = geometry.points.size();
    for (const LineString& line : geometry.lines) n += line.size();
    for (const Polygon& polygon : geometry.polygons)
        for (const Ring& ring : polygon.rings) n += ring.size();
    return n;
}

}  // namespace gis::tess
