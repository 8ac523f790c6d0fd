#include <catch2/catch.hpp>

#include "gis/render/renderer.hpp"
#include "gis/render/shader_library.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

using gis::Rgba8;

namespace {

Rgba8 at(const gis::render::Image& image, int x, int y) {
    const std::size_t i = (static_cast<std::size_t>(y) * image.width + x) * 4;
    return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2], image.rgba[i + 3]};
}

}  // namespace

TEST_CASE("Renderer: a corner 100 km from the mesh origin stays on its pixel at 1 mm/px", "[gl][render][precision]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    // One square whose corner sits at (100 km, 100 km) from the origin: exactly representable as
    // float, but position * scale alone would be 1e8 px, where float steps are 8 px.
    auto meshes = std::make_shared<gis::tess::LayerMeshes>();
    meshes->featureCount = 1;
    gis::tess::LodLevel level;
    level.fill.origin = test::kTestOrigin;
    level.fill.positions = {99000.f, 99000.f, 100000.f, 99000.f, 100000.f, 100000.f, 99000.f, 100000.f};
    level.fill.featureIds = {0, 0, 0, 0};
    level.fill.indices = {0, 1, 2, 0, 2, 3};
    meshes->levels.push_back(std::move(level));

    gis::scene::RenderScene scene;
    scene.background = {255, 255, 255, 255};
    scene.camera.frameWidthPx = 64;
    scene.camera.frameHeightPx = 64;
    scene.camera.metersPerPixel = 0.001;
    // Centre 10.3 px right of and above the corner: the corner lands at pixel (21.7, 21.7).
    scene.camera.center = {test::kTestOrigin.x + 100000.0103, test::kTestOrigin.y + 99999.9897};
    gis::scene::LayerDraw layer;
    layer.layerId = 1;
    layer.meshes = meshes;
    layer.featureColors = test::colors({{0, 0, 0, 255}});
    layer.style.outlineWidthPx = 0.0f;
    scene.layers.push_back(layer);

    gis::render::RenderTarget target(64, 64);
    renderer->render(scene, target);
    const auto image = target.readPixels();
    // Pixel centres 21.5 lie inside (left of / below the corner), 22.5 and row 21.5 outside.
    CHECK(at(image, 21, 22) == Rgba8{0, 0, 0, 255});
    CHECK(at(image, 22, 22) == Rgba8{255, 255, 255, 255});
    CHECK(at(image, 21, 21) == Rgba8{255, 255, 255, 255});
    CHECK(at(image, 0, 63) == Rgba8{0, 0, 0, 255});
}

TEST_CASE("ShaderLibrary: builds every program and names a missing file", "[gl][shaders]") {
    NTM_REQUIRE_GL_OR_SKIP();
    const gis::render::ShaderLibrary library;
    for (const char* name : {"fill", "segment", "point", "overlay"}) {
        auto program = library.build(name);
        CHECK(program);
        if (!program) FAIL_CHECK(program.error().message);
    }
    auto missing = library.build("nonexistent");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == gis::ErrorCode::ShaderCompile);
    CHECK(missing.error().message.find("nonexistent.vert") != std::string::npos);
}

TEST_CASE("GPU cache: hiding and showing a layer re-uploads nothing", "[gl][render][cache]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto scene = test::basicMapScene();
    gis::render::RenderTarget target(128, 128);
    renderer->render(scene, target);
    scene.layers[0].visible = false;
    for (int i = 0; i < 300; ++i) renderer->render(scene, target);  // longer than the eviction age
    scene.layers[0].visible = true;
    const auto stats = renderer->render(scene, target);
    CHECK(stats.geometryUploads == 0);
    CHECK(stats.colorUploads == 0);
}
