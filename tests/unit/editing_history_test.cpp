// Edits from the card on a real project: a criterion edit makes a new assessment (the old one
// stays), an explicit correction changes it in place, works and tasks change; undo and redo
// replay inverse edits as transactions; the history records who, what, old → new, and imports.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "gis/editing/edit_session.hpp"
#include "gis/importer/importer.hpp"
#include "gis/store/criterion_work_types.hpp"
#include "gis/store/history.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;
using fixtures::Column;

namespace {

std::string editProject(const std::filesystem::path& dir) {
    const std::string project = fixtures::makeProject(dir, false);
    std::vector<Column> columns = {{"Mã xã"}};
    std::vector<std::string> row = {"17341"};
    for (int n = 1; n <= 19; ++n) {
        columns.push_back({"TC" + std::to_string(n)});
        row.push_back(n == 2 || n == 17 ? "Chưa đạt" : "Đạt");
    }
    REQUIRE(importer::importFile(project, "criteria", fixtures::writeSheet(dir / "tc.xlsx", "XLSX", "TC", columns, {row}),
                                 {.setId = "ntm_xa_2021_2025", .asOf = "2024-06-30"}));
    REQUIRE(importer::importFile(project, "infrastructure",
                                 fixtures::writeSheet(dir / "ct.csv", "CSV", "ct", {{"Mã xã"}, {"Tên công trình"}, {"Loại"}, {"Tình trạng"}, {"Kinh phí"}, {"Thời hạn"}},
                                                      {{"17341", "Đường trục xã Tam Sơn", "Đường", "Kế hoạch", "1500000000", "31/12/2025"}}),
                                 {}));
    REQUIRE(importer::importFile(project, "tasks",
                                 fixtures::writeSheet(dir / "nv.csv", "CSV", "nv", {{"Mã xã"}, {"Nội dung"}, {"Thời hạn"}, {"Văn bản"}},
                                                      {{"17341", "Hoàn thiện hồ sơ tiêu chí giao thông", "30/09/2025", "45/TB-UBND"}}),
                                 {}));
    return project;
}

store::ProjectData load(const std::string& project) { return fixtures::loadProject(project); }

const model::Assessment* assessmentAt(const store::ProjectData& d, const std::string& asOf) {
    for (const auto& a : d.assessments)
        if (a.unitCode == "17341" && a.asOf == asOf) return &a;
    return nullptr;
}

model::CriterionStatus statusOf(const model::Assessment& a, int number) {
    for (const auto& r : a.results)
        if (r.number == number) return r.status;
    FAIL("no criterion " << number);
    return model::CriterionStatus::NotMet;
}

std::vector<store::HistoryEntry> historyOf(const std::string& project, const std::set<std::string>& units) {
    auto db = store::openProject(project, false);
    auto rows = store::loadHistory(*db, units);
    REQUIRE(rows);
    return std::move(rows).value();
}

}  // namespace

TEST_CASE("editing: a criterion edit makes a new assessment, undo and redo replay it, history says who and what", "[editing]") {
    const auto dir = test::scratchDir("editing_criterion");
    const std::string project = editProject(dir);
    editing::EditSession session(project);
    CHECK_FALSE(session.canUndo());

    REQUIRE(session.setCriterion({"17341", "", 2, model::CriterionStatus::Met, "đã bê tông hóa 5 km", "2025-01-15", false}));
    CHECK(session.canUndo());
    CHECK_THAT(session.undoLabel(), Catch::Contains("Tiêu chí 2 Giao thông: đạt"));
    auto data = load(project);
    const model::Assessment* old = assessmentAt(data, "2024-06-30");
    const model::Assessment* fresh = assessmentAt(data, "2025-01-15");
    REQUIRE(old != nullptr);  // never rewritten
    REQUIRE(fresh != nullptr);
    CHECK(old->criteriaMet == 17);
    CHECK(statusOf(*old, 2) == model::CriterionStatus::NotMet);
    CHECK(fresh->criteriaMet == 18);
    CHECK(fresh->detailed);
    CHECK(statusOf(*fresh, 2) == model::CriterionStatus::Met);

    // A second edit on the same day changes that day's edited assessment, not a third one.
    REQUIRE(session.setCriterion({"17341", "", 17, model::CriterionStatus::Met, "", "2025-01-15", false}));
    data = load(project);
    CHECK(data.assessments.size() == 2);
    CHECK(assessmentAt(data, "2025-01-15")->criteriaMet == 19);

    // Editing at the imported assessment's own date without saying "correct" is refused.
    auto silent = session.setCriterion({"17341", "", 17, model::CriterionStatus::Met, "", "2024-06-30", false});
    REQUIRE_FALSE(silent);
    CHECK_THAT(silent.error().message, Catch::Contains("correct it explicitly"));

    const auto rows = historyOf(project, {"17341"});
    REQUIRE(rows.size() >= 3);
    const store::HistoryEntry& latest = rows.front();  // newest first
    CHECK(latest.action == "edit");
    CHECK(latest.user == store::osUserName());
    CHECK(latest.unitCode == "17341");
    bool sawStatus = false, sawImport = false;
    for (const auto& e : rows) {
        if (e.action == "edit" && e.field == "status" && e.subject.find("criterion 2 ") != std::string::npos) {
            sawStatus = true;
            CHECK(e.oldValue == "not_met");
            CHECK(e.newValue == "met");
            CHECK(e.note == "đã bê tông hóa 5 km");
        }
        if (e.action == "import" && e.subject == "import criteria") {
            sawImport = true;
            CHECK_THAT(e.sourceFile, Catch::EndsWith("tc.xlsx"));
        }
    }
    CHECK(sawStatus);
    CHECK(sawImport);  // the import that touched Tam Sơn is in its history

    // Undo twice: criterion 17, then the new assessment itself disappears.
    REQUIRE(session.undo());
    CHECK(assessmentAt(load(project), "2025-01-15")->criteriaMet == 18);
    REQUIRE(session.undo());
    CHECK(assessmentAt(load(project), "2025-01-15") == nullptr);
    CHECK_FALSE(session.canUndo());
    CHECK(session.canRedo());
    REQUIRE(session.redo());
    CHECK(assessmentAt(load(project), "2025-01-15")->criteriaMet == 18);
    const auto after = historyOf(project, {"17341"});
    CHECK(after.front().action == "redo");
    CHECK(std::count_if(after.begin(), after.end(), [](const auto& e) { return e.action == "undo"; }) >= 2);

    // The explicit correction changes the old assessment in place.
    REQUIRE(session.setCriterion({"17341", "", 2, model::CriterionStatus::InProgress, "sửa sai sót nhập liệu", "2024-06-30", true}));
    data = load(project);
    CHECK(statusOf(*assessmentAt(data, "2024-06-30"), 2) == model::CriterionStatus::InProgress);
    CHECK(data.assessments.size() == 2);
}

