// The chunked path of the criteria import (a sheet read, planned and written a few rows at a time
// inside the one transaction): set to chunks of a few rows through ImportOptions::chunkRows, so a
// 60-row sheet is many chunks. A problem in the last chunk, after earlier chunks were written,
// leaves the project byte for byte as it was; a chunked import writes what a one-chunk import writes.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "gis/importer/demo_import.hpp"
#include "gis/importer/importer.hpp"
#include "gis/importer/source_table.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;

namespace {

/// A fresh demo project (19 xã among its communes) at `dir/name`.
std::string demoProject(const std::filesystem::path& dir, const std::string& name) {
    const std::string project = (dir / name).string();
    std::filesystem::remove(project);
    if (auto created = store::createProject(project); !created) FAIL(created.error().message);
    auto made = importer::importDemoDistrict(project);
    if (!made) FAIL(made.error().message);
    return project;
}

std::vector<std::string> xaCodes(const std::string& project) {
    std::vector<std::string> codes;
    for (const model::Unit& u : fixtures::loadProject(project).units)
        if (u.level == "commune" && u.type == "xa") codes.push_back(u.code);
    return codes;
}

/// Every row of a query, its columns joined by '|', one line each.
std::string dump(const std::string& project, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(project.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    std::string out;
    char* error = nullptr;
    const int rc = sqlite3_exec(
        db, sql.c_str(),
        [](void* into, int n, char** values, char**) {
            auto& text = *static_cast<std::string*>(into);
            for (int i = 0; i < n; ++i) text += (i > 0 ? "|" : "") + std::string(values[i] != nullptr ? values[i] : "NULL");
            text += "\n";
            return 0;
        },
        &out, &error);
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    INFO(message);
    REQUIRE(rc == SQLITE_OK);
    return out;
}

/// `count` assessments, one per xã and day: code, date, criteria met.
std::vector<std::vector<std::string>> assessmentRows(const std::vector<std::string>& codes, int count) {
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < count; ++i) {
        const int day = 1 + i / static_cast<int>(codes.size());
        rows.push_back({codes[static_cast<std::size_t>(i) % codes.size()], "2024-05-" + std::string(day < 10 ? "0" : "") + std::to_string(day),
                        std::to_string(i % 20)});
    }
    return rows;
}

const std::vector<fixtures::Column> kColumns = {{"Mã xã"}, {"Ngày"}, {"Số tiêu chí đạt"}};

}  // namespace

TEST_CASE("criteria in chunks: a bad row in the last chunk, after earlier chunks were written, leaves the project byte for byte",
          "[importer][chunks]") {
    const auto dir = test::scratchDir("importer_chunks_last_bad");
    const std::string project = demoProject(dir, "p.gpkg");
    auto rows = assessmentRows(xaCodes(project), 60);
    rows.push_back({rows[5][0], "31/02/2024", "7"});  // row 62 of the file: not a date, alone in the last chunk
    const std::string sheet = fixtures::writeSheet(dir / "tc.csv", "CSV", "x", kColumns, rows);
    const std::string before = fixtures::readBytes(project);

    importer::ImportOptions o;
    o.setId = "ntm_xa_2016_2020";
    o.chunkRows = 10;  // 61 rows: six chunks written, the seventh has the bad row
    bool wroteWithJournal = false;  // a chunk was in the project (its rollback journal beside it) during the import
    o.progress = [&](int, int) { wroteWithJournal = wroteWithJournal || std::filesystem::exists(project + "-journal"); };
    auto failed = importer::importFile(project, "criteria", sheet, o);
    REQUIRE_FALSE(failed);
    CHECK(wroteWithJournal);
    const std::string& m = failed.error().message;
    CHECK_THAT(m, Catch::Contains("1 problem, nothing was imported (the project is unchanged)"));
    CHECK_THAT(m, Catch::Contains("tc.csv, row 62, column 'Ngày' = '31/02/2024': not a date"));
    CHECK(fixtures::readBytes(project) == before);
    CHECK_FALSE(std::filesystem::exists(project + "-journal"));
}

