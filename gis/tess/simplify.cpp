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

std::vector<std::size_t> simplifiedVertexCounts(const Geometry& geometry, const std::vector<double>& tolerances) {
    // Mirrors simplifyGeometry: points, empty geometries and tolerances <= 0 are taken as is.
    const bool simplified = geometry.kind == GeometryKind::Polygon || geometry.kind == GeometryKind::Line;
    std::vector<std::size_t> counts(tolerances.size(), 0);
    for (std::size_t t = 0; t < counts.size(); ++t)
        if (!simplified || !(tolerances[t] > 0.0)) counts[t] = vertexCount(geometry);
    if (!simplified) return counts;
    auto add = [&](const std::vector<std::size_t>& sizes, bool hole) {
        for (std::size_t t = 0; t < counts.size(); ++t)
            if (tolerances[t] > 0.0 && (!hole || sizes[t] >= 3)) counts[t] += sizes[t];  // holes below 3 vertices are dropped
    };
    if (geometry.kind == GeometryKind::Polygon) {
        for (const Polygon& polygon : geometry.polygons) {
            if (polygon.rings.empty()) continue;
            add(simplifiedRingSizes(polygon.rings[0], tolerances, RingRole::Outer), false);
            for (std::size_t i = 1; i < polygon.rings.size(); ++i)
                add(simplifiedRingSizes(polygon.rings[i], tolerances, RingRole::Hole), true);
        }
    } else {
        for (const LineString& line : geometry.lines) add(simplifiedLineSizes(line, tolerances), false);
    }
    return counts;
}

std::size_t vertexCount(const Geometry& geometry) {
    std::size_t n = geometry.points.size();
    for (const LineString& line : geometry.lines) n += line.size();
    for (const Polygon& polygon : geometry.polygons)
        for (const Ring& ring : polygon.rings) n += ring.size();
    return n;
}

}  // namespace gis::tess
