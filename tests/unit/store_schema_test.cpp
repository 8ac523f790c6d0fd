// The project file: a real GeoPackage with our tables, schema version in ntm_meta, and clear
// messages for files that are not (or no longer) projects.
#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <thread>

#include "gis/store/integrity_memo.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/transaction.hpp"
#include "tests/support/test_paths.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;

TEST_CASE("store: a new project is a GeoPackage with our schema version in ntm_meta", "[store]") {
    const auto dir = test::scratchDir("store_new_project");
    const std::string path = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(path));

    auto db = store::openProject(path, false);
    REQUIRE(db);
    // GeoPackage owns application_id and user_version; ours lives in ntm_meta.
    CHECK(db->queryText("PRAGMA application_id") == std::to_string(0x47504B47));
    CHECK(std::stoi(*db->queryText("PRAGMA user_version")) >= 10200);
    CHECK(store::schemaVersion(*db) == store::kSchemaVersion);
    CHECK(db->queryText("PRAGMA foreign_keys") == "1");

    auto data = store::loadProjectData(*db, false);
    REQUIRE(data);
    REQUIRE(data->criteriaSets.count("ntm_xa_2021_2025") == 1);
    CHECK(data->criteriaSets.at("ntm_xa_2021_2025").size() == 19);
    CHECK(data->criteriaSets.at("ntm_xa_2016_2020").size() == 19);
    CHECK(data->criteriaSets.at("ntm_huyen_2021_2025").size() == 9);
    CHECK(data->criteriaSets.at("ntm_xa_2021_2025").criteria[9].name == "Thu nhập");
    CHECK(data->programmes.size() == 3);

    // GDAL sees the two feature tables in WGS 84.
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* units = ds->GetLayerByName("ntm_units");
    REQUIRE(units != nullptr);
    REQUIRE(units->GetSpatialRef() != nullptr);
    CHECK(std::string(units->GetSpatialRef()->GetAuthorityCode(nullptr)) == "4326");
    CHECK(ds->GetLayerByName("ntm_infrastructure") != nullptr);
}

TEST_CASE("store: init never overwrites an existing file", "[store]") {
    const auto dir = test::scratchDir("store_no_overwrite");
    const std::string path = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(path));
    const std::string before = fixtures::readBytes(path);
    auto again = store::createProject(path);
    REQUIRE_FALSE(again);
    CHECK_THAT(again.error().message, Catch::Contains("already exists"));
    CHECK(fixtures::readBytes(path) == before);
}

TEST_CASE("store: files that are not projects each get their own message", "[store]") {
    const auto dir = test::scratchDir("store_not_projects");
    SECTION("missing file") {
        auto db = store::openProject((dir / "nope.gpkg").string(), true);
        REQUIRE_FALSE(db);
        CHECK_THAT(db.error().message, Catch::Contains("no such project file"));
    }
    SECTION("empty file") {
        std::ofstream((dir / "empty.gpkg").string()).close();
        auto db = store::openProject((dir / "empty.gpkg").string(), true);
        REQUIRE_FALSE(db);
        CHECK_THAT(db.error().message, Catch::Contains("empty or wrong format"));
    }
    SECTION("a plain GeoPackage (the national commune layer)") {
        auto db = store::openProject(test::nationalCommunesGpkg().string(), false);
        REQUIRE_FALSE(db);
        CHECK_THAT(db.error().message, Catch::Contains("not an NTM Atlas project"));
    }
    SECTION("a truncated project") {
        const std::string path = fixtures::makeProject(dir, false);
        const std::string bytes = fixtures::readBytes(path);
        const std::string cut = (dir / "cut.gpkg").string();
        std::ofstream(cut, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
        auto db = store::openProject(cut, false);
        REQUIRE_FALSE(db);
        CHECK_THAT(db.error().message, Catch::Contains("damaged or truncated"));
    }
    SECTION("a project from a newer version") {
        const std::string path = (dir / "newer.gpkg").string();
        REQUIRE(store::createProject(path));
        {
            auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
            REQUIRE(db->exec("UPDATE ntm_meta SET value = '99' WHERE key = 'schema_version'"));
        }
        auto db = store::openProject(path, true);
        REQUIRE_FALSE(db);
        CHECK_THAT(db.error().message, Catch::Contains("newer"));
    }
}

TEST_CASE("store: a transaction that is not committed leaves nothing behind", "[store]") {
    const auto dir = test::scratchDir("store_rollback");
    const std::string path = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(path));
    const std::string before = fixtures::readBytes(path);
    {
        auto db = store::openProject(path, true);
        REQUIRE(db);
        store::Transaction tx(*db);
        REQUIRE(tx.began());
        REQUIRE(db->exec("INSERT INTO ntm_units (code, name, level, type) VALUES ('99999', 'Xã Thử', 'commune', 'xa')"));
        // no commit: the destructor rolls back
    }
    CHECK(fixtures::readBytes(path) == before);
    auto db = store::openProject(path, false);
    CHECK(db->queryText("SELECT count(*) FROM ntm_units") == "0");
}

