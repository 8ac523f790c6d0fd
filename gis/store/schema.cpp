#include "gis/store/schema.hpp"

#include <gdal_priv.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "gis/store/criterion_work_types.hpp"
#include "gis/store/reference_seed.hpp"
#include "gis/store/transaction.hpp"

namespace gis::store {
namespace {

/// Migrations in order; entry i brings the schema from version i to i + 1. Never edit a shipped
/// entry: add a new one, because old project files replay them.
const std::vector<const char*>& migrations() {
    static const std::vector<const char*> kMigrations = {
        // 0 → 1: the NTM data model.
        R"sql(
CREATE TABLE ntm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE ntm_units (
  fid INTEGER PRIMARY KEY AUTOINCREMENT,
  geom GEOMETRY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'village')),
  type TEXT NOT NULL,
  parent_code TEXT REFERENCES ntm_units(code) DEFERRABLE INITIALLY DEFERRED,
  population REAL,
  area_km2 REAL,
  source TEXT);
CREATE INDEX ntm_units_parent ON ntm_units(parent_code);

CREATE TABLE ntm_criteria_sets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  tier TEXT,
  level TEXT,
  period TEXT,
  criteria_count INTEGER,
  origin TEXT NOT NULL DEFAULT 'builtin');

CREATE TABLE ntm_criteria (
  set_id TEXT NOT NULL REFERENCES ntm_criteria_sets(id),
  number INTEGER NOT NULL CHECK (number > 0),
  name TEXT NOT NULL,
  PRIMARY KEY (set_id, number));

CREATE TABLE ntm_assessments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_code TEXT NOT NULL REFERENCES ntm_units(code),
  set_id TEXT NOT NULL REFERENCES ntm_criteria_sets(id),
  as_of TEXT NOT NULL,
  criteria_met INTEGER NOT NULL CHECK (criteria_met >= 0),
  criteria_total INTEGER NOT NULL CHECK (criteria_total > 0 AND criteria_met <= criteria_total),
  detailed INTEGER NOT NULL,
  note TEXT,
  source TEXT,
  UNIQUE (unit_code, set_id, as_of));

CREATE TABLE ntm_criterion_results (
  assessment_id INTEGER NOT NULL REFERENCES ntm_assessments(id) ON DELETE CASCADE,
  set_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('met', 'not_met', 'in_progress')),
  note TEXT,
  PRIMARY KEY (assessment_id, number),
  FOREIGN KEY (set_id, number) REFERENCES ntm_criteria(set_id, number));

CREATE TABLE ntm_programmes (
  id TEXT PRIMARY KEY,
  short_name TEXT,
  name_vi TEXT NOT NULL,
  name_en TEXT);

CREATE TABLE ntm_capital_plans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_code TEXT NOT NULL REFERENCES ntm_units(code),
  programme_id TEXT NOT NULL REFERENCES ntm_programmes(id),
  year INTEGER NOT NULL,
  capital_type TEXT NOT NULL DEFAULT '',
  plan_vnd INTEGER NOT NULL CHECK (plan_vnd >= 0),
  source TEXT,
  UNIQUE (unit_code, programme_id, year, capital_type));

CREATE TABLE ntm_disbursements (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_code TEXT NOT NULL REFERENCES ntm_units(code),
  programme_id TEXT NOT NULL REFERENCES ntm_programmes(id),
  year INTEGER NOT NULL,
  capital_type TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL,
  amount_vnd INTEGER NOT NULL CHECK (amount_vnd >= 0),
  cumulative INTEGER NOT NULL DEFAULT 0,
  source TEXT,
  UNIQUE (unit_code, programme_id, year, capital_type, date, cumulative));

CREATE TABLE ntm_infrastructure (
  fid INTEGER PRIMARY KEY AUTOINCREMENT,
  geom GEOMETRY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'under_construction', 'completed')),
  budget_vnd INTEGER CHECK (budget_vnd IS NULL OR budget_vnd >= 0),
  start_date TEXT,
  deadline TEXT,
  department TEXT,
  unit_code TEXT REFERENCES ntm_units(code),
  source TEXT);
CREATE UNIQUE INDEX ntm_infrastructure_key ON ntm_infrastructure(type, name, COALESCE(unit_code, ''));

CREATE TABLE ntm_tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  text TEXT NOT NULL,
  responsible TEXT,
  unit_code TEXT REFERENCES ntm_units(code),
  deadline TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  done_date TEXT,
  source_document TEXT);
CREATE UNIQUE INDEX ntm_tasks_key ON ntm_tasks(text, COALESCE(unit_code, ''), COALESCE(source_document, ''));

CREATE TABLE ntm_indicators (
  unit_code TEXT NOT NULL REFERENCES ntm_units(code),
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (unit_code, name, year));

CREATE TABLE ntm_imports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  file TEXT NOT NULL,
  sheet TEXT,
  rows_imported INTEGER NOT NULL,
  rows_skipped INTEGER NOT NULL,
  imported_utc TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));

-- The two geometry tables are GeoPackage feature tables in WGS 84, so GDAL/QGIS can open them.
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('ntm_units', 'features', 'ntm_units', 'NTM administrative units', 4326),
         ('ntm_infrastructure', 'features', 'ntm_infrastructure', 'NTM infrastructure', 4326);
INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
  VALUES ('ntm_units', 'geom', 'GEOMETRY', 4326, 0, 0),
         ('ntm_infrastructure', 'geom', 'GEOMETRY', 4326, 0, 0);
)sql",
        // 1 → 2: the dashboard's disbursement milestones (per plan year) and saved slides.
        R"sql(
