// The GLU triangulator on what Douglas–Peucker can produce: self-intersecting rings, holes that
// cross the outer ring, either ring orientation. The fill must equal the even-odd area.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "gis/tess/convex_fan.hpp"
#include "gis/tess/polygon_triangulator.hpp"

namespace {

using gis::Polygon;
using gis::Vec2;

double meshArea(const std::vector<Vec2>& v, const std::vector<std::uint32_t>& idx) {
    double area = 0.0;
    for (std::size_t i = 0; i + 2 < idx.size(); i += 3) area += std::abs(gis::triangleArea(v[idx[i]], v[idx[i + 1]], v[idx[i + 2]]));
    return area;
}

/// Even-odd area by sampling cell centres of a fine grid over the bounds (exact for the shapes
/// below up to cells cut by edges).
double evenOddArea(const Polygon& p, int samples = 1000) {
    gis::Bounds b;
    for (const auto& r : p.rings) for (const Vec2& v : r) b.expand(v);
    const double dx = b.width() / samples, dy = b.height() / samples;
    std::size_t inside = 0;
    for (int i = 0; i < samples; ++i)
        for (int j = 0; j < samples; ++j)
            inside += gis::pointInPolygon(p, {b.minX + (i + 0.5) * dx, b.minY + (j + 0.5) * dy}) ? 1 : 0;
    return static_cast<double>(inside) * dx * dy;
}

/// Every triangle's centroid lies in the even-odd interior.
void checkCentroidsInside(const Polygon& p, const std::vector<Vec2>& v, const std::vector<std::uint32_t>& idx) {
    for (std::size_t i = 0; i + 2 < idx.size(); i += 3) {
        const Vec2 a = v[idx[i]], b = v[idx[i + 1]], c = v[idx[i + 2]];
        CHECK(gis::pointInPolygon(p, {(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3}));
    }
}

}  // namespace

TEST_CASE("bowtie: a self-intersecting ring triangulates to its even-odd area", "[tess][glu]") {
    Polygon bowtie;
    bowtie.rings.push_back({{0, 0}, {10, 10}, {10, 0}, {0, 10}});
    std::vector<Vec2> v;
    std::vector<std::uint32_t> idx;
    const auto before = gis::tess::triangulatorStats();
    REQUIRE(gis::tess::triangulatePolygon(bowtie, v, idx));
    CHECK(meshArea(v, idx) == Approx(50.0));  // two triangles of 25 meeting at (5, 5)
    CHECK(v.size() == 5);                     // the crossing point was added once
    CHECK(std::any_of(v.begin(), v.end(), [](Vec2 p) { return p.x == Approx(5.0) && p.y == Approx(5.0); }));
    checkCentroidsInside(bowtie, v, idx);
    CHECK(gis::tess::triangulatorStats().gluErrors == before.gluErrors);
}

TEST_CASE("pentagram: the doubly wound centre is not filled (odd rule)", "[tess][glu]") {
    Polygon star;
    star.rings.emplace_back();
    for (int k = 0; k < 5; ++k) {
        const double a = std::numbers::pi / 2 + k * 4 * std::numbers::pi / 5;  // every second vertex of a pentagon
        star.rings[0].push_back({1000 * std::cos(a), 1000 * std::sin(a)});
    }
    std::vector<Vec2> v;
    std::vector<std::uint32_t> idx;
    REQUIRE(gis::tess::triangulatePolygon(star, v, idx));
    const double expected = evenOddArea(star);
    CHECK(std::abs(meshArea(v, idx) - expected) / expected < 0.01);
    checkCentroidsInside(star, v, idx);
}

TEST_CASE("holes are holes whatever their orientation, even when one crosses the outer ring", "[tess][glu]") {
    std::vector<Vec2> v;
    std::vector<std::uint32_t> idx;
    SECTION("hole with the same orientation as the outer ring") {
        Polygon p;
        p.rings.push_back({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
        p.rings.push_back({{2, 2}, {4, 2}, {4, 4}, {2, 4}});  // counter-clockwise too
        REQUIRE(gis::tess::triangulatePolygon(p, v, idx));
        CHECK(meshArea(v, idx) == Approx(96.0));
        checkCentroidsInside(p, v, idx);
    }
    SECTION("a hole sticking out of the outer ring (as a simplified hole can)") {
        Polygon p;
        p.rings.push_back({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
        p.rings.push_back({{8, 4}, {8, 6}, {12, 6}, {12, 4}});
        REQUIRE(gis::tess::triangulatePolygon(p, v, idx));
        CHECK(meshArea(v, idx) == Approx(100.0 - 4.0 + 4.0));  // even-odd: the part outside fills
        CHECK(meshArea(v, idx) == Approx(evenOddArea(p)).epsilon(0.01));
        checkCentroidsInside(p, v, idx);
    }
}

TEST_CASE("coordinates far from the origin keep their precision", "[tess][glu]") {
    // A 1 m square 12,000 km east: relative coordinates inside the tessellator.
    Polygon p;
    const double x0 = 12'000'000.123, y0 = 2'000'000.456;
    p.rings.push_back({{x0, y0}, {x0 + 1, y0}, {x0 + 1, y0 + 1}, {x0 + 0.5, y0 + 0.5}, {x0, y0 + 1}});
    std::vector<Vec2> v{{1, 2}};  // existing content must be kept and offset
    std::vector<std::uint32_t> idx{0};
    REQUIRE(gis::tess::triangulatePolygon(p, v, idx));
    CHECK(idx[0] == 0);
    for (std::size_t i = 1; i < idx.size(); ++i) CHECK(idx[i] >= 1);
    std::vector<std::uint32_t> mine(idx.begin() + 1, idx.end());
    CHECK(meshArea(v, mine) == Approx(0.75).epsilon(1e-9));
}

TEST_CASE("convex rings take the fan fast path, non-convex ones do not", "[tess][glu]") {
    std::vector<Vec2> v;
    std::vector<std::uint32_t> idx;
    SECTION("convex with a collinear vertex") {
        const gis::Ring quad{{0, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 10}};
        REQUIRE(gis::tess::triangulateConvexRing(quad, v, idx));
        CHECK(meshArea(v, idx) == Approx(100.0));
        CHECK(idx.size() == 6);  // the fan triangle along the collinear edge has no area: skipped
    }
    SECTION("clockwise convex") {
        REQUIRE(gis::tess::triangulateConvexRing({{0, 0}, {0, 10}, {10, 10}, {10, 0}}, v, idx));
        CHECK(meshArea(v, idx) == Approx(100.0));
    }
    SECTION("rejected: reflex vertex, bowtie, pentagram, a convex ring walked twice, zero area") {
        CHECK_FALSE(gis::tess::triangulateConvexRing({{0, 0}, {10, 0}, {5, 2}, {10, 10}, {0, 10}}, v, idx));
        CHECK_FALSE(gis::tess::triangulateConvexRing({{0, 0}, {10, 10}, {10, 0}, {0, 10}}, v, idx));
        gis::Ring star;
        for (int k = 0; k < 5; ++k) {
            const double a = std::numbers::pi / 2 + k * 4 * std::numbers::pi / 5;
            star.push_back({1000 * std::cos(a), 1000 * std::sin(a)});
        }
        CHECK_FALSE(gis::tess::triangulateConvexRing(star, v, idx));
        CHECK_FALSE(gis::tess::triangulateConvexRing({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}, {10, 0}, {10, 10}, {0, 10}}, v, idx));
        CHECK_FALSE(gis::tess::triangulateConvexRing({{0, 0}, {5, 0}, {10, 0}}, v, idx));
        CHECK(v.empty());
        CHECK(idx.empty());
    }
}
