// Benchmark on the real national layer (11,163 communes): load-to-first-frame, frame times at
// national and district extent at 1920×1080, re-colour, export at 4000×3000, peak memory.
// Run on demand with tools/bench.sh; numbers go into the README. Not a test.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "gis/data/vector_reader.hpp"
#include "gis/export/map_export.hpp"
#include "gis/render/gpu_sync.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/map_document.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

double peakMemoryMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;  // ru_maxrss is in KiB on Linux
}

/// Median time of `frames` renders, each panned by one pixel (so nothing can be cached), with
/// glFinish after each so the drawing itself is timed.
double medianFrameSeconds(gis::render::Renderer& renderer, gis::render::RenderTarget& target,
                          const gis::scene::MapDocument& document, gis::scene::Camera camera, int frames,
                          gis::render::RenderStats* lastStats = nullptr, double* firstFrame = nullptr) {
    std::vector<double> times;
    for (int i = 0; i < frames; ++i) {
        camera.panByPixels(1.0, 0.0);
        const auto scene = document.buildScene(camera);
        const auto start = Clock::now();
        const gis::render::RenderStats stats = renderer.render(scene, target);
        if (lastStats != nullptr) *lastStats = stats;
        gis::render::waitForGpu();
        times.push_back(since(start));
    }
    if (firstFrame != nullptr && !times.empty()) *firstFrame = times.front();
    return median(times);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: ntm_bench NATIONAL.gpkg [LAYER] [FRAMES]\n");
        return 2;
    }
    const std::string path = argv[1];
    const std::string layerName = argc > 2 ? argv[2] : "communes";
    const int frames = argc > 3 ? std::max(1, std::atoi(argv[3])) : 20;
    constexpr int kWidth = 1920, kHeight = 1080;

    auto context = gis::render::HeadlessContext::create();
    if (!context) {
        std::fprintf(stderr, "%s\n", context.error().message.c_str());
        return 1;
    }
    auto renderer = gis::render::Renderer::create();
    if (!renderer) {
        std::fprintf(stderr, "%s\n", renderer.error().message.c_str());
        return 1;
    }
    gis::render::RenderTarget target(kWidth, kHeight);
    std::printf("renderer: %s\n", context.value()->rendererName().c_str());

    // Load to first frame: read + reproject, mesh all levels, style, first draw (shader JIT included).
    const auto loadStart = Clock::now();
    gis::scene::MapSourceSpec spec;
    spec.path = path;
    spec.layerName = layerName;
    auto readStart = Clock::now();
    auto source = gis::scene::loadMapSource(spec);
    if (!source) {
        std::fprintf(stderr, "%s\n", source.error().message.c_str());
        return 1;
    }
    const double readSeconds = since(readStart);
    const auto meshStart = Clock::now();
    auto document = gis::scene::MapDocument::fromLayers(std::move(source.value()), "population");
    if (!document) {
        std::fprintf(stderr, "%s\n", document.error().message.c_str());
        return 1;
    }
    const gis::scene::Camera national = gis::scene::Camera::fit(document->bounds(), kWidth, kHeight);
    document->ensureLevelsFor(national.metersPerPixel);
    const double meshSeconds = since(meshStart);
    const auto firstStart = Clock::now();
    const gis::render::RenderStats firstStats = renderer.value()->render(document->buildScene(national), target);
    gis::render::waitForGpu();
    const double firstFrameSeconds = since(firstStart);
    const double loadToFirstFrame = since(loadStart);

    gis::render::RenderStats nationalStats, districtStats;
    const double nationalFrame = medianFrameSeconds(*renderer.value(), target, *document, national, frames, &nationalStats);

    // District zoom: the first feature's district-sized neighbourhood (about 30 km across).
    gis::scene::Camera district = national;
    district.center = document->layers()[document->mainLayerIndex()].featureBounds[0].center();
    district.metersPerPixel = 30000.0 / kWidth;
    const auto detailStart = Clock::now();
    document->ensureLevelsFor(district.metersPerPixel);
    const double districtLevelSeconds = since(detailStart);
    // The first frame with labels also makes their glyphs (a hitch when the user first zooms in).
    double firstDistrictFrame = 0.0;
    const double districtFrame =
        medianFrameSeconds(*renderer.value(), target, *document, district, frames, &districtStats, &firstDistrictFrame);

    // Fixed cost of a frame: background, title and legend only (every layer hidden).
    document->setLayerVisible(document->mainLayerIndex(), false);
    const double emptyFrame = medianFrameSeconds(*renderer.value(), target, *document, district, frames);
    document->setLayerVisible(document->mainLayerIndex(), true);

    // Re-colour: new classification + the frame that uploads only the colour table.
    std::vector<double> recolorCpu, recolorFrame;
    const auto classifyStart = Clock::now();
    if (!document->colorBy("area")) return 1;  // first use of a field: classification
    const double firstClassify = since(classifyStart);
    for (int i = 0; i < frames; ++i) {
        const char* field = (i % 2 == 0) ? "area" : "population";
        auto start = Clock::now();
        if (!document->colorBy(field)) return 1;
        recolorCpu.push_back(since(start));
        const auto scene = document->buildScene(national);
        start = Clock::now();
        renderer.value()->render(scene, target);
        gis::render::waitForGpu();
        recolorFrame.push_back(since(start));
    }

    // Export at 4000×3000 through the same path as `ntm-atlas export` (own process state reused).
    gis::exporting::ExportRequest request;
    request.source = spec;
    request.colorField = "population";
    request.widthPx = 4000;
    request.heightPx = 3000;
    // Written to the temp folder and removed: the benchmark leaves nothing in the caller's folder.
    request.outPath = (std::filesystem::temp_directory_path() / "ntm-bench-export-4000x3000.png").string();
    const auto exportStart = Clock::now();
    auto timings = gis::exporting::exportMap(request);
    const double exportSeconds = since(exportStart);
    std::filesystem::remove(request.outPath);
    if (!timings) {
        std::fprintf(stderr, "%s\n", timings.error().message.c_str());
        return 1;
    }

    std::printf("features: %zu\n", document->layers()[document->mainLayerIndex()].data.features.size());
    std::printf("load_to_first_frame_s: %.3f (read+reproject %.3f, mesh+style %.3f, first frame %.3f, lod %d)\n",
                loadToFirstFrame, readSeconds, meshSeconds, firstFrameSeconds, firstStats.lodLevelUsed);
    std::printf("frame_national_1920x1080_ms: %.2f (%.0f fps; %llu triangles, %u draw calls, %u labels)\n", nationalFrame * 1e3,
                1.0 / nationalFrame, static_cast<unsigned long long>(nationalStats.trianglesSubmitted), nationalStats.drawCalls,
                nationalStats.labelsPlaced);
    std::printf("frame_district_1920x1080_ms: %.2f (%.0f fps; %llu triangles, %u draw calls, %u labels; its level built in %.3f s, once)\n",
                districtFrame * 1e3, 1.0 / districtFrame, static_cast<unsigned long long>(districtStats.trianglesSubmitted),
                districtStats.drawCalls, districtStats.labelsPlaced, districtLevelSeconds);
    std::printf("frame_district_first_ms: %.2f (the first frame with labels: their level uploaded, their glyphs made unless the glyph cache has them)\n", firstDistrictFrame * 1e3);
    std::printf("frame_fixed_cost_1920x1080_ms: %.2f (no layer drawn)\n", emptyFrame * 1e3);
    std::printf("recolor_first_classify_ms: %.3f  recolor_cached_ms: %.4f  recolor_frame_ms: %.2f (colour table upload + draw)\n",
                firstClassify * 1e3, median(recolorCpu) * 1e3, median(recolorFrame) * 1e3);
    std::printf("export_4000x3000_s: %.3f (load %.3f, gl_init %.3f, render %.3f, encode %.3f)\n", exportSeconds, timings->load,
                timings->glInit, timings->render, timings->encode);
    std::printf("peak_memory_mb: %.0f\n", peakMemoryMb());
    return 0;
}
