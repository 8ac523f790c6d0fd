// The export command run as a user runs it: real executable, real files, PNGs read back with GDAL.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/png_read.hpp"
#include "tests/support/test_paths.hpp"

namespace {

std::string cli() { return std::string("'") + NTM_CLI_PATH + "'"; }

/// Cuts one district out of the national commune layer (real data) into a GeoPackage.
std::filesystem::path cutDistrict(const std::filesystem::path& dir, const std::string& districtVn) {
    const std::filesystem::path out = dir / "district.gpkg";
    std::string output;
    const int status = test::runCommand("ogr2ogr -f GPKG '" + out.string() + "' '" + test::nationalCommunesGpkg().string() +
                                            "' communes -where \"district_vn = '" + districtVn + "'\"",
                                        &output);
    REQUIRE(status == 0);
    return out;
}

}  // namespace

TEST_CASE("export: the demo project renders to a PNG of the requested size", "[e2e]") {
    const auto dir = test::scratchDir("export_demo");
    const auto png = dir / "demo.png";
    std::string output;
    REQUIRE(test::runCommand(cli() + " export demo --out '" + png.string() + "' --width 960 --height 640", &output) == 0);
    INFO(output);
    const auto image = test::readRgba(png.string());
    REQUIRE(image);
    CHECK(image->width == 960);
    CHECK(image->height == 640);
    // A choropleth with labels and a legend has many colours; a blank or failed frame has one.
    CHECK(test::countColors(*image) > 200);
    CHECK(output.find("BENCH load=") != std::string::npos);
}

TEST_CASE("export: a district cut from the national layer, coloured by population", "[e2e]") {
    const auto dir = test::scratchDir("export_district");
    const auto gpkg = cutDistrict(dir, "Huyện Anh Sơn");
    const auto png = dir / "anh_son.png";
    std::string output;
    const int status = test::runCommand(cli() + " export '" + gpkg.string() + "' --layer communes --color-by population --out '" +
                                            png.string() + "' --width 800 --height 600",
                                        &output);
    INFO(output);
    REQUIRE(status == 0);
    const auto image = test::readRgba(png.string());
    REQUIRE(image);
    CHECK(image->width == 800);
    CHECK(image->height == 600);
    CHECK(test::countColors(*image) > 50);
}

TEST_CASE("export: a fixed --extent frames two exports identically", "[e2e]") {
    const auto dir = test::scratchDir("export_extent");
    const auto gpkg = cutDistrict(dir, "Huyện Anh Sơn");
    const std::string extent = " --extent 104.9,18.85,105.35,19.2 --width 400 --height 300 --color-by population";
    std::string output;
    REQUIRE(test::runCommand(cli() + " export '" + gpkg.string() + "' --out '" + (dir / "a.png").string() + "'" + extent, &output) == 0);
    REQUIRE(test::runCommand(cli() + " export '" + gpkg.string() + "' --out '" + (dir / "b.png").string() + "'" + extent, &output) == 0);
    const auto a = test::readRgba((dir / "a.png").string());
    const auto b = test::readRgba((dir / "b.png").string());
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->rgba == b->rgba);
}

TEST_CASE("export: bad input fails with a message naming the file or option", "[e2e]") {
    const auto dir = test::scratchDir("export_errors");
    std::string output;
    CHECK(test::runCommand(cli() + " export '" + (dir / "missing.gpkg").string() + "' --out '" + (dir / "x.png").string() + "'", &output) != 0);
    CHECK(output.find("missing.gpkg") != std::string::npos);

    CHECK(test::runCommand(cli() + " export demo --out '" + (dir / "x.png").string() + "' --extent 1,2,3", &output) != 0);
    CHECK(output.find("--extent") != std::string::npos);

    CHECK(test::runCommand(cli() + " export demo --out '" + (dir / "x.png").string() + "' --color-by no_such_field", &output) != 0);
    CHECK(output.find("no_such_field") != std::string::npos);

    // A GeoJSON without a CRS is read as WGS84 by GDAL (RFC 7946); a CSV with WKT has none.
    const auto csv = dir / "nocrs.csv";
    {
        std::FILE* f = std::fopen(csv.c_str(), "w");
        REQUIRE(f != nullptr);
        std::fputs("WKT,name\n\"POLYGON((500000 2000000,510000 2000000,510000 2010000,500000 2000000))\",A\n", f);
        std::fclose(f);
    }
    CHECK(test::runCommand(cli() + " export '" + csv.string() + "' --out '" + (dir / "x.png").string() + "'", &output) != 0);
    CHECK(output.find("nocrs.csv") != std::string::npos);
    CHECK(test::runCommand(cli() + " export '" + csv.string() + "' --s-srs EPSG:9209 --out '" + (dir / "x.png").string() + "' --width 200 --height 200", &output) == 0);
}

