// District sheets with Vietnamese headers, written as XLSX, ODS and CSV by GDAL from the test.
#include <catch2/catch.hpp>

#include "gis/importer/importer.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;
using fixtures::Column;

namespace {

store::ProjectData load(const std::string& project) { return fixtures::loadProject(project); }

const model::Assessment* assessmentOf(const store::ProjectData& data, const std::string& code) {
    for (const auto& a : data.assessments)
        if (a.unitCode == code) return &a;
    return nullptr;
}

/// A detailed criteria sheet: Mã xã typed as a number (as Excel does), 19 criterion columns.
std::vector<Column> detailedColumns() {
    std::vector<Column> columns = {{"STT", OFTInteger}, {"Mã xã", OFTInteger}, {"Tên xã"}};
    for (int n = 1; n <= 19; ++n) columns.push_back({"Tiêu chí " + std::to_string(n)});
    columns.push_back({"Số tiêu chí đạt", OFTInteger});
    return columns;
}

std::vector<std::string> detailedRow(const std::string& no, const std::string& code, const std::string& name,
                                     const std::vector<std::string>& cells, const std::string& count) {
    std::vector<std::string> row = {no, code, name};
    row.insert(row.end(), cells.begin(), cells.end());
    row.push_back(count);
    return row;
}

}  // namespace

TEST_CASE("importer: a detailed criteria sheet in XLSX, ODS and CSV", "[importer]") {
    const auto dir = test::scratchDir("importer_sheets_detailed");
    const std::string project = fixtures::makeProject(dir, false);
    // Thọ Sơn meets all; Thành Sơn 16 of 19 with every spelling a sheet uses; Cao Sơn by name only.
    const std::vector<std::string> all(19, "Đạt");
    std::vector<std::string> mixed = {"x", "1", "TRUE", "Đạt", "đạt", "X", "Đạt", "Đạt", "Đạt", "Chưa đạt",
                                      "Đạt", "Đạt", "0", "Đạt", "Đạt", "Đạt", "FALSE", "Đạt", "Đạt"};
    std::vector<std::string> caoSon(19, "Đạt");
    caoSon[4] = "Đang thực hiện";
    const std::vector<std::vector<std::string>> rows = {detailedRow("1", "17332", "Xã Thọ Sơn", all, "19"),
                                                        detailedRow("2", "17335", "Thành Sơn", mixed, "16"),
                                                        detailedRow("3", "", "xã cao sơn", caoSon, "18")};
    for (const std::string driver : {"XLSX", "ODS", "CSV"}) {
        DYNAMIC_SECTION(driver) {
            const std::string ext = driver == "XLSX" ? ".xlsx" : driver == "ODS" ? ".ods" : ".csv";
            const std::string file = fixtures::writeSheet(dir / ("tieu_chi" + ext), driver, "Tiêu chí", detailedColumns(), rows);
            importer::ImportOptions o;
            o.setId = "ntm_xa_2021_2025";
            o.asOf = "2024-06-30";
            auto report = importer::importFile(project, "criteria", file, o);
            REQUIRE(report);
            CHECK(report->recordsWritten == 3);
            const auto data = load(project);
            const model::Assessment* thoSon = assessmentOf(data, "17332");
            REQUIRE(thoSon != nullptr);
            CHECK(thoSon->criteriaMet == 19);
            CHECK(thoSon->detailed);
            CHECK(thoSon->asOf == "2024-06-30");
            const model::Assessment* thanhSon = assessmentOf(data, "17335");
            REQUIRE(thanhSon != nullptr);
            CHECK(thanhSon->criteriaMet == 16);
            REQUIRE(thanhSon->results.size() == 19);
            CHECK(thanhSon->results[9].status == model::CriterionStatus::NotMet);
            CHECK(thanhSon->results[12].status == model::CriterionStatus::NotMet);
            CHECK(thanhSon->results[16].status == model::CriterionStatus::NotMet);
            const model::Assessment* cao = assessmentOf(data, "17386");
            REQUIRE(cao != nullptr);
            CHECK(cao->criteriaMet == 18);
            CHECK(cao->results[4].status == model::CriterionStatus::InProgress);
        }
    }
}

