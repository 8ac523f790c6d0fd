#include <algorithm>
#include <vector>

#include "gis/store/criterion_work_types.hpp"
#include "gis/store/pg_project.hpp"
#include "gis/store/reference_seed.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/schema_migrations.hpp"
#include "gis/store/transaction.hpp"
#include "gis/store/unit_provinces.hpp"

namespace gis::store {
namespace {

Status setMeta(Database& db, const std::string& key, const std::string& value) {
    auto stmt = db.prepare("INSERT INTO ntm_meta (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt) return stmt.error();
    stmt->bind(1, key).bind(2, value);
    return stmt->run();
}

/// The column of schema 6, unless the project has it already (see that migration's comment).
Status addProvinceCodeColumn(Database& db) {
    const std::vector<std::string> columns = db.tableColumns("ntm_units");
    if (std::find(columns.begin(), columns.end(), "province_code") != columns.end()) return Ok{};
    return db.exec("ALTER TABLE ntm_units ADD COLUMN province_code TEXT");
}

}  // namespace

Status migrateProject(Database& db, int from) {
    static_assert(kSchemaVersion > 0);
    if (migrationCount() != kSchemaVersion) return makeError(ErrorCode::Sql, "build error: schema version and migrations disagree");
    Transaction tx(db);
    if (!tx.began()) {
        if (tx.beginBusy()) return projectBusyError(db.path(), db.busyTimeoutMs());
        return makeError(ErrorCode::Sql, db.path() + ": " + tx.beginError());
    }
    if (db.isPostgres()) {
        // Two windows opening an older project at once: the second waits here, then finds it done.
        if (auto locked = db.exec("SELECT pg_advisory_xact_lock(7460117)"); !locked) return locked;
        if (from > 0 && schemaVersion(db) >= kSchemaVersion) return Ok{};
    }
    for (int version = from; version < kSchemaVersion; ++version) {
        if (version == 5) {
            if (auto status = addProvinceCodeColumn(db); !status) return status;
        }
        std::string sql = migrationSql(version, db.backend()) + afterMigrationSql(version, db.backend());
        if (auto status = db.exec(sql); !status)
            return makeError(status.error().code, db.path() + ": migration to schema " + std::to_string(version + 1) +
                                                      " failed: " + status.error().message);
        if (version == 0) {
            if (auto status = seedReferenceData(db); !status) return status;
        }
        if (version == 2) {
            if (auto status = seedDefaultWorkTypes(db); !status) return status;
        }
        if (version == 5) {
            if (auto status = installProvinceCodeTriggers(db); !status) return status;
            if (auto status = refreshProvinceCodes(db); !status) return status;
            if (auto status = markProvinceCodesCurrent(db); !status) return status;
        }
    }
    if (auto status = setMeta(db, "schema_version", std::to_string(kSchemaVersion)); !status) return status;
    if (db.isPostgres()) {
        if (auto status = shareWithRoles(db); !status) return status;
    }
    return tx.commit();
}

}  // namespace gis::store
