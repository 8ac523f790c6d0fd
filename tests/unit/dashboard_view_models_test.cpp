// The dashboard's view models (scope, KPIs, card, filters, ranking, slides) on the demo district
// and on projects built from real district cut-outs, without a window.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "gis/dashboard/commune_card.hpp"
#include "gis/dashboard/dashboard_state.hpp"
#include "gis/dashboard/display_format.hpp"
#include "gis/dashboard/kpis.hpp"
#include "gis/dashboard/project_figures.hpp"
#include "gis/dashboard/scope.hpp"
#include "gis/dashboard/scope_ranking.hpp"
#include "gis/importer/demo_import.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;
using namespace gis::dashboard;
using fixtures::Column;

namespace {

std::shared_ptr<ProjectFigures> openFigures(const std::string& project) {
    auto figures = ProjectFigures::open(project);
    if (!figures) FAIL(figures.error().message);
    return figures.value();
}

std::string demoProject(const std::string& testName) {
    const auto dir = test::scratchDir(testName);
    const std::string project = (dir / "demo.gpkg").string();
    if (auto created = store::createProject(project); !created) FAIL(created.error().message);
    if (auto imported = importer::importDemoDistrict(project); !imported) FAIL(imported.error().message);
    return project;
}

const Kpi& kpiOf(const std::vector<Kpi>& kpis, KpiKind kind) {
    for (const Kpi& k : kpis)
        if (k.kind == kind) return k;
    FAIL("no KPI of that kind");
    return kpis.front();
}

void importSheet(const std::string& project, const std::string& kind, const std::string& file, importer::ImportOptions o = {}) {
    auto report = importer::importFile(project, kind, file, o);
    if (!report) FAIL(report.error().message);
}

}  // namespace

