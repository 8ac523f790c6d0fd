// Printed pages, GeoTIFF, PDF and the atlas through the real executable, checked with the tools
// a GIS office has: gdalinfo/gdallocationinfo for the GeoTIFF, pdfinfo/pdftotext/pdffonts for PDFs.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "gis/proj/transformer.hpp"
#include "gis/scene/map_document.hpp"
#include "tests/support/png_read.hpp"
#include "tests/support/test_paths.hpp"

namespace {

std::string cli() { return std::string("'") + NTM_CLI_PATH + "'"; }

std::filesystem::path demoProject(const std::filesystem::path& dir) {
    const auto project = dir / "thanh-lam.gpkg";
    std::string output;
    REQUIRE(test::runCommand(cli() + " init '" + project.string() + "' --demo", &output) == 0);
    return project;
}

std::string run(const std::string& command) {
    std::string output;
    INFO(command);
    REQUIRE(test::runCommand(command, &output) == 0);
    return output;
}

/// The pixels-per-metre of a PNG's pHYs chunk (0 when it has none).
unsigned pngPixelsPerMetre(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = bytes.find("pHYs");
    if (at == std::string::npos || at + 8 > bytes.size()) return 0;
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + 4 + i]);
    return value;
}

}  // namespace

TEST_CASE("export --paper A4 --dpi 300: a 3508 × 2480 PNG that says 300 dpi", "[e2e][print]") {
    const auto dir = test::scratchDir("print_png_a4");
    const auto project = demoProject(dir);
    const auto png = dir / "a4.png";
    run(cli() + " export '" + project.string() + "' --paper A4 --dpi 300 --out '" + png.string() + "'");
    const auto image = test::readRgba(png.string());
    REQUIRE(image);
    CHECK(image->width == 3508);
    CHECK(image->height == 2480);
    CHECK(pngPixelsPerMetre(png) == 11811);  // 300 / 0.0254
    CHECK(test::countColors(*image) > 200);
}

TEST_CASE("export .pdf: an A4 page in points with its layout as real text in embedded fonts", "[e2e][print]") {
    const auto dir = test::scratchDir("print_pdf");
    const auto project = demoProject(dir);
    const auto pdf = dir / "bao-cao.pdf";
    run(cli() + " export '" + project.string() + "' --paper A4 --dpi 300 --title 'Kết quả xây dựng NTM' --out '" + pdf.string() + "'");
    const std::string info = run("pdfinfo '" + pdf.string() + "'");
    CHECK_THAT(info, Catch::Contains("Pages:           1"));
    CHECK_THAT(info, Catch::Contains("841.89 x 595.276 pts (A4)"));
    const std::string text = run("pdftotext '" + pdf.string() + "' -");
    for (const char* expected : {"Kết quả xây dựng NTM", "số liệu đến 31/12/2024", "Chú giải", "Số liệu chính", "Nguồn số liệu", "km",
                                 "Thành Sơn"})
        CHECK_THAT(text, Catch::Contains(expected));
    const std::string fonts = run("pdffonts '" + pdf.string() + "'");
    CHECK_THAT(fonts, Catch::Contains("NotoSans"));
    CHECK(fonts.find(" no ") == std::string::npos);  // every font embedded
    CHECK(std::filesystem::file_size(pdf) < 5u * 1024 * 1024);
}

TEST_CASE("export .tif: a GeoTIFF whose geotransform puts the commune where it is", "[e2e][print]") {
    const auto dir = test::scratchDir("print_geotiff");
    const auto project = demoProject(dir);
    const auto tif = dir / "thanh-son.tif";
    const std::string commune = "99703";  // Xã Thành Sơn
    run(cli() + " export '" + project.string() + "' --unit " + commune + " --width 1200 --height 900 --out '" + tif.string() + "'");
    const std::string info = run("gdalinfo '" + tif.string() + "'");
    CHECK_THAT(info, Catch::Contains("Pseudo-Mercator"));
    CHECK_THAT(info, Catch::Contains("Size is 1200, 900"));

    // Where the commune is, from the project itself: its label point and points around it.
    gis::scene::MapSourceSpec source;
    source.path = project.string();
    auto document = gis::scene::MapDocument::open(source);
    REQUIRE(document);
    const auto& main = document->layers()[document->mainLayerIndex()];
    const auto feature = document->featureByCode(commune);
    REQUIRE(feature);
    const gis::Rgba8 fill = (*main.colors)[*feature];
    auto back = gis::proj::Transformer::create("EPSG:3857", "EPSG:4326");
    REQUIRE(back);
    REQUIRE(document->labelPoint(*feature));
    const gis::Vec2 anchor = *document->labelPoint(*feature);
    const gis::Bounds box = main.featureBounds[*feature];
    const double step = 0.08 * std::min(box.width(), box.height());
    std::vector<gis::Vec2> probes{{anchor.x, anchor.y - step}, {anchor.x, anchor.y + step}, {anchor.x - step, anchor.y},
                                  {anchor.x + step, anchor.y}, {anchor.x - step, anchor.y - step}};
    REQUIRE(back->forward(probes));
    int matching = 0;
    for (const gis::Vec2& lonLat : probes) {
        char coords[64];
        std::snprintf(coords, sizeof coords, " %.7f %.7f", lonLat.x, lonLat.y);
        const std::string values = run("gdallocationinfo -valonly -wgs84 '" + tif.string() + "'" + coords);
        int r = -1, g = -1, b = -1;
        REQUIRE(std::sscanf(values.c_str(), "%d %d %d", &r, &g, &b) == 3);
        if (std::abs(r - fill.r) <= 6 && std::abs(g - fill.g) <= 6 && std::abs(b - fill.b) <= 6) ++matching;
    }
    INFO("commune fill " << int(fill.r) << "," << int(fill.g) << "," << int(fill.b));
    CHECK(matching >= 3);  // a symbol or road may cover a probe, not most of them
}

