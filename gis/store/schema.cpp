#include "gis/store/schema.hpp"

#include <gdal_priv.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "gis/core/temp_file_guard.hpp"
#include "gis/data/gdal_error_capture.hpp"
#include "gis/store/integrity_memo.hpp"
#include "gis/store/location.hpp"
#include "gis/store/pg_project.hpp"
#include "gis/store/schema_migrations.hpp"

namespace gis::store {

namespace {

/// GDAL's CPLQuietErrorHandler, ours: its address would be needed when the program starts, and
/// GDAL is loaded only when first used (gdal_library.hpp). The error is still GDAL's last one.
void CPL_STDCALL ignoreGdalMessage(CPLErr, CPLErrorNum, const char*) {}


/// An empty GeoPackage made by GDAL, so the gpkg_* tables, application_id and user_version are
/// exactly what the spec (and GDAL) expect.
Status createEmptyGeoPackage(const std::string& path) {
    data::ensureGdalRegistered();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) return makeError(ErrorCode::UnsupportedFormat, "GDAL has no GPKG driver");
    GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (ds == nullptr) return makeError(ErrorCode::Io, path + ": cannot create a GeoPackage: " + CPLGetLastErrorMsg());
    GDALClose(ds);
    return Ok{};
}

}  // namespace

int schemaVersion(Database& db) {
    if (!db.tableExists("ntm_meta")) return 0;
    const auto value = db.queryText("SELECT value FROM ntm_meta WHERE key = 'schema_version'");
    return value ? std::atoi(value->c_str()) : 0;
}

bool mayWriteProject(const std::string& location) {
    if (isPostgresLocation(location)) {
        auto db = Database::open(location, Database::Mode::ReadOnly);
        return db && mayWrite(*db);
    }
    const std::filesystem::path file(location);
    const std::string folder = file.has_parent_path() ? file.parent_path().string() : std::string(".");
    return ::access(location.c_str(), W_OK) == 0 && ::access(folder.c_str(), W_OK) == 0;
}

Status createProject(const std::string& path) {
    if (isPostgresLocation(path)) return createPostgresProject(path);
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(path, ec)) return makeError(ErrorCode::Io, path + ": already exists; choose a new project file name");
    const std::string temp = path + ".creating.gpkg";  // GDAL insists on the .gpkg extension
    // Nothing of a failed (or earlier killed) creation stays behind: the file and SQLite's companions.
    auto removeTemp = [&temp] {
        std::error_code ignored;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(temp + suffix, ignored);
    };
    // A full disk (or a file-size limit) shows up as SQLite's "disk I/O error" / "database or disk
    // is full" from wherever the write failed; say it in words a user acts on.
    auto failed = [&](std::string detail) -> Status {
        removeTemp();
        // GDAL's messages quote the whole SQL script: keep SQLite's own words after it.
        if (const auto at = detail.rfind(") failed: "); at != std::string::npos) detail = detail.substr(at + 10);
        const bool diskFull = detail.find("disk I/O error") != std::string::npos || detail.find("disk is full") != std::string::npos ||
                              detail.find("No space") != std::string::npos || detail.find("too large") != std::string::npos;
        return makeError(ErrorCode::Io, path + (diskFull ? ": cannot write the new project: the disk is full (or the file cannot grow). "
                                                         : ": cannot create the project: ") +
                                             "Nothing was created. (" + detail + ")");
    };
    removeTemp();
    // A SIGTERM or Ctrl+C while the project is made removes the half-made file (a SIGKILL's is
    // removed by the next init of the same name, above).
    TempFileGuard::blockSignals();
    TempFileGuard guard({temp, temp + "-journal", temp + "-wal", temp + "-shm"});
    TempFileGuard::unblockSignals();
    {
        // GDAL reports a failed COMMIT on stderr and still returns a dataset: collect its errors instead.
        data::ensureGdalRegistered();  // GDAL is loaded on first use (gdal_library.hpp)
        CPLPushErrorHandler(ignoreGdalMessage);
        CPLErrorReset();
        Status created = createEmptyGeoPackage(temp);
        const std::string gdalError = CPLGetLastErrorType() >= CE_Failure ? std::string(CPLGetLastErrorMsg()) : std::string();
        CPLPopErrorHandler();
        if (!created) return failed(created.error().message);
        if (!gdalError.empty()) return failed(gdalError);
    }
    {
        auto db = Database::open(temp, Database::Mode::ReadWrite);
        if (!db) return failed(db.error().message);
        if (auto status = migrateProject(*db, 0); !status) {
            const std::string message = status.error().message;
            db = makeError(ErrorCode::Io, "closed");  // close before removing the file
            return failed(message);
        }
        if (auto status = db->exec("PRAGMA journal_mode = DELETE"); !status) {
            const std::string message = status.error().message;
            db = makeError(ErrorCode::Io, "closed");
            return failed(message);
        }
        // Only a whole project is moved into place.
        const auto integrity = db->queryText("PRAGMA integrity_check");
        if (integrity.value_or("") != "ok") {
            db = makeError(ErrorCode::Io, "closed");
            return failed("the new file fails its integrity check: " + integrity.value_or("no answer"));
        }
    }
    fs::rename(temp, path, ec);
    if (ec) {
        const std::string message = ec.message();
        removeTemp();
        return makeError(ErrorCode::Io, path + ": cannot move the new project into place: " + message + ". Nothing was created.");
    }
    return Ok{};
}

