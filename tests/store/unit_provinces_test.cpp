// Each unit's province code (gis/store/unit_provinces.hpp) is the store's own index of the parent
// links: after every kind of write — an import, a unit moved to another province, a parent
// written after its children, a loop made and broken, a copy into the other store and back, and
// the migration of a project from schema 5 — it must be what walking up the parent links gives,
// on both backends, and the one-unit summary read through it must still equal the whole
// project's. Plain SQL from another program (an UPDATE of parent_code, an INSERT, a DELETE) must
// mark the codes stale through the databases' own triggers, so the summaries stay right; the
// store's next write of a unit works them all out again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "gis/figures/summary.hpp"
#include "gis/figures/summary_json.hpp"
#include "gis/figures/unit_summary_read.hpp"
#include "gis/store/project_copy.hpp"
#include "gis/store/project_writer.hpp"
#include "gis/store/transaction.hpp"
#include "gis/store/unit_provinces.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/store_backends.hpp"

using namespace gis;

namespace {

/// code → parent code, as the project holds them.
std::map<std::string, std::string> parentLinks(store::Database& db) {
    std::map<std::string, std::string> parents;
    auto rows = db.prepare("SELECT code, parent_code FROM ntm_units");
    REQUIRE(rows);
    while (rows->step()) parents[rows->text(0)] = rows->isNull(1) ? std::string() : rows->text(1);
    REQUIRE(rows->lastError().empty());
    return parents;
}

/// The top of each unit's chain worked out here, independently of the store's SQL: walk up
/// until a unit whose parent is empty, itself or unknown; "" for a unit whose chain loops.
std::map<std::string, std::string> expectedProvinceCodes(const std::map<std::string, std::string>& parents) {
    std::map<std::string, std::string> tops;
    for (const auto& [code, first] : parents) {
        std::set<std::string> seen{code};
        std::string at = code;
        std::string top;
        while (true) {
            const std::string& parent = parents.at(at);
            if (parent.empty() || parent == at || parents.count(parent) == 0) {
                top = at;
                break;
            }
            if (!seen.insert(parent).second) break;  // a loop: no top
            at = parent;
        }
        tops[code] = top;
    }
    return tops;
}

std::map<std::string, std::string> storedProvinceCodes(store::Database& db) {
    std::map<std::string, std::string> codes;
    auto rows = db.prepare("SELECT code, province_code FROM ntm_units");
    REQUIRE(rows);
    while (rows->step()) codes[rows->text(0)] = rows->isNull(1) ? std::string() : rows->text(1);
    REQUIRE(rows->lastError().empty());
    return codes;
}

void checkProvinceCodes(const std::string& project) {
    auto db = store::openProject(project, false);
    REQUIRE(db);
    REQUIRE(store::hasProvinceCodes(*db));
    CHECK(store::provinceCodesCurrent(*db));  // the store's own writes leave them trusted
    const auto stored = storedProvinceCodes(*db);
    const auto expected = expectedProvinceCodes(parentLinks(*db));
    REQUIRE(stored.size() == expected.size());
    for (const auto& [code, top] : expected) {
        INFO("unit " << code);
        CHECK(stored.at(code) == top);
    }
}

/// The one-unit summaries, read through the province codes, against the whole project's.
void checkSummaries(const std::string& project, const std::vector<std::string>& scopes) {
    const store::ProjectData whole = storefx::load(project, false);
    auto db = store::openProject(project, false);
    REQUIRE(db);
    for (const std::string& code : scopes) {
        INFO("summary of " << code);
        auto fast = figures::readUnitSummary(*db, {.asOf = "2024-12-31", .unitCode = code});
        INFO((fast ? std::string() : fast.error().message));
        REQUIRE(fast);
        auto full = figures::computeSummary(whole, {.asOf = "2024-12-31", .unitCode = code});
        REQUIRE(full);
        CHECK(figures::summaryToJson(*fast) == figures::summaryToJson(full->front()));
    }
}

model::Unit unit(const std::string& code, const std::string& level, const std::string& parent) {
    return {code, "Đơn vị " + code, level, level == "province" ? "tinh" : level == "district" ? "huyen" : "xa", parent, std::nullopt,
            std::nullopt, {}, "test"};
}

void addMoney(store::ProjectWriter& writer, const std::string& code, long long n) {
    REQUIRE(writer.upsertCapitalPlan({code, "ntp_ntm_2021_2025", 2024, "", 1'000'000'000LL * (2 + n % 5), "test"}));
    REQUIRE(writer.upsertDisbursement({code, "ntp_ntm_2021_2025", 2024, "", "2024-09-30", 100'000'000LL * (1 + n * 7 % 11), false, "test"}));
}

/// Adds a second province, 38, with district 389 and its commune `commune`, and money for each of
/// `moneyCodes`, in one transaction of the store's writer.
void addSecondProvince(store::Database& db, const std::string& commune, const std::vector<std::string>& moneyCodes) {
    store::Transaction tx(db);
    store::ProjectWriter writer(db);
    REQUIRE(writer.upsertUnit(unit("38", "province", "")));
    REQUIRE(writer.upsertUnit(unit("389", "district", "38")));
    REQUIRE(writer.upsertUnit(unit(commune, "commune", "389")));
    long long n = 0;
    for (const std::string& code : moneyCodes) addMoney(writer, code, ++n);
    REQUIRE(tx.commit());
}

}  // namespace

TEST_CASE("store suite: each unit's province code follows the parent links through imports, moves, loops and copies", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_unit_provinces_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_unit_provinces");
    storefx::importAnhSon(project, dir);
    checkProvinceCodes(project);

    std::vector<std::string> districts;
    for (const model::Unit& u : storefx::load(project, false).units)
        if (u.level == "district") districts.push_back(u.code);
    REQUIRE(districts.size() >= 3);
    const std::string moved = districts[1];
    {
        auto db = store::openProject(project, true);
        REQUIRE(db);
        store::Transaction tx(*db);
        store::ProjectWriter writer(*db);
        REQUIRE(writer.upsertUnit(unit("38", "province", "")));
        // A district moved to the other province takes its communes with it.
        model::Unit district;
        for (const model::Unit& u : storefx::load(project, false).units)
            if (u.code == moved) district = u;
        district.parentCode = "38";
        REQUIRE(writer.upsertUnit(district));
        // Children written before their parent (the foreign key is checked at the commit).
        REQUIRE(writer.upsertUnit(unit("39001", "commune", "399")));
        REQUIRE(writer.upsertUnit(unit("39002", "commune", "399")));
        REQUIRE(writer.upsertUnit(unit("399", "district", "38")));
        // A loop of two districts, then one of them put back under a province: the other follows.
        REQUIRE(writer.upsertUnit(unit("397", "district", "38")));
        REQUIRE(writer.upsertUnit(unit("398", "district", "397")));
        REQUIRE(writer.upsertUnit(unit("39801", "commune", "398")));
        REQUIRE(writer.upsertUnit(unit("397", "district", "398")));
        long long n = 0;
        for (const std::string code : {"38", "399", "39001", "39002", "39801", districts[0].c_str(), moved.c_str()}) addMoney(writer, code, ++n);
        REQUIRE(tx.commit());
    }
    {
        auto db = store::openProject(project, false);
        REQUIRE(db);
        const auto stored = storedProvinceCodes(*db);
        CHECK(stored.at(moved) == "38");
        CHECK(stored.at("39001") == "38");
        CHECK(stored.at("397").empty());  // in the loop
        CHECK(stored.at("39801").empty());  // under it
    }
    checkProvinceCodes(project);
    checkSummaries(project, {"40", "38", moved, districts[0], "399"});
    {
        auto db = store::openProject(project, true);
        REQUIRE(db);
        store::Transaction tx(*db);
        store::ProjectWriter writer(*db);
        REQUIRE(writer.upsertUnit(unit("397", "district", "40")));
        REQUIRE(tx.commit());
    }
    {
        auto db = store::openProject(project, false);
        REQUIRE(db);
        CHECK(storedProvinceCodes(*db).at("39801") == "40");
    }
    checkProvinceCodes(project);
    checkSummaries(project, {"40", "38", "397"});

    // Into the other store and back: the same data, each store with its province codes right.
    const store::Backend other = backend == store::Backend::Sqlite ? store::Backend::Postgres : store::Backend::Sqlite;
    const auto available = test::storeBackends();
    if (std::find(available.begin(), available.end(), other) == available.end()) return;
    const std::string there = test::freshProjectLocation(other, "suite_unit_provinces_there");
    const std::string back = test::freshProjectLocation(backend, "suite_unit_provinces_back");
    REQUIRE(store::copyProject(project, there));
    checkProvinceCodes(there);
    REQUIRE(store::copyProject(there, back));
    checkProvinceCodes(back);
    CHECK(storefx::dump(back) == storefx::dump(project));
    checkSummaries(back, {"40", "38"});
}

TEST_CASE("store suite: a project from schema 5 is read without province codes, and gets them when opened for writing", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_unit_provinces_migration_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_unit_provinces_migration");
    storefx::importAnhSon(project, dir);
    {
        auto db = store::openProject(project, true);
        REQUIRE(db);
        addSecondProvince(*db, "16000", {"38", "389", "16000", storefx::kThanhSon});
        // As schema 5 left it: no column, no index.
        REQUIRE(db->exec("DROP INDEX ntm_units_province"));
        REQUIRE(db->exec("ALTER TABLE ntm_units DROP COLUMN province_code"));
        REQUIRE(db->exec("UPDATE ntm_meta SET value = '5' WHERE key = 'schema_version'"));
    }
    {
        auto db = store::openProject(project, false);
        REQUIRE(db);
        CHECK(store::schemaVersion(*db) == 5);
        CHECK_FALSE(store::hasProvinceCodes(*db));
    }
    checkSummaries(project, {"40", "38", "389", storefx::kThanhSon});  // read by the parent links
    {
        auto db = store::openProject(project, true);
        REQUIRE(db);
        CHECK(store::schemaVersion(*db) == store::kSchemaVersion);
    }
    checkProvinceCodes(project);
    checkSummaries(project, {"40", "38", "389", storefx::kThanhSon});
}

TEST_CASE("store suite: plain SQL from another program that changes the parent links leaves every summary right", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_unit_provinces_raw_sql_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_unit_provinces_raw_sql");
    storefx::importAnhSon(project, dir);
    std::vector<std::string> districts;
    for (const model::Unit& u : storefx::load(project, false).units)
        if (u.level == "district") districts.push_back(u.code);
    REQUIRE(districts.size() >= 3);
    {
        auto db = store::openProject(project, true);
        REQUIRE(db);
        addSecondProvince(*db, "38901", {"38", "389", "38901", storefx::kThanhSon, districts[0]});
    }
    checkProvinceCodes(project);
    const std::vector<std::string> scopes = {"40", "38", "424", "389", storefx::kThanhSon};
    checkSummaries(project, scopes);

    // What QGIS or a server-side script would run: plain SQL on a connection of its own, no
    // NTM Atlas code in between. Anh Sơn (424, with Thành Sơn and its money) moves to province 38.
    const auto raw = [&](const std::string& sql) {
        auto db = store::Database::open(project, store::Database::Mode::ReadWrite);
        REQUIRE(db);
        INFO(sql);
        REQUIRE(db->exec(sql));
    };
    const auto current = [&] {
        auto db = store::openProject(project, false);
        REQUIRE(db);
        return store::provinceCodesCurrent(*db);
    };
    raw("UPDATE ntm_units SET parent_code = '38' WHERE code = '424'");
    CHECK_FALSE(current());
    {
        auto db = store::openProject(project, false);
        REQUIRE(db);
        CHECK(storedProvinceCodes(*db).at(storefx::kThanhSon) == "40");  // the stored code is stale indeed
    }
    checkSummaries(project, scopes);  // read by the parent links instead

    // The store's next write of a unit works every code out again and trusts them once more.
    {
        auto db = store::openProject(project, true);
        REQUIRE(db);
        store::Transaction tx(*db);
        store::ProjectWriter writer(*db);
        REQUIRE(writer.upsertUnit(unit("38902", "commune", "389")));
        REQUIRE(tx.commit());
    }
    checkProvinceCodes(project);
    {
        auto db = store::openProject(project, false);
        REQUIRE(db);
        CHECK(storedProvinceCodes(*db).at(storefx::kThanhSon) == "38");
    }
    checkSummaries(project, scopes);

    // A new commune written by SQL, a commune taken away by SQL: each marks the codes stale too.
    raw("INSERT INTO ntm_units (code, name, level, type, parent_code) VALUES ('38903', 'Xã Mới', 'commune', 'xa', '389')");
    CHECK_FALSE(current());
    checkSummaries(project, scopes);
    {
        auto db = store::openProject(project, true);
        REQUIRE(db);
        store::Transaction tx(*db);
        store::ProjectWriter writer(*db);
        REQUIRE(writer.upsertUnit(unit("38904", "commune", "389")));
        REQUIRE(tx.commit());
    }
    checkProvinceCodes(project);
    raw("DELETE FROM ntm_units WHERE code = '38904'");
    CHECK_FALSE(current());
    checkSummaries(project, scopes);

    // A copy of the stale project works the codes out for the copy and trusts them there.
    const std::string copy = test::freshProjectLocation(backend, "suite_unit_provinces_raw_sql_copy");
    REQUIRE(store::copyProject(project, copy));
    checkProvinceCodes(copy);
    checkSummaries(copy, scopes);
}
