// More of issue 11's bad-input corpus: sheets as district offices make them in Excel — a title
// merged across the columns above the header, a date merged down over two communes' rows,
// formulas (with and without the value Excel caches beside them) — and a CSV whose name column
// mixes UTF-8 and TCVN3. The XLSX files are written part by part here (GDAL's own XLSX writer
// makes neither merged cells nor formulas), so the test holds exactly the XML Excel would.
#include <catch2/catch.hpp>

#include <cpl_conv.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gis/importer/demo_import.hpp"
#include "gis/importer/importer.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;
namespace fs = std::filesystem;

namespace {

/// One cell of a hand-made sheet: text (a shared string), a number, or a formula with an
/// optional cached value.
struct Cell {
    std::string ref;      // "A1"
    std::string text;     // shared string when not empty
    std::string number;   // <v> for a number or a formula's cached value
    std::string formula;  // <f> when not empty
};

std::string escapeXml(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

/// Writes an .xlsx of one sheet "TC" with the given rows of cells and merged ranges.
std::string writeXlsx(const fs::path& path, const std::vector<std::vector<Cell>>& rows, const std::vector<std::string>& merged) {
    std::vector<std::string> strings;
    std::string sheetData;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        sheetData += "<row r=\"" + std::to_string(r + 1) + "\">";
        for (const Cell& c : rows[r]) {
            if (!c.text.empty()) {
                sheetData += "<c r=\"" + c.ref + "\" t=\"s\"><v>" + std::to_string(strings.size()) + "</v></c>";
                strings.push_back(c.text);
            } else {
                sheetData += "<c r=\"" + c.ref + "\">";
                if (!c.formula.empty()) sheetData += "<f>" + escapeXml(c.formula) + "</f>";
                if (!c.number.empty()) sheetData += "<v>" + c.number + "</v>";
                sheetData += "</c>";
            }
        }
        sheetData += "</row>";
    }
    std::string merges;
    if (!merged.empty()) {
        merges = "<mergeCells count=\"" + std::to_string(merged.size()) + "\">";
        for (const auto& m : merged) merges += "<mergeCell ref=\"" + m + "\"/>";
        merges += "</mergeCells>";
    }
    std::string shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" +
                         std::to_string(strings.size()) + "\" uniqueCount=\"" + std::to_string(strings.size()) + "\">";
    for (const auto& s : strings) shared += "<si><t>" + escapeXml(s) + "</t></si>";
    shared += "</sst>";
    const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    const std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml",
         head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                "</Types>"},
        {"_rels/.rels",
         head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                "</Relationships>"},
        {"xl/workbook.xml",
         head + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                "<sheets><sheet name=\"TC\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                "</Relationships>"},
        {"xl/sharedStrings.xml", head + shared},
        {"xl/worksheets/sheet1.xml", head + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                                         sheetData + "</sheetData>" + merges + "</worksheet>"},
    };
    fs::remove(path);
    void* zip = CPLCreateZip(path.string().c_str(), nullptr);
    REQUIRE(zip != nullptr);
    for (const auto& [name, body] : parts) {
        REQUIRE(CPLCreateFileInZip(zip, name.c_str(), nullptr) == CE_None);
        REQUIRE(CPLWriteFileInZip(zip, body.data(), static_cast<int>(body.size())) == CE_None);
        REQUIRE(CPLCloseFileInZip(zip) == CE_None);
    }
    REQUIRE(CPLCloseZip(zip) == CE_None);
    return path.string();
}

std::string demoProject(const fs::path& dir) {
    const std::string project = (dir / "project.gpkg").string();
    REQUIRE(store::createProject(project));
    REQUIRE(importer::importDemoDistrict(project));
    return project;
}

std::string queryText(const std::string& project, const std::string& sql) {
    auto db = store::openProject(project, false);
    REQUIRE(db);
    return db->queryText(sql).value_or("");
}

/// The first two xã of the demo district, by code, with their names.
std::vector<std::pair<std::string, std::string>> twoCommunes(const std::string& project) {
    auto db = store::openProject(project, false);
    REQUIRE(db);
    auto st = db->prepare("SELECT code, name FROM ntm_units WHERE level = 'commune' AND type = 'xa' ORDER BY code LIMIT 2");
    REQUIRE(st);
    std::vector<std::pair<std::string, std::string>> out;
    while (st->step()) out.emplace_back(st->text(0), st->text(1));
    REQUIRE(out.size() == 2);
    return out;
}

}  // namespace