TEST_CASE("atlas: the demo district as one PDF page per commune after the overview, and as a folder of PNGs", "[e2e][print]") {
    const auto dir = test::scratchDir("print_atlas");
    const auto project = demoProject(dir);
    const std::string summary = run(cli() + " summary '" + project.string() + "' --json");
    int communes = 0;
    for (std::size_t at = 0; (at = summary.find("\"level\": \"commune\"", at)) != std::string::npos; ++at) ++communes;
    if (communes == 0)
        for (std::size_t at = 0; (at = summary.find("\"level\":\"commune\"", at)) != std::string::npos; ++at) ++communes;
    REQUIRE(communes == 20);

    const auto pdf = dir / "atlas.pdf";
    const std::string log = run(cli() + " atlas '" + project.string() + "' --unit 999 --out '" + pdf.string() + "'");
    const std::string info = run("pdfinfo '" + pdf.string() + "'");
    CHECK_THAT(info, Catch::Contains("Pages:           " + std::to_string(communes + 1)));
    CHECK_THAT(log, Catch::Contains("[21/21] Xã Tân Giang"));  // progress, in the district's order
    std::smatch perPage;
    REQUIRE(std::regex_search(log, perPage, std::regex(R"(\(([0-9.]+) s a page)")));
    // The time a page takes is reported (its figure is a benchmark's, in the README, not a test's:
    // under the sanitizers on a busy machine a page took 1.03 s).
    CHECK(std::stod(perPage[1]) > 0.0);
    const std::string page3 = run("pdftotext -f 3 -l 3 '" + pdf.string() + "' -");
    CHECK_THAT(page3, Catch::Contains("Xã Thành Sơn") && Catch::Contains("Tiêu chí") && Catch::Contains("Nhiệm vụ quá hạn"));

    const auto folder = dir / "pages";
    run(cli() + " atlas '" + project.string() + "' --unit 999 --out '" + folder.string() + "/'");
    int pngs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) pngs += entry.path().extension() == ".png";
    CHECK(pngs == communes + 1);
    CHECK(std::filesystem::exists(folder / "03-99703-xa-thanh-son.png"));
}

TEST_CASE("export/atlas: impossible sizes and bad options fail before any work, naming the option", "[e2e][print]") {
    const auto dir = test::scratchDir("print_errors");
    std::string output;
    CHECK(test::runCommand(cli() + " export demo --out '" + (dir / "x.png").string() + "' --width 20000 --height 100", &output) != 0);
    CHECK_THAT(output, Catch::Contains("16384"));
    CHECK(test::runCommand(cli() + " export demo --out '" + (dir / "x.png").string() + "' --paper A4 --dpi 72", &output) != 0);
    CHECK_THAT(output, Catch::Contains("--dpi"));
    CHECK(test::runCommand(cli() + " export demo --out '" + (dir / "x.png").string() + "' --paper B5", &output) != 0);
    CHECK_THAT(output, Catch::Contains("--paper"));
    CHECK(test::runCommand(cli() + " export demo --out '" + (dir / "x.png").string() + "' --paper A4 --width 100 --height 100", &output) != 0);
    CHECK(test::runCommand(cli() + " export demo --out '" + (dir / "x.png").string() + "' --unit 12345", &output) != 0);
    CHECK_THAT(output, Catch::Contains("12345"));
    CHECK(test::runCommand(cli() + " atlas demo --unit 99703 --out '" + (dir / "a.pdf").string() + "'", &output) != 0);
    CHECK_THAT(output, Catch::Contains("district"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
    CHECK_FALSE(std::filesystem::exists(dir / "a.pdf"));
}