namespace {

/// Another process's connection holding the project, as an import or another window would.
class ForeignLock {
public:
    ForeignLock(const std::string& path, const char* begin) {
        REQUIRE(sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_exec(m_db, begin, nullptr, nullptr, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_exec(m_db, "INSERT INTO ntm_meta (key, value) VALUES ('held', 'by another process')", nullptr, nullptr,
                             nullptr) == SQLITE_OK);
    }
    ForeignLock(const ForeignLock&) = delete;
    ForeignLock& operator=(const ForeignLock&) = delete;
    ~ForeignLock() { release(); }
    void release() {
        if (m_db == nullptr) return;
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(m_db);
        m_db = nullptr;
    }

private:
    sqlite3* m_db = nullptr;
};

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("store: a project locked by another connection is reported busy after a bounded wait, never damaged", "[store]") {
    const auto dir = test::scratchDir("store_busy");
    const std::string path = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(path));
    const std::string before = fixtures::readBytes(path);
    {
        ForeignLock lock(path, "BEGIN EXCLUSIVE");  // readers are shut out too
        const auto start = std::chrono::steady_clock::now();
        auto db = store::openProject(path, false, 400);
        const double waited = secondsSince(start);
        REQUIRE_FALSE(db);
        CHECK(db.error().code == ErrorCode::Busy);
        CHECK_THAT(db.error().message, Catch::Contains("p.gpkg") && Catch::Contains("busy") &&
                                           Catch::Contains("another NTM Atlas window or an import"));
        CHECK_THAT(db.error().message, !Catch::Contains("damaged or truncated"));
        CHECK(waited >= 0.35);  // it did wait for the lock…
        CHECK(waited < 3.0);    // …but only once, not once per connection
    }
    CHECK(fixtures::readBytes(path) == before);
    CHECK(store::openProject(path, false, 400));  // free again
}

TEST_CASE("store: a lock released during the wait is waited for, and the project opens", "[store]") {
    const auto dir = test::scratchDir("store_busy_released");
    const std::string path = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(path));
    auto lock = std::make_unique<ForeignLock>(path, "BEGIN EXCLUSIVE");
    std::thread releaser([&lock] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        lock->release();
    });
    auto db = store::openProject(path, false, 5000);
    releaser.join();
    INFO((db ? std::string() : db.error().message));
    CHECK(db);
}

TEST_CASE("store: an import while another connection writes says busy and changes nothing", "[store]") {
    const auto dir = test::scratchDir("store_busy_import");
    const std::string path = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(path));
    const std::string csv = fixtures::writeSheet(dir / "xa.csv", "CSV", "xa", {{"Mã xã"}, {"Tên xã"}}, {{"20164", "Xã Hương Phú"}});
    importer::ImportOptions options;
    options.level = "commune";
    {
        ForeignLock lock(path, "BEGIN IMMEDIATE");  // a writer: reads still work, writing must wait
        const std::string during = fixtures::readBytes(path);
        auto report = importer::importFile(path, "units", csv, options);
        REQUIRE_FALSE(report);
        CHECK(report.error().code == ErrorCode::Busy);
        CHECK_THAT(report.error().message, Catch::Contains("busy") && !Catch::Contains("damaged or truncated"));
        CHECK(fixtures::readBytes(path) == during);
    }
    auto report = importer::importFile(path, "units", csv, options);
    INFO((report ? std::string() : report.error().message));
    CHECK(report);
}

