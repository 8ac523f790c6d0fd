// The window's import flow, library side: a preview on the project opened read-only, the kind guessed
// from the headers, unmatched names with their closest units, aliases remembered in the project, a
// progress callback, and a commune layer whose district is named but not in the project yet.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>

#include "gis/importer/import_preview.hpp"
#include "gis/importer/importer.hpp"
#include "gis/importer/unit_aliases.hpp"
#include "gis/store/history.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;
using fixtures::Column;

namespace {

store::ProjectData load(const std::string& project) { return fixtures::loadProject(project); }

const model::Unit* unitOf(const store::ProjectData& data, const std::string& code) {
    for (const auto& u : data.units)
        if (u.code == code) return &u;
    return nullptr;
}

/// A detailed criteria sheet of three Anh Sơn communes (Mã xã typed as a number, as Excel does).
std::string criteriaSheet(const std::filesystem::path& path, const std::string& driver, const std::string& secondName) {
    std::vector<Column> columns = {{"STT", OFTInteger}, {"Mã xã", OFTInteger}, {"Tên xã"}};
    for (int n = 1; n <= 19; ++n) columns.push_back({"Tiêu chí " + std::to_string(n)});
    columns.push_back({"Số tiêu chí đạt", OFTInteger});
    std::vector<std::vector<std::string>> rows;
    auto row = [&](const std::string& no, const std::string& code, const std::string& name, int met) {
        std::vector<std::string> r = {no, code, name};
        for (int n = 1; n <= 19; ++n) r.push_back(n <= met ? "Đạt" : "Chưa đạt");
        r.push_back(std::to_string(met));
        rows.push_back(r);
    };
    row("1", "17332", "Xã Thọ Sơn", 19);
    row("2", "", secondName, 14);
    row("3", "17341", "Tam Sơn", 16);
    return fixtures::writeSheet(path, driver, "Tiêu chí", columns, rows);
}

std::string moneySheet(const std::filesystem::path& path) {
    return fixtures::writeSheet(
        path, "XLSX", "Giải ngân",
        {{"Mã xã"}, {"Tên xã"}, {"Năm", OFTInteger}, {"Kế hoạch vốn (triệu đồng)", OFTReal}, {"Giải ngân (triệu đồng)", OFTReal}, {"Ngày"}},
        {{"17332", "Thọ Sơn", "2024", "1500", "300", "31/03/2024"}, {"17341", "Tam Sơn", "2024", "800", "120", "31/03/2024"}});
}

std::string columnBoundTo(const importer::ImportPreview& preview, const std::string& canonical) {
    for (const auto& c : preview.columns)
        if (c.canonical == canonical) return c.header;
    return {};
}

}  // namespace

TEST_CASE("import preview: a real sheet shows its bindings and rows, and the project stays byte-identical", "[importer][preview]") {
    const auto dir = test::scratchDir("import_preview_sheet");
    const std::string project = fixtures::makeProject(dir, false);
    const std::string sheet = criteriaSheet(dir / "tieu_chi.xlsx", "XLSX", "Thành Sơn");
    const std::string projectBefore = fixtures::readBytes(project);
    const std::string sheetBefore = fixtures::readBytes(sheet);
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    o.asOf = "2024-06-30";

    for (const std::string kind : {"criteria", ""}) {
        DYNAMIC_SECTION("kind '" << kind << "'") {
            auto preview = importer::previewImport(project, kind, sheet, o);
            REQUIRE(preview);
            CHECK(preview->kind == "criteria");
            CHECK(preview->sheet == "Tiêu chí");
            REQUIRE(preview->columns.size() == 23);
            CHECK(preview->columns[0].header == "STT");
            CHECK(preview->columns[0].canonical.empty());
            CHECK(preview->columns[1].header == "Mã xã");
            CHECK(preview->columns[1].canonical == "unit_code");
            CHECK(preview->columns[2].canonical == "unit_name");
            CHECK(preview->columns[5].header == "Tiêu chí 3");
            CHECK(preview->columns[5].canonical == "criterion_3");
            CHECK(columnBoundTo(*preview, "criteria_met") == "Số tiêu chí đạt");
            CHECK(preview->rowCount == 3);
            REQUIRE(preview->firstRows.size() == 3);
            REQUIRE(preview->firstRows[1].size() == 23);
            CHECK(preview->firstRows[1][2] == "Thành Sơn");
            CHECK(preview->firstRows[0][1] == "17332");
            CHECK(preview->problems.empty());
            CHECK(preview->unmatched.empty());
            CHECK(preview->recordsToWrite == 3);
        }
    }
    CHECK(fixtures::readBytes(project) == projectBefore);
    CHECK(fixtures::readBytes(sheet) == sheetBefore);

    // What the preview promised is what the import writes.
    auto report = importer::importFile(project, "criteria", sheet, o);
    REQUIRE(report);
    CHECK(report->recordsWritten == 3);
}