TEST_CASE("export: repaired and skipped features are reported, naming file and feature", "[e2e]") {
    const auto dir = test::scratchDir("export_warnings");
    const auto geojson = dir / "hong.geojson";
    {
        std::FILE* f = std::fopen(geojson.c_str(), "w");
        REQUIRE(f != nullptr);
        // A bowtie (repairable) and a ring of one repeated point (not repairable).
        std::fputs(R"({"type":"FeatureCollection","features":[
  {"type":"Feature","properties":{"name":"Xã Bướm"},"geometry":{"type":"Polygon","coordinates":[[[105,19],[105.1,19.1],[105.1,19],[105,19.1],[105,19]]]}},
  {"type":"Feature","properties":{"name":"Xã Hỏng"},"geometry":{"type":"Polygon","coordinates":[[[105,19],[105,19],[105,19]]]}}]})",
                   f);
        std::fclose(f);
    }
    std::string output;
    REQUIRE(test::runCommand(cli() + " export '" + geojson.string() + "' --out '" + (dir / "x.png").string() + "' --width 300 --height 200",
                             &output) == 0);
    CHECK(output.find("hong.geojson") != std::string::npos);
    CHECK(output.find("fid 0") != std::string::npos);
    CHECK(output.find("repaired") != std::string::npos);
    CHECK(output.find("fid 1") != std::string::npos);
    CHECK(output.find("skipped") != std::string::npos);
}

namespace {

std::string fileBytes(const std::filesystem::path& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return {};
    std::string bytes;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) bytes.append(buffer, n);
    std::fclose(f);
    return bytes;
}

/// A demo project written through the CLI (a real project file, as a district office has one).
std::filesystem::path demoProject(const std::filesystem::path& dir) {
    const auto project = dir / "thanh-lam.gpkg";
    std::string output;
    REQUIRE(test::runCommand(cli() + " init '" + project.string() + "' --demo", &output) == 0);
    return project;
}

}  // namespace

TEST_CASE("export: --out naming the project, or a link to it, is refused and the project stays byte-identical", "[e2e]") {
    const auto dir = test::scratchDir("export_out_is_source");
    const auto project = demoProject(dir);
    const std::string before = fileBytes(project);
    REQUIRE_FALSE(before.empty());
    std::string output;

    SECTION("--out PROJECT") {
        CHECK(test::runCommand(cli() + " export '" + project.string() + "' --out '" + project.string() + "' --width 200 --height 200",
                               &output) != 0);
        CHECK_THAT(output, Catch::Contains("refusing") && Catch::Contains("own source"));
    }
    SECTION("--out a symbolic link to the project") {
        const auto link = dir / "map.png";
        std::filesystem::create_symlink(project, link);
        CHECK(test::runCommand(cli() + " export '" + project.string() + "' --out '" + link.string() + "' --width 200 --height 200",
                               &output) != 0);
        CHECK_THAT(output, Catch::Contains("refusing") && Catch::Contains("map.png"));
        CHECK(std::filesystem::is_symlink(link));
    }
    SECTION("--out a hard link to the project, named like a PNG") {
        const auto link = dir / "map.png";
        std::filesystem::create_hard_link(project, link);
        CHECK(test::runCommand(cli() + " export '" + project.string() + "' --out '" + link.string() + "' --width 200 --height 200",
                               &output) != 0);
        CHECK_THAT(output, Catch::Contains("own source"));
    }
    SECTION("--out another project (an existing file that is not a PNG)") {
        const auto other = dir / "other.png";
        std::filesystem::copy_file(project, other);
        CHECK(test::runCommand(cli() + " export demo --out '" + other.string() + "' --width 200 --height 200", &output) != 0);
        CHECK_THAT(output, Catch::Contains("not a PNG image"));
        CHECK(fileBytes(other) == before);
    }
    INFO(output);
    CHECK(fileBytes(project) == before);
    CHECK(output.find("BENCH") == std::string::npos);  // refused before anything was rendered
}

TEST_CASE("export: --out a FIFO, a device or a name without .png is refused", "[e2e]") {
    const auto dir = test::scratchDir("export_out_special");
    std::string output;
    SECTION("a FIFO") {
        const auto fifo = dir / "pipe.png";
        REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
        // Were the export to open the FIFO for writing it would block forever; `timeout` turns that into a failure.
        CHECK(test::runCommand("timeout 60 " + cli() + " export demo --out '" + fifo.string() + "' --width 200 --height 200", &output) == 1);
        CHECK_THAT(output, Catch::Contains("FIFO"));
        CHECK(std::filesystem::is_fifo(fifo));
    }
    SECTION("/dev/null") {
        CHECK(test::runCommand(cli() + " export demo --out /dev/null --width 200 --height 200", &output) != 0);
        CHECK_THAT(output, Catch::Contains("/dev/null") && Catch::Contains("refusing"));
    }
    SECTION("a new file not named .png") {
        CHECK(test::runCommand(cli() + " export demo --out '" + (dir / "map.gpkg").string() + "' --width 200 --height 200", &output) != 0);
        CHECK_THAT(output, Catch::Contains(".png"));
        CHECK_FALSE(std::filesystem::exists(dir / "map.gpkg"));
    }
    INFO(output);
}

