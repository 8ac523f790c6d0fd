// The bad-input corpus of issue 11, generated at run time in a scratch directory (nothing
// committed): broken shapefiles, wrong code pages, awkward sheets, a project from the future and
// one edited by hand into inconsistency. Each must end in an error or warning that names the
// file, row or feature, never a crash or hang, and a refused import leaves the project's bytes
// as they were.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "gis/data/text_encoding.hpp"
#include "gis/figures/summary.hpp"
#include "gis/figures/summary_json.hpp"
#include "gis/figures/unit_summary_read.hpp"
#include "gis/figures/unit_tree.hpp"
#include "gis/importer/demo_import.hpp"
#include "gis/importer/importer.hpp"
#include "gis/importer/source_table.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;
namespace fs = std::filesystem;

namespace {

/// A fresh demo project (the generated district: communes, criteria, money, works).
std::string demoProject(const fs::path& dir) {
    const std::string project = (dir / "project.gpkg").string();
    if (auto status = store::createProject(project); !status) throw std::runtime_error(status.error().message);
    if (auto demo = importer::importDemoDistrict(project); !demo) throw std::runtime_error(demo.error().message);
    return project;
}

std::string queryText(const std::string& project, const std::string& sql) {
    auto db = store::openProject(project, false);
    if (!db) throw std::runtime_error(db.error().message);
    return db->queryText(sql).value_or("");
}

void execSql(const std::string& project, const std::string& sql) {
    auto db = store::Database::open(project, store::Database::Mode::ReadWrite);
    if (!db) throw std::runtime_error(db.error().message);
    if (auto status = db->exec(sql); !status) throw std::runtime_error(status.error().message);
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

/// A one-commune polygon shapefile in EPSG:4326 with `name` stored as the raw bytes given (no
/// recoding by GDAL: ENCODING="" writes no .cpg), fields code / name / parent_code.
std::string writeShapefile(const fs::path& path, const std::string& code, const std::string& nameBytes, const std::string& parent) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDataset* ds = driver->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    char** options = CSLSetNameValue(nullptr, "ENCODING", "");
    OGRLayer* layer = ds->CreateLayer(path.stem().string().c_str(), &wgs84, wkbPolygon, options);
    CSLDestroy(options);
    for (const char* field : {"code", "name", "parent"}) {
        OGRFieldDefn defn(field, OFTString);
        layer->CreateField(&defn);
    }
    OGRFeature* feature = OGRFeature::CreateFeature(layer->GetLayerDefn());
    feature->SetField("code", code.c_str());
    feature->SetField("name", nameBytes.c_str());
    feature->SetField("parent", parent.c_str());
    OGRGeometry* polygon = nullptr;
    OGRGeometryFactory::createFromWkt("POLYGON ((105.00 19.00, 105.01 19.00, 105.01 19.01, 105.00 19.01, 105.00 19.00))", nullptr,
                                      &polygon);
    feature->SetGeometryDirectly(polygon);
    if (layer->CreateFeature(feature) != OGRERR_NONE) throw std::runtime_error("cannot write " + path.string());
    OGRFeature::DestroyFeature(feature);
    GDALClose(ds);
    return path.string();
}

importer::ImportOptions unitOptions() {
    importer::ImportOptions o;
    o.level = "commune";
    o.columnMap = {{"code", "code"}, {"name", "name"}, {"parent_code", "parent"}};
    return o;
}

}  // namespace

TEST_CASE("bad input: a shapefile without its .shx, .dbf or .prj is refused naming the file", "[importer][bad-input]") {
    const auto dir = test::scratchDir("bad_input_shapefile_parts");
    const std::string project = demoProject(dir);
    const std::string district = queryText(project, "SELECT code FROM ntm_units WHERE level = 'district' LIMIT 1");
    const std::string before = fixtures::readBytes(project);
    for (const char* missing : {".shx", ".dbf", ".prj"}) {
        INFO("without " << missing);
        const fs::path shp = dir / (std::string("xa_thieu") + missing + ".shp");
        writeShapefile(shp, "99901", "Xã Mới", district);
        fs::remove(fs::path(shp).replace_extension(missing));
        auto report = importer::importFile(project, "units", shp.string(), unitOptions());
        REQUIRE_FALSE(report);
        CHECK_THAT(report.error().message, Catch::Contains(shp.filename().string()));
        CHECK(fixtures::readBytes(project) == before);
    }
}

