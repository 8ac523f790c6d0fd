// Files the user names are untrusted: each trick that made GDAL read something other than the
// chosen file (an OGR VRT, /vsi paths, connection strings, a FIFO) and each bad --where is tried
// against both readers (the importer's source table and the map's vector reader).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "gis/data/user_file.hpp"
#include "gis/data/vector_reader.hpp"
#include "gis/importer/source_table.hpp"
#include "tests/support/test_paths.hpp"

namespace {

namespace fs = std::filesystem;

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string vrtNaming(const std::string& source) {
    return "<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>" + source +
           "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>\n";
}

std::string importError(const std::string& path, const std::string& where = {}) {
    gis::importer::ImportOptions options;
    options.where = where;
    auto table = gis::importer::readSourceTable(path, options, false);
    REQUIRE_FALSE(table);
    return table.error().message;
}

std::string mapError(const std::string& path, const std::string& where = {}) {
    gis::data::ReadOptions options;
    options.attributeFilter = where;
    options.sourceCrsOverride = "EPSG:4326";
    auto layer = gis::data::readVectorLayer(path, options);
    REQUIRE_FALSE(layer);
    return layer.error().message;
}

}  // namespace

TEST_CASE("untrusted files: a VRT naming CSV:/etc/passwd is refused before anything is read", "[untrusted]") {
    const fs::path dir = test::scratchDir("untrusted_vrt_system_file");
    const fs::path vrt = dir / "ranh_gioi.vrt";
    writeText(vrt, vrtNaming("CSV:/etc/passwd"));
    for (const std::string& message : {importError(vrt.string()), mapError(vrt.string())}) {
        CHECK_THAT(message, Catch::Contains("ranh_gioi.vrt") && Catch::Contains("VRT"));
        CHECK_THAT(message, !Catch::Contains("root:") && !Catch::Contains("passwd"));
    }
}

TEST_CASE("untrusted files: a VRT naming a readable CSV elsewhere echoes none of its cells", "[untrusted]") {
    const fs::path dir = test::scratchDir("untrusted_vrt_csv");
    fs::create_directories(dir / "elsewhere");
    writeText(dir / "elsewhere" / "luong.csv", "ho_ten,luong\nNguyen Van Bi Mat,98765432\n");
    // Plain CSV is a supported format: the same file named directly reads (so the refusal below is the VRT's).
    gis::importer::ImportOptions plain;
    auto direct = gis::importer::readSourceTable((dir / "elsewhere" / "luong.csv").string(), plain, false);
    REQUIRE(direct);
    REQUIRE(direct->rows.size() == 1);

    const fs::path vrt = dir / "xa.vrt";
    writeText(vrt, vrtNaming((dir / "elsewhere" / "luong.csv").string()));
    for (const std::string& message : {importError(vrt.string()), mapError(vrt.string())}) {
        CHECK_THAT(message, Catch::Contains("xa.vrt") && Catch::Contains("not opened"));
        CHECK_THAT(message, !Catch::Contains("Bi Mat") && !Catch::Contains("98765432") && !Catch::Contains("luong"));
    }
}

TEST_CASE("untrusted files: /vsi paths, URLs and connection strings are refused as not local", "[untrusted]") {
    for (const std::string path : {"/vsicurl/http://127.0.0.1:9/xa.gpkg", "/vsizip//tmp/a.zip/xa.shp", "/vsistdin/"}) {
        INFO(path);
        CHECK_THAT(importError(path), Catch::Contains("/vsi") && Catch::Contains("local file"));
        CHECK_THAT(mapError(path), Catch::Contains("local file"));
    }
    for (const std::string path : {"http://127.0.0.1:9/xa.geojson", "https://example.org/a.gpkg", "ftp://host/a.csv",
                                   "PG:dbname=ntm", "CSV:/etc/passwd", "GPKG:/tmp/a.gpkg:communes"}) {
        INFO(path);
        CHECK_THAT(importError(path), Catch::Contains("not accepted") && Catch::Contains("local file"));
        CHECK_THAT(mapError(path), Catch::Contains("not accepted"));
    }
}

TEST_CASE("untrusted files: a FIFO is refused at once instead of hanging the read", "[untrusted]") {
    const fs::path dir = test::scratchDir("untrusted_fifo");
    const fs::path fifo = dir / "xa.csv";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THAT(importError(fifo.string()), Catch::Contains("not a regular file"));
    CHECK_THAT(mapError(fifo.string()), Catch::Contains("not a regular file"));
}

TEST_CASE("untrusted files: a --where that does not parse is named as the filter's fault", "[untrusted]") {
    const fs::path dir = test::scratchDir("untrusted_where");
    const fs::path csv = dir / "xa.csv";
    writeText(csv, "ma,ten\n1,Xã A\n2,Xã B\n");
    const std::string gpkg = (dir / "xa.gpkg").string();
    REQUIRE(test::runCommand("ogr2ogr -f GPKG '" + gpkg + "' '" + csv.string() + "' -nln xa") == 0);

    for (const std::string& file : {csv.string(), gpkg}) {
        INFO(file);
        for (const std::string where : {"ma = = 1", "ma IN (", "khong_co_cot = 3"}) {
            INFO(where);
            const std::string message = importError(file, where);
            CHECK_THAT(message, Catch::StartsWith("--where: '" + where + "' is not a valid filter"));
            CHECK_THAT(message, !Catch::Contains("damaged") && !Catch::Contains("truncated"));
        }
        CHECK_THAT(mapError(gpkg, "ma = = 1"), Catch::Contains("--where") && Catch::Contains("is not a valid filter"));
        // A second statement is refused, not silently dropped.
        CHECK_THAT(importError(file, "ma = 1; DROP TABLE xa"), Catch::Contains("nothing after ';'"));
        CHECK_THAT(mapError(file, "ma = 1; DELETE FROM xa"), Catch::Contains("nothing after ';'"));
        // ... but a ';' inside a quoted value is text.
        gis::importer::ImportOptions quoted;
        quoted.where = "ten <> 'a;b'";
        auto table = gis::importer::readSourceTable(file, quoted, false);
        REQUIRE(table);
        CHECK(table->rows.size() == 2);
    }
    // The file is untouched: the refused DROP never reached SQLite.
    gis::importer::ImportOptions all;
    auto table = gis::importer::readSourceTable(gpkg, all, false);
    REQUIRE(table);
    CHECK(table->rows.size() == 2);
}