Result<Database> openProject(const std::string& path, bool writable, int busyTimeoutMs) {
    if (isPostgresLocation(path)) return openPostgresProject(path, writable, busyTimeoutMs);
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec)) return makeError(ErrorCode::NotFound, path + ": no such project file");
    {
        // SQLite would happily "open" any file; check the header first so the message is useful.
        std::ifstream in(path, std::ios::binary);
        char header[16] = {};
        in.read(header, sizeof header);
        if (in.gcount() < 16 || std::string(header, 15) != "SQLite format 3")
            return makeError(ErrorCode::OpenFailed, path + ": not a GeoPackage/SQLite file (empty or wrong format)");
    }
    if (!writable && fs::exists(path + "-journal", ec)) {
        // A hot journal means a writer died mid-transaction (crash, kill -9). A read-only connection
        // cannot roll it back, so let a short read-write one do it first: the project is then
        // exactly as it was before that transaction.
        // A journal is also there while another process is writing: then this waits for it
        // (busy timeout) and reports the project busy rather than waiting a second time below.
        auto recover = Database::open(path, Database::Mode::ReadWrite, busyTimeoutMs);
        if (recover) {
            auto probe = recover->prepare("SELECT count(*) FROM sqlite_master");
            if (probe && !probe->step() && probe->busy()) return projectBusyError(path, busyTimeoutMs);
        } else if (recover.error().code == ErrorCode::Busy) {
            return projectBusyError(path, busyTimeoutMs);
        }
    }
    // Taken before the connection reads anything: a write after it changes the file's stamp, so
    // the check's result is never remembered for content it did not see.
    const std::optional<FileStamp> stamp = stampOfSqliteFile(path);
    auto db = Database::open(path, writable ? Database::Mode::ReadWrite : Database::Mode::ReadOnly, busyTimeoutMs);
    if (!db) return db.error().code == ErrorCode::Busy ? projectBusyError(path, busyTimeoutMs) : db.error();
    // A truncated file passes the header test but fails here or in the integrity check. A file
    // locked by another process fails here too, after the busy timeout: that is not damage.
    // integrity_check rather than quick_check: a copy of a cut-short write taken without its journal
    // has index entries missing, which only the full check sees (28 ms against 19 ms on the national
    // project). The first problem is enough to say the file is damaged.
    // A file this process or an earlier one already found whole, unchanged since (same inode, size,
    // times and change counter, before and after this open's first read: integrity_memo.hpp says
    // why that is safe),
    // is only read once, to see a lock held elsewhere as the check would.
    auto runCheck = [&](const char* sql, const char* what) -> Status {
        auto check = db->prepare(sql);
        if (!check) {
            if (check.error().code == ErrorCode::Busy) return projectBusyError(path, busyTimeoutMs);
            return makeError(ErrorCode::OpenFailed, path + ": the project file is damaged or truncated (SQLite: " + check.error().message + ")");
        }
        const bool stepped = check->step();
        if (!stepped && check->busy()) return projectBusyError(path, busyTimeoutMs);
        const std::string answer = stepped ? check->text(0) : std::string();
        if (answer != "ok")
            return makeError(ErrorCode::OpenFailed, path + ": the project file is damaged or truncated (SQLite " + what + ": " +
                                                        (stepped ? answer : "cannot read: " + check->lastError()) + ")");
        return Ok{};
    };
    bool checked = false;
    if (stamp && foundWholeWith(path, *stamp)) {
        if (auto read = runCheck("SELECT CASE WHEN count(*) >= 0 THEN 'ok' END FROM sqlite_master", "read"); !read) return read.error();
        checked = stampOfSqliteFile(path) == stamp;
    }
    if (!checked) {
        if (auto whole = runCheck("PRAGMA integrity_check(1)", "integrity_check"); !whole) return whole.error();
        if (stamp && stampOfSqliteFile(path) == stamp) rememberFoundWhole(path, *stamp);
    }
    if (!db->tableExists("gpkg_contents"))
        return makeError(ErrorCode::OpenFailed, path + ": not a GeoPackage (no gpkg_contents table)");
    const int version = schemaVersion(*db);
    if (version == 0)
        return makeError(ErrorCode::OpenFailed,
                         path + ": a GeoPackage but not an NTM Atlas project (no ntm_meta); create one with 'ntm-atlas init'");
    if (version > kSchemaVersion)
        return makeError(ErrorCode::OpenFailed, path + ": written by a newer NTM Atlas (schema " + std::to_string(version) +
                                                    ", this build reads up to " + std::to_string(kSchemaVersion) + ")");
    // Read-only, an older project is read as it is (readers treat tables it lacks as empty), so
    // a leader's screen never has to write to a file it only shows.
    if (version < kSchemaVersion && writable) {
        if (auto status = migrateProject(*db, version); !status) return status.error();
    }
    return std::move(db).value();
}

}  // namespace gis::store
