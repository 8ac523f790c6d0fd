// The committee figures: criteria, communes meeting the standard, money with sibling ranks,
// parents summing children, and the as-of date choosing assessments and disbursements.
#include <catch2/catch.hpp>

#include "gis/importer/importer.hpp"
#include "gis/figures/summary.hpp"
#include "gis/figures/summary_json.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;
using fixtures::Column;

namespace {

std::vector<figures::UnitSummary> summarise(const std::string& project, const std::string& asOf) {
    auto db = store::openProject(project, false);
    REQUIRE(db);
    auto data = store::loadProjectData(*db, false);
    REQUIRE(data);
    auto summary = figures::computeSummary(*data, {asOf, ""});
    REQUIRE(summary);
    return std::move(summary).value();
}

const figures::UnitSummary& unit(const std::vector<figures::UnitSummary>& all, const std::string& code) {
    for (const auto& s : all)
        if (s.code == code) return s;
    FAIL("no unit " << code);
    return all.front();
}

const figures::ProgrammeFigures* ntm(const figures::UnitSummary& s) {
    for (const auto& f : s.programmes)
        if (f.programme == "ntp_ntm_2021_2025") return &f;
    return nullptr;
}

void importSheet(const std::string& project, const std::string& kind, const std::string& file, importer::ImportOptions o = {}) {
    auto report = importer::importFile(project, kind, file, o);
    if (!report) FAIL(report.error().message);
}

}  // namespace

