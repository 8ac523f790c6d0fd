// The monotone triangulator (gis/tess/monotone_triangulator.hpp) on simple polygons with holes:
// random star-shaped and spiky rings, combs and grids full of equal-y vertices and collinear
// runs. The triangles must cover exactly the polygon: counter-clockwise, their areas adding up
// to the even-odd area, and every centroid inside. Rings that are not simple must be refused,
// and triangulatePolygon must then still fill the even-odd area through its general path.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>

#include "gis/core/planar.hpp"
#include "gis/tess/monotone_triangulator.hpp"
#include "gis/tess/polygon_triangulator.hpp"

namespace {

using gis::Polygon;
using gis::Ring;
using gis::Vec2;

struct Mesh {
    std::vector<Vec2> vertices;
    std::vector<std::uint32_t> indices;
    std::size_t triangles() const { return indices.size() / 3; }
};

double meshArea(const Mesh& m) {
    double area = 0.0;
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3)
        area += std::fabs(gis::triangleArea(m.vertices[m.indices[i]], m.vertices[m.indices[i + 1]], m.vertices[m.indices[i + 2]]));
    return area;
}

std::size_t clockwiseTriangles(const Mesh& m) {
    std::size_t count = 0;
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3)
        if (!(gis::triangleArea(m.vertices[m.indices[i]], m.vertices[m.indices[i + 1]], m.vertices[m.indices[i + 2]]) > 0)) ++count;
    return count;
}

std::size_t centroidsOutside(const Polygon& p, const Mesh& m) {
    std::size_t count = 0;
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
        const Vec2 a = m.vertices[m.indices[i]], b = m.vertices[m.indices[i + 1]], c = m.vertices[m.indices[i + 2]];
        if (!gis::pointInPolygon(p, {(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3})) ++count;
    }
    return count;
}

/// Triangulates with the monotone path and checks the mesh covers exactly the polygon.
void requireExactCover(const Polygon& p, bool checkCentroids = true) {
    Mesh m;
    REQUIRE(gis::tess::triangulateMonotone(p, m.vertices, m.indices));
    CHECK(meshArea(m) == Approx(gis::polygonArea(p)).epsilon(1e-9));
    CHECK(clockwiseTriangles(m) == 0);
    if (checkCentroids) CHECK(centroidsOutside(p, m) == 0);
    std::size_t ringVertices = 0;
    for (const Ring& r : p.rings) ringVertices += r.size();
    CHECK(m.vertices.size() == ringVertices);  // no vertex added
    // A triangulation without new vertices has n + 2h − 2 triangles; collinear runs lose some
    // (zero-area ones are left out), none may be extra.
    CHECK(m.triangles() <= ringVertices + 2 * (p.rings.size() - 1) - 2);
}

Ring starRing(std::mt19937& rng, std::size_t n, Vec2 centre, double radius, double minFactor) {
    std::uniform_real_distribution<double> angle(0.0, 2 * std::numbers::pi), factor(minFactor, 1.0);
    std::vector<double> angles(n);
    for (double& a : angles) a = angle(rng);
    std::sort(angles.begin(), angles.end());
    Ring ring;
    for (const double a : angles) {
        const double r = radius * factor(rng);
        ring.push_back({centre.x + r * std::cos(a), centre.y + r * std::sin(a)});
    }
    return ring;
}

Ring wavyRing(std::size_t n, int waves, double amplitude, Vec2 centre, double radius) {
    Ring ring;
    for (std::size_t i = 0; i < n; ++i) {
        const double t = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        const double r = radius * (1.0 + amplitude * std::sin(waves * t));
        ring.push_back({centre.x + r * std::cos(t), centre.y + r * std::sin(t)});
    }
    return ring;
}

Ring reversed(Ring r) {
    std::reverse(r.begin(), r.end());
    return r;
}

