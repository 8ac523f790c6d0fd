// Reading one project on two connections at once (gis/store/shared_snapshot): on PostgreSQL the
// second connection must see exactly the first one's snapshot, not a colleague's commit made in
// between; a whole-project read split over two connections must give what one connection reads;
// and inside a caller's own transaction (whose uncommitted rows no other connection sees) the
// read must stay on the caller's connection. SQLite reads on one connection throughout.
#include <catch2/catch.hpp>

#include <algorithm>

#include "gis/figures/summary.hpp"
#include "gis/figures/summary_json.hpp"
#include "gis/figures/unit_summary_read.hpp"
#include "gis/store/project_writer.hpp"
#include "gis/store/shared_snapshot.hpp"
#include "gis/store/transaction.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/store_backends.hpp"

using namespace gis;

namespace {

std::size_t unitCount(store::Database& db) { return static_cast<std::size_t>(std::stoll(db.queryText("SELECT count(*) FROM ntm_units").value_or("0"))); }

/// A colleague's commit, on a connection of its own: one new commune under Thành Sơn's district.
void addCommuneElsewhere(const std::string& project, const std::string& code) {
    auto other = store::openProject(project, true);
    REQUIRE(other);
    store::Transaction tx(*other);
    REQUIRE(tx.began());
    store::ProjectWriter writer(*other);
    REQUIRE(writer.upsertUnit({code, "Xã Mới " + code, "commune", "xa", "424", std::nullopt, std::nullopt, {}, "test"}));
    REQUIRE(tx.commit());
}

}  // namespace

TEST_CASE("store suite: a second reading connection sees the first one's snapshot, not a commit made after it", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_shared_snapshot_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_shared_snapshot");
    storefx::importAnhSon(project, dir);
    auto db = store::openProject(project, false);
    REQUIRE(db);
    const std::size_t before = unitCount(*db);
    {
        auto snapshot = store::SharedSnapshot::begin(*db);
        INFO((snapshot ? std::string() : snapshot.error().message));
        REQUIRE(snapshot);
        if (backend == store::Backend::Sqlite) {
            CHECK_FALSE(snapshot->active());  // one file: read on the one connection
            CHECK_FALSE(db->inTransaction());
            return;
        }
        REQUIRE(snapshot->active());
        CHECK(db->inTransaction());
        addCommuneElsewhere(project, "99001");  // committed after the snapshot was taken
        auto reader = snapshot->openReader();
        INFO((reader ? std::string() : reader.error().message));
        REQUIRE(reader);
        CHECK(unitCount(*reader) == before);
        CHECK(unitCount(*db) == before);
        REQUIRE(snapshot->end());
        CHECK_FALSE(db->inTransaction());
    }
    CHECK(unitCount(*db) == before + 1);
}

TEST_CASE("store suite: the whole project read on two connections is what one connection reads, and a caller's transaction keeps it on one", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_parallel_read_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_parallel_read");
    storefx::importAnhSon(project, dir);
    auto db = store::openProject(project, true);
    REQUIRE(db);
    auto split = store::loadProjectData(*db, true);  // PostgreSQL: units on a second connection
    INFO((split ? std::string() : split.error().message));
    REQUIRE(split);
    CHECK_FALSE(db->inTransaction());  // the read's own transaction is over

    // Inside a transaction with a unit not yet committed: only this connection sees it, so the
    // read must not go to a second one (nor end the caller's transaction).
    store::Transaction tx(*db);
    REQUIRE(tx.began());
    store::ProjectWriter writer(*db);
    REQUIRE(writer.upsertUnit({"99002", "Xã Chưa Lưu", "commune", "xa", "424", std::nullopt, std::nullopt, {}, "test"}));
    auto one = store::loadProjectData(*db, true);
    INFO((one ? std::string() : one.error().message));
    REQUIRE(one);
    CHECK(db->inTransaction());
    REQUIRE(one->units.size() == split->units.size() + 1);
    std::size_t withGeometry = 0;
    for (std::size_t i = 0, j = 0; i < split->units.size(); ++i, ++j) {
        if (one->units[j].code == "99002") ++j;
        INFO(split->units[i].code);
        REQUIRE(one->units[j].code == split->units[i].code);
        CHECK(one->units[j].name == split->units[i].name);
        CHECK(one->units[j].parentCode == split->units[i].parentCode);
        CHECK(one->units[j].geometry == split->units[i].geometry);
        withGeometry += split->units[i].geometry.empty() ? 0 : 1;
    }
    CHECK(withGeometry > 20);
    CHECK(one->assessments.size() == split->assessments.size());
    CHECK(one->infrastructure.size() == split->infrastructure.size());
    CHECK(one->tasks.size() == split->tasks.size());

    // One unit's summary inside the transaction counts the uncommitted commune too.
    auto inside = figures::readUnitSummary(*db, {.asOf = "2024-12-31", .unitCode = "424"});
    INFO((inside ? std::string() : inside.error().message));
    REQUIRE(inside);
    auto whole = figures::computeSummary(*one, {.asOf = "2024-12-31", .unitCode = "424"});
    REQUIRE(whole);
    CHECK(figures::summaryToJson(*inside) == figures::summaryToJson(whole->front()));
    CHECK(db->inTransaction());
}

TEST_CASE("shared store: a login allowed one connection reads the whole project and a summary on that one", "[store]") {
    const auto available = test::storeBackends();
    if (std::find(available.begin(), available.end(), store::Backend::Postgres) == available.end()) return;
    const auto dir = test::scratchDir("shared_one_connection");
    const std::string project = test::freshProjectLocation(store::Backend::Postgres, "shared_one_connection");
    storefx::importAnhSon(project, dir);
    // The server refuses this login a second connection, as a full max_connections or a
    // transaction pooler would leave the reader without one.
    test::pg::adminExecRetrying("postgres",
                                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mot_ket_noi') THEN "
                                "CREATE ROLE mot_ket_noi LOGIN PASSWORD 'mot-thoi' CONNECTION LIMIT 1 IN ROLE ntm_reader; END IF; END $$");
    const std::size_t at = project.find("dbname=") + 7;
    const std::string database = project.substr(at, project.find(' ', at) - at);
    const std::string single = test::pg::location(database, "mot_ket_noi", "mot-thoi");
    {
        auto db = store::openProject(single, false);
        INFO((db ? std::string() : db.error().message));
        REQUIRE(db);
        auto second = db->openAnother();
        CHECK_FALSE(second);  // refused indeed
    }
    const store::ProjectData expected = storefx::load(project, true);
    const store::ProjectData got = storefx::load(single, true);
    REQUIRE(got.units.size() == expected.units.size());
    for (std::size_t i = 0; i < got.units.size(); ++i) {
        CHECK(got.units[i].code == expected.units[i].code);
        CHECK(got.units[i].geometry == expected.units[i].geometry);
    }
    CHECK(got.assessments.size() == expected.assessments.size());
    CHECK(got.infrastructure.size() == expected.infrastructure.size());
    auto db = store::openProject(single, false);
    REQUIRE(db);
    auto summary = figures::readUnitSummary(*db, {.asOf = "2024-12-31", .unitCode = "424"});
    INFO((summary ? std::string() : summary.error().message));
    REQUIRE(summary);
    auto whole = figures::computeSummary(expected, {.asOf = "2024-12-31", .unitCode = "424"});
    REQUIRE(whole);
    CHECK(figures::summaryToJson(*summary) == figures::summaryToJson(whole->front()));
    CHECK_FALSE(db->inTransaction());
}