namespace {

/// Makes a project at `path` with 20,000 units, starts rewriting them all with a two-page cache
/// (SQLite then writes changed pages into the file before COMMIT, as a large import does; the
/// journal beside it is what would undo them), copies the file alone to `copy` — the careless
/// backup — and rolls the write back.
void copyDuringCutShortWrite(const std::string& path, const std::string& copy) {
    REQUIRE(store::createProject(path));
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw,
                         "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                         "INSERT INTO ntm_units (code, name, level, type) SELECT printf('%05d', i), 'Xã ' || i, 'commune', 'xa' FROM n; COMMIT;",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "PRAGMA cache_size = 2; BEGIN; UPDATE ntm_units SET code = 'N' || code, name = name || ' mới';", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    REQUIRE(std::filesystem::exists(path + "-journal"));
    std::filesystem::copy_file(path, copy);
    sqlite3_exec(raw, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
}

}  // namespace

TEST_CASE("store: a copy of a cut-short write taken without its journal is reported damaged, not read", "[store]") {
    // A backup that copies the file while an import is writing (or after a kill, without the
    // -journal beside it) holds half-written pages. Opening it must say so instead of reading it.
    const auto dir = test::scratchDir("store_copy_without_journal");
    const std::string path = (dir / "p.gpkg").string();
    const std::string copy = (dir / "copy.gpkg").string();
    copyDuringCutShortWrite(path, copy);

    auto damaged = store::openProject(copy, false);
    REQUIRE_FALSE(damaged);
    CHECK(damaged.error().code == ErrorCode::OpenFailed);
    CHECK_THAT(damaged.error().message, Catch::Contains("copy.gpkg") && Catch::Contains("damaged"));
    // The original, its write rolled back, is whole.
    auto db = store::openProject(path, false);
    REQUIRE(db);
    CHECK(db->queryText("SELECT count(*) FROM ntm_units WHERE code LIKE 'N%'") == "0");
}

TEST_CASE("store: a project found whole and then damaged in place, its modification time put back, is reported damaged", "[store]") {
    // The full integrity check runs once per file and process (integrity_memo.hpp): a later open of
    // the unchanged file skips it. Bytes written into the same file — here the careless backup's
    // half-written pages copied back over the original, its mtime and size restored as a restore
    // tool might — change its status-change time, so the next open checks in full again.
    const auto dir = test::scratchDir("store_damaged_in_place");
    const std::string path = (dir / "p.gpkg").string();
    const std::string cut = (dir / "cut.gpkg").string();
    copyDuringCutShortWrite(path, cut);
    std::this_thread::sleep_for(std::chrono::nanoseconds(2 * store::kSettledNs));  // only a settled file's verdict is kept

    for (int open = 0; open < 2; ++open) {  // checked in full, then remembered
        auto db = store::openProject(path, false);
        REQUIRE(db);
        CHECK(db->queryText("SELECT count(*) FROM ntm_units") == "20000");
    }
    const auto mtime = std::filesystem::last_write_time(path);
    const std::string whole = fixtures::readBytes(path);
    std::string damaged = fixtures::readBytes(cut);
    damaged.resize(whole.size());
    {
        std::fstream out(path, std::ios::binary | std::ios::in | std::ios::out);  // the same inode, written over
        out.write(damaged.data(), static_cast<std::streamsize>(damaged.size()));
    }
    std::filesystem::last_write_time(path, mtime);
    REQUIRE(fixtures::readBytes(path) != whole);
    auto again = store::openProject(path, false);
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::OpenFailed);
    CHECK_THAT(again.error().message, Catch::Contains("damaged"));
}

