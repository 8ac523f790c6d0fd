// Ear clipping of small simple rings (gis/tess/ear_clipping.hpp): every triangle counter-clockwise
// and inside the ring, their areas the ring's, n − 2 of them; whatever is not certainly simple is
// refused with nothing appended, and triangulatePolygon still fills it even-odd.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include "gis/core/planar.hpp"
#include "gis/tess/ear_clipping.hpp"
#include "gis/tess/polygon_triangulator.hpp"

namespace {

using gis::Polygon;
using gis::Ring;
using gis::Vec2;

struct Mesh {
    std::vector<Vec2> vertices;
    std::vector<std::uint32_t> indices;
};

Vec2 corner(const Mesh& m, std::size_t i) { return m.vertices[m.indices[i]]; }

/// Triangulates by ears and checks the mesh covers exactly the ring, with the ring's own vertices.
void requireExactCover(const Ring& ring) {
    Mesh m;
    REQUIRE(gis::tess::triangulateRingByEars(ring, m.vertices, m.indices));
    CHECK(m.vertices.size() == ring.size());
    REQUIRE(m.indices.size() == 3 * (ring.size() - 2));
    double area = 0.0;
    const Polygon polygon{{ring}};
    for (std::size_t i = 0; i < m.indices.size(); i += 3) {
        const Vec2 a = corner(m, i), b = corner(m, i + 1), c = corner(m, i + 2);
        CHECK(gis::triangleArea(a, b, c) > 0.0);  // counter-clockwise, never a sliver of zero area
        CHECK(gis::pointInPolygon(polygon, {(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3}));
        area += gis::triangleArea(a, b, c);
    }
    CHECK(area == Approx(std::abs(gis::ringArea(ring))).epsilon(1e-12));
}

/// A ring star-shaped around `centre`: one vertex in each of n equal sectors (so no gap reaches
/// half a turn and the ring is simple), at a random radius, so deeply concave for a small minFactor.
Ring starRing(std::mt19937& rng, std::size_t n, Vec2 centre, double radius, double minFactor) {
    std::uniform_real_distribution<double> within(0.0, 0.8), factor(minFactor, 1.0);
    Ring ring;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2 * std::numbers::pi * (static_cast<double>(i) + within(rng)) / static_cast<double>(n);
        const double r = radius * factor(rng);
        ring.push_back({centre.x + r * std::cos(a), centre.y + r * std::sin(a)});
    }
    return ring;
}

void requireRefused(const Ring& ring) {
    Mesh m;
    m.vertices.push_back({1, 2});  // what was there before stays, nothing is added
    m.indices.push_back(0);
    CHECK_FALSE(gis::tess::triangulateRingByEars(ring, m.vertices, m.indices));
    CHECK(m.vertices.size() == 1);
    CHECK(m.indices.size() == 1);
}

}  // namespace

TEST_CASE("ear clipping: random star-shaped rings of 4 to 32 vertices, both orientations, far from the origin", "[tess][ears]") {
    std::mt19937 rng(20261207);
    for (int trial = 0; trial < 400; ++trial) {
        const std::size_t n = 4 + static_cast<std::size_t>(trial) % (gis::tess::kEarClipMaxVertices - 3);
        // Web Mercator metres in Vietnam, a commune's size, deeply concave spikes.
        Ring ring = starRing(rng, n, {11.78e6, 2.39e6}, 4000.0, 0.15);
        INFO("trial " << trial << ", " << n << " vertices");
        requireExactCover(ring);
        std::reverse(ring.begin(), ring.end());  // clockwise
        requireExactCover(ring);
    }
}

TEST_CASE("ear clipping: a comb, every tooth a reflex vertex beside an ear", "[tess][ears]") {
    Ring comb{{0, 0}, {10, 0}, {10, 5}};
    for (int tooth = 4; tooth >= 0; --tooth) {
        comb.push_back({2.0 * tooth + 1.5, 5});
        comb.push_back({2.0 * tooth + 1.0, 1});
        comb.push_back({2.0 * tooth + 0.5, 5});
    }
    comb.push_back({0, 5});
    REQUIRE(comb.size() <= gis::tess::kEarClipMaxVertices);
    requireExactCover(comb);
}

TEST_CASE("ear clipping: what is not certainly simple is refused, and triangulatePolygon still fills it", "[tess][ears]") {
    SECTION("a bow-tie") {
        const Ring bowtie{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {-1, 5}};
        requireRefused(bowtie);
        Mesh m;
        REQUIRE(gis::tess::triangulatePolygon(Polygon{{bowtie}}, m.vertices, m.indices));
        CHECK_FALSE(m.indices.empty());
    }
    SECTION("a straight vertex") { requireRefused({{0, 0}, {5, 0}, {10, 0}, {10, 10}, {6, 4}, {0, 10}}); }
    SECTION("a repeated vertex") { requireRefused({{0, 0}, {10, 0}, {5, 5}, {10, 10}, {0, 10}, {5, 5}}); }
    SECTION("a ring touching itself") { requireRefused({{0, 0}, {10, 0}, {10, 10}, {5, 0}, {0, 10}}); }
    SECTION("a fold-back spike") { requireRefused({{0, 0}, {10, 0}, {10, 10}, {5, 10}, {5, 20}, {5, 10}, {0, 10}}); }
    SECTION("more vertices than kEarClipMaxVertices") {
        std::mt19937 rng(7);
        requireRefused(starRing(rng, gis::tess::kEarClipMaxVertices + 1, {0, 0}, 100.0, 0.5));
    }
    SECTION("no area") { requireRefused({{0, 0}, {1, 1}, {2, 2}}); }
}