TEST_CASE("dashboard on the demo: scope, title, search, KPIs with change, ranking, filters, card", "[dashboard]") {
    const auto figures = openFigures(demoProject("dashboard_demo"));
    const std::string district = defaultScope(*figures);
    const auto districtIndex = figures->tree().find(district);
    REQUIRE(districtIndex);
    CHECK(figures->data().units[*districtIndex].level == "district");  // not the province shell above it
    CHECK(figures->isDemo());

    const std::string latest = figures->latestDate();
    CHECK(latest == "2024-12-31");
    const auto& dates = figures->dates();
    CHECK(std::set<std::string>(dates.begin(), dates.end()).size() == dates.size());
    CHECK(std::is_sorted(dates.begin(), dates.end()));

    CHECK(scopeTitle(*figures, district, latest, Language::Vi) == "Huyện Thanh Lâm (mẫu) — số liệu đến 31/12/2024");
    CHECK(scopeTitle(*figures, district, latest, Language::En) == "Huyện Thanh Lâm (mẫu) — figures as of 31/12/2024");

    const auto crumbs = breadcrumb(*figures, district, Language::Vi);
    REQUIRE(crumbs.size() == 2);  // one province at the top: no "whole project" entry
    CHECK(crumbs[0].name == "Tỉnh Thanh Hóa (mẫu)");
    CHECK(crumbs[1].code == district);

    SECTION("search finds names with or without diacritics, and codes") {
        for (const char* query : {"thanh son", "Thành Sơn", "THANH SON", "99703"}) {
            const auto hits = searchUnits(*figures, query);
            INFO(query);
            REQUIRE_FALSE(hits.empty());
            CHECK(hits.front().name == "Xã Thành Sơn");
            CHECK(hits.front().context == "Huyện Thanh Lâm (mẫu), Tỉnh Thanh Hóa (mẫu)");
        }
        CHECK(searchUnits(*figures, "xyz khong co").empty());
    }

    SECTION("KPIs agree with the summary, show the change since the previous date, and say what is missing") {
        const auto kpis = computeKpis(*figures, district, latest, Language::Vi);
        const figures::UnitSummary& s = figures->summaryAt(latest)[*districtIndex];
        const Kpi& standard = kpiOf(kpis, KpiKind::CommunesAtStandard);
        CHECK(standard.available);
        CHECK(standard.value == std::to_string(s.communesMeetingStandard) + "/" + std::to_string(s.communesTotal) + " xã");
        CHECK_THAT(standard.change, Catch::Contains("so với 30/09/2024"));
        const Kpi& money = kpiOf(kpis, KpiKind::Disbursement);
        CHECK(money.available);
        REQUIRE(ntmProgramme(s) != nullptr);
        CHECK(money.value == formatPercent(*ntmProgramme(s)->disbursedPct, Language::Vi));
        CHECK_THAT(money.reference, Catch::Contains("mốc 31/12/2024: 100,0 %"));
        const Kpi& tasks = kpiOf(kpis, KpiKind::Tasks);
        CHECK(tasks.available);
        CHECK(tasks.value == std::to_string(s.tasksOpen) + " đang thực hiện");

        // Before any assessment the project holds no criteria: said so, never 0.
        const auto early = computeKpis(*figures, district, "2021-01-01", Language::Vi);
        const Kpi& none = kpiOf(early, KpiKind::CommunesAtStandard);
        CHECK_FALSE(none.available);
        CHECK(none.value == "chưa có số liệu");
        CHECK(kpiOf(computeKpis(*figures, district, "2021-01-01", Language::En), KpiKind::AverageCriteria).value ==
              "no figures in the project");
    }

    SECTION("the ranking lists the district's communes in one set, sorted, ties sharing a rank") {
        RankingQuery query{district, latest};
        const RankingTable table = rankScope(*figures, query, Language::Vi);
        CHECK(table.communes);
        CHECK(table.setId == "ntm_xa_2021_2025");
        CHECK(table.rows.size() == 20);
        for (std::size_t i = 1; i < table.rows.size(); ++i) {
            if (!table.rows[i].criteria || !table.rows[i - 1].criteria) continue;
            CHECK(*table.rows[i - 1].criteria >= *table.rows[i].criteria);
            if (*table.rows[i - 1].criteria == *table.rows[i].criteria) CHECK(table.rows[i - 1].rank == table.rows[i].rank);
        }
        query.sortBy = RankColumn::Disbursed;
        query.descending = false;
        const RankingTable byMoney = rankScope(*figures, query, Language::Vi);
        REQUIRE(byMoney.rows.front().disbursedPct);
        CHECK(byMoney.rows.front().rank == 1);
        CHECK(*byMoney.rows.front().disbursedPct <= *byMoney.rows[1].disbursedPct);
    }

    SECTION("a filter on an unmet criterion keeps exactly the communes whose detailed assessment misses it") {
        RankingQuery query{district, latest};
        query.filter.unmetCriterion = 17;
        const RankingTable table = rankScope(*figures, query, Language::Vi);
        const auto& summary = figures->summaryAt(latest);
        std::size_t expected = 0;
        for (std::size_t c : scopeCommunes(*figures, district)) {
            const auto& u = summary[c];
            if (u.assessed && u.detailed && std::count(u.unmet.begin(), u.unmet.end(), 17) > 0) ++expected;
        }
        CHECK(table.rows.size() == expected);
        CHECK(table.rows.size() < 20);
        for (const RankingRow& row : table.rows) {
            const auto& u = summary[*figures->tree().find(row.code)];
            CHECK(std::count(u.unmet.begin(), u.unmet.end(), 17) == 1);
        }
    }

    SECTION("the commune card: named checklist or the count alone, history, money against milestones, tasks overdue first") {
        const auto& summary = figures->summaryAt(latest);
        std::string detailedCode, countOnlyCode;
        for (std::size_t c : scopeCommunes(*figures, district)) {
            if (!summary[c].assessed) continue;
            (summary[c].detailed ? detailedCode : countOnlyCode) = summary[c].code;
        }
        REQUIRE_FALSE(detailedCode.empty());
        const auto card = buildCommuneCard(*figures, detailedCode, latest, Language::Vi);
        REQUIRE(card);
        CHECK(card->criteria.size() == 19);
        CHECK(card->criteria[1].name == "Giao thông");
        // In English the national set's own English names (from our copy of the reference).
        const auto english = buildCommuneCard(*figures, detailedCode, latest, Language::En);
        REQUIRE(english);
        CHECK(english->criteria[0].name == "Planning");
        CHECK(english->setName == "National criteria set for new-rural communes, 2021-2025");
        CHECK(card->countOnly.empty());
        CHECK(card->history.size() >= 2);
        REQUIRE_FALSE(card->money.empty());
        CHECK(card->money.front().milestones.size() == 2);
        CHECK(card->money.front().defaultMilestones);
        for (const CardMilestone& m : card->money.front().milestones)
            if (!m.met) CHECK_THAT(m.gap, Catch::StartsWith("còn thiếu") && Catch::EndsWith("triệu đồng"));
        bool seenNotOverdue = false;
        for (const CardTask& t : card->tasks) {
            if (!t.overdue) seenNotOverdue = true;
            else CHECK_FALSE(seenNotOverdue);  // overdue ones come first
        }
        if (!countOnlyCode.empty()) {
            const auto countCard = buildCommuneCard(*figures, countOnlyCode, latest, Language::Vi);
            REQUIRE(countCard);
            CHECK(countCard->criteria.empty());
            CHECK(countCard->countOnly == std::to_string(summary[*figures->tree().find(countOnlyCode)].criteriaMet) + "/19");
        }
        CHECK_FALSE(buildCommuneCard(*figures, "00000", latest, Language::Vi));
    }
}

