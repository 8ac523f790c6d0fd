// The Shamos–Hoey sweep behind ringCertainlySimple against GEOS IsValid: it accepts only what
// GEOS accepts, on valid, bow-tie, touching and self-overlapping rings, and on a huge wavy ring.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "gis/data/geos_support.hpp"
#include "gis/data/polygon_repair.hpp"

namespace {

bool geosValid(const gis::Ring& ring) {
    gis::Polygon polygon;
    polygon.rings.push_back(ring);
    gis::data::GeosPtr geometry = gis::data::toGeosPolygon(polygon);
    return geometry && GEOSisValid_r(gis::data::geosContext(), geometry.get()) == 1;
}

gis::Ring wavyRing(std::size_t vertices, int waves, double amplitude) {
    gis::Ring ring;
    for (std::size_t i = 0; i < vertices; ++i) {
        const double t = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(vertices);
        const double r = 55e3 * (1.0 + amplitude * std::sin(waves * t));
        ring.push_back({11.78e6 + r * std::cos(t), 2.39e6 + r * std::sin(t)});
    }
    return ring;
}

}  // namespace

TEST_CASE("The sweep agrees with GEOS on valid, bow-tie, touching and self-overlapping rings", "[data][repair]") {
    struct Case {
        const char* name;
        gis::Ring ring;
        bool valid;
    };
    const Case cases[] = {
        {"square", {{0, 0}, {10, 0}, {10, 10}, {0, 10}}, true},
        {"L shape", {{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}}, true},
        {"bow-tie", {{0, 0}, {10, 10}, {10, 0}, {0, 10}}, false},
        {"touching itself at a vertex", {{0, 0}, {10, 0}, {5, 5}, {10, 10}, {0, 10}, {5, 5}}, false},
        {"vertex touching an edge", {{0, 0}, {10, 0}, {10, 10}, {5, 10}, {5, 0.0}, {4, 10}, {0, 10}}, false},
        {"self-overlapping edge", {{0, 0}, {10, 0}, {10, 5}, {2, 5}, {2, 6}, {10, 6}, {10, 10}, {0, 10}, {0, 5}, {8, 5}, {8, 4}, {0, 4}}, false},
        {"crossing far apart", {{0, 0}, {100, 0}, {100, 10}, {50, -5}, {40, 10}, {0, 10}}, false},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        CHECK(geosValid(c.ring) == c.valid);
        if (gis::data::ringCertainlySimple(c.ring)) CHECK(geosValid(c.ring));
        if (!c.valid) CHECK_FALSE(gis::data::ringCertainlySimple(c.ring));
    }
    CHECK(gis::data::ringCertainlySimple(cases[0].ring));
    CHECK(gis::data::ringCertainlySimple(cases[1].ring));
}

TEST_CASE("The sweep accepts a huge wavy ring and finds one crossing in it", "[data][repair]") {
    gis::Ring ring = wavyRing(200000, 20000, 0.3);
    CHECK(gis::data::ringCertainlySimple(ring));
    std::vector<gis::Polygon> polygons{gis::Polygon{{ring}}};
    CHECK(gis::data::validateAndRepair(polygons).outcome == gis::data::RepairOutcome::Valid);
    // Swap two vertices far down one spike: two of its edges now cross.
    std::swap(ring[100003], ring[100004]);
    CHECK_FALSE(gis::data::ringCertainlySimple(ring));
    CHECK_FALSE(geosValid(ring));
}
