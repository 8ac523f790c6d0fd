#pragma once
/// Bit-for-bit equality of two plain geometries: the same kind, parts and every coordinate's
/// bytes (so -0.0 ≠ 0.0 and NaN = NaN of the same payload). For checking that two readers of the
/// same stored shape, ours and GDAL's, agree exactly.
#include <cstring>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis {

inline bool identicalVertices(const std::vector<Vec2>& a, const std::vector<Vec2>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(Vec2)) == 0);
}

inline bool identicalGeometry(const Geometry& a, const Geometry& b) {
    if (a.kind != b.kind || !identicalVertices(a.points, b.points) || a.lines.size() != b.lines.size() ||
        a.polygons.size() != b.polygons.size())
        return false;
    for (std::size_t i = 0; i < a.lines.size(); ++i)
        if (!identicalVertices(a.lines[i], b.lines[i])) return false;
    for (std::size_t i = 0; i < a.polygons.size(); ++i) {
        if (a.polygons[i].rings.size() != b.polygons[i].rings.size()) return false;
        for (std::size_t r = 0; r < a.polygons[i].rings.size(); ++r)
            if (!identicalVertices(a.polygons[i].rings[r], b.polygons[i].rings[r])) return false;
    }
    return true;
}

}  // namespace gis
