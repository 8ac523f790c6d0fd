// Where a window frame's time goes: the district-zoom (and national) frame of ntm_bench at
// 1920×1080, drawn whole and with parts of it left out, the variants taken in turn frame by frame
// so a drift of the shared machine touches each of them alike. Run on demand:
//   build/bench/frame_breakdown_bench NATIONAL.gpkg [LAYER] [ROUNDS]
// Per variant: the median (min–max) of the whole frame (render + glFinish), of the CPU part
// (render() returning: our scene walk, the overlay's layout, llvmpipe's vertex work and
// binning) and of buildScene. Differences between variants say what each part costs. The
// "1 overlay prog" variants draw the overlay with the one program of every mode it had before
// it was split by kind (Renderer::setReferencePrograms): old and new, interleaved.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "bench/bench_clock.hpp"
#include "gis/data/vector_reader.hpp"
#include "gis/render/gpu_sync.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/map_document.hpp"

namespace {

struct Variant {
    std::string name;
    std::function<void(gis::scene::RenderScene&, std::size_t mainLayer)> change;
    bool singleOverlayProgram = false;  ///< the overlay as drawn before it was split by kind
    std::vector<double> frameMs, submitMs, sceneMs;
    gis::render::RenderStats stats;
};

void print(const Variant& v) {
    const auto [lo, hi] = std::minmax_element(v.frameMs.begin(), v.frameMs.end());
    std::printf("  %-22s frame %6.2f ms (%6.2f–%6.2f)  cpu %5.2f  buildScene %5.2f  | %6llu tri, %2u draws, %3u labels\n",
                v.name.c_str(), bench::median(v.frameMs), *lo, *hi, bench::median(v.submitMs), bench::median(v.sceneMs),
                static_cast<unsigned long long>(v.stats.trianglesSubmitted), v.stats.drawCalls, v.stats.labelsPlaced);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: frame_breakdown_bench NATIONAL.gpkg [LAYER] [ROUNDS]\n");
        return 2;
    }
    const std::string layerName = argc > 2 ? argv[2] : "communes";
    const int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 30;
    constexpr int kWidth = 1920, kHeight = 1080;

    auto context = gis::render::HeadlessContext::create();
    if (!context) return std::fprintf(stderr, "%s\n", context.error().message.c_str()), 1;
    auto renderer = gis::render::Renderer::create();
    if (!renderer) return std::fprintf(stderr, "%s\n", renderer.error().message.c_str()), 1;
    // The window's own kind of target (no read-back flip), as app/panels/map_view.cpp draws.
    gis::render::RenderTarget target(kWidth, kHeight, gis::render::TargetUse::Display);

    gis::scene::MapSourceSpec spec;
    spec.path = argv[1];
    spec.layerName = layerName;
    auto source = gis::scene::loadMapSource(spec);
    if (!source) return std::fprintf(stderr, "%s\n", source.error().message.c_str()), 1;
    auto document = gis::scene::MapDocument::fromLayers(std::move(source.value()), "population");
    if (!document) return std::fprintf(stderr, "%s\n", document.error().message.c_str()), 1;
    const std::size_t mainLayer = document->mainLayerIndex();

    const gis::scene::Camera national = gis::scene::Camera::fit(document->bounds(), kWidth, kHeight);
    // The same district view as ntm_bench: the first feature's neighbourhood, 30 km across.
    gis::scene::Camera district = national;
    district.center = document->layers()[mainLayer].featureBounds[0].center();
    district.metersPerPixel = 30000.0 / kWidth;
    document->ensureLevelsFor(national.metersPerPixel);
    document->ensureLevelsFor(district.metersPerPixel);

    using Scene = gis::scene::RenderScene;
    const auto noOutline = [](Scene& s, std::size_t m) {
        s.layers[m].style.outlineWidthPx = 0.0f;
        s.layers[m].style.antialiasFillEdges = false;
    };
    const auto noLabels = [](Scene& s, std::size_t) { s.labels.clear(); };
    const auto noDecor = [](Scene& s, std::size_t) {
        s.legend.entries.clear();
        s.title.clear();
        s.watermark.clear();
    };
    const auto noLayers = [](Scene& s, std::size_t) {
        for (auto& layer : s.layers) layer.visible = false;
    };

    for (const auto& [viewName, camera0] : {std::pair{"district", district}, std::pair{"national", national}}) {
        std::vector<Variant> variants;
        variants.push_back({"whole frame", [](Scene&, std::size_t) {}});
        variants.push_back({"whole, 1 overlay prog", [](Scene&, std::size_t) {}, true});
        variants.push_back({"no labels", noLabels});
        variants.push_back({"no outlines", noOutline});
        variants.push_back({"fills only", [&](Scene& s, std::size_t m) { noOutline(s, m); noLabels(s, m); noDecor(s, m); }});
        variants.push_back({"overlay only", noLayers});
        variants.push_back({"labels only", [&](Scene& s, std::size_t m) { noLayers(s, m); noDecor(s, m); }});
        variants.push_back({"labels, 1 overlay prog", [&](Scene& s, std::size_t m) { noLayers(s, m); noDecor(s, m); }, true});
        variants.push_back({"overlay, 1 overlay prog", noLayers, true});
        variants.push_back({"clear only", [&](Scene& s, std::size_t m) { noLayers(s, m); noLabels(s, m); noDecor(s, m); }});

        gis::scene::Camera camera = camera0;
        // Warm-up: the level's upload and the labels' glyphs happen once, not in the figures.
        for (int i = 0; i < 3; ++i) {
            renderer.value()->render(document->buildScene(camera), target);
            gis::render::waitForGpu();
        }
        for (int round = 0; round < rounds; ++round) {
            for (Variant& v : variants) {
                camera.panByPixels(round % 2 == 0 ? 1.0 : -1.0, 0.0);  // a new camera each frame, as while panning
                const auto sceneStart = bench::Clock::now();
                Scene scene = document->buildScene(camera);
                v.sceneMs.push_back(bench::msSince(sceneStart));
                v.change(scene, mainLayer);
                renderer.value()->setReferencePrograms(v.singleOverlayProgram);
                const auto start = bench::Clock::now();
                v.stats = renderer.value()->render(scene, target);
                v.submitMs.push_back(bench::msSince(start));
                gis::render::waitForGpu();
                v.frameMs.push_back(bench::msSince(start));
            }
        }
        std::printf("%s, %dx%d, %d rounds:\n", viewName, kWidth, kHeight, rounds);
        for (const Variant& v : variants) print(v);
    }
    return 0;
}
