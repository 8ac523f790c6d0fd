// The province's shared store: PostgreSQL with many users at once. Two planners on one row get a
// conflict, never a lost edit; a leader's read-only role can look but not write, and is told so;
// passwords never show; `copy` round-trips a project GeoPackage → PostgreSQL → GeoPackage with
// identical summaries; every command takes a PG: location.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "gis/editing/edit_session.hpp"
#include "gis/store/change_watch.hpp"
#include "gis/store/history.hpp"
#include "gis/store/project_copy.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/transaction.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/store_backends.hpp"
#include "tests/support/test_paths.hpp"

using namespace gis;

namespace {

std::string cli(const std::string& arguments, int* status = nullptr) {
    std::string output;
    const int rc = test::runCommand(std::string(NTM_CLI_PATH) + " " + arguments, &output);
    if (status != nullptr) *status = rc;
    return output;
}

std::string quotedArg(const std::string& text) { return "'" + text + "'"; }

/// A project in its own database with the two login roles a province office gives its people.
std::string sharedProject(const std::string& name, const std::filesystem::path& dir) {
    const std::string project = test::freshProjectLocation(store::Backend::Postgres, name);
    storefx::importAnhSon(project, dir);
    // Login roles are the server's, shared by the tests running at once: a lost race is retried.
    test::pg::adminExecRetrying("postgres",
                        "DO $$ BEGIN "
                        "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lanh_dao') THEN "
                        "CREATE ROLE lanh_dao LOGIN PASSWORD 'xem-thoi' IN ROLE ntm_reader; END IF; "
                        "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ke_hoach') THEN "
                        "CREATE ROLE ke_hoach LOGIN PASSWORD 'sua-duoc' IN ROLE ntm_editor; END IF; END $$");
    return project;
}

std::string databaseOf(const std::string& name) { return "t_" + name; }

}  // namespace

TEST_CASE("shared store: two planners editing one work at once, the second gets a conflict and nothing is lost", "[store]") {
    const auto dir = test::scratchDir("shared_conflict");
    const std::string project = sharedProject("shared_conflict", dir);
    const std::int64_t work = storefx::load(project, false).infrastructure.at(0).id;

    auto first = store::openProject(project, true);
    auto second = store::openProject(project, true);
    REQUIRE(first);
    REQUIRE(second);
    store::Transaction a(*first);
    store::Transaction b(*second);
    REQUIRE(a.began());
    REQUIRE(b.began());
    // Both read the work as it is now (each transaction's snapshot starts here) ...
    REQUIRE(first->queryText("SELECT status FROM ntm_infrastructure WHERE fid = " + std::to_string(work)) == "planned");
    REQUIRE(second->queryText("SELECT status FROM ntm_infrastructure WHERE fid = " + std::to_string(work)) == "planned");
    // ... the first writes and commits; the second's write of the same row must not silently win.
    auto update = first->prepare("UPDATE ntm_infrastructure SET status = 'under_construction' WHERE fid = ?1");
    REQUIRE(update);
    update->bind(1, work);
    REQUIRE(update->run());
    REQUIRE(a.commit());
    auto late = second->prepare("UPDATE ntm_infrastructure SET status = 'completed' WHERE fid = ?1");
    REQUIRE(late);
    late->bind(1, work);
    auto lost = late->run();
    REQUIRE_FALSE(lost);
    CHECK(lost.error().code == ErrorCode::Conflict);
    CHECK_THAT(lost.error().message, Catch::Contains("another user changed the same data"));
    CHECK(storefx::load(project, false).infrastructure.at(0).status == "under_construction");
}

TEST_CASE("shared store: an undo over a colleague's later edit is refused, the colleague's edit stays", "[store]") {
    const auto dir = test::scratchDir("shared_undo");
    const std::string project = sharedProject("shared_undo", dir);
    const std::int64_t work = storefx::load(project, false).infrastructure.at(0).id;
    const std::string planner = test::pg::location(databaseOf("shared_undo"), "ke_hoach", "sua-duoc");
    editing::EditSession mine(project);
    editing::EditSession colleague(planner);
    REQUIRE(mine.editWork({.workId = work, .status = std::string("under_construction")}));
    REQUIRE(colleague.editWork({.workId = work, .deadline = std::string("2026-03-31")}));
    auto undo = mine.undo();
    REQUIRE_FALSE(undo);
    CHECK_THAT(undo.error().message, Catch::Contains("was changed since"));
    const auto data = storefx::load(project, false);
    CHECK(data.infrastructure.at(0).deadline == "2026-03-31");
    CHECK(data.infrastructure.at(0).status == "under_construction");
    // The history names who did what: the database login, never a password.
    auto db = store::openProject(project, false);
    auto history = store::loadHistory(*db, {storefx::kThanhSon});
    REQUIRE(history);
    bool colleagueNamed = false;
    for (const store::HistoryEntry& e : *history) {
        colleagueNamed = colleagueNamed || (e.user == "ke_hoach" && e.field == "deadline");
        CHECK(e.user.find("sua-duoc") == std::string::npos);
    }
    CHECK(colleagueNamed);
}