TEST_CASE("dashboard on real districts of two provinces: whole-project scope, drill-down, count-only card", "[dashboard]") {
    const auto dir = test::scratchDir("dashboard_real");
    const std::string project = fixtures::makeProject(dir, true);
    importSheet(project, "criteria",
                fixtures::writeSheet(dir / "dem.csv", "CSV", "dem", {{"Mã xã"}, {"Số tiêu chí đạt"}, {"Ngày"}},
                                     {{"17332", "19/19", "22/04/2024"}, {"17341", "14/19", "22/04/2024"}}),
                {.setId = "ntm_xa_2021_2025"});
    const auto figures = openFigures(project);

    CHECK(defaultScope(*figures).empty());  // Nghệ An and Thanh Hóa side by side
    const auto top = breadcrumb(*figures, "", Language::Vi);
    REQUIRE(top.size() == 1);
    CHECK(top[0].name == "Toàn bộ dự án");
    std::set<std::string> provinces;
    for (std::size_t p : scopeChildren(*figures, "")) provinces.insert(figures->data().units[p].code);
    CHECK(provinces == std::set<std::string>{"38", "40"});

    // "Bình Sơn" is a commune of both Anh Sơn and Triệu Sơn: both found, told apart by their parents.
    const auto hits = searchUnits(*figures, "binh son");
    REQUIRE(hits.size() >= 2);
    CHECK(hits[0].context != hits[1].context);

    CHECK(drillDownTarget(*figures, "40", "17341") == std::optional<std::string>("424"));
    CHECK(drillDownTarget(*figures, "424", "17341") == std::optional<std::string>("17341"));
    CHECK_FALSE(drillDownTarget(*figures, "38", "17341"));

    CHECK(scopeTitle(*figures, "424", "2024-04-22", Language::Vi) == "Huyện Anh Sơn — số liệu đến 22/04/2024");
    const auto card = buildCommuneCard(*figures, "17341", "2024-04-22", Language::Vi);
    REQUIRE(card);
    CHECK(card->countOnly == "14/19");
    CHECK(card->criteria.empty());
    CHECK(card->parents == "Huyện Anh Sơn, Nghệ An");  // the province as the district layer names it

    const auto kpis = computeKpis(*figures, "424", "2024-04-22", Language::Vi);
    CHECK(kpiOf(kpis, KpiKind::CommunesAtStandard).value == "1/20 xã");
    CHECK_THAT(kpiOf(kpis, KpiKind::CommunesAtStandard).detail, Catch::Contains("18 xã chưa đánh giá"));
    CHECK_FALSE(kpiOf(kpis, KpiKind::Disbursement).available);
    CHECK_FALSE(kpiOf(kpis, KpiKind::Tasks).available);

    // The province ranks its districts: Anh Sơn has figures, the others none (listed last, unranked).
    const RankingTable districts = rankScope(*figures, {"40", "2024-04-22"}, Language::Vi);
    CHECK_FALSE(districts.communes);
    REQUIRE_FALSE(districts.rows.empty());
    CHECK(districts.rows.front().code == "424");
    CHECK(districts.rows.front().rank == 1);
    CHECK(districts.rows.back().rank == 0);
}

