// The real national commune layer end to end: read + reproject to 3857, then meshes. Timings are
// printed (not asserted: the machine is shared) so they can be reported.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>

#include "gis/data/vector_reader.hpp"
#include "gis/tess/mesh_builder.hpp"
#include "tests/support/test_paths.hpp"

namespace {
double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

TEST_CASE("national commune layer reads, reprojects and meshes", "[data][tess][national]") {
    const auto start = std::chrono::steady_clock::now();
    gis::data::ReadOptions options;
    options.layerName = "communes";
    auto layer = gis::data::readVectorLayer(test::nationalCommunesGpkg().string(), options);
    const double readMs = msSince(start);
    REQUIRE(layer.ok());
    CHECK(layer->features.size() == 11163);
    CHECK(layer->sourceCrs == "EPSG:4326");
    std::size_t vertices = 0;
    for (const auto& f : layer->features)
        for (const auto& p : f.geometry.polygons)
            for (const auto& r : p.rings) vertices += r.size();
    // Viet Nam in EPSG:3857: x ≈ 11.37–12.19 Mm, y ≈ 0.94–2.68 Mm.
    CHECK(layer->bounds.minX == Approx(11370500).margin(5000));
    CHECK(layer->bounds.maxY == Approx(2679000).margin(10000));
    std::printf("national layer: %zu features, %zu vertices (rings open), read+reproject+validate %.0f ms, %zu warnings\n",
                layer->features.size(), vertices, readMs, layer->warnings.size());

    const auto tolerances = gis::tess::defaultLodTolerances();
    std::vector<std::size_t> levelVertices;
    double totalMs = 0;
    for (double tolerance : std::vector<double>{0.0, tolerances[0], tolerances[1], tolerances[2], tolerances[3]}) {
        const auto t0 = std::chrono::steady_clock::now();
        const gis::tess::LodLevel level = gis::tess::buildLodLevel(*layer, tolerance, 2);
        const double ms = msSince(t0);
        totalMs += ms;
        std::printf("  level tol %6.0f m: %zu fill vertices, %zu triangles, %zu segments, %zu chunks, %.0f ms\n", tolerance,
                    level.fill.featureIds.size(), level.fill.indices.size() / 3, level.outline.featureIds.size(),
                    level.fill.chunks.size(), ms);
        levelVertices.push_back(level.fill.featureIds.size());
        // every feature has an outline at every level but those under kOutlineMinFeaturePx
        // tolerances across (the wards of the cities), which keep their fill
        std::size_t withOutline = 0, large = 0;
        for (const auto& r : level.outline.featureRanges) withOutline += r.count > 0 ? 1 : 0;
        for (const auto& feature : layer->features) {
            const gis::Bounds b = feature.geometry.bounds();
            large += std::max(b.width(), b.height()) >= gis::tess::kOutlineMinFeaturePx * tolerance ? 1 : 0;
        }
        CHECK(withOutline == large);
        CHECK(large > layer->features.size() * 9 / 10);
    }
    std::printf("  all levels: %.0f ms\n", totalMs);
    for (std::size_t i = 1; i < levelVertices.size(); ++i) CHECK(levelVertices[i] < levelVertices[i - 1]);
}