TEST_CASE("bad input: a .cpg that says UTF-8 over TCVN3 bytes names the feature and the way out", "[importer][bad-input]") {
    const auto dir = test::scratchDir("bad_input_wrong_cpg");
    const std::string project = demoProject(dir);
    const std::string district = queryText(project, "SELECT code FROM ntm_units WHERE level = 'district' LIMIT 1");
    const std::string before = fixtures::readBytes(project);
    const fs::path shp = dir / "ranh_gioi.shp";
    writeShapefile(shp, "99902", "T\xA9n Ch\xA9u", district);  // "Tân Châu" in TCVN3, as in the real code list
    writeText(fs::path(shp).replace_extension(".cpg"), "UTF-8");
    auto report = importer::importFile(project, "units", shp.string(), unitOptions());
    REQUIRE_FALSE(report);
    const std::string& m = report.error().message;
    CHECK_THAT(m, Catch::Contains("ranh_gioi.shp") && Catch::Contains("feature") && Catch::Contains("not valid UTF-8"));
    CHECK_THAT(m, Catch::Contains("--encoding TCVN3"));
    CHECK(fixtures::readBytes(project) == before);

    // With the right --encoding the same bytes are read as TCVN3 (the .cpg is overridden).
    auto asTcvn3 = importer::readSourceTable(shp.string(), importer::ImportOptions{.encoding = "TCVN3"}, false);
    REQUIRE(asTcvn3);
    REQUIRE(asTcvn3->rows.size() == 1);
    CHECK(asTcvn3->rows[0].cells[1].text == "Tân Châu");
}

TEST_CASE("bad input: sheets with blank header rows, duplicate headers, numbers as text, impossible dates", "[importer][bad-input]") {
    const auto dir = test::scratchDir("bad_input_sheets");
    const std::string project = demoProject(dir);
    const std::string commune = queryText(project, "SELECT code FROM ntm_units WHERE level = 'commune' AND type = 'xa' ORDER BY code LIMIT 1");
    REQUIRE_FALSE(commune.empty());
    const std::string before = fixtures::readBytes(project);
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";

    SECTION("blank rows above the header are skipped, the header found below them") {
        const fs::path csv = dir / "trong_dau.csv";
        writeText(csv, ",,\n,,\nMã xã,Số tiêu chí đạt,Ngày\n" + commune + ",15,30/06/2024\n");
        auto report = importer::importFile(project, "criteria", csv.string(), o);
        REQUIRE(report);
        CHECK(report->recordsWritten == 1);
        REQUIRE(report->notes.size() == 1);
        CHECK_THAT(report->notes[0], Catch::Contains("trong_dau.csv: the header is row 3"));
    }
    SECTION("a header given twice is refused naming it and the way out") {
        const fs::path csv = dir / "trung_cot.csv";
        writeText(csv, "Mã xã,Mã xã,Số tiêu chí đạt,Ngày\n" + commune + "," + commune + ",15,30/06/2024\n");
        auto report = importer::importFile(project, "criteria", csv.string(), o);
        REQUIRE_FALSE(report);
        CHECK_THAT(report.error().message, Catch::Contains("trung_cot.csv: columns 'Mã xã' and 'Mã xã' both read as unit_code"));
        CHECK_THAT(report.error().message, Catch::Contains("--map unit_code="));
        CHECK(fixtures::readBytes(project) == before);
    }
    SECTION("numbers stored as text are read as numbers") {
        const std::string xlsx = fixtures::writeSheet(dir / "so_dang_chu.xlsx", "XLSX", "TC",
                                                      {{"Mã xã"}, {"Số tiêu chí đạt"}, {"Ngày"}},
                                                      {{commune, " 16 ", "30/06/2024"}});
        auto report = importer::importFile(project, "criteria", xlsx, o);
        REQUIRE(report);
        CHECK(queryText(project, "SELECT criteria_met FROM ntm_assessments WHERE unit_code = '" + commune +
                                     "' AND as_of = '2024-06-30'") == "16");
    }
    SECTION("31/02/2024 and a wrapped long month are not dates: the row and column are named") {
        const fs::path csv = dir / "ngay_sai.csv";
        writeText(csv, "Mã xã,Số tiêu chí đạt,Ngày\n" + commune + ",15,31/02/2024\n" + commune + ",15,2024-4294967302-30\n");
        auto report = importer::importFile(project, "criteria", csv.string(), o);
        REQUIRE_FALSE(report);
        CHECK_THAT(report.error().message, Catch::Contains("row 2, column 'Ngày' = '31/02/2024': not a date"));
        CHECK_THAT(report.error().message, Catch::Contains("row 3, column 'Ngày' = '2024-4294967302-30': not a date"));
        CHECK(fixtures::readBytes(project) == before);
    }
    SECTION("money beyond 64 bits (20 tỷ tỷ) is a problem naming the row, not a negative sum") {
        const fs::path csv = dir / "tran_so.csv";
        writeText(csv, "Mã xã,Kế hoạch vốn (tỷ đồng),Năm\n" + commune + ",20000000000,2024\n");
        importer::ImportOptions money;
        money.programme = "ntm";
        auto report = importer::importFile(project, "disbursement", csv.string(), money);
        REQUIRE_FALSE(report);
        CHECK_THAT(report.error().message, Catch::Contains("tran_so.csv, row 2") && Catch::Contains("amount too large"));
        CHECK(fixtures::readBytes(project) == before);
    }
}