TEST_CASE("shared store: the read-only role can read and export but not write, and is told which role can", "[store]") {
    const auto dir = test::scratchDir("shared_roles");
    const std::string project = sharedProject("shared_roles", dir);
    const std::string leader = test::pg::location(databaseOf("shared_roles"), "lanh_dao", "xem-thoi");
    const std::string planner = test::pg::location(databaseOf("shared_roles"), "ke_hoach", "sua-duoc");

    // What the window asks before it offers edits, imports and slide saving (its read-only banner).
    CHECK_FALSE(store::mayWriteProject(leader));
    CHECK(store::mayWriteProject(planner));
    CHECK(store::mayWriteProject(project));  // the superuser who made it

    int status = 0;
    const std::string summary = cli("summary " + quotedArg(leader) + " --unit " + storefx::kThanhSon + " --json", &status);
    CHECK(status == 0);
    CHECK_THAT(summary, Catch::Contains("\"criteria_met\": 14"));
    cli("export " + quotedArg(leader) + " --out " + (dir / "leader.png").string() + " --width 800 --height 600", &status);
    CHECK(status == 0);
    CHECK(std::filesystem::file_size(dir / "leader.png") > 10000);

    const std::string sheet = fixtures::writeSheet(dir / "nv2.csv", "CSV", "nv2", {{"Mã xã"}, {"Nội dung"}, {"Thời hạn"}},
                                                   {{storefx::kThanhSon, "Hoàn thiện nhà văn hóa", "31/12/2025"}});
    const std::string refused = cli("import " + quotedArg(leader) + " tasks " + sheet, &status);
    CHECK(status != 0);
    CHECK_THAT(refused, Catch::Contains("lanh_dao may only read") && Catch::Contains("ntm_editor"));
    CHECK_THAT(refused, !Catch::Contains("xem-thoi"));
    CHECK_THAT(refused, Catch::Contains("password=***"));

    cli("import " + quotedArg(planner) + " tasks " + sheet, &status);
    CHECK(status == 0);
    CHECK(storefx::load(project, false).tasks.size() == 2);

    // A wrong password: the message says so and still shows no password.
    const std::string wrong = cli("summary " + quotedArg(test::pg::location(databaseOf("shared_roles"), "ke_hoach", "doan-bua")), &status);
    CHECK(status != 0);
    CHECK_THAT(wrong, Catch::Contains("password authentication failed"));
    CHECK_THAT(wrong, !Catch::Contains("doan-bua"));
}

TEST_CASE("shared store: copy round-trips GeoPackage to PostgreSQL to GeoPackage with identical data and summaries", "[store]") {
    const auto dir = test::scratchDir("shared_copy");
    const std::string original = test::freshProjectLocation(store::Backend::Sqlite, "shared_copy");
    storefx::importAnhSon(original, dir);
    {  // an edit and a slide, so history and bookmarks travel too
        editing::EditSession session(original);
        REQUIRE(session.editWork({.workId = storefx::load(original, false).infrastructure.at(0).id, .status = std::string("completed")}));
    }
    const std::string province = test::freshProjectLocation(store::Backend::Postgres, "shared_copy");
    const std::string back = (dir / "back.gpkg").string();

    int status = 0;
    const std::string there = cli("copy " + original + " " + quotedArg(province), &status);
    INFO(there);
    REQUIRE(status == 0);
    CHECK_THAT(there, Catch::Contains("checked equal"));
    cli("copy " + quotedArg(province) + " " + back, &status);
    REQUIRE(status == 0);
    CHECK(storefx::dump(back) == storefx::dump(original));
    CHECK(storefx::dump(province) == storefx::dump(original));
    const std::string summaryOriginal = cli("summary " + original + " --as-of 2024-12-31 --json");
    CHECK(cli("summary " + quotedArg(province) + " --as-of 2024-12-31 --json") == summaryOriginal);
    CHECK(cli("summary " + back + " --as-of 2024-12-31 --json") == summaryOriginal);
    CHECK(cli("gaps " + quotedArg(province) + " --json") == cli("gaps " + original + " --json"));

    // Copying onto a project refuses and changes nothing.
    const std::string refused = cli("copy " + original + " " + quotedArg(province), &status);
    CHECK(status != 0);
    CHECK_THAT(refused, Catch::Contains("already holds an NTM Atlas project"));
}

TEST_CASE("shared store: an open window hears another user's commit, on both stores", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("shared_watch_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "shared_watch");
    storefx::importAnhSon(project, dir);
    auto watch = store::ChangeWatch::start(project);
    REQUIRE(watch);
    CHECK_FALSE((*watch)->changed());
    editing::EditSession other(project);
    REQUIRE(other.editWork({.workId = storefx::load(project, false).infrastructure.at(0).id, .status = std::string("completed")}));
    bool heard = false;
    for (int i = 0; i < 50 && !heard; ++i) {
        heard = (*watch)->changed();
        if (!heard) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(heard);
    CHECK_FALSE((*watch)->changed());  // said once per change
}
