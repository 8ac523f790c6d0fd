// The cheap simplicity test that lets validateAndRepair skip GEOS: whatever it accepts, GEOS
// IsValid accepts too; it accepts ordinary simple rings; it leaves touching, crossing, folded and
// degenerate rings to GEOS.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <numbers>
#include <random>

#include "gis/data/geos_support.hpp"
#include "gis/data/polygon_repair.hpp"

namespace {

using gis::Ring;

bool geosValid(const Ring& ring) {
    gis::Polygon polygon;
    polygon.rings.push_back(ring);
    gis::data::GeosPtr geometry = gis::data::toGeosPolygon(polygon);
    return geometry && GEOSisValid_r(gis::data::geosContext(), geometry.get()) == 1;
}

/// Star-shaped around the origin (angles sorted): always simple.
Ring starShaped(std::mt19937& random, std::size_t n, double scale) {
    std::uniform_real_distribution<double> radius(0.2, 1.0);
    Ring ring;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        const double r = radius(random) * scale;
        ring.push_back({1.2e7 + r * std::cos(a), 2.4e6 + r * std::sin(a)});
    }
    return ring;
}

}  // namespace

TEST_CASE("A ring accepted as certainly simple is always a valid GEOS shell", "[data][repair]") {
    std::mt19937 random(5);
    std::size_t accepted = 0, tried = 0;
    SECTION("star-shaped rings are simple and accepted") {
        for (int i = 0; i < 300; ++i) {
            const Ring ring = starShaped(random, 3 + random() % 300, std::pow(10.0, 1.0 + (random() % 400) / 100.0));
            CHECK(geosValid(ring));
            CHECK(gis::data::ringCertainlySimple(ring));
        }
    }
    // 3,000 random rings of 3 to 2 + maxVertices vertices: whatever is accepted GEOS finds valid,
    // and the set holds both kinds.
    auto acceptsOnlyValid = [&](std::size_t maxVertices, const std::function<gis::Vec2()>& vertex) {
        for (int i = 0; i < 3000; ++i) {
            Ring ring;
            const std::size_t n = 3 + random() % maxVertices;
            for (std::size_t k = 0; k < n; ++k) ring.push_back(vertex());
            ++tried;
            if (gis::data::ringCertainlySimple(ring)) {
                ++accepted;
                INFO("ring " << i);
                CHECK(geosValid(ring));
            }
        }
        CHECK(accepted > 0);
        CHECK(accepted < tried);
    };
    SECTION("random rings: often self-intersecting") {
        std::uniform_real_distribution<double> coordinate(0.0, 100.0);
        acceptsOnlyValid(8, [&] { return gis::Vec2{std::round(coordinate(random)), std::round(coordinate(random))}; });
    }
    SECTION("random rings where a float cannot tell the segments' starts apart") {
        // The sweep sorts segments by their start rounded down to a float: at 12,000 km a float
        // steps by a metre, so these rings' segments share keys in every order.
        std::uniform_real_distribution<double> offset(0.0, 4.0);
        acceptsOnlyValid(12, [&] { return gis::Vec2{1.2e7 + offset(random), -2.4e6 + offset(random)}; });
    }
    SECTION("touching, crossing, folded and degenerate rings are left to GEOS") {
        const std::vector<Ring> rings{
            {{0, 0}, {10, 0}, {0, 10}, {10, 10}},                                // bowtie
            {{0, 0}, {10, 0}, {10, 10}, {5, 0}, {0, 10}},                        // a vertex on another segment
            {{0, 0}, {4, 4}, {8, 0}, {8, 8}, {4, 4}, {0, 8}},                    // self-touching at a vertex (figure of eight)
            {{0, 0}, {10, 0}, {10, 10}, {10, 20}, {10, 10}, {0, 10}},            // a spike folding back
            {{100, 0}, {-80.9, 58.8}, {30.9, -95.1}, {30.9, 95.1}, {-80.9, -58.8}},  // pentagram: every edge turns one way round the centre, twice round
            {{0, 0}, {5, 0}, {10, 0}},                                           // collinear
            {{0, 0}, {10, 0}, {10, 0}, {0, 0}},                                  // two distinct points
            {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 5}, {0, 5}, {0, 0}},       // closed and repeated: still simple
        };
        for (std::size_t i = 0; i + 1 < rings.size(); ++i) {
            INFO("ring " << i);
            CHECK_FALSE(gis::data::ringCertainlySimple(rings[i]));
        }
        // Repeated and closing points are dropped as GEOS drops them. The square is star-shaped
        // round its mean, which proves it simple however straight its vertex (0, 5) is.
        CHECK(geosValid(rings.back()));
        CHECK(gis::data::ringCertainlySimple(rings.back()));
        // A C whose mean lies in its notch is not star-shaped from there: its straight vertex
        // (0, 15) is too close to tell for the other tests, and GEOS decides.
        const Ring notched{{0, 0}, {30, 0}, {30, 5}, {5, 5}, {5, 25}, {30, 25}, {30, 30}, {0, 30}, {0, 15}};
        CHECK(geosValid(notched));
        CHECK_FALSE(gis::data::ringCertainlySimple(notched));
        CHECK(gis::data::ringCertainlySimple({{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}));
    }
}

TEST_CASE("validateAndRepair still repairs what the fast path leaves to GEOS", "[data][repair]") {
    std::vector<gis::Polygon> bowtie{{{{{0, 0}, {10, 0}, {0, 10}, {10, 10}}}}};
    CHECK(gis::data::validateAndRepair(bowtie).outcome == gis::data::RepairOutcome::Repaired);
    std::vector<gis::Polygon> square{{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}}};
    CHECK(gis::data::validateAndRepair(square).outcome == gis::data::RepairOutcome::Valid);
}