TEST_CASE("importer: codes typed as numbers get their leading zeros back", "[importer]") {
    const auto dir = test::scratchDir("importer_sheets_zeros");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    importer::ImportOptions units;
    units.level = "commune";
    units.columnMap = {{"code", "gso_xa"}, {"name", "commune_vn"}};
    REQUIRE(importer::importFile(project, "units", fixtures::cutDistrict(dir, "Huyện Bắc Sơn", "EPSG:9215", "bac_son.gpkg"), units));

    // 06331 Vạn Thủy and 06355 Vũ Sơn, typed as numbers: 6331, 6355. Count-only, as notices report them.
    const std::string file = fixtures::writeSheet(dir / "dem.xlsx", "XLSX", "Bắc Sơn",
                                                  {{"Mã xã", OFTInteger}, {"Tên xã"}, {"Số tiêu chí đạt"}, {"Ngày", OFTDate}},
                                                  {{"6331", "Vạn Thủy", "14/19", "2023-12-31"}, {"6355", "Vũ Sơn", "17", "2023-12-31"}});
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    auto report = importer::importFile(project, "criteria", file, o);
    REQUIRE(report);
    const auto data = load(project);
    const model::Assessment* vanThuy = assessmentOf(data, "06331");
    REQUIRE(vanThuy != nullptr);
    CHECK(vanThuy->criteriaMet == 14);
    CHECK(vanThuy->criteriaTotal == 19);
    CHECK_FALSE(vanThuy->detailed);
    CHECK(vanThuy->asOf == "2023-12-31");
    CHECK(assessmentOf(data, "06355") != nullptr);
}

TEST_CASE("importer: an ambiguous name is never guessed, a district column settles it", "[importer]") {
    const auto dir = test::scratchDir("importer_sheets_ambiguous");
    const std::string project = fixtures::makeProject(dir, true);  // Bình Sơn in Anh Sơn AND in Triệu Sơn
    const std::string before = fixtures::readBytes(project);
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    o.asOf = "2024-06-30";

    const std::string ambiguous = fixtures::writeSheet(dir / "mo_ho.xlsx", "XLSX", "TC", {{"Tên xã"}, {"Số tiêu chí đạt", OFTInteger}},
                                                       {{"Cao Sơn", "19"}, {"Bình Sơn", "15"}, {"Xã Hư Cấu", "10"}});
    auto failed = importer::importFile(project, "criteria", ambiguous, o);
    REQUIRE_FALSE(failed);
    const std::string& message = failed.error().message;
    CHECK_THAT(message, Catch::Contains("mo_ho.xlsx, sheet 'TC', row 3, column 'Tên xã' = 'Bình Sơn'"));
    CHECK_THAT(message, Catch::Contains("17338 Xã Bình Sơn (Huyện Anh Sơn)") && Catch::Contains("15769 Xã Bình Sơn (Huyện Triệu Sơn)"));
    CHECK_THAT(message, Catch::Contains("row 4") && Catch::Contains("'Xã Hư Cấu'"));

    // A typo is not matched either, but the nearest names are shown.
    const std::string typo = fixtures::writeSheet(dir / "go_nham.csv", "CSV", "TC", {{"Huyện"}, {"Tên xã"}, {"Số tiêu chí đạt"}},
                                                  {{"Anh Sơn", "Thọ Sơm", "19"}});
    auto typoFailed = importer::importFile(project, "criteria", typo, o);
    REQUIRE_FALSE(typoFailed);
    CHECK_THAT(typoFailed.error().message,
               Catch::Contains("no commune named 'Thọ Sơm' in Huyện Anh Sơn; closest: 17332 Xã Thọ Sơn (Huyện Anh Sơn);"));
    CHECK_THAT(message, Catch::Contains("2 problems"));
    CHECK(fixtures::readBytes(project) == before);  // byte-for-byte unchanged

    SECTION("--skip-unmatched imports the rest and lists what it skipped") {
        o.skipUnmatched = true;
        auto report = importer::importFile(project, "criteria", ambiguous, o);
        REQUIRE(report);
        CHECK(report->recordsWritten == 1);
        REQUIRE(report->skipped.size() == 2);
        CHECK_THAT(report->skipped[0], Catch::Contains("row 3") && Catch::Contains("ambiguous"));
    }
    SECTION("a 'Huyện' column with the district's name") {
        const std::string withDistrict = fixtures::writeSheet(dir / "ro.ods", "ODS", "TC", {{"Huyện"}, {"Tên xã"}, {"Số tiêu chí đạt"}},
                                                              {{"Triệu Sơn", "Bình Sơn", "15/19"}, {"Huyện Anh Sơn", "Xã Bình Sơn", "12"}});
        auto report = importer::importFile(project, "criteria", withDistrict, o);
        REQUIRE(report);
        const auto data = load(project);
        REQUIRE(assessmentOf(data, "15769") != nullptr);
        CHECK(assessmentOf(data, "15769")->criteriaMet == 15);
        CHECK(assessmentOf(data, "17338")->criteriaMet == 12);
    }
    SECTION("a 'Mã huyện' column") {
        const std::string withCode = fixtures::writeSheet(dir / "ro.csv", "CSV", "TC", {{"Mã huyện"}, {"Tên xã"}, {"Số tiêu chí đạt"}},
                                                          {{"397", "Bình Sơn", "15"}});
        REQUIRE(importer::importFile(project, "criteria", withCode, o));
        CHECK(assessmentOf(load(project), "15769") != nullptr);
    }
}