TEST_CASE("export: an existing PNG of ours is replaced by the new map", "[e2e]") {
    const auto dir = test::scratchDir("export_overwrite_png");
    const auto png = dir / "map.png";
    std::string output;
    REQUIRE(test::runCommand(cli() + " export demo --out '" + png.string() + "' --width 320 --height 200", &output) == 0);
    REQUIRE(test::runCommand(cli() + " export demo --out '" + png.string() + "' --width 480 --height 300", &output) == 0);
    INFO(output);
    const auto image = test::readRgba(png.string());
    REQUIRE(image);
    CHECK(image->width == 480);
    CHECK(image->height == 300);
    // No temporary file is left beside it.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++files;
    CHECK(files == 1);
}

TEST_CASE("export: the glyphs an export made are in the user's cache for the next export", "[e2e]") {
    // The command line leaves its renderer for the process's end to free (processEndsAfter):
    // what the renderer's destructor would save must be saved all the same.
    const auto dir = test::scratchDir("export_glyph_cache");
    const auto cacheHome = dir / "cache";
    const std::string env = "XDG_CACHE_HOME='" + cacheHome.string() + "' ";
    auto glyphFiles = [&] {
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(cacheHome / "ntm-atlas"))
            for (const auto& entry : std::filesystem::directory_iterator(cacheHome / "ntm-atlas"))
                if (entry.path().filename().string().rfind("glyphs-", 0) == 0) files.push_back(entry.path());
        return files;
    };
    std::string output;
    REQUIRE(test::runCommand(env + cli() + " export demo --out '" + (dir / "first.png").string() + "' --width 640 --height 400",
                             &output) == 0);
    INFO(output);
    const auto written = glyphFiles();
    REQUIRE(written.size() == 1);
    CHECK(std::filesystem::file_size(written[0]) > 1000);
    const auto writtenAt = std::filesystem::last_write_time(written[0]);
    // The same labels again: every glyph comes from the file, which is left as it was.
    REQUIRE(test::runCommand(env + cli() + " export demo --out '" + (dir / "second.png").string() + "' --width 640 --height 400",
                             &output) == 0);
    CHECK(std::filesystem::last_write_time(written[0]) == writtenAt);
    const auto first = test::readRgba((dir / "first.png").string());
    const auto second = test::readRgba((dir / "second.png").string());
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->rgba == second->rgba);
}

TEST_CASE("export: an unknown --layer of a project is an error listing the project's layers", "[e2e]") {
    const auto dir = test::scratchDir("export_project_layer");
    const auto project = demoProject(dir);
    std::string output;
    CHECK(test::runCommand(cli() + " export '" + project.string() + "' --layer xa --out '" + (dir / "x.png").string() +
                               "' --width 200 --height 200",
                           &output) != 0);
    CHECK_THAT(output, Catch::Contains("no layer 'xa'") && Catch::Contains("communes"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
    REQUIRE(test::runCommand(cli() + " export '" + project.string() + "' --layer communes --out '" + (dir / "x.png").string() +
                                 "' --width 200 --height 200",
                             &output) == 0);
}

TEST_CASE("export: a PNG of a plain GeoPackage never loads GDAL, and what needs OGR loads it and draws the same map", "[e2e]") {
    // GDAL is loaded on first use (gis/data/gdal_library.hpp): the loader's own log says whether it was.
    const auto dir = test::scratchDir("export_without_gdal");
    const auto gpkg = cutDistrict(dir, "Huyện Anh Sơn");
    auto exportWithLoaderLog = [&](const std::string& layer, const std::string& png, std::string& log) {
        return test::runCommand("LD_DEBUG=files " + cli() + " export '" + gpkg.string() + "' --layer " + layer +
                                    " --color-by population --out '" + (dir / png).string() + "' --width 640 --height 480",
                                &log);
    };
    std::string plain;
    REQUIRE(exportWithLoaderLog("communes", "plain.png", plain) == 0);
    if (NTM_CLI_LOADS_GDAL_ON_DEMAND) CHECK(plain.find("file=libgdal") == std::string::npos);  // not in the sanitizer build
    // A layer named in another case is OGR's to find: GDAL is loaded then, and the map is the same.
    std::string throughOgr;
    REQUIRE(exportWithLoaderLog("COMMUNES", "ogr.png", throughOgr) == 0);
    CHECK(throughOgr.find("file=libgdal") != std::string::npos);
    const auto a = test::readRgba((dir / "plain.png").string());
    const auto b = test::readRgba((dir / "ogr.png").string());
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->rgba == b->rgba);
    // Every other command has it up front.
    std::string init;
    CHECK(test::runCommand("LD_DEBUG=files " + cli() + " init '" + (dir / "project.gpkg").string() + "'", &init) == 0);
    CHECK(init.find("file=libgdal") != std::string::npos);
}
