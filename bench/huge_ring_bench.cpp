// Strongly wavy polygons (the shapes that took seconds to export and to load): times, for each,
// the validity check a load or import runs (validateAndRepair) and the simplification and
// triangulation of the level an export builds. Prints, never asserts: timings belong in a
// benchmark, not in a test.
//
//   huge_ring_bench [VERTICES]   (default 1,000,000)
//
// Cases: VERTICES vertices with 1,000 / 5,000 / 20,000 waves of ±30 % at the level a 1000x1000
// export of the ring uses; the 20,000-wave ring at district zoom (38 m, zoom 12) and at 1 m
// (zoom 17), where almost nothing can be simplified away; and a ring of 20,000 waves of a few
// hundred metres (40,000 vertices after simplification at the export level).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "gis/data/polygon_repair.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/tess/mesh_builder.hpp"
#include "gis/tess/simplify.hpp"

namespace {

/// A ring around Hà Nội in Web Mercator metres: radius 55 km, `waves` waves of `amplitude`.
gis::data::VectorLayer wavyLayer(std::size_t vertices, int waves, double amplitude = 0.3) {
    gis::Ring ring;
    ring.reserve(vertices);
    const double cx = 11.78e6, cy = 2.39e6, radius = 55e3;
    for (std::size_t i = 0; i < vertices; ++i) {
        const double t = 2.0 * M_PI * static_cast<double>(i) / static_cast<double>(vertices);
        const double r = radius * (1.0 + amplitude * std::sin(waves * t));
        ring.push_back({cx + r * std::cos(t), cy + r * std::sin(t)});
    }
    gis::data::VectorLayer layer;
    layer.name = "wavy";
    gis::data::Feature feature;
    feature.geometry.kind = gis::GeometryKind::Polygon;
    feature.geometry.polygons.push_back(gis::Polygon{{std::move(ring)}});
    layer.bounds = feature.geometry.bounds();
    layer.features.push_back(std::move(feature));
    return layer;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void run(const char* what, const gis::data::VectorLayer& layer, double tolerance) {
    auto start = std::chrono::steady_clock::now();
    std::vector<gis::Polygon> polygons = layer.features[0].geometry.polygons;
    const gis::data::RepairResult repair = gis::data::validateAndRepair(polygons);
    const double validSeconds = secondsSince(start);
    start = std::chrono::steady_clock::now();
    const gis::tess::LodLevel level = gis::tess::buildLodLevel(layer, tolerance);
    const double meshSeconds = secondsSince(start);
    const std::size_t kept = gis::tess::vertexCount(gis::tess::simplifyGeometry(layer.features[0].geometry, tolerance));
    std::printf("%-34s %8zu vertices, level %6.1f m keeps %7zu: validity %.3f s (%s), mesh %.3f s (%zu triangles)\n", what,
                gis::tess::vertexCount(layer.features[0].geometry), tolerance, kept, validSeconds,
                repair.outcome == gis::data::RepairOutcome::Valid ? "valid" : "invalid", meshSeconds, level.fill.indices.size() / 3);
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t vertices = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    char what[64];
    for (const int waves : {1000, 5000, 20000}) {
        const gis::data::VectorLayer layer = wavyLayer(vertices, waves);
        const double metersPerPixel = layer.bounds.width() / 1000.0;  // the frame a 1000x1000 export fits
        std::snprintf(what, sizeof what, "%d waves, export 1000 px", waves);
        run(what, layer, gis::scene::levelToleranceFor(metersPerPixel));
        if (waves == 20000) {
            run("20000 waves, district zoom (38 m)", layer, 38.0);
            run("20000 waves, zoom 17 (1 m)", layer, 1.0);
        }
    }
    // 20,000 waves of ±0.5 % (a few hundred metres): the detail survives a 1-px export level.
    const gis::data::VectorLayer small = wavyLayer(vertices, 20000, 0.005);
    run("20000 waves of 275 m, export 1000 px", small, gis::scene::levelToleranceFor(small.bounds.width() / 1000.0));
    run("20000 waves of 275 m, zoom 12 (38 m)", small, 38.0);
    return 0;
}
