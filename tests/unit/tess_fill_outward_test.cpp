// Outward miters of triangulated fills (gis/tess/fill_outward.hpp): the direction each vertex
// moves so the fill grows evenly along its whole boundary, holes included.
#include <catch2/catch.hpp>

#include <cmath>

#include "gis/tess/fill_outward.hpp"
#include "gis/tess/polygon_triangulator.hpp"

namespace {

using gis::Polygon;
using gis::Vec2;

/// The miter of vertex `v`, decoded as the fill shader does.
Vec2 miterAt(const std::vector<std::int8_t>& miters, std::size_t v) {
    return {miters[2 * v] / 127.0 * gis::tess::kOutwardMiterMax, miters[2 * v + 1] / 127.0 * gis::tess::kOutwardMiterMax};
}

struct Triangulated {
    std::vector<Vec2> vertices;
    std::vector<std::uint32_t> indices;
    std::vector<std::int8_t> miters;
};

Triangulated triangulated(const Polygon& polygon) {
    Triangulated t;
    REQUIRE(gis::tess::triangulatePolygon(polygon, t.vertices, t.indices));
    gis::tess::appendOutwardMiters(t.vertices, t.indices, t.miters);
    REQUIRE(t.miters.size() == 2 * t.vertices.size());
    return t;
}

/// Index of the vertex at `p` (REQUIREs one).
std::size_t vertexAt(const Triangulated& t, Vec2 p) {
    for (std::size_t i = 0; i < t.vertices.size(); ++i)
        if (t.vertices[i].x == p.x && t.vertices[i].y == p.y) return i;
    FAIL("no vertex at " << p.x << ", " << p.y);
    return 0;
}

/// The miter of the vertex at `p` is `expected`, to the byte's precision.
void checkMiter(const Triangulated& t, Vec2 p, Vec2 expected) {
    const Vec2 m = miterAt(t.miters, vertexAt(t, p));
    INFO("vertex " << p.x << ", " << p.y);
    CHECK(m.x == Approx(expected.x).margin(0.02));
    CHECK(m.y == Approx(expected.y).margin(0.02));
}

/// Every edge of `ring` moves one unit outward at both ends: the miter's component along the
/// edge's outward normal is 1 (to the byte's precision). `outsideOnRight`: the filled side is on
/// the left of the ring's direction.
void checkEdgesMoveOneUnit(const Triangulated& t, const std::vector<Vec2>& ring, bool outsideOnRight) {
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
        const double length = std::hypot(b.x - a.x, b.y - a.y);
        Vec2 n{(b.y - a.y) / length, -(b.x - a.x) / length};  // right of a→b
        if (!outsideOnRight) n = {-n.x, -n.y};
        for (const Vec2 end : {a, b}) {
            const Vec2 m = miterAt(t.miters, vertexAt(t, end));
            INFO("edge " << i << " end " << end.x << ", " << end.y);
            CHECK(m.x * n.x + m.y * n.y == Approx(1.0).margin(0.03));
        }
    }
}

}  // namespace

TEST_CASE("fill outward: a square's corners move diagonally outward, each side by one unit", "[tess][outward]") {
    Polygon square;
    square.rings.push_back({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    const Triangulated t = triangulated(square);
    checkMiter(t, {0, 0}, {-1, -1});
    checkMiter(t, {10, 10}, {1, 1});
    checkEdgesMoveOneUnit(t, square.rings[0], true);
}

TEST_CASE("fill outward: the same square wound clockwise gets the same miters", "[tess][outward]") {
    Polygon clockwise;
    clockwise.rings.push_back({{0, 0}, {0, 10}, {10, 10}, {10, 0}});
    const Triangulated t = triangulated(clockwise);
    checkMiter(t, {0, 0}, {-1, -1});
    checkEdgesMoveOneUnit(t, clockwise.rings[0], false);
}

TEST_CASE("fill outward: a reflex corner moves into the notch, a hole's vertices into the hole", "[tess][outward]") {
    // An L whose reflex corner is (4, 4), with a square hole in its long arm.
    Polygon shape;
    shape.rings.push_back({{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}});
    shape.rings.push_back({{6, 1}, {6, 3}, {8, 3}, {8, 1}});  // clockwise
    const Triangulated t = triangulated(shape);
    checkMiter(t, {4, 4}, {1, 1});  // the reflex corner: towards (5, 5), outside the L
    checkMiter(t, {6, 1}, {1, 1});  // a hole's corner: towards the hole's centre (7, 2)
    checkEdgesMoveOneUnit(t, shape.rings[0], true);
    checkEdgesMoveOneUnit(t, shape.rings[1], true);  // clockwise hole: the fill is on its left too
}

TEST_CASE("fill outward: inside vertices stay, sharp spikes are held to the limit", "[tess][outward]") {
    // A fan around a centre vertex: the centre is inside every triangle's shared edges.
    const std::vector<Vec2> vertices{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {5, 5}};
    const std::vector<std::uint32_t> indices{4, 0, 1, 4, 1, 2, 4, 2, 3, 4, 3, 0};
    std::vector<std::int8_t> miters{42};  // appended after what is there
    gis::tess::appendOutwardMiters(vertices, indices, miters);
    REQUIRE(miters.size() == 1 + 2 * vertices.size());
    CHECK(miters[0] == 42);
    CHECK(miters[1 + 2 * 4] == 0);
    CHECK(miters[1 + 2 * 4 + 1] == 0);

    // A needle 100 long and 1 wide: a true miter at its tip would be 100 units long.
    Polygon needle;
    needle.rings.push_back({{0, 0}, {100, 0.5}, {0, 1}});
    const Triangulated t = triangulated(needle);
    const Vec2 tip = miterAt(t.miters, vertexAt(t, {100, 0.5}));
    CHECK(std::hypot(tip.x, tip.y) == Approx(gis::tess::kOutwardMiterMax).margin(0.03));
    CHECK(tip.x > 1.9);  // along the needle, outward
}