CREATE TABLE ntm_disbursement_milestones (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  programme_id TEXT REFERENCES ntm_programmes(id),
  year INTEGER NOT NULL,
  date TEXT NOT NULL,
  target_pct REAL NOT NULL CHECK (target_pct >= 0 AND target_pct <= 100),
  UNIQUE (programme_id, year, date));

CREATE TABLE ntm_bookmarks (
  name TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  state TEXT NOT NULL,
  saved_utc TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
)sql",
        // 2 → 3: the planner tools. Which work types can fix which criterion (seeded with the
        // national default after this step), and the history of every edit and import.
        R"sql(
CREATE TABLE ntm_criterion_work_types (
  set_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  work_type TEXT NOT NULL,
  PRIMARY KEY (set_id, number, work_type),
  FOREIGN KEY (set_id, number) REFERENCES ntm_criteria(set_id, number) ON DELETE CASCADE);

CREATE TABLE ntm_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at_utc TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  user TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('edit', 'undo', 'redo', 'import')),
  unit_code TEXT,
  subject TEXT NOT NULL,
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  source_file TEXT,
  note TEXT);
CREATE INDEX ntm_history_unit ON ntm_history(unit_code);

-- The units an import touched, so a unit's history lists the imports that changed it.
CREATE TABLE ntm_history_units (
  history_id INTEGER NOT NULL REFERENCES ntm_history(id) ON DELETE CASCADE,
  unit_code TEXT NOT NULL,
  PRIMARY KEY (history_id, unit_code));
CREATE INDEX ntm_history_units_unit ON ntm_history_units(unit_code);
)sql",
        // 3 → 4: other names of units, as sheets write them ("Thọ Sơm" for Xã Thọ Sơn), remembered
        // when a user picks the unit for an unmatched name; the importers match them like the unit's own
        // name. `alias_key` is the name folded as the matcher folds it (no prefix, no diacritics).
        R"sql(
CREATE TABLE ntm_unit_aliases (
  alias_key TEXT NOT NULL,
  unit_code TEXT NOT NULL REFERENCES ntm_units(code) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  added_utc TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (alias_key, unit_code));
CREATE INDEX ntm_unit_aliases_unit ON ntm_unit_aliases(unit_code);
)sql",
    };
    return kMigrations;
}

Status setMeta(Database& db, const std::string& key, const std::string& value) {
    auto stmt = db.prepare("INSERT INTO ntm_meta (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt) return stmt.error();
    stmt->bind(1, key).bind(2, value);
    return stmt->run();
}

/// Applies every migration after `from` in ONE transaction, so an interrupted migration leaves
/// the old schema intact.
Status migrate(Database& db, int from) {
    Transaction tx(db);
    if (!tx.began()) {
        if (tx.beginBusy()) return projectBusyError(db.path(), db.busyTimeoutMs());
        return makeError(ErrorCode::Sql, db.path() + ": " + tx.beginError());
    }
    const auto& steps = migrations();
    for (int version = from; version < static_cast<int>(steps.size()); ++version) {
        if (auto status = db.exec(steps[static_cast<std::size_t>(version)]); !status)
            return makeError(ErrorCode::Sql, db.path() + ": migration to schema " + std::to_string(version + 1) +
                                                 " failed: " + status.error().message);
        if (version == 0) {
            if (auto status = seedReferenceData(db); !status) return status;
        }
        if (version == 2) {
            if (auto status = seedDefaultWorkTypes(db); !status) return status;
        }
    }
    if (auto status = setMeta(db, "schema_version", std::to_string(kSchemaVersion)); !status) return status;
    return tx.commit();
}

/// An empty GeoPackage made by GDAL, so the gpkg_* tables, application_id and user_version are
/// exactly what the spec (and GDAL) expect.
Status createEmptyGeoPackage(const std::string& path) {
    GDALAllRegister();
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

Status createProject(const std::string& path) {
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
    {
        // GDAL reports a failed COMMIT on stderr and still returns a dataset: collect its errors instead.
        CPLPushErrorHandler(CPLQuietErrorHandler);
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
        if (auto status = migrate(*db, 0); !status) {
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
    auto db = Database::open(path, writable ? Database::Mode::ReadWrite : Database::Mode::ReadOnly, busyTimeoutMs);
    if (!db) return db.error().code == ErrorCode::Busy ? projectBusyError(path, busyTimeoutMs) : db.error();
    // A truncated file passes the header test but fails here or in the integrity check. A file
    // locked by another process fails here too, after the busy timeout: that is not damage.
    auto check = db->prepare("PRAGMA quick_check");
    if (!check) {
        if (check.error().code == ErrorCode::Busy) return projectBusyError(path, busyTimeoutMs);
        return makeError(ErrorCode::OpenFailed, path + ": the project file is damaged or truncated (SQLite: " + check.error().message + ")");
    }
    const bool stepped = check->step();
    if (!stepped && check->busy()) return projectBusyError(path, busyTimeoutMs);
    const std::string quick = stepped ? check->text(0) : std::string();
    if (quick != "ok")
        return makeError(ErrorCode::OpenFailed,
                         path + ": the project file is damaged or truncated (SQLite quick_check: " +
                             (stepped ? quick : "cannot read: " + check->lastError()) + ")");
    check = Statement();
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
        if (auto status = migrate(*db, version); !status) return status.error();
    }
    return std::move(db).value();
}

}  // namespace gis::store
