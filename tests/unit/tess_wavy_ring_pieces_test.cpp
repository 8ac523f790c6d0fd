// Huge polygons are tessellated in pieces (polygon_triangulator.hpp, kPieceVertices): the fill
// must stay the polygon's fill — the triangle areas add up to the ring's shoelace area, holes
// stay holes — on a 20,000-wave ring whose detail survives simplification.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "gis/core/planar.hpp"
#include "gis/tess/polygon_triangulator.hpp"

namespace {

gis::Ring wavyRing(std::size_t vertices, int waves, double amplitude, double radius) {
    gis::Ring ring;
    const double cx = 11.78e6, cy = 2.39e6;
    for (std::size_t i = 0; i < vertices; ++i) {
        const double t = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(vertices);
        const double r = radius * (1.0 + amplitude * std::sin(waves * t));
        ring.push_back({cx + r * std::cos(t), cy + r * std::sin(t)});
    }
    return ring;
}

double meshArea(const std::vector<gis::Vec2>& vertices, const std::vector<std::uint32_t>& indices) {
    double area = 0.0;
    for (std::size_t i = 0; i + 2 < indices.size(); i += 3)
        area += std::fabs(gis::triangleArea(vertices[indices[i]], vertices[indices[i + 1]], vertices[indices[i + 2]]));
    return area;
}

}  // namespace

TEST_CASE("A 20000-wave ring tessellated in pieces keeps its shoelace area", "[tess][huge]") {
    // 40,000 vertices: 20,000 waves of 275 m around a 55 km circle, the survivor of a 1-px level.
    const gis::Ring ring = wavyRing(40000, 20000, 0.005, 55e3);
    REQUIRE(ring.size() > gis::tess::kPieceVertices);
    gis::Polygon polygon{{ring}};
    std::vector<gis::Vec2> vertices;
    std::vector<std::uint32_t> indices;
    REQUIRE(gis::tess::triangulatePolygon(polygon, vertices, indices));
    const double expected = std::fabs(gis::ringArea(ring));
    CHECK(meshArea(vertices, indices) == Approx(expected).epsilon(1e-9));
}

TEST_CASE("A spiky ring with a hole tessellated in pieces keeps the even-odd area", "[tess][huge]") {
    // 20,000 spikes of ±30 %: every cut crosses many of them.
    const gis::Ring outer = wavyRing(60000, 20000, 0.3, 55e3);
    const gis::Ring hole = wavyRing(8000, 500, 0.1, 20e3);
    gis::Polygon polygon{{outer, hole}};
    std::vector<gis::Vec2> vertices;
    std::vector<std::uint32_t> indices;
    REQUIRE(gis::tess::triangulatePolygon(polygon, vertices, indices));
    const double expected = std::fabs(gis::ringArea(outer)) - std::fabs(gis::ringArea(hole));
    CHECK(meshArea(vertices, indices) == Approx(expected).epsilon(1e-9));
    // Nothing inside the hole: its centre is covered by no triangle.
    const gis::Vec2 centre{11.78e6, 2.39e6};
    bool covered = false;
    for (std::size_t i = 0; i + 2 < indices.size() && !covered; i += 3) {
        const gis::Vec2 a = vertices[indices[i]], b = vertices[indices[i + 1]], c = vertices[indices[i + 2]];
        const double d1 = gis::triangleArea(a, b, centre), d2 = gis::triangleArea(b, c, centre), d3 = gis::triangleArea(c, a, centre);
        covered = (d1 > 0 && d2 > 0 && d3 > 0) || (d1 < 0 && d2 < 0 && d3 < 0);
    }
    CHECK_FALSE(covered);
}

TEST_CASE("A self-intersecting huge ring in pieces fills what even-odd fills", "[tess][huge]") {
    // A 10,000-vertex square traversed twice in a figure eight: two squares side by side
    // drawn as one bow-tie-shaped ring (even-odd area = both squares).
    gis::Ring ring;
    const int n = 2500;
    auto side = [&](gis::Vec2 from, gis::Vec2 to) {
        for (int i = 0; i < n; ++i) ring.push_back({from.x + (to.x - from.x) * i / n, from.y + (to.y - from.y) * i / n});
    };
    side({0, 0}, {1000, 1000});
    side({1000, 1000}, {1000, 0});
    side({1000, 0}, {0, 1000});
    side({0, 1000}, {0, 0});
    gis::Polygon polygon{{ring}};
    std::vector<gis::Vec2> vertices;
    std::vector<std::uint32_t> indices;
    REQUIRE(gis::tess::triangulatePolygon(polygon, vertices, indices));
    CHECK(meshArea(vertices, indices) == Approx(500000.0).epsilon(1e-9));
}