TEST_CASE("summary: criteria, communes meeting the standard, money ranks and parent totals", "[summary]") {
    const auto dir = test::scratchDir("summary_figures");
    const std::string project = fixtures::makeProject(dir, false);

    // Two assessments of Thọ Sơn: 17/19 in 2023 (count only), 19/19 detailed in mid-2024.
    importSheet(project, "criteria",
                fixtures::writeSheet(dir / "dem.csv", "CSV", "dem", {{"Mã xã"}, {"Số tiêu chí đạt"}, {"Ngày"}},
                                     {{"17332", "17/19", "31/12/2023"}, {"17341", "14/19", "31/12/2023"}, {"17335", "19", "31/12/2023"}}),
                {.setId = "ntm_xa_2021_2025"});
    std::vector<Column> columns = {{"Mã xã"}};
    for (int n = 1; n <= 19; ++n) columns.push_back({"TC" + std::to_string(n)});
    std::vector<std::string> row = {"17332"};
    for (int n = 1; n <= 19; ++n) row.push_back("Đạt");
    std::vector<std::string> row2 = {"17341"};
    for (int n = 1; n <= 19; ++n) row2.push_back(n == 2 || n == 17 ? "Chưa đạt" : "Đạt");
    importSheet(project, "criteria", fixtures::writeSheet(dir / "chi_tiet.xlsx", "XLSX", "TC", columns, {row, row2}),
                {.setId = "ntm_xa_2021_2025", .asOf = "2024-06-30"});

    // Money: Anh Sơn itself plus two of its communes; two other districts of Nghệ An.
    importSheet(project, "disbursement",
                fixtures::writeSheet(dir / "von.xlsx", "XLSX", "Vốn",
                                     {{"Mã đơn vị"}, {"Năm", OFTInteger}, {"Kế hoạch vốn", OFTReal}, {"Giải ngân", OFTReal}, {"Ngày"}},
                                     {{"424", "2024", "1000000000", "100000000", "2024-03-31"},
                                      {"424", "2024", "", "200000000", "2024-06-30"},
                                      {"17332", "2024", "500000000", "400000000", "2024-06-30"},
                                      {"17341", "2024", "500000000", "50000000", "2024-09-30"},
                                      {"422", "2024", "1000000000", "900000000", "2024-06-30"},
                                      {"423", "2024", "4000000000", "400000000", "2024-06-30"}}),
                {.programme = "ntm"});

    SECTION("at 30/6/2024") {
        const auto all = summarise(project, "2024-06-30");
        const auto& thoSon = unit(all, "17332");
        CHECK(thoSon.criteriaMet == 19);
        CHECK(thoSon.meetsStandard);
        CHECK(thoSon.assessmentAsOf == "2024-06-30");
        CHECK(thoSon.unmet.empty());
        const auto& tamSon = unit(all, "17341");
        CHECK(tamSon.criteriaMet == 17);
        CHECK(tamSon.criteriaPct == Approx(89.5));
        CHECK(tamSon.unmet == std::vector<int>{2, 17});

        const auto& anhSon = unit(all, "424");
        CHECK(anhSon.communesTotal == 20);  // Thị trấn Anh Sơn is not a rural commune
        CHECK(anhSon.communesAssessed == 3);
        CHECK(anhSon.communesMeetingStandard == 2);  // Thọ Sơn and Thành Sơn
        REQUIRE(anhSon.avgCriteriaMet);
        CHECK(*anhSon.avgCriteriaMet == Approx((19 + 17 + 19) / 3.0).margin(0.005));

        // Anh Sơn: plan 1.0 + 0.5 + 0.5 bn; disbursed 0.1 + 0.2 + 0.4 (Tam Sơn's money is after the date).
        const auto* money = ntm(anhSon);
        REQUIRE(money != nullptr);
        CHECK(money->plan == 2'000'000'000);
        CHECK(money->disbursed == 700'000'000);
        CHECK(*money->disbursedPct == Approx(35.0));
        // Among Nghệ An's districts with a plan: Con Cuông 90 %, Anh Sơn 35 %, Tân Kỳ 10 %.
        CHECK(money->rank == 2);
        CHECK(money->rankOf == 3);
        CHECK(ntm(unit(all, "422"))->rank == 1);
        CHECK(ntm(unit(all, "423"))->rank == 3);
        // The province reports its districts' total.
        const auto* province = ntm(unit(all, "40"));
        REQUIRE(province != nullptr);
        CHECK(province->plan == 7'000'000'000);
        CHECK(province->disbursed == 2'000'000'000);
        CHECK(unit(all, "40").communesMeetingStandard == 2);

        const std::string json = figures::summaryToJson(tamSon);
        CHECK_THAT(json, Catch::Contains("\"criteria_pct\": 89.5") && Catch::Contains("\"unmet\": [\n    2,\n    17\n  ]"));
    }
    SECTION("at 31/12/2023 the older count-only assessment is used") {
        const auto all = summarise(project, "2023-12-31");
        const auto& thoSon = unit(all, "17332");
        CHECK(thoSon.criteriaMet == 17);
        CHECK_FALSE(thoSon.detailed);
        CHECK(thoSon.assessmentAsOf == "2023-12-31");
        CHECK(figures::summaryToJson(thoSon).find("\"unmet\": null") != std::string::npos);
    }
    SECTION("at 30/9/2024 Tam Sơn's disbursement counts") {
        const auto all = summarise(project, "2024-09-30");
        CHECK(ntm(unit(all, "424"))->disbursed == 750'000'000);
        CHECK(ntm(unit(all, "17341"))->disbursedPct == Approx(10.0));
    }
}

TEST_CASE("summary: cumulative disbursement figures are not double counted", "[summary]") {
    const auto dir = test::scratchDir("summary_cumulative");
    const std::string project = fixtures::makeProject(dir, false);
    importSheet(project, "disbursement",
                fixtures::writeSheet(dir / "luy_ke.csv", "CSV", "lk", {{"Mã xã"}, {"Năm"}, {"Kế hoạch vốn"}, {"Lũy kế giải ngân"}, {"Ngày"}},
                                     {{"17332", "2024", "1.000.000.000", "300.000.000", "31/03/2024"},
                                      {"17332", "2024", "1.000.000.000", "550.000.000", "30/06/2024"}}),
                {.programme = "ntm", .cumulative = true});
    const auto all = summarise(project, "2024-12-31");
    CHECK(ntm(unit(all, "17332"))->disbursed == 550'000'000);
    CHECK(*ntm(unit(all, "17332"))->disbursedPct == Approx(55.0));
}

TEST_CASE("summary: works by type and status, open and overdue tasks", "[summary]") {
    const auto dir = test::scratchDir("summary_works_tasks");
    const std::string project = fixtures::makeProject(dir, false);
    importSheet(project, "infrastructure",
                fixtures::writeSheet(dir / "ct.csv", "CSV", "ct", {{"Tên công trình"}, {"Loại"}, {"Mã xã"}, {"Tình trạng"}},
                                     {{"NVH thôn 1", "Nhà văn hóa", "17332", "Hoàn thành"},
                                      {"NVH thôn 2", "Nhà văn hóa", "17332", "Đang thi công"},
                                      {"Trạm y tế xã", "Trạm y tế", "17341", "Hoàn thành"}}));
    importSheet(project, "tasks",
                fixtures::writeSheet(dir / "nv.csv", "CSV", "nv", {{"Nhiệm vụ"}, {"Mã xã"}, {"Thời hạn"}, {"Tình trạng"}, {"Ngày hoàn thành"}},
                                     {{"Việc A", "17332", "30/06/2024", "", ""},
                                      {"Việc B", "17332", "31/12/2024", "Đang thực hiện", ""},
                                      {"Việc C", "17341", "31/03/2024", "Hoàn thành", "15/08/2024"}}));
    const auto all = summarise(project, "2024-07-01");
    CHECK(unit(all, "17332").infrastructure.at("cultural_house").at("completed") == 1);
    CHECK(unit(all, "17332").infrastructure.at("cultural_house").at("under_construction") == 1);
    const auto& anhSon = unit(all, "424");
    CHECK(anhSon.infrastructure.at("cultural_house").at("completed") == 1);
    CHECK(anhSon.infrastructure.at("health_station").at("completed") == 1);
    CHECK(unit(all, "17332").tasksOpen == 2);
    CHECK(unit(all, "17332").tasksOverdue == 1);
    // Việc C was still open on 1/7/2024 (done on 15/8) and past its deadline.
    CHECK(anhSon.tasksOpen == 3);
    CHECK(anhSon.tasksOverdue == 2);
    const auto later = summarise(project, "2024-09-01");
    CHECK(unit(later, "424").tasksOpen == 2);
}

TEST_CASE("summary: a provincial sheet by district gives 'xếp thứ 8/11 huyện'", "[summary]") {
    const auto dir = test::scratchDir("summary_district_rank");
    const std::string project = fixtures::makeProject(dir, false);
    // One row per district, in tỷ đồng with Vietnamese decimal commas, no commune column at all.
    const std::vector<std::pair<std::string, std::string>> districts = {
        {"Con Cuông", "9"},        {"Tân Kỳ", "8"},       {"Đô Lương", "7"},     {"Thanh Chương", "6"},
        {"Nghi Lộc", "5"},         {"Nam Đàn", "4,5"},    {"Hưng Nguyên", "4"},  {"Huyện Anh Sơn", "1,37"},
        {"Yên Thành", "1"},        {"Diễn Châu", "0,5"},  {"Quỳnh Lưu", "0,2"}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& [name, disbursed] : districts) rows.push_back({name, "10", disbursed, "30/06/2024"});
    importSheet(project, "disbursement",
                fixtures::writeSheet(dir / "tinh.csv", "CSV", "tinh",
                                     {{"Huyện"}, {"Kế hoạch vốn (tỷ đồng)"}, {"Giải ngân (tỷ đồng)"}, {"Ngày"}}, rows),
                {.programme = "ntm"});
    const auto all = summarise(project, "2024-06-30");
    const auto* anhSon = ntm(unit(all, "424"));
    REQUIRE(anhSon != nullptr);
    CHECK(anhSon->plan == 10'000'000'000);
    CHECK(anhSon->disbursed == 1'370'000'000);
    CHECK(*anhSon->disbursedPct == Approx(13.7));
    CHECK(anhSon->rank == 8);
    CHECK(anhSon->rankOf == 11);
    CHECK(ntm(unit(all, "40"))->plan == 110'000'000'000);
}