TEST_CASE("import preview: the kind is guessed from the headers", "[importer][preview]") {
    const auto dir = test::scratchDir("import_preview_guess");
    const importer::ImportOptions o;
    CHECK(importer::guessImportKind(criteriaSheet(dir / "tc.xlsx", "XLSX", "Thành Sơn"), o) == "criteria");
    CHECK(importer::guessImportKind(criteriaSheet(dir / "tc.csv", "CSV", "Thành Sơn"), o) == "criteria");
    CHECK(importer::guessImportKind(moneySheet(dir / "von.xlsx"), o) == "disbursement");
    const std::string tasks = fixtures::writeSheet(dir / "nv.ods", "ODS", "Nhiệm vụ", {{"Nội dung nhiệm vụ"}, {"Đơn vị thực hiện"}, {"Thời hạn"}},
                                                   {{"Hoàn thành nhà văn hóa", "UBND xã Thọ Sơn", "quý III/2024"}});
    CHECK(importer::guessImportKind(tasks, o) == "tasks");
    const std::string other = fixtures::writeSheet(dir / "khac.csv", "CSV", "khac", {{"A"}, {"B"}}, {{"1", "2"}});
    CHECK(importer::guessImportKind(other, o).empty());

    // A preview of a file whose kind cannot be told still shows it, with the problem saying so.
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    auto preview = importer::previewImport(project, "", other, o);
    REQUIRE(preview);
    CHECK(preview->kind.empty());
    REQUIRE(preview->columns.size() == 2);
    CHECK(preview->firstRows.size() == 1);
    REQUIRE(preview->problems.size() == 1);
    CHECK_THAT(preview->problems[0], Catch::Contains("choose one"));
    CHECK(preview->recordsToWrite == 0);

    // An unreadable file and an unknown kind are errors, not problems.
    CHECK_FALSE(importer::previewImport(project, "", (dir / "missing.xlsx").string(), o));
    CHECK_FALSE(importer::previewImport(project, "budget", other, o));
}