TEST_CASE("criteria in chunks: a commune assessed twice is caught across chunks, with both rows", "[importer][chunks]") {
    const auto dir = test::scratchDir("importer_chunks_duplicate");
    const std::string project = demoProject(dir, "p.gpkg");
    auto rows = assessmentRows(xaCodes(project), 45);
    rows.push_back(rows[2]);  // row 47 repeats row 4, three chunks of 8 earlier
    rows.push_back({"", "2024-05-01", "3"});  // row 48: no unit
    const std::string sheet = fixtures::writeSheet(dir / "trung.csv", "CSV", "x", kColumns, rows);
    const std::string before = fixtures::readBytes(project);

    importer::ImportOptions o;
    o.setId = "ntm_xa_2016_2020";
    o.chunkRows = 8;
    auto failed = importer::importFile(project, "criteria", sheet, o);
    REQUIRE_FALSE(failed);
    const std::string& m = failed.error().message;
    CHECK_THAT(m, Catch::Contains("2 problems, nothing was imported"));
    CHECK_THAT(m, Catch::Contains("trung.csv, row 47") && Catch::Contains("is assessed twice for ntm_xa_2016_2020 at 2024-05-01 (also at row 4)"));
    CHECK_THAT(m, Catch::Contains("trung.csv, row 48: the row names no unit"));
    CHECK(fixtures::readBytes(project) == before);

    // One chunk for the whole sheet: the same message.
    o.chunkRows = 0;
    auto whole = importer::importFile(project, "criteria", sheet, o);
    REQUIRE_FALSE(whole);
    CHECK(whole.error().message == m);
    CHECK(fixtures::readBytes(project) == before);
}

TEST_CASE("criteria in chunks: the project after a chunked import equals the one after the same rows in one chunk", "[importer][chunks]") {
    const auto dir = test::scratchDir("importer_chunks_equal");
    const std::string small = demoProject(dir, "small.gpkg");
    const std::string chunked = demoProject(dir, "chunked.gpkg");
    auto rows = assessmentRows(xaCodes(small), 57);
    rows.insert(rows.begin() + 20, {"", "", ""});                   // a blank row: not data
    rows.insert(rows.begin() + 33, {"99999", "2024-06-01", "4"});  // a code the project does not have: skipped
    rows.push_back({"", "", ""});
    const std::string sheet = fixtures::writeSheet(dir / "tc.csv", "CSV", "x", kColumns, rows);

    importer::ImportOptions o;
    o.setId = "ntm_xa_2016_2020";
    o.skipUnmatched = true;
    auto one = importer::importFile(small, "criteria", sheet, o);
    REQUIRE(one);
    for (std::size_t chunk : {7u, 1u}) {
        const std::string project = chunk == 7 ? chunked : demoProject(dir, "chunk1.gpkg");
        o.chunkRows = chunk;
        auto many = importer::importFile(project, "criteria", sheet, o);
        REQUIRE(many);
        CHECK(many->rowsRead == one->rowsRead);
        CHECK(many->recordsWritten == one->recordsWritten);
        CHECK(many->recordsWritten == 57);
        CHECK(many->skipped == one->skipped);
        CHECK(many->notes == one->notes);
        CHECK(many->warnings == one->warnings);
        const char* assessments =
            "SELECT id, unit_code, set_id, as_of, criteria_met, criteria_total, detailed, source, note FROM ntm_assessments ORDER BY id";
        CHECK(dump(project, assessments) == dump(small, assessments));
        const char* imports = "SELECT kind, file, sheet, rows_imported, rows_skipped FROM ntm_imports ORDER BY id";
        CHECK(dump(project, imports) == dump(small, imports));
        const char* history = "SELECT h.action, h.subject, h.new_value, h.source_file, h.note, u.unit_code FROM ntm_history h "
                              "JOIN ntm_history_units u ON u.history_id = h.id WHERE h.action = 'import' ORDER BY h.id, u.unit_code";
        CHECK(dump(project, history) == dump(small, history));
    }
    REQUIRE(one->skipped.size() == 1);
    CHECK_THAT(one->skipped[0], Catch::Contains("row 35"));
}

TEST_CASE("readSourceTable: more rows than a limit is an error that says to split the sheet", "[importer][chunks]") {
    const auto dir = test::scratchDir("importer_row_limit");
    std::vector<std::vector<std::string>> rows(6, {"17332", "2024-05-01", "3"});
    const std::string sheet = fixtures::writeSheet(dir / "dai.csv", "CSV", "x", kColumns, rows);
    auto table = importer::readSourceTable(sheet, {}, false, SIZE_MAX, 5, "units");
    REQUIRE_FALSE(table);
    CHECK_THAT(table.error().message, Catch::Contains("dai.csv: more than 5 rows, the most an import of units reads from one sheet; "
                                                      "split the sheet into parts of at most 5 rows"));
    CHECK(importer::readSourceTable(sheet, {}, false, SIZE_MAX, 6, "units"));
}
