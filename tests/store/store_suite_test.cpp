// The project store suite, run against both backends (GENERATE over GeoPackage and PostgreSQL):
// a real district (Anh Sơn's communes cut from the national layer, reprojected to VN-2000) and
// real sheets written through GDAL go in through the importers; what comes back out — units with
// their geometry, assessments, works, tasks, the summary figures, edits with undo and history,
// slides, aliases — must be the same on both.
#include <catch2/catch.hpp>

#include "gis/dashboard/dashboard_state.hpp"
#include "gis/editing/edit_session.hpp"
#include "gis/figures/summary.hpp"
#include "gis/figures/summary_json.hpp"
#include "gis/importer/importer.hpp"
#include "gis/importer/unit_aliases.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/history.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/project_writer.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/transaction.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/store_backends.hpp"

using namespace gis;

TEST_CASE("store suite: init makes an empty project once, and open names what is not a project", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_init");
    REQUIRE(store::createProject(project));
    auto again = store::createProject(project);
    REQUIRE_FALSE(again);
    CHECK_THAT(again.error().message, Catch::Contains("already"));
    auto db = store::openProject(project, false);
    REQUIRE(db);
    CHECK(store::schemaVersion(*db) == store::kSchemaVersion);
    auto data = store::loadProjectData(*db, true);
    REQUIRE(data);
    CHECK(data->units.empty());
    CHECK(data->criteriaSets.count("ntm_xa_2021_2025") == 1);
    CHECK(data->criteriaSets.at("ntm_xa_2021_2025").criteria.size() == 19);
    CHECK_FALSE(data->programmes.empty());
}

TEST_CASE("store suite: a district imported from real files reads back the same, geometry included", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_import_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_import");
    storefx::importAnhSon(project, dir);
    const store::ProjectData data = storefx::load(project, true);
    // Anh Sơn: 21 communes (20 xã and one thị trấn) and Nghệ An's districts.
    int communes = 0;
    for (const model::Unit& unit : data.units) {
        if (unit.level != "commune") continue;
        ++communes;
        auto geometry = store::decodeGpkgGeometry(unit.geometry);
        REQUIRE(geometry != nullptr);
        CHECK(geometry->getGeometryType() != wkbUnknown);
    }
    CHECK(communes == 21);
    REQUIRE(data.assessments.size() == 1);
    CHECK(data.assessments[0].criteriaMet == 14);
    CHECK(data.assessments[0].results.size() == 19);
    REQUIRE(data.infrastructure.size() == 1);
    CHECK(data.infrastructure[0].budgetVnd == 1500000000);
    REQUIRE(data.tasks.size() == 1);
    CHECK(data.tasks[0].deadline == "2025-09-30");

    // The notice's figure: Thành Sơn has met 14/19 criteria (73,7 %).
    auto summaries = figures::computeSummary(data, {.asOf = "2024-12-31"});
    REQUIRE(summaries);
    bool found = false;
    for (const figures::UnitSummary& s : *summaries)
        if (s.code == storefx::kThanhSon) {
            found = true;
            CHECK(s.criteriaMet == 14);
            CHECK(s.criteriaTotal == 19);
            CHECK(s.criteriaPct == Approx(73.7));
        }
    CHECK(found);
}

TEST_CASE("store suite: a refused import leaves the project exactly as it was", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_refused_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_refused");
    storefx::importAnhSon(project, dir);
    const std::string before = storefx::dump(project);
    // One good row and one for a commune that does not exist: nothing of it may land.
    std::vector<fixtures::Column> columns = {{"Mã xã"}, {"Số tiêu chí đạt"}};
    auto report = importer::importFile(project, "criteria",
                                       fixtures::writeSheet(dir / "bad.csv", "CSV", "bad", columns, {{storefx::kThanhSon, "15"}, {"99999", "3"}}),
                                       {.setId = "ntm_xa_2021_2025", .asOf = "2025-03-31"});
    REQUIRE_FALSE(report);
    CHECK_THAT(report.error().message, Catch::Contains("99999"));
    CHECK(storefx::dump(project) == before);
}

