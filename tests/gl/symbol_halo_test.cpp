// A crowded point layer draws its symbols without the light halo (LayerStyle::pointHalo): each
// halo covered its neighbours, so a town's cluster of works drew as a white blot.
#include <catch2/catch.hpp>

#include <cmath>

#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

using gis::scene::FeatureSymbol;
using gis::scene::PointSymbol;
using gis::scene::WorkStatus;

namespace {

/// Four circles on a dark ground, 60 px apart: completed, under construction, planned, overdue.
gis::scene::RenderScene symbolsOnDarkGround(bool halo) {
    gis::scene::RenderScene scene;
    scene.camera.frameWidthPx = 260;
    scene.camera.frameHeightPx = 80;
    scene.camera.metersPerPixel = 1.0;
    scene.camera.center = test::kTestOrigin;
    scene.background = {20, 30, 60, 255};
    gis::scene::LayerDraw points;
    points.layerId = 1;
    points.meshes = test::pointMeshes({{-90, 0}, {-30, 0}, {30, 0}, {90, 0}});  // relative to kTestOrigin
    points.featureColors = test::colors({{142, 68, 173, 255}, {142, 68, 173, 255}, {142, 68, 173, 255}, {142, 68, 173, 255}});
    points.featureSymbols = std::make_shared<const std::vector<FeatureSymbol>>(std::vector<FeatureSymbol>{
        {PointSymbol::Circle, WorkStatus::Completed, 0, 0},
        {PointSymbol::Circle, WorkStatus::UnderConstruction, 0, 0},
        {PointSymbol::Circle, WorkStatus::Planned, 0, 0},
        {PointSymbol::Circle, WorkStatus::Completed, 1, 0}});
    points.style.pointSizePx = 24.0f;
    points.style.pointStrokeColor = {255, 255, 255, 255};
    points.style.pointHalo = halo;
    scene.layers.push_back(points);
    return scene;
}

int lightPixels(const gis::render::Image& image) {
    int count = 0;
    for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4)
        count += image.rgba[i] >= 200 && image.rgba[i + 1] >= 200 && image.rgba[i + 2] >= 200;
    return count;
}

}  // namespace

TEST_CASE("render: symbols without halos keep their shape, casing and ring, and nothing light round them", "[gl][render][symbols]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    const auto haloed = symbolsOnDarkGround(true), bare = symbolsOnDarkGround(false);
    gis::render::RenderTarget target(haloed.camera.frameWidthPx, haloed.camera.frameHeightPx);
    renderer->render(haloed, target);
    const gis::render::Image withHalo = target.readPixels();
    renderer->render(bare, target);
    const gis::render::Image without = target.readPixels();

    CHECK(lightPixels(withHalo) > 4 * 40);  // a light ring round each of the four
    CHECK(lightPixels(without) == 0);

    // Inside each symbol's casing (radius 12 px, casing ~1 px) the pixels are the same.
    int compared = 0, differing = 0;
    for (int s = 0; s < 4; ++s) {
        const int cx = 130 - 90 + 60 * s, cy = 40;
        for (int y = cy - 9; y <= cy + 9; ++y)
            for (int x = cx - 9; x <= cx + 9; ++x) {
                if (std::hypot(x + 0.5 - cx, y + 0.5 - cy) > 9.5) continue;
                const std::size_t at = (static_cast<std::size_t>(y) * withHalo.width + x) * 4;
                ++compared;
                for (int c = 0; c < 3; ++c) differing += withHalo.rgba[at + c] != without.rgba[at + c] ? 1 : 0;
            }
    }
    CHECK(compared > 4 * 250);
    CHECK(differing == 0);

    // The overdue work's red ring stays, now right on its casing.
    int red = 0;
    for (std::size_t i = 0; i + 3 < without.rgba.size(); i += 4)
        red += without.rgba[i] >= 180 && without.rgba[i + 1] <= 60 && without.rgba[i + 2] <= 60;
    CHECK(red > 40);
}
