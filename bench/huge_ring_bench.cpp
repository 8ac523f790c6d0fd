// A strongly wavy polygon of 1,000,000 vertices (the shape that took 20 s to export): times the
// simplification and triangulation of the level a 1000x1000 export of it builds. Prints, never
// asserts: timings belong in a benchmark, not in a test.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "gis/scene/map_document.hpp"
#include "gis/tess/mesh_builder.hpp"
#include "gis/tess/simplify.hpp"

namespace {

/// A ring around Hà Nội in Web Mercator metres: radius 55 km, `waves` waves of 30 % amplitude.
gis::data::VectorLayer wavyLayer(std::size_t vertices, int waves) {
    gis::Ring ring;
    ring.reserve(vertices);
    const double cx = 11.78e6, cy = 2.39e6, radius = 55e3;
    for (std::size_t i = 0; i < vertices; ++i) {
        const double t = 2.0 * M_PI * static_cast<double>(i) / static_cast<double>(vertices);
        const double r = radius * (1.0 + 0.3 * std::sin(waves * t));
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

}  // namespace

int main(int argc, char** argv) {
    const std::size_t vertices = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    for (const int waves : {1000, 5000, 20000}) {
        const gis::data::VectorLayer layer = wavyLayer(vertices, waves);
        const double metersPerPixel = layer.bounds.width() / 1000.0;  // the frame a 1000x1000 export fits
        const double tolerance = gis::scene::levelToleranceFor(metersPerPixel);
        const auto start = std::chrono::steady_clock::now();
        const gis::tess::LodLevel level = gis::tess::buildLodLevel(layer, tolerance);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("huge ring: %zu vertices, %d waves, %.0f m/px, level %.0f m: %zu triangle indices in %.3f s\n", vertices,
                    waves, metersPerPixel, tolerance, level.fill.indices.size(), seconds);
    }
    return 0;
}
