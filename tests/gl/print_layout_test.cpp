// The printed page drawn by the one renderer: a golden A4 page of the demo district, its scale
// bar measured in the pixels, the PDF's text runs matching what the PNG draws.
#include <catch2/catch.hpp>

#include <cmath>

#include "gis/export/page_layout.hpp"
#include "gis/export/page_render.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/scene/scale_bar.hpp"
#include "tests/gl/support/gl_test_support.hpp"

namespace {

gis::exporting::PageContent demoContent() {
    gis::exporting::PageContent content;
    content.title = "Huyện Thanh Lâm (mẫu)";
    content.subtitle = "Số tiêu chí đạt · số liệu đến 31/12/2024";
    content.legendHeading = "Chú giải";
    content.sideLines = {{"Số liệu chính", gis::scene::PageLineRole::Heading, std::nullopt},
                         {"Xã đạt chuẩn NTM: 7/19 xã", gis::scene::PageLineRole::Body, std::nullopt},
                         {"Giải ngân: 48,3 %", gis::scene::PageLineRole::Warning, std::nullopt},
                         {"1. Quy hoạch — Đạt", gis::scene::PageLineRole::Body, gis::Rgba8{46, 140, 70, 255}}};
    content.footerLeft = "Nguồn số liệu: dữ liệu mẫu";
    content.footerRight = "Xuất ngày 01/12/2026";  // fixed: the golden must not change with the date
    return content;
}

/// The longest run of near-black pixels on a row inside `area`.
int longestDarkRun(const gis::render::Image& image, int row, int x0, int x1) {
    int best = 0, run = 0;
    for (int x = x0; x < x1; ++x) {
        const std::uint8_t* p = image.rgba.data() + (static_cast<std::size_t>(row) * image.width + x) * 4;
        run = (p[0] < 60 && p[1] < 60 && p[2] < 60) ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

}  // namespace

TEST_CASE("Page: an A4 landscape page of the demo matches its golden, scale bar as long as its distance", "[gl][print]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto document = gis::scene::MapDocument::open({});
    REQUIRE(document);
    gis::exporting::PageSpec spec;
    spec.paper = gis::exporting::Paper::A4;
    spec.dpi = 100;  // small enough for a golden file, every element present
    const gis::scene::RenderScene scene = gis::exporting::pageScene(*document, demoContent(), spec);
    REQUIRE(scene.page);
    auto page = gis::exporting::renderPage(*renderer, scene, spec, false);
    REQUIRE(page);
    CHECK(page->image.width == 1169);
    CHECK(page->image.height == 827);
    CHECK(test::matchesGolden("print_a4_page", page->image));

    // The bar's length in pixels is its distance on the ground at the map's latitude.
    const gis::scene::PageDecor& decor = *scene.page;
    const gis::Vec2 middle = scene.camera.toWorld({(decor.map.x0 + decor.map.x1) / 2, (decor.map.y0 + decor.map.y1) / 2});
    const double groundPerPx = gis::scene::groundMetersPerPixel(scene.camera, middle);
    CHECK(decor.scaleBar.lengthPx * groundPerPx == Approx(decor.scaleBar.meters).epsilon(0.001));
    // …and that is what was drawn: the bar's black outline spans lengthPx in the bottom-left corner.
    int drawn = 0;
    for (int row = static_cast<int>(decor.map.y1) - 40; row < static_cast<int>(decor.map.y1); ++row)
        drawn = std::max(drawn, longestDarkRun(page->image, row, static_cast<int>(decor.map.x0), static_cast<int>(decor.map.x0) + 400));
    CHECK(std::abs(drawn - decor.scaleBar.lengthPx) <= 2.0);
}

TEST_CASE("Page: with text as runs the picture has no layout text and the runs sit where the PNG draws them", "[gl][print]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto document = gis::scene::MapDocument::open({});
    REQUIRE(document);
    gis::exporting::PageSpec spec;
    spec.paper = gis::exporting::Paper::A4;
    spec.dpi = 100;
    const gis::scene::RenderScene scene = gis::exporting::pageScene(*document, demoContent(), spec);
    auto drawn = gis::exporting::renderPage(*renderer, scene, spec, false);
    auto runs = gis::exporting::renderPage(*renderer, scene, spec, true);
    REQUIRE(drawn);
    REQUIRE(runs);
    bool title = false, footer = false, label = false;
    for (const auto& run : runs->text) {
        title = title || run.text == "Huyện Thanh Lâm (mẫu)";
        footer = footer || run.text == "Xuất ngày 01/12/2026";
        label = label || run.text == "Thành Sơn";
    }
    CHECK(title);
    CHECK(footer);
    CHECK(label);  // map labels are real text in a PDF too
    // Where the title is drawn in the PNG, the picture under the PDF's text is plain paper.
    const auto& decor = *scene.page;
    const int y = static_cast<int>(decor.header.y0 + 10);
    const int x = static_cast<int>(decor.header.x0 + 2);
    bool inkInPng = false, inkUnderPdf = false;
    for (int dy = 0; dy < 20; ++dy)
        for (int dx = 0; dx < 200; ++dx) {
            const std::size_t i = (static_cast<std::size_t>(y + dy) * drawn->image.width + x + dx) * 4;
            inkInPng = inkInPng || drawn->image.rgba[i] < 100;
            inkUnderPdf = inkUnderPdf || runs->image.rgba[i] < 100;
        }
    CHECK(inkInPng);
    CHECK_FALSE(inkUnderPdf);
}
