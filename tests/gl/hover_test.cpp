#include <catch2/catch.hpp>

#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

using gis::render::RenderTarget;

TEST_CASE("Renderer: the hovered feature is highlighted, the others are not", "[gl][render][hover]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto scene = test::basicMapScene();
    scene.labels.clear();
    scene.legend.entries.clear();
    RenderTarget target(256, 256);
    renderer->render(scene, target);
    const auto plain = target.readPixels();

    scene.layers[0].highlightedFeature = 1;  // the right-hand square
    const auto stats = renderer->render(scene, target);
    CHECK(stats.geometryUploads == 0);
    CHECK(stats.colorUploads == 0);
    const auto hovered = target.readPixels();

    const auto diff = test::compareImages(plain, hovered, 8);
    CHECK(diff.differingPixels > 500);  // brighter fill + thick outline
    // Nothing changes well inside feature 0 (left square, x 0..100 m).
    const gis::Vec2 inside0 = scene.camera.toPixel({test::kTestOrigin.x + 15.0, test::kTestOrigin.y + 50.0});
    const std::size_t i = (static_cast<std::size_t>(inside0.y) * 256 + static_cast<std::size_t>(inside0.x)) * 4;
    CHECK(plain.rgba[i] == hovered.rgba[i]);
    CHECK(plain.rgba[i + 1] == hovered.rgba[i + 1]);
    // The highlight colour appears on feature 1's border.
    const gis::Vec2 edge = scene.camera.toPixel({test::kTestOrigin.x + 200.0, test::kTestOrigin.y + 60.0});
    const std::size_t j = (static_cast<std::size_t>(edge.y) * 256 + static_cast<std::size_t>(edge.x)) * 4;
    CHECK(hovered.rgba[j] > 200);      // highlight {255, 200, 0}
    CHECK(hovered.rgba[j + 2] < 60);
    CHECK(test::matchesGolden("map_hover", hovered));
}
