#include <catch2/catch.hpp>

#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

using gis::Rgba8;
using gis::render::Image;
using gis::render::RenderTarget;

namespace {

Rgba8 pixelAt(const Image& image, int x, int y) {
    const std::size_t i = (static_cast<std::size_t>(y) * image.width + x) * 4;
    return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2], image.rgba[i + 3]};
}

/// Pixel of the polygon layer's feature interior: (150, 50) m relative to the test origin.
Rgba8 featureOnePixel(const gis::scene::RenderScene& scene, const Image& image) {
    const gis::Vec2 px = scene.camera.toPixel({test::kTestOrigin.x + 150.0, test::kTestOrigin.y + 80.0});
    return pixelAt(image, static_cast<int>(px.x), static_cast<int>(px.y));
}

}  // namespace

TEST_CASE("GPU cache: first frame uploads, panning uploads nothing", "[gl][render][cache]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto scene = test::basicMapScene();
    RenderTarget target(256, 256);

    const auto first = renderer->render(scene, target);
    CHECK(first.geometryUploads == scene.layers.size());
    CHECK(first.colorUploads == scene.layers.size());
    CHECK(first.drawCalls > 0);
    CHECK(first.trianglesSubmitted > 0);

    scene.camera.panByPixels(17, -9);
    const auto panned = renderer->render(scene, target);
    CHECK(panned.geometryUploads == 0);
    CHECK(panned.colorUploads == 0);
    CHECK(panned.drawCalls > 0);

    scene.camera.zoomAround({100, 100}, 1.5);
    const auto zoomed = renderer->render(scene, target);
    CHECK(zoomed.geometryUploads == 0);
    CHECK(zoomed.colorUploads == 0);
}

TEST_CASE("GPU cache: re-colouring uploads only the colour table and changes the pixels", "[gl][render][cache]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto scene = test::basicMapScene();
    RenderTarget target(256, 256);
    renderer->render(scene, target);
    const Rgba8 before = featureOnePixel(scene, target.readPixels());
    CHECK(before == Rgba8{39, 174, 96, 255});

    scene.layers[0].featureColors = test::colors({{230, 126, 34, 255}, {20, 40, 200, 255}});
    scene.layers[0].colorVersion += 1;
    const auto stats = renderer->render(scene, target);
    CHECK(stats.geometryUploads == 0);
    CHECK(stats.colorUploads == 1);
    CHECK(featureOnePixel(scene, target.readPixels()) == Rgba8{20, 40, 200, 255});

    scene.layers[0].geometryVersion += 1;
    const auto rebuilt = renderer->render(scene, target);
    CHECK(rebuilt.geometryUploads == 1);
}

TEST_CASE("Renderer: readPixels returns the top row first", "[gl][render]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    gis::scene::RenderScene scene;
    scene.background = {255, 255, 255, 255};
    scene.camera.frameWidthPx = 40;
    scene.camera.frameHeightPx = 40;
    scene.camera.metersPerPixel = 5.0;
    // The polygons span y 0..100 m: centring at y = 0 puts them in the top half only.
    scene.camera.center = {test::kTestOrigin.x + 100.0, test::kTestOrigin.y + 0.0};
    gis::scene::LayerDraw layer;
    layer.layerId = 7;
    layer.meshes = test::twoPolygonMeshes();
    layer.featureColors = test::colors({{200, 0, 0, 255}, {200, 0, 0, 255}});
    layer.style.outlineWidthPx = 0.0f;
    scene.layers.push_back(layer);
    // A read-back target is drawn upside down (row 0 in GL memory is the top, when the driver
    // has glClipControl), the window's target the GL way; both read back the same picture.
    RenderTarget readBack(40, 40);
    RenderTarget display(40, 40, gis::render::TargetUse::Display);
    CHECK_FALSE(display.rowsTopFirst());
    renderer->render(scene, readBack);
    renderer->render(scene, display);
    const Image image = readBack.readPixels();
    CHECK(pixelAt(image, 3, 12) == Rgba8{200, 0, 0, 255});
    CHECK(pixelAt(image, 3, 30) == Rgba8{255, 255, 255, 255});
    CHECK(display.readPixels().rgba == image.rgba);
}

TEST_CASE("Renderer: LOD picks the coarsest level below ~1 px and culls off-screen chunks", "[gl][render][lod]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    gis::scene::RenderScene scene;
    scene.camera.frameWidthPx = 200;
    scene.camera.frameHeightPx = 200;
    gis::scene::LayerDraw layer;
    layer.layerId = 3;
    layer.meshes = test::gridMeshes(20, 20, 100.0, 8.0);  // 2 km x 2 km, rows of 100 m
    layer.featureColors = std::make_shared<std::vector<Rgba8>>(400, Rgba8{100, 150, 200, 255});
    scene.layers.push_back(layer);
    RenderTarget target(200, 200);

    // Whole grid at 6 m/px: the 8 m level is more than kLodMaxTolerancePx (1 px) -> full detail.
    scene.camera = gis::scene::Camera::fit(layer.meshes->bounds, 200, 200, 0.0);
    scene.camera.metersPerPixel = 6.0;
    auto whole = renderer->render(scene, target);
    CHECK(whole.lodLevelUsed == 0);
    // At 20 m/px the 8 m level is below a pixel.
    static_assert(gis::tess::kLodMaxTolerancePx < 8.0 / 6.0, "the test straddles the LOD threshold");
    scene.camera.metersPerPixel = 20.0;
    auto coarse = renderer->render(scene, target);
    CHECK(coarse.lodLevelUsed == 1);

    // Zoomed into the bottom rows: most row chunks are culled.
    scene.camera.metersPerPixel = 1.0;
    scene.camera.center = {test::kTestOrigin.x + 1000.0, test::kTestOrigin.y + 50.0};
    auto culled = renderer->render(scene, target);
    CHECK(culled.lodLevelUsed == 0);
    CHECK(culled.trianglesSubmitted < whole.trianglesSubmitted / 4);
    CHECK(culled.geometryUploads == 0);
}
