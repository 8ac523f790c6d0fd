// Gap analysis on Anh Sơn cut from the national layer: criteria covered by a planned work (by
// unit code, or by point only), criteria left uncovered, completed works that fix nothing more,
// count-only communes reported as unknown, and the criterion ↔ work-type mapping as project data.
#include <catch2/catch.hpp>

#include "gis/importer/importer.hpp"
#include "gis/planning/gap_analysis.hpp"
#include "gis/planning/work_type_mapping.hpp"
#include "gis/store/criterion_work_types.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;
using fixtures::Column;

namespace {

void importOrFail(const std::string& project, const std::string& kind, const std::string& file, importer::ImportOptions o = {}) {
    auto report = importer::importFile(project, kind, file, o);
    if (!report) FAIL(report.error().message);
}

/// A detailed sheet of the 19 criteria: every criterion met except those in `unmet` (number → cell).
std::vector<std::string> detailedRow(const std::string& code, const std::map<int, std::string>& unmet) {
    std::vector<std::string> row = {code};
    for (int n = 1; n <= 19; ++n) row.push_back(unmet.count(n) ? unmet.at(n) : "Đạt");
    return row;
}

std::vector<Column> detailedColumns() {
    std::vector<Column> columns = {{"Mã xã"}};
    for (int n = 1; n <= 19; ++n) columns.push_back({"Tiêu chí " + std::to_string(n)});
    return columns;
}

bool hasGap(const planning::GapReport& r, const std::string& unit, int criterion) {
    for (const auto& g : r.gaps)
        if (g.unitCode == unit && g.criterion == criterion) return true;
    return false;
}

/// Anh Sơn with detailed results for Thọ Sơn and Tam Sơn, a count for Cẩm Sơn, and works.
std::string gapProject(const std::filesystem::path& dir) {
    const std::string project = fixtures::makeProject(dir, false);
    importOrFail(project, "criteria",
                 fixtures::writeSheet(dir / "chi_tiet.xlsx", "XLSX", "TC", detailedColumns(),
                                      {detailedRow("17332", {{2, "Chưa đạt"}, {5, "Chưa đạt (thiếu phòng học)"}, {10, "Chưa đạt"}}),
                                       detailedRow("17341", {{15, "Đang thực hiện"}, {17, "Chưa đạt"}})}),
                 {.setId = "ntm_xa_2021_2025", .asOf = "2024-06-30"});
    importOrFail(project, "criteria",
                 fixtures::writeSheet(dir / "dem.csv", "CSV", "dem", {{"Mã xã"}, {"Số tiêu chí đạt"}}, {{"17335", "14/19"}, {"17338", "19/19"}}),
                 {.setId = "ntm_xa_2021_2025", .asOf = "2024-06-30"});
    // Works named by commune code: a road being built in Thọ Sơn, a finished waste site in Tam Sơn.
    importOrFail(project, "infrastructure",
                 fixtures::writeSheet(dir / "cong_trinh.csv", "CSV", "ct", {{"Mã xã"}, {"Tên công trình"}, {"Loại công trình"}, {"Tình trạng"}},
                                      {{"17332", "Đường trục xã Thọ Sơn", "Đường giao thông", "Đang thi công"},
                                       {"17341", "Điểm tập kết rác Tam Sơn", "Điểm tập kết rác", "Hoàn thành"}}));
    // A health station planned in Tam Sơn given only by its position (no commune column).
    const std::string point = (dir / "tram_y_te.gpkg").string();
    REQUIRE(test::runCommand("ogr2ogr -f GPKG '" + point + "' '" + (dir / "anh_son.gpkg").string() +
                             "' -dialect sqlite -sql \"SELECT ST_PointOnSurface(geom) AS geom, 'Trạm y tế Tam Sơn (mới)' AS ten, "
                             "'Trạm y tế' AS loai, 'Kế hoạch' AS tinh_trang FROM communes WHERE gso_xa = '17341'\"") == 0);
    importOrFail(project, "infrastructure", point);
    return project;
}

}  // namespace