namespace {

/// Points the user's cache folder at `folder` for a test's lifetime.
class CacheHomeFor {
public:
    explicit CacheHomeFor(const std::filesystem::path& folder) {
        if (const char* saved = std::getenv("XDG_CACHE_HOME")) m_saved = saved;
        ::setenv("XDG_CACHE_HOME", folder.c_str(), 1);
    }
    ~CacheHomeFor() {
        if (m_saved) ::setenv("XDG_CACHE_HOME", m_saved->c_str(), 1);
        else ::unsetenv("XDG_CACHE_HOME");
    }

private:
    std::optional<std::string> m_saved;
};

}  // namespace

TEST_CASE("store: a settled project found whole is remembered in the user's cache for later processes", "[store]") {
    const auto dir = test::scratchDir("store_verdict_kept");
    const CacheHomeFor cache(dir / "cache");
    const std::string path = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(path));
    const std::string verdicts = store::integrityVerdictsPath();
    REQUIRE(verdicts == (dir / "cache" / "ntm-atlas" / "integrity-verdicts").string());

    // Just written: its times may be shared by a write in the same clock tick, so nothing is kept.
    REQUIRE(store::openProject(path, false));
    CHECK_FALSE(std::filesystem::exists(verdicts));

    std::this_thread::sleep_for(std::chrono::nanoseconds(2 * store::kSettledNs));
    REQUIRE(store::openProject(path, false));
    const std::string kept = fixtures::readBytes(verdicts);
    CHECK_THAT(kept, Catch::StartsWith("ntm-atlas integrity verdicts 1\n") &&
                         Catch::Contains("\t" + std::filesystem::absolute(path).lexically_normal().string() + "\n"));
    // Any write changes the stamp: the verdict kept no longer matches it.
    const auto before = store::stampOfSqliteFile(path);
    REQUIRE(before);
    CHECK(store::foundWholeWith(path, *before));
    {
        auto db = store::openProject(path, true);
        REQUIRE(db);
        REQUIRE(db->exec("CREATE TABLE written_after_the_check(x)"));
    }
    const auto after = store::stampOfSqliteFile(path);
    REQUIRE(after);
    CHECK_FALSE(after == *before);
    CHECK_FALSE(store::foundWholeWith(path, *after));

    // Off: nothing read or written between processes.
    ::setenv("NTM_INTEGRITY_MEMO", "off", 1);
    CHECK(store::integrityVerdictsPath().empty());
    ::unsetenv("NTM_INTEGRITY_MEMO");
}

TEST_CASE("store: a verdict in the user's cache is what a new process goes by, and only for the stamp it names", "[store]") {
    // The in-process memory has never seen this file: a verdict written by an earlier process
    // (here by hand, naming the damaged copy's own stamp) is what skips the full check. That it
    // skips it is shown by the damaged file opening; the same verdict with any other stamp
    // number does not skip it, and the damage is reported.
    const auto dir = test::scratchDir("store_verdict_used");
    const CacheHomeFor cache(dir / "cache");
    const std::string path = (dir / "p.gpkg").string();
    const std::string copy = (dir / "copy.gpkg").string();
    copyDuringCutShortWrite(path, copy);
    const auto stamp = store::stampOfSqliteFile(copy);
    REQUIRE(stamp);
    const std::string key = std::filesystem::absolute(copy).lexically_normal().string();
    auto writeVerdict = [&](unsigned long changeCounter) {
        std::filesystem::create_directories(dir / "cache" / "ntm-atlas");
        std::ofstream out(store::integrityVerdictsPath(), std::ios::trunc);
        out << "ntm-atlas integrity verdicts 1\n"
            << stamp->device << " " << stamp->inode << " " << stamp->size << " " << stamp->mtimeNs << " " << stamp->ctimeNs << " "
            << changeCounter << "\t" << key << "\n";
    };
    writeVerdict(stamp->changeCounter + 1);
    auto checked = store::openProject(copy, false);
    REQUIRE_FALSE(checked);
    CHECK_THAT(checked.error().message, Catch::Contains("damaged"));

    writeVerdict(stamp->changeCounter);
    CHECK(store::openProject(copy, false));
}