TEST_CASE("import preview: unmatched names come with their closest units, an alias makes the same sheet import", "[importer][preview]") {
    const auto dir = test::scratchDir("import_preview_alias");
    const std::string project = fixtures::makeProject(dir, false);
    const std::string sheet = criteriaSheet(dir / "go_nham.ods", "ODS", "Thành Sơm");  // a typo of Thành Sơn (17335)
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    o.asOf = "2024-06-30";

    auto failed = importer::importFile(project, "criteria", sheet, o);
    REQUIRE_FALSE(failed);
    CHECK_THAT(failed.error().message, Catch::Contains("no commune named 'Thành Sơm' in the project; closest: 17335 Xã Thành Sơn"));

    const std::string before = fixtures::readBytes(project);
    auto preview = importer::previewImport(project, "criteria", sheet, o);
    REQUIRE(preview);
    CHECK(fixtures::readBytes(project) == before);
    CHECK(preview->recordsToWrite == 0);
    REQUIRE(preview->problems.size() == 1);
    CHECK_THAT(failed.error().message, Catch::Contains(preview->problems[0]));  // worded as the CLI prints it
    REQUIRE(preview->unmatched.size() == 1);
    const importer::UnmatchedName& name = preview->unmatched[0];
    CHECK(name.value == "Thành Sơm");
    CHECK(name.location == "sheet 'Tiêu chí', row 3");
    CHECK_THAT(preview->problems[0], Catch::Contains("go_nham.ods, " + name.location + ", column 'Tên xã' = 'Thành Sơm'"));
    CHECK(name.column == "Tên xã");
    CHECK(name.level == "commune");
    CHECK_FALSE(name.ambiguous);
    REQUIRE_FALSE(name.candidateCodes.empty());
    REQUIRE(name.candidateCodes.size() == name.candidateNames.size());
    CHECK(name.candidateCodes.size() <= 5);
    CHECK(name.candidateCodes[0] == "17335");
    CHECK(name.candidateNames[0] == "Xã Thành Sơn");

    // The user picks 17335: remembered in the project, one history row.
    auto unknown = importer::addUnitAlias(project, "Thành Sơm", "99999");
    REQUIRE_FALSE(unknown);
    CHECK_THAT(unknown.error().message, Catch::Contains("no unit with code 99999"));
    CHECK(fixtures::readBytes(project) == before);
    REQUIRE(importer::addUnitAlias(project, name.value, name.candidateCodes[0]));
    {
        auto db = store::openProject(project, false);
        REQUIRE(db);
        auto aliases = importer::loadUnitAliases(*db);
        REQUIRE(aliases);
        REQUIRE(aliases->size() == 1);
        CHECK(aliases->front().unitCode == "17335");
        CHECK(aliases->front().alias == "Thành Sơm");
        auto history = store::loadHistory(*db, {"17335"});
        REQUIRE(history);
        REQUIRE_FALSE(history->empty());
        CHECK(history->front().field == "alias");
        CHECK(history->front().newValue == "Thành Sơm");
    }

    auto again = importer::previewImport(project, "criteria", sheet, o);
    REQUIRE(again);
    CHECK(again->problems.empty());
    CHECK(again->unmatched.empty());
    CHECK(again->recordsToWrite == 3);
    auto report = importer::importFile(project, "criteria", sheet, o);
    REQUIRE(report);
    CHECK(report->recordsWritten == 3);
    bool found = false;
    for (const auto& a : load(project).assessments) found = found || (a.unitCode == "17335" && a.criteriaMet == 14);
    CHECK(found);
}

