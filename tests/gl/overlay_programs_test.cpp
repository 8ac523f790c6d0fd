#include <catch2/catch.hpp>

#include "gis/render/overlay_batch.hpp"
#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

using gis::render::OverlayBatch;
using gis::render::OverlayKind;

TEST_CASE("overlay batch: triangles are cut into runs of one program, in order", "[gl][overlay]") {
    OverlayBatch batch;
    batch.rect(0, 0, 10, 10, {255, 255, 255, 255});                                   // plain
    batch.disc(5, 5, 3, {0, 0, 0, 255});                                              // plain (disc)
    batch.glyph(0, 0, 8, 8, 0, 0, 0.1f, 0.1f, {0, 0, 0, 255}, 0.5f, 2.0f, {255, 255, 255, 235});
    batch.glyph(8, 0, 16, 8, 0, 0, 0.1f, 0.1f, {0, 0, 0, 255}, 0.5f, 2.0f, {255, 255, 255, 235});
    batch.symbol(20, 20, 5, gis::scene::PointSymbol::Star, gis::scene::WorkStatus::Planned, true, {1, 2, 3, 255},
                 {255, 255, 255, 255});
    const auto& runs = batch.runs();
    REQUIRE(runs.size() == 3);
    CHECK((runs[0].kind == OverlayKind::Plain && runs[0].first == 0 && runs[0].count == 12));
    CHECK((runs[1].kind == OverlayKind::Glyph && runs[1].first == 12 && runs[1].count == 12));
    CHECK((runs[2].kind == OverlayKind::Symbol && runs[2].first == 24 && runs[2].count == 6));

    // Appending joins a run of the same kind at the seam and shifts the others.
    OverlayBatch more;
    more.symbol(40, 40, 5, gis::scene::PointSymbol::Circle, gis::scene::WorkStatus::Completed, false, {1, 2, 3, 255},
                {255, 255, 255, 255});
    more.rect(0, 0, 1, 1, {0, 0, 0, 255});
    batch.append(more);
    REQUIRE(batch.runs().size() == 4);
    CHECK((batch.runs()[2].kind == OverlayKind::Symbol && batch.runs()[2].count == 12));
    CHECK((batch.runs()[3].kind == OverlayKind::Plain && batch.runs()[3].first == 36 && batch.runs()[3].count == 6));
    std::uint32_t covered = 0;
    for (const auto& run : batch.runs()) {
        CHECK(run.first == covered);
        covered += run.count;
    }
    CHECK(covered == batch.vertices().size());
    batch.clear();
    CHECK(batch.runs().empty());
}

TEST_CASE("overlay: the programs split by kind draw the pixels of the single program", "[gl][overlay][text]") {
    NTM_REQUIRE_GL_OR_SKIP();
    // Labels with halos over the map, a title, a watermark and a legend with every swatch kind
    // (fill, line, point symbols with statuses and an overdue ring): every mode of overlay.frag.
    auto scene = test::basicMapScene();
    scene.camera.frameWidthPx = 640;
    scene.camera.frameHeightPx = 360;
    scene.camera.metersPerPixel = 0.5;
    scene.title = "Huyện Thành Sơn — Nông thôn mới";
    scene.watermark = "DỮ LIỆU MẪU · demo data";
    scene.legend.title = "Số tiêu chí đạt";
    using Swatch = gis::scene::LegendEntry::Swatch;
    using gis::scene::PointSymbol;
    using gis::scene::WorkStatus;
    scene.legend.entries = {{{39, 174, 96, 255}, "19/19 — Đạt chuẩn", Swatch::Fill},
                            {{41, 128, 185, 255}, "Đường đang làm", Swatch::Line, PointSymbol::Circle, WorkStatus::UnderConstruction},
                            {{142, 68, 173, 255}, "Trường học", Swatch::Point, PointSymbol::Star, WorkStatus::Planned, true},
                            {{200, 68, 20, 255}, "Trạm y tế", Swatch::Point, PointSymbol::Hexagon, WorkStatus::UnderConstruction},
                            {{0, 0, 0, 0}, "Ký hiệu ẩn ở tỉ lệ này", Swatch::Note}};
    const char* names[] = {"Xã Tân Lập", "Phường Điện Biên", "Xã Ỷ La", "Thị trấn Quỳ Hợp", "Xã Hưng Đạo", "Xã Đồng Ý"};
    for (int i = 0; i < 6; ++i)
        scene.labels.push_back({names[i], {test::kTestOrigin.x + 20.0 + 30.0 * i, test::kTestOrigin.y + 15.0 * (i % 4)},
                                static_cast<float>(10 - i)});

    auto renderer = test::makeRenderer();
    gis::render::RenderTarget target(scene.camera.frameWidthPx, scene.camera.frameHeightPx);
    const auto split = renderer->render(scene, target);
    const gis::render::Image splitImage = target.readPixels();
    renderer->setReferencePrograms(true);
    const auto single = renderer->render(scene, target);
    const gis::render::Image singleImage = target.readPixels();

    CHECK(split.labelsPlaced >= 3);
    CHECK(split.labelsPlaced == single.labelsPlaced);
    CHECK(split.drawCalls > single.drawCalls);  // one draw per run instead of one for the overlay
    const auto diff = test::compareImages(singleImage, splitImage, 0);
    CHECK(diff.sameSize);
    CHECK(diff.differingPixels == 0);
}