TEST_CASE("importer: bad cells are all listed with file, sheet, row and column, nothing is written", "[importer]") {
    const auto dir = test::scratchDir("importer_sheets_bad");
    const std::string project = fixtures::makeProject(dir, false);
    const std::string before = fixtures::readBytes(project);
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    const std::string file = fixtures::writeSheet(dir / "xau.xlsx", "XLSX", "Sheet1",
                                                  {{"Mã xã"}, {"Số tiêu chí đạt"}, {"Ngày"}},
                                                  {{"17332", "21", "30/06/2024"},
                                                   {"17335", "14/20", "30/06/2024"},
                                                   {"17338", "12", "31/02/2024"},
                                                   {"99999", "12", "30/06/2024"},
                                                   {"17332", "19", "30/06/2024"}});
    auto failed = importer::importFile(project, "criteria", file, o);
    REQUIRE_FALSE(failed);
    const std::string& m = failed.error().message;
    CHECK_THAT(m, Catch::Contains("row 2, column 'Số tiêu chí đạt' = '21': count 21 is larger than the 19 criteria"));
    CHECK_THAT(m, Catch::Contains("row 3, column 'Số tiêu chí đạt' = '14/20': counts out of 20"));
    CHECK_THAT(m, Catch::Contains("row 4, column 'Ngày' = '31/02/2024': not a date"));
    CHECK_THAT(m, Catch::Contains("row 5, column 'Mã xã' = '99999': no commune with code 99999"));
    CHECK_THAT(m, Catch::Contains("row 6") && Catch::Contains("assessed twice"));
    CHECK(fixtures::readBytes(project) == before);

    const std::string township = fixtures::writeSheet(dir / "tt.csv", "CSV", "tt", {{"Tên xã"}, {"Số tiêu chí đạt"}, {"Ngày"}},
                                                      {{"Thị trấn Anh Sơn", "12", "30/06/2024"}});
    auto notXa = importer::importFile(project, "criteria", township, o);
    REQUIRE_FALSE(notXa);
    CHECK_THAT(notXa.error().message, Catch::Contains("Thị trấn Anh Sơn is not a xã"));

    auto noSheet = importer::importFile(project, "criteria", file, importer::ImportOptions{.layer = "Tờ 2", .setId = "ntm_xa_2021_2025"});
    REQUIRE_FALSE(noSheet);
    CHECK_THAT(noSheet.error().message, Catch::Contains("no layer or sheet 'Tờ 2'") && Catch::Contains("'Sheet1'"));
}