TEST_CASE("bad input: a project from a newer schema version is refused, untouched", "[store][bad-input]") {
    const auto dir = test::scratchDir("bad_input_newer_schema");
    const std::string project = demoProject(dir);
    execSql(project, "UPDATE ntm_meta SET value = '99' WHERE key = 'schema_version'");
    const std::string before = fixtures::readBytes(project);
    auto db = store::openProject(project, true);
    REQUIRE_FALSE(db);
    CHECK_THAT(db.error().message, Catch::Contains("project.gpkg") && Catch::Contains("newer NTM Atlas (schema 99"));
    const fs::path csv = dir / "tc.csv";
    writeText(csv, "Mã xã,Số tiêu chí đạt,Ngày\n1,15,30/06/2024\n");
    auto report = importer::importFile(project, "criteria", csv.string(), importer::ImportOptions{.setId = "ntm_xa_2021_2025"});
    REQUIRE_FALSE(report);
    CHECK_THAT(report.error().message, Catch::Contains("newer NTM Atlas"));
    CHECK(fixtures::readBytes(project) == before);
}

TEST_CASE("bad input: a project edited by hand into inconsistency still loads, sums and terminates", "[store][figures][bad-input]") {
    const auto dir = test::scratchDir("bad_input_hand_edited");
    const std::string project = demoProject(dir);
    const std::string commune = queryText(project, "SELECT code FROM ntm_units WHERE level = 'commune' ORDER BY code LIMIT 1");
    const std::string district = queryText(project, "SELECT parent_code FROM ntm_units WHERE code = '" + commune + "'");
    // Foreign keys are off for this connection (as in any SQLite tool): an orphan assessment,
    // an orphan child, and a district that is its own grandparent through one of its communes.
    execSql(project, "PRAGMA foreign_keys = OFF; "
                     "INSERT INTO ntm_assessments (unit_code, set_id, as_of, criteria_met, criteria_total, detailed) "
                     "SELECT 'no-such-unit', set_id, as_of, criteria_met, criteria_total, 0 FROM ntm_assessments LIMIT 1; "
                     "UPDATE ntm_units SET parent_code = '" + commune + "' WHERE code = '" + district + "'; "
                     "INSERT INTO ntm_units (code, name, level, type, parent_code) VALUES ('own', 'Xã Tự Thân', 'commune', 'xa', 'own');");

    auto db = store::openProject(project, false);
    REQUIRE(db);
    auto data = store::loadProjectData(*db, false);
    REQUIRE(data);
    const figures::UnitTree tree(data->units);
    CHECK(tree.postOrder().size() == data->units.size());  // each unit once, cycle or not
    const auto own = tree.find("own");
    REQUIRE(own);
    CHECK(tree.pathTo(*own).size() <= data->units.size());
    const auto cycled = tree.find(district);
    REQUIRE(cycled);
    CHECK(tree.pathTo(*cycled).size() <= data->units.size());
    CHECK(tree.communesUnder(*cycled).size() <= data->units.size());

    auto summary = figures::computeSummary(*data, figures::SummaryOptions{.asOf = "2024-12-31"});
    REQUIRE(summary);
    CHECK(summary->size() >= data->units.size() - 1);
    // One unit's summary read from its subtree ends too, the cycle walked once.
    for (const std::string& code : {district, commune, std::string("own")}) {
        INFO(code);
        auto one = figures::readUnitSummary(*db, figures::SummaryOptions{.asOf = "2024-12-31", .unitCode = code});
        INFO((one ? std::string() : one.error().message));
        REQUIRE(one);
        CHECK(one->code == code);
    }
}

TEST_CASE("bad input: text that is not UTF-8 in a damaged project still gives UTF-8 JSON", "[store][figures][bad-input]") {
    // Found by project_pages_fuzz (fuzz/corpus/project_pages_fuzz/finding-invalid-utf8-in-summary-json):
    // a damaged page put bytes that are not UTF-8 into a unit's name, and the summary JSON passed
    // them through, so `summary --json` wrote a file no JSON reader accepts. Now each bad byte is U+FFFD.
    const auto dir = test::scratchDir("bad_input_not_utf8");
    const std::string project = demoProject(dir);
    const std::string commune = queryText(project, "SELECT code FROM ntm_units WHERE level = 'commune' ORDER BY code LIMIT 1");
    // "Xã " then a lone continuation byte, a truncated sequence and an overlong encoding of '/'.
    execSql(project, "UPDATE ntm_units SET name = CAST(X'58C3A32080C328C0AF' AS TEXT) WHERE code = '" + commune + "'");

    auto db = store::openProject(project, false);
    REQUIRE(db);
    auto data = store::loadProjectData(*db, false);
    REQUIRE(data);
    auto summary = figures::computeSummary(*data, figures::SummaryOptions{.asOf = "2024-12-31", .unitCode = commune});
    REQUIRE(summary);
    const std::string json = figures::summaryToJson(summary->front());
    CHECK_THAT(json, Catch::Contains("\"Xã \xEF\xBF\xBD\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD\""));
    CHECK_FALSE(data::firstInvalidUtf8Byte(json));
}
