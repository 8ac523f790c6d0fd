// Douglas–Peucker on lines and rings, ring collapse, and the level-skip rule of buildLayerMeshes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "gis/tess/douglas_peucker.hpp"
#include "gis/tess/mesh_builder.hpp"
#include "gis/core/planar.hpp"
#include "gis/tess/simplify.hpp"

namespace {

using gis::Ring;
using gis::Vec2;
using gis::tess::RingRole;

bool same(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }

bool contains(const std::vector<Vec2>& points, Vec2 p) {
    return std::any_of(points.begin(), points.end(), [&](Vec2 q) { return same(p, q); });
}

}  // namespace

TEST_CASE("Douglas-Peucker keeps the endpoints and removes collinear and near-collinear points", "[tess][dp]") {
    const gis::LineString line{{0, 0}, {1, 0}, {2, 0.05}, {3, 0}, {3, 2}, {3, 4}, {3, 5}};
    const gis::LineString out = gis::tess::simplifyLine(line, 0.1);
    REQUIRE(out.size() == 3);
    CHECK(same(out.front(), line.front()));
    CHECK(same(out[1], {3, 0}));
    CHECK(same(out.back(), line.back()));
    // a bump above the tolerance stays
    CHECK(gis::tess::simplifyLine(line, 0.01).size() == 5);  // (1, 0) is 0.025 off the chord to (2, 0.05)
    // two-point lines and zero tolerance are untouched
    CHECK(gis::tess::simplifyLine({{0, 0}, {1, 1}}, 10.0).size() == 2);
    CHECK(gis::tess::simplifyLine(line, 0.0).size() == line.size());
}

TEST_CASE("ring simplification removes collinear vertices, independent of the start vertex", "[tess][dp]") {
    // A 100 m square with a vertex in the middle of each side and a 1 m wiggle on one side.
    const Ring ring{{0, 0}, {50, 0}, {100, 0}, {100, 50}, {100.5, 60}, {100, 70}, {100, 100}, {50, 100}, {0, 100}, {0, 50}};
    const Ring out = gis::tess::simplifyRing(ring, 2.0, RingRole::Outer);
    REQUIRE(out.size() == 4);
    for (const Vec2 corner : {Vec2{0, 0}, Vec2{100, 0}, Vec2{100, 100}, Vec2{0, 100}}) CHECK(contains(out, corner));
    CHECK(std::abs(gis::ringArea(out)) == Approx(10000.0));
    Ring rotated(ring.begin() + 3, ring.end());
    rotated.insert(rotated.end(), ring.begin(), ring.begin() + 3);
    const Ring outRotated = gis::tess::simplifyRing(rotated, 2.0, RingRole::Outer);
    REQUIRE(outRotated.size() == out.size());
    for (const Vec2 p : out) CHECK(contains(outRotated, p));
}

