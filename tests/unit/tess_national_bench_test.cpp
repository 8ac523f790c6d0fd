// Hidden timing runs (not part of the default suite: the machine is shared, so nothing is
// asserted about time). Run: ntm_unit_tests "[tess-bench]"
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "gis/data/vector_reader.hpp"
#include "gis/tess/mesh_builder.hpp"
#include "gis/tess/polygon_triangulator.hpp"
#include "tests/support/test_paths.hpp"

namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::size_t layerVertices(const gis::data::VectorLayer& layer) {
    std::size_t n = 0;
    for (const auto& f : layer.features)
        for (const auto& p : f.geometry.polygons)
            for (const auto& r : p.rings) n += r.size();
    return n;
}

void timeLevels(const char* name, const gis::data::VectorLayer& layer) {
    std::printf("%s: %zu features, %zu vertices\n", name, layer.features.size(), layerVertices(layer));
    {
        // Triangulation alone, one thread, into reused buffers: the floor for full detail.
        std::vector<gis::Vec2> vertices;
        std::vector<std::uint32_t> indices;
        const auto t0 = std::chrono::steady_clock::now();
        for (const auto& f : layer.features)
            for (const auto& p : f.geometry.polygons) {
                vertices.clear();
                indices.clear();
                gis::tess::triangulatePolygon(p, vertices, indices);
            }
        std::printf("  triangulatePolygon only, 1 thread: %.0f ms\n", msSince(t0));
    }
    std::vector<double> tolerances{0.0};
    for (double t : gis::tess::defaultLodTolerances()) tolerances.push_back(t);
    for (const double tolerance : tolerances) {
        double best = 1e300;
        gis::tess::LodLevel level;
        for (int run = 0; run < 3; ++run) {  // best of 3: the machine is shared
            const auto t0 = std::chrono::steady_clock::now();
            level = gis::tess::buildLodLevel(layer, tolerance, 2);
            best = std::min(best, msSince(t0));
        }
        const auto t0 = std::chrono::steady_clock::now();
        const std::size_t kept = gis::tess::simplifiedVertexCount(layer, tolerance, 2);
        const double countMs = msSince(t0);
        std::printf("  tol %5.0f m: %8zu ring vertices kept (counted in %3.0f ms), %8zu fill vertices, %8zu triangles, "
                    "%8zu segments: %4.0f ms (2 threads, best of 3)\n",
                    tolerance, kept, countMs, level.fill.featureIds.size(), level.fill.indices.size() / 3,
                    level.outline.featureIds.size(), best);
    }
    const auto t0 = std::chrono::steady_clock::now();
    const gis::tess::LayerMeshes meshes = gis::tess::buildLayerMeshes(layer);
    std::printf("  buildLayerMeshes: %zu levels (", meshes.levels.size());
    for (const auto& l : meshes.levels) std::printf(" %.0f", l.toleranceMeters);
    std::printf(" m) in %.0f ms\n", msSince(t0));
    const auto stats = gis::tess::triangulatorStats();
    std::printf("  GLU errors %llu, GEOS fallbacks %llu, dropped %llu\n", static_cast<unsigned long long>(stats.gluErrors),
                static_cast<unsigned long long>(stats.geosFallbacks), static_cast<unsigned long long>(stats.dropped));
}

/// The national layer with every edge split into 8 and the new vertices jittered by up to ±8 m
/// (deterministic): ~2M vertices of commune-like but over-detailed boundaries.
gis::data::VectorLayer densified(const gis::data::VectorLayer& layer) {
    gis::data::VectorLayer out = layer;
    std::uint32_t seed = 12345;
    auto jitter = [&] {
        seed = seed * 1664525u + 1013904223u;
        return (static_cast<double>(seed >> 8) / static_cast<double>(1u << 24) - 0.5) * 16.0;
    };
    for (auto& f : out.features)
        for (auto& p : f.geometry.polygons)
            for (auto& r : p.rings) {
                gis::Ring dense;
                dense.reserve(r.size() * 8);
                for (std::size_t i = 0; i < r.size(); ++i) {
                    const gis::Vec2 a = r[i], b = r[(i + 1) % r.size()];
                    dense.push_back(a);
                    for (int k = 1; k < 8; ++k)
                        dense.push_back({a.x + (b.x - a.x) * k / 8 + jitter(), a.y + (b.y - a.y) * k / 8 + jitter()});
                }
                r = std::move(dense);
            }
    return out;
}

}  // namespace

TEST_CASE("timing: national communes, every level", "[.][tess-bench]") {
    gis::data::ReadOptions options;
    options.layerName = "communes";
    auto layer = gis::data::readVectorLayer(test::nationalCommunesGpkg().string(), options);
    REQUIRE(layer.ok());
    timeLevels("national communes (EPSG:3857)", *layer);
    timeLevels("national communes densified x8 with 8 m jitter", densified(*layer));
}