TEST_CASE("editing: works and tasks, and undo refuses to overwrite a change made elsewhere", "[editing]") {
    const auto dir = test::scratchDir("editing_works");
    const std::string project = editProject(dir);
    auto data = load(project);
    REQUIRE(data.infrastructure.size() == 1);
    REQUIRE(data.tasks.size() == 1);
    const std::int64_t work = data.infrastructure.front().id;
    const std::int64_t task = data.tasks.front().id;
    CHECK(work > 0);

    editing::EditSession session(project);
    REQUIRE(session.editWork({work, std::string("under_construction"), std::string("2026-06-30"), 1'800'000'000, false}));
    data = load(project);
    CHECK(data.infrastructure.front().status == "under_construction");
    CHECK(data.infrastructure.front().deadline == "2026-06-30");
    CHECK(data.infrastructure.front().budgetVnd == 1'800'000'000);
    REQUIRE(session.editTask({task, true, "2025-03-01"}));
    data = load(project);
    CHECK(data.tasks.front().status == "done");
    CHECK(data.tasks.front().doneDate == "2025-03-01");
    CHECK_FALSE(session.editWork({work, std::string("finished"), std::nullopt, std::nullopt, false}));  // not a status

    REQUIRE(session.undo());  // the task is open again
    CHECK(load(project).tasks.front().status == "open");

    // Someone else changes the work's budget; undoing our edit over it would lose theirs.
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(project.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "UPDATE ntm_infrastructure SET budget_vnd = 2000000000", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    const std::string before = fixtures::readBytes(project);
    auto refused = session.undo();
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("changed since"));
    CHECK(fixtures::readBytes(project) == before);
    CHECK(session.canUndo());  // still there to retry after a reload

    const auto rows = historyOf(project, {"17341"});
    const auto budget = std::find_if(rows.begin(), rows.end(), [](const auto& e) { return e.field == "budget_vnd"; });
    REQUIRE(budget != rows.end());
    CHECK(budget->oldValue == "1500000000");
    CHECK(budget->newValue == "1800000000");
}

TEST_CASE("store: a schema-2 project reads read-only with the default mapping and no history, and migrates when written", "[store]") {
    const auto dir = test::scratchDir("store_schema2");
    const std::string project = (dir / "old.gpkg").string();
    REQUIRE(store::createProject(project));
    {
        // What a project written by the previous release holds.
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(project.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw,
                             "DROP TABLE ntm_unit_aliases; DROP TABLE ntm_criterion_work_types; DROP TABLE ntm_history_units; DROP TABLE ntm_history; "
                             "UPDATE ntm_meta SET value = '2' WHERE key = 'schema_version'",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    const std::string before = fixtures::readBytes(project);
    {
        auto db = store::openProject(project, false);
        REQUIRE(db);
        CHECK(store::schemaVersion(*db) == 2);
        auto rows = store::loadCriterionWorkTypes(*db);
        REQUIRE(rows);
        CHECK(rows->size() == store::defaultCriterionWorkTypes().size());
        auto history = store::loadHistory(*db);
        REQUIRE(history);
        CHECK(history->empty());
    }
    CHECK(fixtures::readBytes(project) == before);  // reading never writes
    {
        auto db = store::openProject(project, true);
        REQUIRE(db);
        CHECK(store::schemaVersion(*db) == store::kSchemaVersion);
        CHECK(db->tableExists("ntm_unit_aliases"));
        CHECK(db->queryText("SELECT count(*) FROM ntm_criterion_work_types") == std::to_string(store::defaultCriterionWorkTypes().size()));
        CHECK(db->tableExists("ntm_history"));
    }
}
