// The map of the national project on the GeoPackage alone (no PostgreSQL needed, unlike
// pg_store_bench): the real 11,163 communes, ten years of assessments, 100,000 works and 100,000
// villages. Per repeat: the project read with its geometry, the country's summary, the map's
// layers in all (open, read, summary, geometry to EPSG:3857, attributes) and the window's first
// frame at 1920×1080. Then, once, the stages on their own: the open (with its integrity check),
// the geometry through OGR the way it was read before our decoder (one thread), and through our
// decoder on 1 and 2 threads.
// Usage: project_map_bench NATIONAL.gpkg PROJECT.gpkg [REPEATS]
//   PROJECT.gpkg is built when missing and kept, so an older and a newer build can be run in
//   turn on the same file.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/bench_clock.hpp"
#include "bench/national_project.hpp"
#include "gis/data/ogr_geometry_convert.hpp"
#include "gis/data/vector_reader.hpp"
#include "gis/figures/display_geometry.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/figures/summary.hpp"
#include "gis/render/gpu_sync.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/proj/transformer.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"

namespace {

using bench::Clock;
using bench::median;
using bench::msSince;

constexpr const char* kAsOf = "2024-12-31";

bool fail(const std::string& message) {
    std::fprintf(stderr, "%s\n", message.c_str());
    return false;
}

/// The blobs of every unit and work, through OGR and convertOgrGeometry, then to EPSG:3857, on one
/// thread: how the map read its geometry before gis/store/gpkg_blob_decoder.
std::size_t decodeWithOgr(const std::vector<std::vector<std::uint8_t>>& blobs, const gis::proj::Transformer& toMercator) {
    std::size_t drawn = 0;
    for (const auto& blob : blobs) {
        const auto ogr = gis::store::decodeGpkgGeometry(blob);
        if (!ogr || gis::data::countOgrVertices(ogr.get()) > gis::data::kMaxFeatureVertices) continue;
        gis::Geometry g = gis::data::convertOgrGeometry(ogr.get());
        if (toMercator.forward(g) && g.kind != gis::GeometryKind::None) ++drawn;
    }
    return drawn;
}

bool printStages(const std::string& project) {
    auto t = Clock::now();
    auto db = gis::store::openProject(project, false);
    if (!db) return fail(db.error().message);
    const double openMs = msSince(t);
    t = Clock::now();
    auto data = gis::store::loadProjectData(*db, true);
    if (!data) return fail(data.error().message);
    const double rowsMs = msSince(t);
    std::vector<std::vector<std::uint8_t>> blobs;
    for (const auto& unit : data->units) blobs.push_back(unit.geometry);
    for (const auto& item : data->infrastructure) blobs.push_back(item.geometry);
    auto toMercator = gis::proj::Transformer::create("EPSG:4326", "EPSG:3857");
    if (!toMercator) return fail(toMercator.error().message);
    t = Clock::now();
    const std::size_t drawnByOgr = decodeWithOgr(blobs, *toMercator);
    const double ogrMs = msSince(t);
    double oursMs[2] = {};
    std::size_t drawnByOurs = 0;
    for (unsigned threads : {1u, 2u}) {
        std::vector<std::vector<std::uint8_t>> copy = blobs;  // toDisplayAll frees what it decoded
        t = Clock::now();
        auto shown = gis::figures::toDisplayAll(std::move(copy), threads);
        if (!shown) return fail(shown.error().message);
        oursMs[threads - 1] = msSince(t);
        drawnByOurs = 0;
        for (const auto& s : *shown) drawnByOurs += s.geometry.kind != gis::GeometryKind::None ? 1 : 0;
    }
    std::printf("stages: open %.0f ms, read rows with geometry %.0f ms; %zu blobs to EPSG:3857: through OGR %.0f ms (%zu drawn), "
                "our decoder %.0f ms on 1 thread, %.0f ms on 2 (%zu drawn)\n",
                openMs, rowsMs, blobs.size(), ogrMs, drawnByOgr, oursMs[0], oursMs[1], drawnByOurs);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: project_map_bench NATIONAL.gpkg PROJECT.gpkg [REPEATS]\n");
        return 2;
    }
    const std::string national = argv[1], project = argv[2];
    const int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
    if (!std::filesystem::exists(project)) {
        bench::NationalScale scale;
        scale.assessmentYears = 10;
        scale.works = 100'000;
        scale.villages = 100'000;
        if (!bench::buildNationalProject(project, national, scale)) return 1;
    }
    auto context = gis::render::HeadlessContext::create();
    if (!context) return fail(context.error().message), 1;
    auto renderer = gis::render::Renderer::create();
    if (!renderer) return fail(renderer.error().message), 1;
    gis::render::RenderTarget target(1920, 1080);

    std::vector<double> readMs, summaryMs, layersMs, frameMs;
    for (int r = 0; r < repeats; ++r) {
        auto t = Clock::now();
        auto db = gis::store::openProject(project, false);
        if (!db) return fail(db.error().message), 1;
        auto data = gis::store::loadProjectData(*db, true);
        if (!data) return fail(data.error().message), 1;
        readMs.push_back(msSince(t));
        t = Clock::now();
        gis::figures::SummaryOptions options;
        options.asOf = kAsOf;
        if (auto summary = gis::figures::computeSummary(*data, options); !summary) return fail(summary.error().message), 1;
        summaryMs.push_back(msSince(t));

        t = Clock::now();
        auto layers = gis::figures::loadProjectMapLayers(project, kAsOf);
        if (!layers) return fail(layers.error().message), 1;
        layersMs.push_back(msSince(t));

        t = Clock::now();
        gis::scene::MapSourceSpec spec;
        spec.path = project;
        auto document = gis::scene::MapDocument::open(spec);
        if (!document) return fail(document.error().message), 1;
        const gis::scene::Camera camera = document->fitCamera(target.width(), target.height());
        document->ensureLevelsFor(camera.metersPerPixel);
        renderer.value()->render(document->buildScene(camera), target);
        gis::render::waitForGpu();
        frameMs.push_back(msSince(t));
        std::printf("run %d: read with geometry %.0f ms, summary %.0f ms, map layers %.0f ms, first frame %.0f ms\n", r + 1,
                    readMs.back(), summaryMs.back(), layersMs.back(), frameMs.back());
    }
    // The fastest run beside the median: on a shared machine it is the least disturbed one.
    auto fastest = [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); };
    std::printf("median of %d: read with geometry %.0f ms, summary %.0f ms, map layers %.0f ms, first frame %.0f ms; "
                "fastest: read %.0f, summary %.0f, map layers %.0f, first frame %.0f\n",
                repeats, median(readMs), median(summaryMs), median(layersMs), median(frameMs), fastest(readMs), fastest(summaryMs),
                fastest(layersMs), fastest(frameMs));
    if (!printStages(project)) return 1;
    renderer.value().reset();
    return 0;
}
