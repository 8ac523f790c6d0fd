#include "gis/tess/fill_outward.hpp"

#include <algorithm>
#include <cmath>

#include "gis/core/per_thread.hpp"

namespace gis::tess {
namespace {

/// One side of one triangle: `from`→`to`, with the triangle's third vertex.
struct TriangleSide {
    std::uint64_t key;  ///< the two vertex indices, smaller first: equal for both triangles of an edge
    std::uint32_t from, to, opposite;
};

/// The outward unit normals of a vertex's boundary edges: the first one and their sum.
struct VertexNormals {
    Vec2 first;
    Vec2 sum;
    int count = 0;

    void add(Vec2 n) {
        if (count == 0) first = n;
        sum.x += n.x;
        sum.y += n.y;
        ++count;
    }
};

void addBoundaryEdge(const std::vector<Vec2>& vertices, const TriangleSide& side, std::vector<VertexNormals>& normals) {
    const Vec2 a = vertices[side.from], b = vertices[side.to], c = vertices[side.opposite];
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    if (!(length > 0.0)) return;
    Vec2 n{(b.y - a.y) / length, -(b.x - a.x) / length};
    const double towardTriangle = (c.x - a.x) * n.x + (c.y - a.y) * n.y;
    if (towardTriangle == 0.0) return;  // a zero-area triangle has no inside to point away from
    if (towardTriangle > 0.0) n = {-n.x, -n.y};
    normals[side.from].add(n);
    normals[side.to].add(n);
}

/// The vector that moves both edges of a vertex one unit outward: (n1 + n2) / (1 + n1·n2),
/// limited to kOutwardMiterMax. Other cases (a vertex where rings touch) push along the normals'
/// mean direction by one unit.
Vec2 miterOf(const VertexNormals& v) {
    if (v.count == 0) return {};
    const double sumLength = std::hypot(v.sum.x, v.sum.y);
    if (sumLength < 1e-9) return {};  // a spike (edges folded back) or normals that cancel
    if (v.count == 2) {
        const Vec2 second{v.sum.x - v.first.x, v.sum.y - v.first.y};
        const double k = 1.0 + v.first.x * second.x + v.first.y * second.y;
        const double length = std::sqrt(2.0 / std::max(k, 1e-12));  // |n1 + n2| / k = sqrt(2 / k)
        const double scale = std::min<double>(length, kOutwardMiterMax) / sumLength;
        return {v.sum.x * scale, v.sum.y * scale};
    }
    return {v.sum.x / sumLength, v.sum.y / sumLength};
}

std::int8_t toByte(double component) {
    const double scaled = std::round(component / kOutwardMiterMax * 127.0);
    return static_cast<std::int8_t>(std::clamp(scaled, -127.0, 127.0));
}

}  // namespace

void appendOutwardMiters(const std::vector<Vec2>& vertices, const std::vector<std::uint32_t>& indices,
                         std::vector<std::int8_t>& miters) {
    const std::size_t base = miters.size();
    miters.resize(base + 2 * vertices.size(), 0);
    if (indices.size() < 3) return;

    // Reused per thread: the mesh builder calls this once per feature on both cores.
    std::vector<TriangleSide>& sides = perThread<std::vector<TriangleSide>>();
    sides.clear();
    sides.reserve(indices.size());
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const std::uint32_t corner[3] = {indices[t], indices[t + 1], indices[t + 2]};
        for (int e = 0; e < 3; ++e) {
            const std::uint32_t a = corner[e], b = corner[(e + 1) % 3];
            const std::uint64_t key = a < b ? (std::uint64_t{a} << 32 | b) : (std::uint64_t{b} << 32 | a);
            sides.push_back({key, a, b, corner[(e + 2) % 3]});
        }
    }
    std::sort(sides.begin(), sides.end(), [](const TriangleSide& l, const TriangleSide& r) { return l.key < r.key; });

    std::vector<VertexNormals>& normals = perThread<std::vector<VertexNormals>>();
    normals.assign(vertices.size(), VertexNormals{});
    for (std::size_t i = 0; i < sides.size();) {
        std::size_t j = i + 1;
        while (j < sides.size() && sides[j].key == sides[i].key) ++j;
        if (j - i == 1) addBoundaryEdge(vertices, sides[i], normals);  // shared by two triangles: inside
        i = j;
    }
    for (std::size_t v = 0; v < vertices.size(); ++v) {
        const Vec2 m = miterOf(normals[v]);
        miters[base + 2 * v] = toByte(m.x);
        miters[base + 2 * v + 1] = toByte(m.y);
    }
}

}  // namespace gis::tess