TEST_CASE("import preview: an older project previews read-only as it is, without aliases", "[importer][preview][store]") {
    const auto dir = test::scratchDir("import_preview_schema3");
    const std::string project = fixtures::makeProject(dir, false);
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(project.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "DROP TABLE ntm_unit_aliases; UPDATE ntm_meta SET value = '3' WHERE key = 'schema_version'", nullptr,
                             nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    const std::string before = fixtures::readBytes(project);
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    o.asOf = "2024-06-30";
    auto preview = importer::previewImport(project, "criteria", criteriaSheet(dir / "tc.xlsx", "XLSX", "Thành Sơn"), o);
    REQUIRE(preview);
    CHECK(preview->recordsToWrite == 3);
    CHECK(fixtures::readBytes(project) == before);
    // Remembering an alias writes, so it migrates the project first.
    REQUIRE(importer::addUnitAlias(project, "Thanh Son cu", "17335"));
    auto db = store::openProject(project, false);
    REQUIRE(db);
    CHECK(store::schemaVersion(*db) == store::kSchemaVersion);
}

TEST_CASE("import: the progress callback counts up through the planning and the write", "[importer][preview]") {
    const auto dir = test::scratchDir("import_progress");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    std::vector<std::pair<int, int>> calls;
    importer::ImportOptions o;
    o.level = "commune";
    o.columnMap = {{"code", "gso_xa"}, {"name", "commune_vn"}};
    o.fallbackCodeField = "commune_id";
    o.progress = [&](int done, int total) { calls.emplace_back(done, total); };
    auto report = importer::importFile(project, "units", fixtures::cutDistrict(dir, "Huyện Anh Sơn", "EPSG:9208", "anh_son.gpkg"), o);
    REQUIRE(report);
    REQUIRE(report->rowsRead > 10);
    REQUIRE(calls.size() >= 3);
    const int total = calls.front().second;
    CHECK(total == 2 * report->rowsRead);
    for (std::size_t i = 0; i < calls.size(); ++i) {
        CHECK(calls[i].second == total);
        if (i > 0) CHECK(calls[i].first > calls[i - 1].first);
    }
    CHECK(calls.back().first == total);
    // Both halves were reported: some calls during the planning, some during the write.
    CHECK(std::any_of(calls.begin(), calls.end(), [&](const auto& c) { return c.first <= report->rowsRead; }));
    CHECK(std::any_of(calls.begin(), calls.end(), [&](const auto& c) { return c.first > report->rowsRead && c.first < total; }));
}

TEST_CASE("import units: a commune layer naming its district into a project without it creates the district by name", "[importer]") {
    const auto dir = test::scratchDir("import_parent_by_name");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    // Anh Sơn's communes as a district office's layer has them: commune code and name, the district by name only.
    const std::string layer = (dir / "xa_anh_son.gpkg").string();
    std::string log;
    REQUIRE(test::runCommand("ogr2ogr -f GPKG '" + layer + "' '" + test::nationalCommunesGpkg().string() +
                                 "' -nln xa -sql \"SELECT geom, gso_xa AS MA_XA, commune_vn AS TEN_XA, district_vn AS HUYEN, commune_id "
                                 "FROM communes WHERE district_vn = 'Huyện Anh Sơn'\" -t_srs EPSG:9208",
                             &log) == 0);
    importer::ImportOptions o;
    o.level = "commune";
    o.fallbackCodeField = "commune_id";

    auto preview = importer::previewImport(project, "units", layer, o);
    REQUIRE(preview);
    CHECK(columnBoundTo(*preview, "parent_name") == "HUYEN");
    CHECK(preview->problems.empty());

    auto report = importer::importFile(project, "units", layer, o);
    REQUIRE(report);
    const auto data = load(project);
    const model::Unit* district = unitOf(data, "D-anh-son");
    REQUIRE(district != nullptr);
    CHECK(district->name == "Huyện Anh Sơn");
    CHECK(district->level == "district");
    CHECK(district->type == "huyen");
    const model::Unit* thoSon = unitOf(data, "17332");
    REQUIRE(thoSon != nullptr);
    CHECK(thoSon->parentCode == "D-anh-son");
    int communes = 0;
    for (const auto& u : data.units) communes += u.level == "commune" && u.parentCode == "D-anh-son" ? 1 : 0;
    CHECK(communes == report->recordsWritten - 1);
    CHECK(std::any_of(report->notes.begin(), report->notes.end(), [](const std::string& n) {
        return n.find("created district D-anh-son Huyện Anh Sơn (no geometry)") != std::string::npos;
    }));

    // Importing the layer again gives the same project (the district is now found by its name).
    auto twice = importer::importFile(project, "units", layer, o);
    REQUIRE(twice);
    CHECK(load(project).units.size() == data.units.size());

    // A sheet naming the district finds it like any other.
    const std::string sheet = fixtures::writeSheet(dir / "tc.csv", "CSV", "tc", {{"Huyện"}, {"Tên xã"}, {"Số tiêu chí đạt"}},
                                                   {{"Huyện Anh Sơn", "Thọ Sơn", "19"}});
    importer::ImportOptions c;
    c.setId = "ntm_xa_2021_2025";
    c.asOf = "2024-06-30";
    REQUIRE(importer::importFile(project, "criteria", sheet, c));

    SECTION("a district name within two letters of one the project has is a problem, not a new district") {
        const std::string typo = (dir / "go_nham.gpkg").string();
        REQUIRE(test::runCommand("ogr2ogr -f GPKG '" + typo + "' '" + test::nationalCommunesGpkg().string() +
                                     "' -nln xa -sql \"SELECT geom, gso_xa AS MA_XA, commune_vn AS TEN_XA, 'Huyện Anh Sơm' AS HUYEN, commune_id "
                                     "FROM communes WHERE district_vn = 'Huyện Anh Sơn'\" -t_srs EPSG:9208",
                                 &log) == 0);
        const std::string before = fixtures::readBytes(project);
        auto bad = importer::previewImport(project, "units", typo, o);
        REQUIRE(bad);
        CHECK(bad->recordsToWrite == 0);
        REQUIRE_FALSE(bad->unmatched.empty());
        CHECK(bad->unmatched[0].level == "district");
        REQUIRE_FALSE(bad->unmatched[0].candidateCodes.empty());
        CHECK(bad->unmatched[0].candidateCodes[0] == "D-anh-son");
        CHECK_FALSE(importer::importFile(project, "units", typo, o));
        CHECK(fixtures::readBytes(project) == before);
    }
}