/// A comb: a bar from y = 0 to 1 with `teeth` teeth of height 4 above it and as many below,
/// every tooth tip and notch at the same y; each straight side split into `steps` collinear parts.
Ring combRing(int teeth, int steps) {
    Ring ring;
    auto line = [&](Vec2 from, Vec2 to) {
        for (int i = 0; i < steps; ++i)
            ring.push_back({from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps});
    };
    // Bottom side, left to right: teeth pointing down.
    for (int k = 0; k < teeth; ++k) {
        const double x = 2.0 * k;
        line({x, 0}, {x, -4});
        line({x, -4}, {x + 1, -4});
        line({x + 1, -4}, {x + 1, 0});
        line({x + 1, 0}, {x + 2, 0});
    }
    // Top side, right to left: teeth pointing up.
    const double right = 2.0 * teeth;
    line({right, 0}, {right, 1});
    for (int k = teeth - 1; k >= 0; --k) {
        const double x = 2.0 * k;
        line({x + 2, 1}, {x + 2, 5});
        line({x + 2, 5}, {x + 1, 5});
        line({x + 1, 5}, {x + 1, 1});
        line({x + 1, 1}, {x, 1});
    }
    line({0, 1}, {0, 0});
    return ring;
}

Ring squareRing(double x0, double y0, double x1, double y1, int steps) {
    Ring ring;
    const Vec2 corners[4] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    for (int c = 0; c < 4; ++c) {
        const Vec2 a = corners[c], b = corners[(c + 1) % 4];
        for (int i = 0; i < steps; ++i) ring.push_back({a.x + (b.x - a.x) * i / steps, a.y + (b.y - a.y) * i / steps});
    }
    return ring;
}

}  // namespace

TEST_CASE("monotone: random star-shaped rings are covered exactly", "[tess][monotone]") {
    std::mt19937 rng(7);
    for (const std::size_t n : {3u, 4u, 5u, 10u, 50u, 200u, 1000u, 3000u}) {
        for (int round = 0; round < 5; ++round) {
            CAPTURE(n, round);
            const Ring ring = starRing(rng, n, {11.78e6, 2.39e6}, 5e3, 0.05);
            requireExactCover(Polygon{{ring}});
            requireExactCover(Polygon{{reversed(ring)}});  // either orientation
        }
    }
}

TEST_CASE("monotone: spiky rings are covered exactly", "[tess][monotone]") {
    for (const double amplitude : {0.05, 0.3, 0.9}) {
        CAPTURE(amplitude);
        requireExactCover(Polygon{{wavyRing(2000, 500, amplitude, {11.78e6, 2.39e6}, 55e3)}});
    }
}

TEST_CASE("monotone: star-shaped rings with holes are covered exactly", "[tess][monotone]") {
    std::mt19937 rng(11);
    for (int round = 0; round < 10; ++round) {
        CAPTURE(round);
        Polygon p;
        p.rings.push_back(starRing(rng, 800, {0, 0}, 100, 0.9));  // radius in [90, 100]
        // Holes on a grid well inside radius 90, in alternating orientations.
        int k = 0;
        for (int i = -2; i <= 2; ++i)
            for (int j = -2; j <= 2; ++j) {
                if (i * i + j * j > 5) continue;
                Ring hole = starRing(rng, 40 + 10 * k, {i * 25.0, j * 25.0}, 11, 0.3);
                p.rings.push_back(k++ % 2 == 0 ? hole : reversed(hole));
            }
        requireExactCover(p);
    }
}

TEST_CASE("monotone: a spiky ring with spiky holes is covered exactly", "[tess][monotone]") {
    Polygon p;
    p.rings.push_back(wavyRing(6000, 2000, 0.3, {0, 0}, 55e3));
    p.rings.push_back(wavyRing(800, 100, 0.2, {0, 0}, 20e3));
    p.rings.push_back(reversed(wavyRing(400, 50, 0.3, {31e3, 0}, 4e3)));
    p.rings.push_back(wavyRing(400, 50, 0.3, {-31e3, 0}, 4e3));
    requireExactCover(p);
}

TEST_CASE("monotone: combs with many equal-y vertices and collinear runs are covered exactly", "[tess][monotone]") {
    for (const int steps : {1, 3}) {
        CAPTURE(steps);
        requireExactCover(Polygon{{combRing(50, steps)}});
        requireExactCover(Polygon{{reversed(combRing(50, steps))}});
        // The same comb turned a quarter: equal x instead of equal y.
        Ring turned = combRing(50, steps);
        for (Vec2& v : turned) v = {-v.y, v.x};
        requireExactCover(Polygon{{turned}});
    }
}