TEST_CASE("importer: money, works and tasks sheets", "[importer]") {
    const auto dir = test::scratchDir("importer_sheets_money");
    const std::string project = fixtures::makeProject(dir, false);

    const std::string money = fixtures::writeSheet(
        dir / "von.xlsx", "XLSX", "Giải ngân",
        {{"Tên xã"}, {"Năm", OFTInteger}, {"Loại vốn"}, {"Kế hoạch vốn (triệu đồng)", OFTReal}, {"Giải ngân (triệu đồng)", OFTReal}, {"Ngày"}},
        {{"Thọ Sơn", "2024", "Đầu tư phát triển", "1500", "300", "31/03/2024"},
         {"Thọ Sơn", "2024", "Đầu tư phát triển", "1500", "450.5", "30/06/2024"},
         {"Tam Sơn", "2024", "Sự nghiệp", "800", "", ""}});
    importer::ImportOptions o;
    o.programme = "ntm";
    auto report = importer::importFile(project, "disbursement", money, o);
    REQUIRE(report);
    auto data = load(project);
    REQUIRE(data.plans.size() == 2);
    CHECK(data.plans[0].planVnd == 1'500'000'000);
    CHECK(data.plans[0].capitalType == "dtpt");
    CHECK(data.plans[0].programmeId == "ntp_ntm_2021_2025");
    REQUIRE(data.disbursements.size() == 2);
    CHECK(data.disbursements[1].amountVnd == 450'500'000);

    const std::string negative = fixtures::writeSheet(dir / "am.csv", "CSV", "am", {{"Mã xã"}, {"Kế hoạch vốn"}, {"Năm"}},
                                                      {{"17332", "-5.000.000", "2024"}});
    auto bad = importer::importFile(project, "disbursement", negative, o);
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error().message, Catch::Contains("am.csv, row 2, column 'Kế hoạch vốn' = '-5.000.000': negative money"));

    const std::string works = fixtures::writeSheet(
        dir / "cong_trinh.ods", "ODS", "Công trình",
        {{"Tên công trình"}, {"Loại công trình"}, {"Xã"}, {"Tình trạng"}, {"Kinh phí (triệu đồng)", OFTReal}, {"Thời hạn"},
         {"Đơn vị phụ trách"}, {"Kinh độ", OFTReal}, {"Vĩ độ", OFTReal}},
        {{"Nhà văn hóa xóm 3", "Nhà văn hóa", "Thọ Sơn", "Đang thi công", "850", "31/12/2024", "Phòng Văn hóa và Thông tin", "105.05", "19.10"},
         {"Điểm tập kết rác thôn 1", "Điểm tập kết rác", "Tam Sơn", "Kế hoạch", "120", "30/06/2025", "Phòng Tài nguyên và Môi trường", "105.1", "19.05"}});
    REQUIRE(importer::importFile(project, "infrastructure", works, {}));
    data = load(project);
    REQUIRE(data.infrastructure.size() == 2);
    CHECK(data.infrastructure[0].type == "cultural_house");
    CHECK(data.infrastructure[0].status == "under_construction");
    CHECK(data.infrastructure[0].budgetVnd == 850'000'000);
    CHECK(data.infrastructure[0].unitCode == "17332");
    CHECK(data.infrastructure[1].type == "waste_site");

    const std::string tasks = fixtures::writeSheet(
        dir / "nhiem_vu.csv", "CSV", "nv", {{"Nội dung"}, {"Đơn vị thực hiện"}, {"Xã"}, {"Thời hạn"}, {"Tình trạng"}, {"Văn bản"}},
        {{"Hoàn thành tiêu chí 17 Môi trường", "UBND xã Thọ Sơn", "Thọ Sơn", "quý III/2024", "Đang thực hiện", "45/TB-UBND"},
         {"Rà soát hộ nghèo", "Phòng Lao động - TB&XH", "", "thường xuyên", "", "45/TB-UBND"}});
    REQUIRE(importer::importFile(project, "tasks", tasks, {}));
    data = load(project);
    REQUIRE(data.tasks.size() == 2);
    CHECK(data.tasks[0].deadline == "2024-09-30");
    CHECK(data.tasks[0].unitCode == "17332");
    CHECK(data.tasks[1].unitCode.empty());
}

TEST_CASE("importer: a provincial criteria set of 20, then results against it", "[importer]") {
    const auto dir = test::scratchDir("importer_sheets_provincial_set");
    const std::string project = fixtures::makeProject(dir, false);
    std::vector<std::vector<std::string>> rows;
    for (int n = 1; n <= 20; ++n)
        rows.push_back({"ht_nc_xa_2022_2025", "Bộ tiêu chí xã NTM nâng cao tỉnh (mẫu)", "ntm_nang_cao", std::to_string(n),
                        n == 20 ? "Tiêu chí 20 (tỉnh)" : "Tiêu chí số " + std::to_string(n)});
    const std::string set = fixtures::writeSheet(dir / "bo_tc.xlsx", "XLSX", "Bộ TC",
                                                 {{"Mã bộ tiêu chí"}, {"Tên bộ tiêu chí"}, {"Cấp độ"}, {"STT", OFTInteger}, {"Tên tiêu chí"}}, rows);
    auto report = importer::importFile(project, "criteria-set", set, {});
    REQUIRE(report);
    auto data = load(project);
    REQUIRE(data.criteriaSets.count("ht_nc_xa_2022_2025") == 1);
    CHECK(data.criteriaSets.at("ht_nc_xa_2022_2025").size() == 20);

    const std::string results = fixtures::writeSheet(dir / "kq.csv", "CSV", "kq", {{"Mã xã"}, {"Số tiêu chí đạt"}}, {{"17332", "3/20"}});
    importer::ImportOptions o;
    o.setId = "ht_nc_xa_2022_2025";
    o.asOf = "2024-12-31";
    REQUIRE(importer::importFile(project, "criteria", results, o));
    data = load(project);
    REQUIRE(data.assessments.size() == 1);
    CHECK(data.assessments[0].criteriaTotal == 20);

    rows.erase(rows.begin() + 4);  // criterion 5 missing
    const std::string gap = fixtures::writeSheet(dir / "thieu.xlsx", "XLSX", "Bộ TC",
                                                 {{"Mã bộ tiêu chí"}, {"Tên bộ tiêu chí"}, {"Cấp độ"}, {"STT", OFTInteger}, {"Tên tiêu chí"}}, rows);
    auto failed = importer::importFile(project, "criteria-set", gap, {});
    REQUIRE_FALSE(failed);
    CHECK_THAT(failed.error().message, Catch::Contains("5 is missing"));
}

