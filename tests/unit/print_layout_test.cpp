// Paper sizes, scale bars at the map's latitude, export targets of every format, page frames.
#include <catch2/catch.hpp>

#include <geodesic.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "gis/export/export_target.hpp"
#include "gis/export/page_layout.hpp"
#include "gis/export/paper.hpp"
#include "gis/proj/transformer.hpp"
#include "gis/render/legend_columns.hpp"
#include "gis/scene/scale_bar.hpp"
#include "tests/support/test_paths.hpp"

using namespace gis;

TEST_CASE("Paper: A4 and A3 in both orientations at print resolutions", "[unit][print]") {
    exporting::PageSpec a4;
    a4.paper = exporting::Paper::A4;
    a4.dpi = 300;
    CHECK(a4.pixelWidth() == 3508);
    CHECK(a4.pixelHeight() == 2480);
    CHECK(a4.pointWidth() == Approx(841.89).margin(0.01));
    CHECK(a4.pointHeight() == Approx(595.28).margin(0.01));
    a4.landscape = false;
    CHECK(a4.pixelWidth() == 2480);
    CHECK(a4.pixelHeight() == 3508);
    exporting::PageSpec a3;
    a3.paper = exporting::Paper::A3;
    a3.dpi = 150;
    CHECK(a3.pixelWidth() == 2480);
    CHECK(a3.pixelHeight() == 1754);
    a3.dpi = 600;
    CHECK(a3.pixelWidth() == 9921);
    CHECK(exporting::parsePaper("a3") == exporting::Paper::A3);
    CHECK_FALSE(exporting::parsePaper("letter"));
    CHECK(exporting::isSupportedDpi(600));
    CHECK_FALSE(exporting::isSupportedDpi(72));
}

TEST_CASE("Paper: a size the machine cannot do is refused before any work, saying why", "[unit][print]") {
    CHECK(exporting::checkFrameFeasible(3508, 2480));
    const auto tooWide = exporting::checkFrameFeasible(20000, 100);
    REQUIRE_FALSE(tooWide);
    CHECK_THAT(tooWide.error().message, Catch::Contains("16384"));
}

TEST_CASE("Scale bar: ground distance at the map's latitude, checked against the WGS 84 geodesic", "[unit][print]") {
    // Two points 0.2° of longitude apart at 19° N (Nghệ An), in Web Mercator.
    auto transformer = proj::Transformer::create("EPSG:4326", "EPSG:3857");
    REQUIRE(transformer);
    std::vector<Vec2> points{{105.0, 19.0}, {105.2, 19.0}};
    REQUIRE(transformer->forward(points));
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    double meters = 0, azi1 = 0, azi2 = 0;
    geod_inverse(&g, 19.0, 105.0, 19.0, 105.2, &meters, &azi1, &azi2);  // ≈ 21.06 km

    scene::Camera camera;
    camera.center = {(points[0].x + points[1].x) / 2, points[0].y};
    camera.metersPerPixel = 20.0;  // projected metres
    camera.frameWidthPx = 2000;
    camera.frameHeightPx = 1000;
    const double pixels = (points[1].x - points[0].x) / camera.metersPerPixel;
    // What the bar says a pixel is on the ground, against what the geodesic says it is.
    CHECK(scene::groundMetersPerPixel(camera, camera.center) == Approx(meters / pixels).epsilon(0.002));

    const scene::ScaleBarSpec bar = scene::scaleBarFor(camera, camera.center, 400.0f);
    CHECK(bar.meters == Approx(5000.0));  // 400 px ≈ 7.6 km → the round 5 km
    CHECK(bar.lengthPx == Approx(5000.0 / (meters / pixels)).epsilon(0.002));
    CHECK(bar.segments == 5);
    // Without the cos(latitude) factor the bar would be 5.7 % short at 19° N.
    CHECK(bar.lengthPx > 5000.0 / camera.metersPerPixel * 1.05);
    CHECK(exporting::scaleBarTicks(bar.meters, gis::Language::Vi) == std::vector<std::string>{"0", "2,5", "5 km"});
    CHECK(exporting::scaleBarTicks(500, gis::Language::En) == std::vector<std::string>{"0", "250", "500 m"});
}