TEST_CASE("monotone: a square grid of square holes is covered exactly", "[tess][monotone]") {
    // A 20 x 20 grid of unit holes in a square shell, every edge axis-parallel, every edge of the
    // shell split at the integers (collinear vertices all along).
    for (const int steps : {1, 2}) {
        CAPTURE(steps);
        Polygon p;
        p.rings.push_back(squareRing(0, 0, 40, 40, 40));
        for (int i = 0; i < 20; ++i)
            for (int j = 0; j < 20; ++j) p.rings.push_back(squareRing(2 * i + 0.5, 2 * j + 0.5, 2 * i + 1.5, 2 * j + 1.5, steps));
        requireExactCover(p);
    }
}

TEST_CASE("monotone: a staircase ring is covered exactly", "[tess][monotone]") {
    Ring ring{{0, 0}};
    const int stairs = 300;
    for (int k = 0; k < stairs; ++k) {
        ring.push_back({k + 1.0, static_cast<double>(k)});
        ring.push_back({k + 1.0, k + 1.0});
    }
    ring.push_back({0, static_cast<double>(stairs)});
    requireExactCover(Polygon{{ring}});
    requireExactCover(Polygon{{reversed(ring)}});
}

TEST_CASE("monotone: rings that are not simple are refused", "[tess][monotone]") {
    Mesh m;
    SECTION("bowtie") { CHECK_FALSE(gis::tess::triangulateMonotone(Polygon{{{{0, 0}, {10, 10}, {10, 0}, {0, 10}}}}, m.vertices, m.indices)); }
    SECTION("a ring touching itself at a vertex") {
        // Two squares sharing the corner (10, 10), drawn as one ring: valid OGC, but not for us.
        const Ring ring{{0, 0}, {10, 0}, {10, 10}, {20, 10}, {20, 20}, {10, 20}, {10, 10}, {0, 10}};
        CHECK_FALSE(gis::tess::triangulateMonotone(Polygon{{ring}}, m.vertices, m.indices));
    }
    SECTION("a vertex on another edge") {
        const Ring ring{{0, 0}, {10, 0}, {10, 10}, {5, 0.0}, {0, 10}};
        CHECK_FALSE(gis::tess::triangulateMonotone(Polygon{{ring}}, m.vertices, m.indices));
    }
    SECTION("a fold-back") {
        const Ring ring{{0, 0}, {10, 0}, {5, 0}, {5, 5}};
        CHECK_FALSE(gis::tess::triangulateMonotone(Polygon{{ring}}, m.vertices, m.indices));
    }
    SECTION("a hole crossing the shell") {
        const Polygon p{{squareRing(0, 0, 10, 10, 1), squareRing(5, 5, 15, 8, 1)}};
        CHECK_FALSE(gis::tess::triangulateMonotone(p, m.vertices, m.indices));
    }
    SECTION("a hole touching the shell") {
        const Polygon p{{squareRing(0, 0, 10, 10, 1), Ring{{0, 5}, {5, 4}, {5, 6}}}};
        CHECK_FALSE(gis::tess::triangulateMonotone(p, m.vertices, m.indices));
    }
    SECTION("a hole inside a hole (its even-odd area is not shell minus holes)") {
        const Polygon p{{squareRing(0, 0, 10, 10, 1), squareRing(2, 2, 8, 8, 1), squareRing(4, 4, 6, 6, 1)}};
        CHECK_FALSE(gis::tess::triangulateMonotone(p, m.vertices, m.indices));
    }
    SECTION("a hole outside the shell") {
        const Polygon p{{squareRing(0, 0, 10, 10, 1), squareRing(20, 20, 30, 30, 1)}};
        CHECK_FALSE(gis::tess::triangulateMonotone(p, m.vertices, m.indices));
    }
    CHECK(m.vertices.empty());  // nothing appended when refused
    CHECK(m.indices.empty());
}