TEST_CASE("ring collapse keeps something, tiny holes are dropped", "[tess][dp]") {
    SECTION("a ring smaller than the tolerance becomes a triangle or quad of its extremes") {
        Ring small;
        for (int i = 0; i < 40; ++i) {
            const double a = 2 * std::numbers::pi * i / 40;
            small.push_back({100 + 30 * std::cos(a), 200 + 20 * std::sin(a)});
        }
        const Ring out = gis::tess::simplifyRing(small, 500.0, RingRole::Outer);
        CHECK(out.size() >= 3);
        CHECK(out.size() <= 4);
        CHECK(std::abs(gis::ringArea(out)) > 0.0);
        CHECK(gis::tess::simplifyRing(small, 500.0, RingRole::Hole).empty());
    }
    SECTION("a long thin ring keeps its 4 most significant vertices, not a sliver") {
        // 10 km x 300 m, densely sampled; at 400 m every vertex would be within tolerance.
        Ring thin;
        for (int i = 0; i <= 100; ++i) thin.push_back({100.0 * i, 0.0});
        thin.push_back({10000.0, 150.0});
        for (int i = 100; i >= 0; --i) thin.push_back({100.0 * i, 300.0});
        const Ring out = gis::tess::simplifyRing(thin, 400.0, RingRole::Outer);
        CHECK(out.size() == 4);
        CHECK(std::abs(gis::ringArea(out)) > 0.5 * 10000.0 * 300.0);
    }
    SECTION("a feature of one tiny polygon keeps a shape through simplifyGeometry") {
        gis::Geometry g;
        g.kind = gis::GeometryKind::Polygon;
        g.polygons.push_back({{{{0, 0}, {3, 0}, {4, 1}, {3, 3}, {1, 4}, {0, 3}}, {{1, 1}, {2, 1}, {2, 2}}}});
        const gis::Geometry s = gis::tess::simplifyGeometry(g, 1000.0);
        REQUIRE(s.polygons.size() == 1);
        REQUIRE(s.polygons[0].rings.size() == 1);  // the hole is gone
        CHECK(s.polygons[0].rings[0].size() >= 3);
    }
    SECTION("degenerate rings survive") {
        CHECK(gis::tess::simplifyRing({}, 10.0, RingRole::Outer).empty());
        CHECK(gis::tess::simplifyRing({{5, 5}, {5, 5}, {5, 5}, {5, 5}, {5, 5}}, 10.0, RingRole::Outer).size() == 5);
        const Ring collinear{{0, 0}, {100, 0}, {200, 0}, {300, 0}, {400, 0}, {500, 0}};
        CHECK(gis::tess::simplifyRing(collinear, 10.0, RingRole::Outer).size() >= 2);
    }
}

TEST_CASE("Douglas-Peucker handles a huge ring without recursion", "[tess][dp]") {
    // 200,000 vertices on a spiral-ish noisy circle: an explicit stack, no stack overflow.
    Ring ring;
    for (int i = 0; i < 200000; ++i) {
        const double a = 2 * std::numbers::pi * i / 200000;
        const double r = 10000 + 5 * std::sin(i * 0.37);
        ring.push_back({r * std::cos(a), r * std::sin(a)});
    }
    const Ring out = gis::tess::simplifyRing(ring, 20.0, RingRole::Outer);
    CHECK(out.size() > 20);
    CHECK(out.size() < 2000);
    CHECK(std::abs(gis::ringArea(out)) == Approx(std::numbers::pi * 1e8).epsilon(0.01));
}

TEST_CASE("buildLayerMeshes skips levels that would keep more than 90% of the vertices", "[tess][dp]") {
    gis::data::VectorLayer layer;
    gis::data::Feature points;
    points.geometry.kind = gis::GeometryKind::Point;
    points.geometry.points = {{5, 5}, {50, 50}};
    gis::data::Feature square;
    square.geometry.kind = gis::GeometryKind::Polygon;
    Ring ring;  // 1 km square with a vertex every metre: 4,000 vertices, 4 after simplification
    for (int i = 0; i < 1000; ++i) ring.push_back({double(i), 0});
    for (int i = 0; i < 1000; ++i) ring.push_back({1000, double(i)});
    for (int i = 0; i < 1000; ++i) ring.push_back({1000.0 - i, 1000});
    for (int i = 0; i < 1000; ++i) ring.push_back({0, 1000.0 - i});
    square.geometry.polygons.push_back({{ring}});

    SECTION("points are never simplified: only full detail") {
        layer.features = {points};
        layer.bounds = points.geometry.bounds();
        const auto meshes = gis::tess::buildLayerMeshes(layer, {10.0, 100.0});
        CHECK(meshes.levels.size() == 1);
        // buildLodLevel still builds any level asked for
        CHECK(gis::tess::buildLodLevel(layer, 100.0, 1).points.featureIds.size() == 2);
    }
    SECTION("the first simplified level removes almost everything, the next one nothing more") {
        layer.features = {square, points};
        layer.bounds = square.geometry.bounds();
        CHECK(gis::tess::simplifiedVertexCount(layer, 10.0, 2) == 4 + 2);
        const auto meshes = gis::tess::buildLayerMeshes(layer, {10.0, 100.0});
        REQUIRE(meshes.levels.size() == 2);
        CHECK(meshes.levels[1].toleranceMeters == 10.0);
        CHECK(meshes.levels[1].outline.featureRanges[0].count == 4);
    }
}
