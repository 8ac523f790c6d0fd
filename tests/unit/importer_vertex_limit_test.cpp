// The documented vertex limit of an imported feature (kMaxFeatureVertices): past it the geometry
// is refused with a message that says how many vertices it has and what the limit is.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "gis/data/vector_reader.hpp"
#include "gis/importer/geometry_checks.hpp"

namespace {

OGRPolygon wavyPolygon(std::size_t vertices) {
    // Sized once: addPoint grows the array by one each time, which is quadratic where realloc
    // always moves (as under AddressSanitizer: 2,000,000 points took over ten minutes).
    OGRLinearRing ring;
    ring.setNumPoints(static_cast<int>(vertices) + 1);
    for (std::size_t i = 0; i < vertices; ++i) {
        const double t = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(vertices);
        const double r = 0.5 * (1.0 + 0.005 * std::sin(20000 * t));
        ring.setPoint(static_cast<int>(i), 105.8 + r * std::cos(t), 21.0 + r * std::sin(t));
    }
    ring.setPoint(static_cast<int>(vertices), ring.getX(0), ring.getY(0));
    OGRPolygon polygon;
    polygon.addRing(&ring);
    return polygon;
}

}  // namespace

TEST_CASE("A polygon past the vertex limit is refused saying so", "[importer][limits]") {
    const OGRPolygon huge = wavyPolygon(gis::data::kMaxFeatureVertices + 10);
    const auto verdict = gis::importer::checkImportGeometry(huge, gis::importer::ShapeKind::Area, std::nullopt);
    CHECK(verdict.geometry == nullptr);
    CHECK_THAT(verdict.problem, Catch::Contains("2000011 vertices") && Catch::Contains("at most 2000000 per feature"));
}

TEST_CASE("A 200000-vertex wavy polygon is within the limit and accepted", "[importer][limits]") {
    const OGRPolygon big = wavyPolygon(200000);
    const auto verdict = gis::importer::checkImportGeometry(big, gis::importer::ShapeKind::Area, std::nullopt);
    CHECK(verdict.problem.empty());
    CHECK(verdict.geometry != nullptr);
}
