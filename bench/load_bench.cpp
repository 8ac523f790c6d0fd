// The two CPU phases of the command-line export, without GL: "load" (MapDocument::open: read,
// reproject, validate, label points, style) and "mesh" (the level the export's camera needs,
// simplified and triangulated), repeated in one process so a profiler sees only them.
// Usage: load_bench FILE.gpkg [LAYERS] [REPEATS] [WIDTH HEIGHT]
//   LAYERS as --layer takes them (default communes,roads,waste_sites); 4000×3000 by default.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/bench_clock.hpp"
#include "gis/scene/map_document.hpp"

namespace {

using bench::Clock;
using bench::median;
using bench::msSince;

/// The export's own text scale (gis/export/layout_export.cpp): the legend's width moves the camera.
float exportTextScale(int widthPx, int heightPx) { return std::max(1.0f, std::min(widthPx / 1920.0f, heightPx / 1080.0f)); }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE.gpkg [LAYERS] [REPEATS] [WIDTH HEIGHT]\n", argv[0]);
        return 2;
    }
    gis::scene::MapSourceSpec spec;
    spec.path = argv[1];
    spec.layerName = argc > 2 ? argv[2] : "communes,roads,waste_sites";
    const int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    const int width = argc > 5 ? std::atoi(argv[4]) : 4000;
    const int height = argc > 5 ? std::atoi(argv[5]) : 3000;

    std::vector<double> loadMs, meshMs;
    for (int r = 0; r < repeats; ++r) {
        auto start = Clock::now();
        auto document = gis::scene::MapDocument::open(spec, "criteria_met");
        if (!document) {
            std::fprintf(stderr, "%s\n", document.error().message.c_str());
            return 1;
        }
        loadMs.push_back(msSince(start));
        start = Clock::now();
        const float textScale = exportTextScale(width, height);
        const gis::scene::Camera camera = document->fitCamera(width, height, textScale);
        // As the export builds it: the one level of this scale (LevelUse::OneFrame).
        document->ensureLevelsFor(camera.metersPerPixel, gis::scene::LevelUse::OneFrame);
        (void)document->buildScene(camera, std::nullopt, textScale);
        meshMs.push_back(msSince(start));
    }
    std::printf("load_ms: %.1f (min %.1f, max %.1f)  mesh_ms: %.1f (min %.1f, max %.1f)  repeats %d\n", median(loadMs),
                *std::min_element(loadMs.begin(), loadMs.end()), *std::max_element(loadMs.begin(), loadMs.end()), median(meshMs),
                *std::min_element(meshMs.begin(), meshMs.end()), *std::max_element(meshMs.begin(), meshMs.end()), repeats);
    return 0;
}
