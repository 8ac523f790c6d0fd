// The one-descent vertex counts (used to pick a level of detail) agree with simplifying at each
// tolerance and counting, for every case simplifyRing and simplifyLine distinguish.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>

#include "gis/tess/douglas_peucker.hpp"
#include "gis/tess/mesh_builder.hpp"
#include "gis/tess/simplify.hpp"

namespace {

using gis::Ring;
using gis::Vec2;

const std::vector<double> kTolerances{0.0, 0.5, 1.0, 2.0, 5.0, 10.0, 38.0, 76.0, 153.0, 306.0, 611.0, 5000.0};

/// A wavy ring around (cx, cy): n vertices, radius r with random wobble.
Ring wavyRing(std::mt19937& random, std::size_t n, double cx, double cy, double r, double wobble) {
    std::uniform_real_distribution<double> noise(-wobble, wobble);
    Ring ring;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        const double radius = r * (1.0 + noise(random));
        ring.push_back({cx + radius * std::cos(a), cy + radius * std::sin(a)});
    }
    return ring;
}

void checkRing(const Ring& ring) {
    for (const auto role : {gis::tess::RingRole::Outer, gis::tess::RingRole::Hole}) {
        const std::vector<std::size_t> sizes = gis::tess::simplifiedRingSizes(ring, kTolerances, role);
        REQUIRE(sizes.size() == kTolerances.size());
        for (std::size_t t = 0; t < kTolerances.size(); ++t) {
            INFO("ring of " << ring.size() << " vertices, tolerance " << kTolerances[t] << ", hole " << (role == gis::tess::RingRole::Hole));
            CHECK(sizes[t] == gis::tess::simplifyRing(ring, kTolerances[t], role).size());
        }
    }
}

void checkLine(const gis::LineString& line) {
    const std::vector<std::size_t> sizes = gis::tess::simplifiedLineSizes(line, kTolerances);
    for (std::size_t t = 0; t < kTolerances.size(); ++t) {
        INFO("line of " << line.size() << " vertices, tolerance " << kTolerances[t]);
        CHECK(sizes[t] == gis::tess::simplifyLine(line, kTolerances[t]).size());
    }
}

}  // namespace

TEST_CASE("Vertex counts from one descent match simplifying at each tolerance", "[tess][dp]") {
    std::mt19937 random(7);
    SECTION("rings: wavy, smooth, tiny, small, slivers, degenerate") {
        for (int i = 0; i < 200; ++i) {
            const std::size_t n = 3 + static_cast<std::size_t>(random() % 400);
            const double r = std::pow(10.0, static_cast<double>(random() % 400) / 100.0);  // 1 m … 10 km
            checkRing(wavyRing(random, n, 1000.0 * i, -500.0 * i, r, (random() % 3) * 0.1));
        }
        checkRing({{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}});           // a diagonal sliver: two extremes
        checkRing({{0, 0}, {10, 0}, {10, 0.001}, {20, 0}, {20, 1}, {0, 1}});   // thin
        checkRing({{5, 5}, {5, 5}, {5, 5}, {5, 5}, {5, 5}, {5, 5}});           // all at one point
        checkRing({{0, 0}, {1, 0}, {1, 1}, {0, 1}});                           // 4 vertices: as is
        checkRing({});
    }
    SECTION("a ring above the huge-range limit is cut into pieces the same way") {
        Ring ring = wavyRing(random, 150000, 0, 0, 100000.0, 0.02);
        checkRing(ring);
        Ring sliver;
        for (int i = 0; i < 140000; ++i) sliver.push_back({i * 0.0001, i * 0.0001});
        checkRing(sliver);
    }
    SECTION("lines") {
        for (int i = 0; i < 100; ++i) {
            std::uniform_real_distribution<double> step(-50.0, 50.0);
            gis::LineString line{{0, 0}};
            const std::size_t n = 1 + static_cast<std::size_t>(random() % 300);
            for (std::size_t k = 1; k < n; ++k) line.push_back({line.back().x + 20.0, line.back().y + step(random)});
            checkLine(line);
        }
        gis::LineString closed{{0, 0}, {10, 0}, {10, 10}, {0, 0}};
        checkLine(closed);
    }
    SECTION("layers: polygons with holes, lines and points, against simplifiedVertexCount") {
        gis::data::VectorLayer layer;
        for (int i = 0; i < 300; ++i) {
            gis::data::Feature f;
            f.fid = i;
            if (i % 3 == 2) {
                f.geometry.kind = gis::GeometryKind::Point;
                f.geometry.points = {{i * 1.0, 0.0}, {i * 1.0, 5.0}};
            } else if (i % 3 == 1) {
                f.geometry.kind = gis::GeometryKind::Line;
                gis::LineString line;
                for (int k = 0; k < 60; ++k) line.push_back({k * 30.0, 40.0 * std::sin(k * 0.7 + i)});
                f.geometry.lines = {line};
            } else {
                f.geometry.kind = gis::GeometryKind::Polygon;
                gis::Polygon polygon;
                polygon.rings.push_back(wavyRing(random, 200, i * 3000.0, 0, 1000.0, 0.1));
                polygon.rings.push_back(wavyRing(random, 30, i * 3000.0, 0, 2.0 + (i % 7) * 20.0, 0.3));  // holes, some tiny
                f.geometry.polygons = {polygon};
            }
            layer.bounds.expand(f.geometry.bounds());
            layer.features.push_back(std::move(f));
        }
        const std::vector<std::size_t> counts = gis::tess::simplifiedVertexCounts(layer, kTolerances, 2);
        for (std::size_t t = 0; t < kTolerances.size(); ++t) {
            std::size_t expected = 0;
            for (const auto& f : layer.features) expected += gis::tess::vertexCount(gis::tess::simplifyGeometry(f.geometry, kTolerances[t]));
            INFO("tolerance " << kTolerances[t]);
            CHECK(counts[t] == expected);
            CHECK(gis::tess::simplifiedVertexCount(layer, kTolerances[t], 1) == expected);
        }
    }
}
