#include <catch2/catch.hpp>

#include <chrono>

#include <epoxy/gl.h>

#include "gis/export/png_export.hpp"
#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

/// Renders `meshes` as a choropleth with 2000 labels into a 4000 x 3000 frame and prints timings.
void timeExport(const std::shared_ptr<gis::tess::LayerMeshes>& meshes, const char* what) {
    auto renderer = test::makeRenderer();
    gis::scene::RenderScene scene;
    gis::scene::LayerDraw layer;
    layer.layerId = 1;
    layer.meshes = meshes;
    auto palette = std::make_shared<std::vector<gis::Rgba8>>();
    for (std::uint32_t i = 0; i < meshes->featureCount; ++i)
        palette->push_back({static_cast<std::uint8_t>(i * 37), static_cast<std::uint8_t>(i * 11), 180, 255});
    layer.featureColors = palette;
    layer.style.outlineWidthPx = 0.8f;
    scene.layers.push_back(layer);
    const double w = meshes->bounds.width(), h = meshes->bounds.height();
    for (int i = 0; i < 2000; ++i)
        scene.labels.push_back({"Xã Thành " + std::to_string(i),
                                {meshes->bounds.minX + (i * 7919 % 1000) * w / 1000.0,
                                 meshes->bounds.minY + (i * 104729 % 1000) * h / 1000.0},
                                static_cast<float>(i % 10)});
    scene.camera = gis::scene::Camera::fit(meshes->bounds, 4000, 3000);

    gis::render::RenderTarget target(4000, 3000);
    const auto t0 = Clock::now();
    const auto first = renderer->render(scene, target);
    glFinish();
    const auto t1 = Clock::now();
    const auto second = renderer->render(scene, target);
    glFinish();
    const auto t2 = Clock::now();
    const auto pixels = target.readPixels();
    const auto t3 = Clock::now();
    WARN(what << ": first render (with upload) " << ms(t1 - t0) << " ms; cached render " << ms(t2 - t1)
              << " ms; readPixels " << ms(t3 - t2) << " ms; triangles submitted " << second.trianglesSubmitted
              << ", draw calls " << second.drawCalls << ", labels " << second.labelsPlaced);
    CHECK(first.geometryUploads == 1);
    CHECK(second.geometryUploads == 0);
    CHECK(pixels.width == 4000);
}

}  // namespace

// Hidden ([.]): run explicitly with `ntm_gl_tests "[perf]"`. Prints timings, asserts only sanity.
TEST_CASE("Perf: 4000 x 3000 export, commune-like density (11k features, 2M triangles)", "[.][gl][perf]") {
    NTM_REQUIRE_GL_OR_SKIP();
    // 105 x 105 features of 10 x 10 sub-squares: 2.2M triangles, 440k outline segments.
    timeExport(test::denseGridMeshes(105, 105, 1000.0, 10), "11k features / 2.2M triangles / 440k segments");
}

TEST_CASE("Perf: 4000 x 3000 export, worst case (1M features, 4M outline segments)", "[.][gl][perf]") {
    NTM_REQUIRE_GL_OR_SKIP();
    timeExport(test::gridMeshes(1000, 1000, 100.0, 1e9), "1M features / 2M triangles / 4M segments");
}