TEST_CASE("importer: a title block above the header and a total row below the data", "[importer]") {
    const auto dir = test::scratchDir("importer_sheets_layout");
    const std::string project = fixtures::makeProject(dir, false);
    // What a district office's report looks like: two title lines, a blank line, the header, data, a total.
    const std::string file = fixtures::writeSheet(
        dir / "bao_cao.xlsx", "XLSX", "Biểu 01",
        {{"A"}, {"B"}, {"C"}},
        {{"UBND HUYỆN ANH SƠN", "", ""},
         {"BÁO CÁO KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NTM", "", ""},
         {"", "", ""},
         {"Tên xã", "Số tiêu chí đạt", "Ghi chú"},
         {"Thọ Sơn", "19", ""},
         {"Tam Sơn", "14", "thiếu TC 17"},
         {"Tổng cộng", "33", ""}});
    importer::ImportOptions o;
    o.setId = "ntm_xa_2021_2025";
    o.asOf = "2024-06-30";
    auto report = importer::importFile(project, "criteria", file, o);
    REQUIRE(report);
    CHECK(report->recordsWritten == 2);
    REQUIRE(report->notes.size() == 2);
    CHECK_THAT(report->notes[0], Catch::Contains("the header is row 5"));
    CHECK_THAT(report->notes[1], Catch::Contains("row 8: a total row"));
    const auto data = load(project);
    REQUIRE(assessmentOf(data, "17341") != nullptr);
    CHECK(assessmentOf(data, "17341")->criteriaMet == 14);
    CHECK(assessmentOf(data, "17341")->note == "thiếu TC 17");
}

TEST_CASE("importer: a write that fails inside the transaction leaves the file byte-for-byte unchanged", "[importer][store]") {
    const auto dir = test::scratchDir("importer_sheets_write_rollback");
    const std::string project = fixtures::makeProject(dir, false);
    auto setSheet = [&](int size, const std::string& name) {
        std::vector<std::vector<std::string>> rows;
        for (int n = 1; n <= size; ++n) rows.push_back({"ht_xa_2022", std::to_string(n), "Tiêu chí " + std::to_string(n)});
        return fixtures::writeSheet(dir / name, "CSV", "set", {{"Mã bộ tiêu chí"}, {"STT"}, {"Tên tiêu chí"}}, rows);
    };
    REQUIRE(importer::importFile(project, "criteria-set", setSheet(20, "bo20.csv"), {}));
    std::vector<Column> columns = {{"Mã xã"}};
    std::vector<std::string> row = {"17332"};
    for (int n = 1; n <= 20; ++n) {
        columns.push_back({"Tiêu chí " + std::to_string(n)});
        row.push_back("Đạt");
    }
    REQUIRE(importer::importFile(project, "criteria", fixtures::writeSheet(dir / "kq20.csv", "CSV", "kq", columns, {row}),
                                 {.setId = "ht_xa_2022", .asOf = "2024-12-31"}));
    const std::string before = fixtures::readBytes(project);

    // Shrinking the set to 19 would orphan criterion 20's result: the foreign key stops the write
    // half-way through the transaction, and the rollback restores every byte.
    auto failed = importer::importFile(project, "criteria-set", setSheet(19, "bo19.csv"), {});
    REQUIRE_FALSE(failed);
    CHECK_THAT(failed.error().message, Catch::Contains("nothing was changed"));
    CHECK(fixtures::readBytes(project) == before);
}
