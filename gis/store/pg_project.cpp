#include "gis/store/pg_project.hpp"

#include "gis/store/schema.hpp"
#include "gis/store/schema_migrations.hpp"

namespace gis::store {
namespace {

/// Every table of the project (the triggers and grants are applied to each).
const char* const kTablesQuery =
    "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'ntm\\_%' ORDER BY tablename";

/// One role, created when missing. Outside any transaction: roles belong to the whole server and
/// another database's init may create the same one at this moment; each statement then sees the
/// latest commits, so a CREATE that lost the race finds the role on its second look.
Status createRoleIfMissing(Database& db, const char* role) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto exists = db.prepare("SELECT 1 FROM pg_roles WHERE rolname = ?1");
        if (!exists) return exists.error();
        exists->bind(1, role);
        if (exists->step()) return Ok{};
        auto created = db.exec(std::string("CREATE ROLE ") + role + " NOLOGIN");
        if (created) return Ok{};
        if (attempt == 1)
            return makeError(ErrorCode::Sql, db.path() + ": cannot create the role " + role + " (" + created.error().message +
                                                 "); ask the database administrator to run: CREATE ROLE " + role + " NOLOGIN;");
    }
    return Ok{};
}

Status createRoles(Database& db) {
    for (const char* role : {kReaderRole, kEditorRole})
        if (auto status = createRoleIfMissing(db, role); !status) return status;
    return Ok{};
}

}  // namespace

Status shareWithRoles(Database& db) {
    std::string sql =
        "GRANT USAGE ON SCHEMA public TO ntm_reader, ntm_editor;\n"
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO ntm_reader;\n"
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ntm_editor;\n"
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ntm_editor;\n"
        // Statement-level: one notice per changed table and transaction, sent when it commits.
        "CREATE OR REPLACE FUNCTION ntm_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN PERFORM pg_notify('ntm_project_changed', TG_TABLE_NAME); RETURN NULL; END $$;\n";
    auto tables = db.prepare(kTablesQuery);
    if (!tables) return tables.error();
    while (tables->step()) {
        const std::string table = tables->text(0);
        sql += "DROP TRIGGER IF EXISTS ntm_notify ON " + table + ";\nCREATE TRIGGER ntm_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " +
               table + " FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();\n";
    }
    if (!tables->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": " + tables->lastError());
    if (auto status = db.exec(sql); !status) return makeError(status.error().code, db.path() + ": sharing the project with its roles: " + status.error().message);
    return Ok{};
}

bool mayWrite(Database& db) {
    const auto value = db.queryText("SELECT has_table_privilege(current_user, 'ntm_units', 'INSERT')");
    return value && *value == "t";
}

std::string databaseUser(Database& db) { return db.queryText("SELECT current_user").value_or("unknown"); }

Status createPostgresProject(const std::string& location) {
    auto db = Database::open(location, Database::Mode::Create);
    if (!db) return db.error();
    if (db->tableExists("ntm_meta"))
        return makeError(ErrorCode::Io, db->path() + ": this database already holds an NTM Atlas project; choose another database");
    if (auto status = db->exec("CREATE EXTENSION IF NOT EXISTS postgis"); !status)
        return makeError(ErrorCode::OpenFailed, db->path() + ": PostGIS is not available in this database (" + status.error().message +
                                                    "); ask its administrator to run: CREATE EXTENSION postgis;");
    if (auto status = createRoles(*db); !status) return status;
    return migrateProject(*db, 0);
}

Result<Database> openPostgresProject(const std::string& location, bool writable, int busyTimeoutMs) {
    auto db = Database::open(location, writable ? Database::Mode::ReadWrite : Database::Mode::ReadOnly, busyTimeoutMs);
    if (!db) return db.error();
    if (!db->tableExists("ntm_meta"))
        return makeError(ErrorCode::OpenFailed, db->path() + ": this database holds no NTM Atlas project (no ntm_meta table), or this user "
                                                             "may not see it; create one with 'ntm-atlas init " + db->path() + "'");
    const int version = schemaVersion(*db);
    if (version == 0) return makeError(ErrorCode::OpenFailed, db->path() + ": the project's ntm_meta table cannot be read by this user");
    if (version > kSchemaVersion)
        return makeError(ErrorCode::OpenFailed, db->path() + ": written by a newer NTM Atlas (schema " + std::to_string(version) +
                                                    ", this build reads up to " + std::to_string(kSchemaVersion) + ")");
    if (writable && !mayWrite(*db))
        return makeError(ErrorCode::ReadOnly, db->path() + ": user " + databaseUser(*db) + " may only read this project (role " +
                                                  kReaderRole + "); imports, edits and saved slides need the role " + kEditorRole);
    if (version < kSchemaVersion && writable) {
        if (auto status = createRoles(*db); !status) return status.error();
        if (auto status = migrateProject(*db, version); !status) return status.error();
    }
    return std::move(db).value();
}

}  // namespace gis::store