TEST_CASE("store suite: edits, undo, redo and the history", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_edit_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_edit");
    storefx::importAnhSon(project, dir);
    const std::int64_t work = storefx::load(project, false).infrastructure.at(0).id;

    editing::EditSession session(project);
    REQUIRE(session.editWork({.workId = work, .status = std::string("under_construction")}));
    REQUIRE(session.setCriterion({.unitCode = storefx::kThanhSon, .number = 2, .status = model::CriterionStatus::Met,
                                  .note = "đường trục xã xong", .date = "2025-01-15"}));
    CHECK(storefx::load(project, false).infrastructure.at(0).status == "under_construction");
    CHECK(storefx::load(project, false).assessments.size() == 2);
    REQUIRE(session.undo());
    CHECK(storefx::load(project, false).assessments.size() == 1);
    REQUIRE(session.undo());
    CHECK(storefx::load(project, false).infrastructure.at(0).status == "planned");
    REQUIRE(session.redo());
    CHECK(storefx::load(project, false).infrastructure.at(0).status == "under_construction");

    auto db = store::openProject(project, false);
    REQUIRE(db);
    auto history = store::loadHistory(*db, {storefx::kThanhSon});
    REQUIRE(history);
    std::vector<std::string> actions;
    for (const store::HistoryEntry& e : *history) actions.push_back(e.action + " " + e.field);
    // Newest first: redo, undo ×2 (criterion rows, then the work), the criterion edit, the work
    // edit, and the imports that touched Thành Sơn.
    REQUIRE(actions.size() >= 6);
    CHECK(actions[0] == "redo status");
    CHECK(std::count(actions.begin(), actions.end(), "import ") >= 1);
    for (const store::HistoryEntry& e : *history) {
        CHECK_FALSE(e.user.empty());
        CHECK(e.atUtc.size() == 20);
    }
}

TEST_CASE("store suite: slides, milestones and unit aliases", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_slides_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_slides");
    storefx::importAnhSon(project, dir);
    dashboard::DashboardState state;
    state.scope = storefx::kThanhSon;
    REQUIRE(dashboard::saveBookmark(project, "Thành Sơn", state));
    REQUIRE(dashboard::saveBookmark(project, "Toàn huyện", {}));
    REQUIRE(dashboard::saveBookmark(project, "Thành Sơn", state));  // saved again: replaced, not doubled
    auto slides = dashboard::readBookmarks(project);
    REQUIRE(slides);
    REQUIRE(slides->size() == 2);
    CHECK(slides->at(0).name == "Thành Sơn");
    REQUIRE(dashboard::deleteBookmark(project, "Toàn huyện"));
    CHECK(dashboard::readBookmarks(project)->size() == 1);

    REQUIRE(importer::addUnitAlias(project, "Thành Sơm", storefx::kThanhSon));
    auto db = store::openProject(project, false);
    REQUIRE(db);
    auto aliases = importer::loadUnitAliases(*db);
    REQUIRE(aliases);
    REQUIRE(aliases->size() == 1);
    CHECK(aliases->at(0).unitCode == storefx::kThanhSon);
}

TEST_CASE("store suite: the summary of one unit read from its part of the project equals the one from the whole", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_scope_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_scope");
    storefx::importAnhSon(project, dir);
    {  // money for every district and commune, so the ranks among siblings are there to get wrong
        auto db = store::openProject(project, true);
        REQUIRE(db);
        const store::ProjectData units = storefx::load(project, false);
        store::Transaction tx(*db);
        store::ProjectWriter writer(*db);
        long long n = 0;
        for (const model::Unit& u : units.units) {
            if (u.level != "district" && u.level != "commune") continue;
            ++n;
            REQUIRE(writer.upsertCapitalPlan({u.code, "ntp_ntm_2021_2025", 2024, "", 10'000'000'000, "test"}));
            REQUIRE(writer.upsertDisbursement({u.code, "ntp_ntm_2021_2025", 2024, "", "2024-12-31", 100'000'000LL * (n * 7 % 97), false, "test"}));
        }
        REQUIRE(tx.commit());
    }
    const store::ProjectData whole = storefx::load(project, false);
    auto db = store::openProject(project, false);
    REQUIRE(db);
    // A commune, its district (Anh Sơn, ranked among Nghệ An's districts) and the province.
    for (const std::string& code : {std::string(storefx::kThanhSon), std::string("424"), std::string("40")}) {
        INFO(code);
        auto part = store::loadProjectData(*db, false, code);
        REQUIRE(part);
        if (code == storefx::kThanhSon) CHECK(part->units.size() < whole.units.size());  // the other districts stay out
        auto fromPart = figures::computeSummary(*part, {.asOf = "2024-12-31", .unitCode = code});
        auto fromWhole = figures::computeSummary(whole, {.asOf = "2024-12-31", .unitCode = code});
        REQUIRE(fromPart);
        REQUIRE(fromWhole);
        CHECK(figures::summaryToJson(fromPart->front()) == figures::summaryToJson(fromWhole->front()));
    }
}