TEST_CASE("monotone: a huge self-crossing ring is refused and still filled even-odd", "[tess][monotone]") {
    // A 10,000-vertex figure eight (two triangles meeting at (500, 500)), above kPieceVertices.
    Ring ring;
    const int n = 2500;
    auto side = [&](Vec2 from, Vec2 to) {
        for (int i = 0; i < n; ++i) ring.push_back({from.x + (to.x - from.x) * i / n, from.y + (to.y - from.y) * i / n});
    };
    side({0, 0}, {1000, 1000});
    side({1000, 1000}, {1000, 0});
    side({1000, 0}, {0, 1000});
    side({0, 1000}, {0, 0});
    REQUIRE(ring.size() > gis::tess::kPieceVertices);
    const Polygon p{{ring}};
    Mesh refused;
    CHECK_FALSE(gis::tess::triangulateMonotone(p, refused.vertices, refused.indices));
    const auto before = gis::tess::triangulatorStats();
    Mesh m;
    REQUIRE(gis::tess::triangulatePolygon(p, m.vertices, m.indices));
    CHECK(gis::tess::triangulatorStats().monotoneRefusals > before.monotoneRefusals);
    CHECK(meshArea(m) == Approx(500000.0).epsilon(1e-9));
}

TEST_CASE("monotone: a huge ring with nested holes falls back and fills even-odd", "[tess][monotone]") {
    // Nested holes are not OGC-valid, but even-odd fills the innermost ring again.
    const Polygon p{{squareRing(0, 0, 100, 100, 2000), squareRing(20, 20, 80, 80, 400), squareRing(40, 40, 60, 60, 100)}};
    Mesh m;
    REQUIRE(gis::tess::triangulatePolygon(p, m.vertices, m.indices));
    CHECK(meshArea(m) == Approx(10000.0 - 3600.0 + 400.0).epsilon(1e-9));
}

TEST_CASE("monotone: a big spiky ring of 20000 waves is covered exactly", "[tess][monotone][huge]") {
    // 20,000 spikes of ±30 %: the case GLU took over a second for.
    const Polygon p{{wavyRing(60000, 20000, 0.3, {11.78e6, 2.39e6}, 55e3)}};
    requireExactCover(p, false);  // centroids: quadratic point-in-polygon, checked on smaller rings
    // triangulatePolygon takes the monotone path: n − 2 triangles, no vertex added.
    Mesh m;
    const auto before = gis::tess::triangulatorStats();
    REQUIRE(gis::tess::triangulatePolygon(p, m.vertices, m.indices));
    CHECK(gis::tess::triangulatorStats().monotoneRefusals == before.monotoneRefusals);
    CHECK(m.vertices.size() == 60000);
    CHECK(m.triangles() == 60000 - 2);
    CHECK(meshArea(m) == Approx(std::fabs(gis::ringArea(p.rings[0]))).epsilon(1e-9));
}

TEST_CASE("monotone: random rings on a small integer grid are covered exactly or refused", "[tess][monotone]") {
    // Vertices on a 12 x 12 grid: equal x and y everywhere, collinear runs, vertices on other
    // edges, repeated points, self-crossings. Whatever is accepted must be an exact cover.
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> coordinate(0, 11);
    std::size_t accepted = 0, refused = 0;
    for (int round = 0; round < 4000; ++round) {
        const std::size_t n = 3 + round % 20;
        Ring ring;
        for (std::size_t i = 0; i < n; ++i) ring.push_back({static_cast<double>(coordinate(rng)), static_cast<double>(coordinate(rng))});
        if (round % 2 == 0) {
            // Sorted by angle around the centre: star-shaped, so mostly simple.
            std::sort(ring.begin(), ring.end(), [](Vec2 a, Vec2 b) { return std::atan2(a.y - 5.5, a.x - 5.5) < std::atan2(b.y - 5.5, b.x - 5.5); });
        }
        Polygon p{{ring}};
        if (round % 3 == 0) p.rings.push_back(squareRing(5.25, 5.25, 5.75, 5.75, 1 + round % 2));  // a hole round the centre
        Mesh m;
        if (!gis::tess::triangulateMonotone(p, m.vertices, m.indices)) {
            ++refused;
            CHECK(m.indices.empty());
            continue;
        }
        ++accepted;
        CAPTURE(round);
        CHECK(meshArea(m) == Approx(gis::polygonArea(p)).epsilon(1e-9));
        CHECK(clockwiseTriangles(m) == 0);
        CHECK(centroidsOutside(p, m) == 0);
    }
    CHECK(accepted > 500);
    CHECK(refused > 500);
}