TEST_CASE("dashboard on the two-tier administration: no district scope, ranks among a province's communes", "[dashboard]") {
    const auto dir = test::scratchDir("dashboard_two_tier");
    // Nghệ An's communes as they stand since 1/7/2025, straight from the reference code list.
    const std::string csv = (dir / "nghe_an_34.csv").string();
    std::string log;
    REQUIRE(test::runCommand("ogr2ogr -f CSV '" + csv + "' '" + (test::sharedDir() / "reference/admin_communes_34.csv").string() +
                                 "' -where \"province_code = '40'\" -select code,full_name,province_code",
                             &log) == 0);
    const std::string provinces = (dir / "provinces_34.csv").string();
    REQUIRE(test::runCommand("ogr2ogr -f CSV '" + provinces + "' '" + (test::sharedDir() / "reference/admin_provinces.csv").string() +
                                 "' -dialect sqlite -sql \"SELECT DISTINCT code_34, full_name_34 FROM admin_provinces WHERE code_34 = '40'\"",
                             &log) == 0);
    const std::string project = (dir / "project.gpkg").string();
    REQUIRE(store::createProject(project));
    importer::ImportOptions provinceUnits;
    provinceUnits.level = "province";
    provinceUnits.columnMap = {{"code", "code_34"}, {"name", "full_name_34"}};
    importSheet(project, "units", provinces, provinceUnits);
    importer::ImportOptions units;
    units.level = "commune";
    units.columnMap = {{"code", "code"}, {"name", "full_name"}, {"parent_code", "province_code"}};
    importSheet(project, "units", csv, units);
    const auto figures = openFigures(project);
    CHECK_FALSE(figures->tree().hasDistricts());
    const std::string scope = defaultScope(*figures);
    CHECK(scope == "40");
    const auto children = scopeChildren(*figures, scope);
    REQUIRE(children.size() > 100);
    for (std::size_t c : children) CHECK(figures->data().units[c].level == "commune");

    // Money for three communes: their ranks are among the province's communes.
    const auto& units0 = figures->data().units;
    std::vector<std::string> codes;
    for (std::size_t c : children)
        if (units0[c].type == "xa" && codes.size() < 3) codes.push_back(units0[c].code);
    importSheet(project, "disbursement",
                fixtures::writeSheet(dir / "von.csv", "CSV", "von", {{"Mã xã"}, {"Năm"}, {"Kế hoạch vốn"}, {"Giải ngân"}, {"Ngày"}},
                                     {{codes[0], "2025", "1000000000", "500000000", "2025-09-30"},
                                      {codes[1], "2025", "1000000000", "100000000", "2025-09-30"},
                                      {codes[2], "2025", "1000000000", "300000000", "2025-09-30"}}),
                {.programme = "ntm"});
    const auto withMoney = openFigures(project);
    const auto kpis = computeKpis(*withMoney, codes[1], "2025-09-30", Language::Vi);
    const Kpi& money = kpiOf(kpis, KpiKind::Disbursement);
    CHECK(money.value == "10,0 %");
    CHECK(money.detail == "xếp thứ 3/3 · tỉnh 30,0 %");
    CHECK(money.behind);  // 10 % against 40 % due by 30/9
    RankingQuery query{"40", "2025-09-30"};
    query.sortBy = RankColumn::Disbursed;
    const RankingTable table = rankScope(*withMoney, query, Language::Vi);
    CHECK(table.communes);
    CHECK(table.rows[0].code == codes[0]);
    CHECK(table.rows[1].code == codes[2]);
    CHECK(table.rows[2].code == codes[1]);
}

TEST_CASE("slides: the dashboard state round-trips through text and through the project file", "[dashboard]") {
    DashboardState state;
    state.scope = "424";
    state.asOf = "2024-04-22";
    state.colorField = "disbursed_pct";
    state.filter.unmetCriterion = 17;
    state.filter.disbursedBelowPct = 12.5;
    state.filter.workType = "waste_site";
    state.filter.overdueTasksOnly = true;
    state.view = MapView{11712345.25, 2112345.5, 38.2};
    auto parsed = parseState(serializeState(state));
    REQUIRE(parsed);
    CHECK(*parsed == state);
    CHECK(parseState("scope=1\nfuture.key=whatever\n"));  // keys of a newer build are skipped
    CHECK_FALSE(parseState("view.x=abc\n"));

    const std::string project = demoProject("dashboard_slides");
    REQUIRE(saveBookmark(project, "Giải ngân", state));
    DashboardState second = state;
    second.colorField = "criteria_met";
    second.filter = {};
    REQUIRE(saveBookmark(project, "Tiêu chí", second));
    REQUIRE(saveBookmark(project, "Giải ngân", state));  // saved again: keeps its place
    auto slides = readBookmarks(project);
    REQUIRE(slides);
    REQUIRE(slides->size() == 2);
    CHECK((*slides)[0].name == "Giải ngân");
    CHECK((*slides)[1].name == "Tiêu chí");
    CHECK(*parseState((*slides)[1].state) == second);
    REQUIRE(deleteBookmark(project, "Giải ngân"));
    CHECK(readBookmarks(project)->size() == 1);
    CHECK_FALSE(saveBookmark(project, "", state));
}