TEST_CASE("bad input: a title merged across the columns above the header is passed over", "[importer][bad-input]") {
    const auto dir = test::scratchDir("bad_input_merged_title");
    const std::string project = demoProject(dir);
    const auto communes = twoCommunes(project);
    const std::string xlsx = writeXlsx(dir / "tieu_de_gop.xlsx",
                                       {{{"A1", "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI"}},
                                        {{"A2", "Mã xã"}, {"B2", "Số tiêu chí đạt"}, {"C2", "Ngày"}},
                                        {{"A3", communes[0].first}, {"B3", "", "15"}, {"C3", "30/06/2024"}}},
                                       {"A1:C1"});
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    auto report = importer::importFile(project, "criteria", xlsx, o);
    REQUIRE(report);
    CHECK(report->recordsWritten == 1);
    CHECK(queryText(project, "SELECT criteria_met FROM ntm_assessments WHERE unit_code = '" + communes[0].first +
                                 "' AND as_of = '2024-06-30'") == "15");
}

TEST_CASE("bad input: a date merged down over two rows is named as missing in the row below, nothing written", "[importer][bad-input]") {
    // Excel keeps a merged range's value in its top-left cell only: the second commune's row
    // has no date. That must be a problem naming the row, not a guess.
    const auto dir = test::scratchDir("bad_input_merged_date");
    const std::string project = demoProject(dir);
    const auto communes = twoCommunes(project);
    const std::string before = fixtures::readBytes(project);
    const std::string xlsx = writeXlsx(dir / "ngay_gop.xlsx",
                                       {{{"A1", "Mã xã"}, {"B1", "Số tiêu chí đạt"}, {"C1", "Ngày"}},
                                        {{"A2", communes[0].first}, {"B2", "", "15"}, {"C2", "30/06/2024"}},
                                        {{"A3", communes[1].first}, {"B3", "", "12"}}},
                                       {"C2:C3"});
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    auto report = importer::importFile(project, "criteria", xlsx, o);
    REQUIRE_FALSE(report);
    INFO(report.error().message);
    CHECK_THAT(report.error().message, Catch::Contains("ngay_gop.xlsx") && Catch::Contains("row 3"));
    CHECK(fixtures::readBytes(project) == before);
}

TEST_CASE("bad input: formulas are read by the value Excel cached, one without a value is named", "[importer][bad-input]") {
    const auto dir = test::scratchDir("bad_input_formulas");
    const std::string project = demoProject(dir);
    const auto communes = twoCommunes(project);
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    SECTION("a cached value is the cell's value") {
        const std::string xlsx = writeXlsx(dir / "cong_thuc.xlsx",
                                           {{{"A1", "Mã xã"}, {"B1", "Số tiêu chí đạt"}, {"C1", "Ngày"}, {"D1", "Nhóm 1"}, {"E1", "Nhóm 2"}},
                                            {{"A2", communes[0].first}, {"B2", "", "14", "D2+E2"}, {"C2", "30/06/2024"}, {"D2", "", "9"}, {"E2", "", "5"}}},
                                           {});
        auto report = importer::importFile(project, "criteria", xlsx, o);
        REQUIRE(report);
        CHECK(queryText(project, "SELECT criteria_met FROM ntm_assessments WHERE unit_code = '" + communes[0].first +
                                     "' AND as_of = '2024-06-30'") == "14");
    }
    SECTION("a formula never calculated (no cached value) is a problem naming the row") {
        const std::string before = fixtures::readBytes(project);
        const std::string xlsx = writeXlsx(dir / "cong_thuc_chua_tinh.xlsx",
                                           {{{"A1", "Mã xã"}, {"B1", "Số tiêu chí đạt"}, {"C1", "Ngày"}},
                                            {{"A2", communes[0].first}, {"B2", "", "", "SUM(D2:E2)"}, {"C2", "30/06/2024"}}},
                                           {});
        auto report = importer::importFile(project, "criteria", xlsx, o);
        REQUIRE_FALSE(report);
        INFO(report.error().message);
        CHECK_THAT(report.error().message, Catch::Contains("cong_thuc_chua_tinh.xlsx") && Catch::Contains("row 2"));
        CHECK(fixtures::readBytes(project) == before);
    }
}

TEST_CASE("bad input: a name column mixing UTF-8 and TCVN3 rows names the TCVN3 row, nothing written", "[importer][bad-input]") {
    const auto dir = test::scratchDir("bad_input_mixed_encoding");
    const std::string project = demoProject(dir);
    const auto communes = twoCommunes(project);
    const std::string before = fixtures::readBytes(project);
    const fs::path csv = dir / "lan_ma.csv";
    // Row 2 in UTF-8; row 3 pasted from an old TCVN3 sheet ("Tân Châu": T\xA9n Ch\xA9u).
    std::ofstream(csv, std::ios::binary) << "Mã xã,Tên xã,Số tiêu chí đạt,Ngày\n"
                                         << communes[0].first << "," << communes[0].second << ",15,30/06/2024\n"
                                         << communes[1].first << ",T\xA9n Ch\xA9u,12,30/06/2024\n";
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    auto report = importer::importFile(project, "criteria", csv.string(), o);
    REQUIRE_FALSE(report);
    INFO(report.error().message);
    CHECK_THAT(report.error().message, Catch::Contains("lan_ma.csv") && Catch::Contains("row 3") && Catch::Contains("--encoding"));
    CHECK(fixtures::readBytes(project) == before);
}