TEST_CASE("Layout: the legend balances into columns of equal length", "[unit][print]") {
    const auto fits = render::balanceLegend(22, 10.0f, 120.0f, 4);  // 12 rows fit
    CHECK(fits.columns == 2);
    CHECK(fits.rows == 11);
    CHECK(render::balanceLegend(5, 10.0f, 500.0f, 4).columns == 1);
    CHECK(render::balanceLegend(30, 10.0f, 50.0f, 3).columns == 3);  // capped, rows grow instead
    CHECK(render::balanceLegend(30, 10.0f, 50.0f, 3).rows == 10);
}

TEST_CASE("Layout: frames of a landscape and a portrait page stay inside the paper and apart", "[unit][print]") {
    for (bool landscape : {true, false}) {
        exporting::PageSpec spec;
        spec.paper = exporting::Paper::A4;
        spec.landscape = landscape;
        const auto f = exporting::pageFrames(spec.pixelWidth(), spec.pixelHeight(), 150.0f / 72.0f, 0.27f);
        CHECK(f.header.y1 < f.map.y0);
        CHECK(f.map.y1 < f.footer.y0);
        if (landscape) CHECK(f.map.x1 < f.side.x0);
        else CHECK(f.map.y1 < f.side.y0);
        CHECK(f.side.x1 <= spec.pixelWidth());
        CHECK(f.footer.y1 <= spec.pixelHeight());
        // The camera shows the focus centred in the map frame.
        Bounds focus;
        focus.expand(Vec2{0, 0});
        focus.expand(Vec2{10000, 5000});
        const auto camera = exporting::pageCamera(f, spec.pixelWidth(), spec.pixelHeight(), focus);
        const Vec2 centre = camera.toPixel(focus.center());
        CHECK(centre.x == Approx((f.map.x0 + f.map.x1) / 2).margin(0.5));
        CHECK(centre.y == Approx((f.map.y0 + f.map.y1) / 2).margin(0.5));
    }
}

TEST_CASE("Export target: .tif and .pdf are accepted, existing files only when they are TIFF / PDF", "[unit][print]") {
    const auto dir = test::scratchDir("print_targets");
    CHECK(exporting::checkExportTarget((dir / "map.tif").string(), {}));
    CHECK(exporting::checkExportTarget((dir / "map.pdf").string(), {}));
    CHECK(exporting::formatFromExtension("a.TIFF") == exporting::ExportFormat::GeoTiff);
    const auto write = [](const std::filesystem::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; };
    write(dir / "old.pdf", "%PDF-1.5\n...");
    write(dir / "old.tif", std::string("II*\0....", 8));
    write(dir / "notes.pdf", "meeting notes");
    CHECK(exporting::checkExportTarget((dir / "old.pdf").string(), {}));
    CHECK(exporting::checkExportTarget((dir / "old.tif").string(), {}));
    const auto refused = exporting::checkExportTarget((dir / "notes.pdf").string(), {});
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("not a PDF"));
    // A PDF's bytes under a .tif name are not a TIFF of ours.
    CHECK_FALSE(exporting::checkExportTarget((dir / "old.pdf").string(), {}, exporting::ExportFormat::GeoTiff));
    // Atlas folders: new (parent exists) or an existing folder; never a file or a link.
    CHECK(exporting::checkAtlasFolder((dir / "atlas/").string(), {}));
    CHECK_FALSE(exporting::checkAtlasFolder((dir / "old.pdf").string(), {}));
    std::filesystem::create_directory_symlink(dir, dir / "link");
    CHECK_FALSE(exporting::checkAtlasFolder((dir / "link").string(), {}));
    CHECK_FALSE(exporting::checkAtlasFolder((dir / "no" / "such" / "atlas").string(), {}));
}
