#include <catch2/catch.hpp>

#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

using gis::render::RenderTarget;

TEST_CASE("render: basic map matches its golden image", "[gl][render][golden]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    const auto scene = test::basicMapScene();
    RenderTarget target(scene.camera.frameWidthPx, scene.camera.frameHeightPx);
    const auto stats = renderer->render(scene, target);
    CHECK(stats.labelsPlaced == 1);  // the overlapping low-priority label is dropped
    CHECK(test::matchesGolden("map_basic", target.readPixels()));
}

TEST_CASE("render: title, watermark and legend match their golden image", "[gl][render][golden]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto scene = test::basicMapScene();
    scene.camera.frameWidthPx = 600;
    scene.camera.frameHeightPx = 300;
    scene.camera.metersPerPixel = 0.8;
    scene.camera.center.x += 50.0;
    scene.camera.center.y += 10.0;
    scene.title = "Huyện Thành Sơn — Nông thôn mới";
    scene.watermark = "DỮ LIỆU MẪU · demo data";
    scene.legend.title = "Số tiêu chí đạt";
    scene.legend.entries = {{{39, 174, 96, 255}, "19/19 — Đạt chuẩn", gis::scene::LegendEntry::Swatch::Fill},
                            {{230, 126, 34, 255}, "15 – 18 tiêu chí", gis::scene::LegendEntry::Swatch::Fill},
                            {{41, 128, 185, 255}, "Sông, kênh", gis::scene::LegendEntry::Swatch::Line},
                            {{142, 68, 173, 255}, "Trường học · 12 tỷ ₫", gis::scene::LegendEntry::Swatch::Point}};
    RenderTarget target(scene.camera.frameWidthPx, scene.camera.frameHeightPx);
    renderer->render(scene, target);
    CHECK(test::matchesGolden("overlay_text", target.readPixels()));
}