TEST_CASE("gaps: unmet criteria with nothing planned, works by code and by point, count-only units unknown", "[planning]") {
    const auto dir = test::scratchDir("planning_gaps");
    const std::string project = gapProject(dir);
    {
        auto db = store::openProject(project, false);
        auto data = store::loadProjectData(*db, false);
        for (const auto& w : data->infrastructure)
            if (w.type == "health_station") CHECK(w.unitCode.empty());  // placed by where it is, not by a code
    }

    auto report = planning::computeGaps(project, {"2024-12-31", ""});
    REQUIRE(report);
    // Thọ Sơn: the road under construction covers Giao thông; nothing for the school; income is no work's job.
    CHECK_FALSE(hasGap(*report, "17332", 2));
    CHECK(hasGap(*report, "17332", 5));
    CHECK_FALSE(hasGap(*report, "17332", 10));
    // Tam Sơn: the planned health station (a point inside it) covers Y tế; the waste site is finished, so
    // Môi trường, still unmet, is a gap.
    CHECK_FALSE(hasGap(*report, "17341", 15));
    CHECK(hasGap(*report, "17341", 17));
    CHECK(report->gaps.size() == 2);
    for (const auto& g : report->gaps) {
        if (g.criterion == 5) {
            CHECK(g.unitName == "Xã Thọ Sơn");
            CHECK(g.criterionName == "Trường học");
            CHECK(g.workTypes == std::vector<std::string>{"school"});
            CHECK(g.asOf == "2024-06-30");
            CHECK(g.note == "Chưa đạt (thiếu phòng học)");
            CHECK(g.parentName == "Huyện Anh Sơn");
        } else {
            CHECK(g.workTypes == std::vector<std::string>{"clean_water", "waste_site"});
        }
    }
    const auto state = [&](const std::string& code) { return report->units[report->byUnit.at(code)].state; };
    CHECK(state("17332") == planning::GapState::Gaps);
    CHECK(report->units[report->byUnit.at("17332")].gapCount == 1);
    CHECK(state("17335") == planning::GapState::Unknown);  // 14/19 cannot say which five (Thành Sơn)
    CHECK(state("17338") == planning::GapState::NoGaps);   // 19/19 leaves nothing unmet
    CHECK(state("17344") == planning::GapState::NotAssessed);
    CHECK(report->units.size() == 21);  // every commune-level unit of Anh Sơn

    const std::string json = planning::gapsToJson(*report);
    CHECK_THAT(json, Catch::Contains("\"status\": \"unknown\",\n    \"unit_code\": \"17335\""));
    CHECK_THAT(json, Catch::Contains("\"criterion\": 5"));

    // Before the assessment there is nothing to say; one commune's scope is that commune.
    auto before = planning::computeGaps(project, {"2024-01-01", ""});
    REQUIRE(before);
    CHECK(before->gaps.empty());
    auto one = planning::computeGaps(project, {"2024-12-31", "17341"});
    REQUIRE(one);
    REQUIRE(one->units.size() == 1);
    CHECK(one->gaps.size() == 1);
    CHECK_FALSE(planning::computeGaps(project, {"2024-12-31", "99999"}));
}

TEST_CASE("gaps: the mapping is project data — default, provincial sets by name, replaced by an import", "[planning]") {
    const auto dir = test::scratchDir("planning_mapping");
    const std::string project = gapProject(dir);
    // A provincial set reusing national names.
    importOrFail(project, "criteria-set",
                 fixtures::writeSheet(dir / "bo_tc.csv", "CSV", "bo", {{"STT"}, {"Tên tiêu chí"}},
                                      {{"1", "Giao thông"}, {"2", "Môi trường"}, {"3", "Thu nhập"}, {"4", "Thủy lợi và phòng chống thiên tai"}}),
                 {.setId = "ht_xa_2023"});
    auto db = store::openProject(project, false);
    auto data = store::loadProjectData(*db, false);
    auto rows = store::loadCriterionWorkTypes(*db);
    REQUIRE(rows);
    const planning::WorkTypeMapping mapping(*rows, data->criteriaSets);
    CHECK(mapping.typesFor("ntm_xa_2016_2020", 2) == std::vector<std::string>{"bridge", "road"});
    CHECK(mapping.typesFor("ntm_xa_2021_2025", 6) == std::vector<std::string>{"cultural_house", "sports"});
    CHECK(mapping.typesFor("ntm_xa_2021_2025", 10).empty());
    CHECK_FALSE(mapping.explicitFor("ht_xa_2023"));
    CHECK(mapping.typesFor("ht_xa_2023", 1) == std::vector<std::string>{"bridge", "road"});
    CHECK(mapping.typesFor("ht_xa_2023", 2) == std::vector<std::string>{"clean_water", "waste_site"});
    CHECK(mapping.typesFor("ht_xa_2023", 3).empty());
    CHECK(mapping.typesFor("ht_xa_2023", 4) == std::vector<std::string>{"irrigation"});
    db = store::openProject(project, false);  // release before writing

    // The district decides schools do not fix criterion 5 but a cultural house does; 17 needs clean water only.
    const auto sheet = fixtures::writeSheet(dir / "loai_ct.csv", "CSV", "map", {{"Bộ tiêu chí"}, {"Tiêu chí số"}, {"Loại công trình"}},
                                            {{"ntm_xa_2021_2025", "5", "Nhà văn hóa"}, {"ntm_xa_2021_2025", "17", "Nước sạch"}});
    importOrFail(project, "work-types", sheet);
    auto report = planning::computeGaps(project, {"2024-12-31", ""});
    REQUIRE(report);
    CHECK(report->gaps.size() == 2);
    for (const auto& g : report->gaps)
        CHECK(g.workTypes == std::vector<std::string>{g.criterion == 5 ? "cultural_house" : "clean_water"});
    // Criterion 2 is no longer mapped in that set: the road counts for nothing, and nothing else is a gap.
    CHECK(report->units[report->byUnit.at("17332")].gapCount == 1);

    // A criterion the set does not have is refused, naming the row; the project is unchanged.
    const std::string before = fixtures::readBytes(project);
    const auto bad = fixtures::writeSheet(dir / "sai.csv", "CSV", "map", {{"Bộ tiêu chí"}, {"Tiêu chí số"}, {"Loại công trình"}},
                                          {{"ntm_xa_2021_2025", "25", "Đường"}});
    auto refused = importer::importFile(project, "work-types", bad, {});
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("row 2") && Catch::Contains("has no criterion 25"));
    CHECK(fixtures::readBytes(project) == before);
}
