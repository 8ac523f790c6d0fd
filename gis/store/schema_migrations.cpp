#include "gis/store/schema_migrations.hpp"

#include <cctype>
#include <vector>

namespace gis::store {
namespace {

/// Migrations in order; entry i brings the schema from version i to i + 1. Never edit a shipped
/// entry: add a new one, because old project files replay them.
const std::vector<const char*>& sqliteMigrations() {
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
        // 4 → 5: works and tasks found by their unit. A unit's summary reads those of its subtree;
        // without these PostgreSQL scanned the national project's 100,000 works for a province's
        // 5,000 (the other tables' unique keys already begin with the unit). IF NOT EXISTS: a
        // project made older by dropping newer tables (as tests do) still has them.
        R"sql(
CREATE INDEX IF NOT EXISTS ntm_infrastructure_unit ON ntm_infrastructure(unit_code);
CREATE INDEX IF NOT EXISTS ntm_tasks_unit ON ntm_tasks(unit_code);
)sql",
        // 5 → 6: each unit's province code (gis/store/unit_provinces.hpp), so a province's subtree
        // and its siblings' money are found by one index. The column itself is added by
        // migrateProject when missing (SQLite has no ADD COLUMN IF NOT EXISTS, and a project made
        // older by dropping newer tables still has it), then filled from the parent links.
        R"sql(
CREATE INDEX IF NOT EXISTS ntm_units_province ON ntm_units(province_code);
)sql",
    };
    return kMigrations;
}

/// `sql` with every whole-word `word` replaced (a word is letters, digits and '_').
std::string replaceWord(const std::string& sql, const std::string& word, const std::string& with) {
    auto isWordChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
    std::string out;
    std::size_t at = 0;
    while (true) {
        const std::size_t found = sql.find(word, at);
        if (found == std::string::npos) break;
        const bool startOk = found == 0 || !isWordChar(sql[found - 1]);
        const bool endOk = found + word.size() >= sql.size() || !isWordChar(sql[found + word.size()]);
        out.append(sql, at, found - at);
        out += startOk && endOk ? with : word;
        at = found + word.size();
    }
    out.append(sql, at, std::string::npos);
    return out;
}

/// SQLite's dialect as PostgreSQL's: SQLite's INTEGER is 64-bit and REAL is double, so they
/// become BIGINT and DOUBLE PRECISION (PostgreSQL's INTEGER and REAL are half as wide: money
/// in đồng needs 64 bits); AUTOINCREMENT keys become identity columns; geometry is PostGIS's
/// in WGS 84; "user" is a reserved word there.
std::string toPostgres(const std::string& sqlite) {
    std::string sql = replaceWord(sqlite, "INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    sql = replaceWord(sql, "INTEGER", "BIGINT");
    sql = replaceWord(sql, "REAL", "DOUBLE PRECISION");
    sql = replaceWord(sql, "GEOMETRY", "geometry(Geometry, 4326)");
    sql = replaceWord(sql, "user", "\"user\"");
    const std::string sqliteNow = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
    const std::string pgNow = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    for (std::size_t at = sql.find(sqliteNow); at != std::string::npos; at = sql.find(sqliteNow, at + pgNow.size()))
        sql.replace(at, sqliteNow.size(), pgNow);
    return sql;
}

}  // namespace

const std::vector<std::string>& projectTableNames() {
    static const std::vector<std::string> kTables = [] {
        std::vector<std::string> tables;
        const std::string keyword = "CREATE TABLE ";
        for (const char* step : sqliteMigrations()) {
            const std::string sql = step;
            for (std::size_t at = sql.find(keyword); at != std::string::npos; at = sql.find(keyword, at + 1)) {
                std::size_t end = at + keyword.size();
                while (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) != 0 || sql[end] == '_')) ++end;
                tables.push_back(sql.substr(at + keyword.size(), end - at - keyword.size()));
            }
        }
        return tables;
    }();
    return kTables;
}

int migrationCount() { return static_cast<int>(sqliteMigrations().size()); }

std::string migrationSql(int step, Backend backend) {
    const std::string sql = sqliteMigrations().at(static_cast<std::size_t>(step));
    return backend == Backend::Sqlite ? sql : toPostgres(sql);
}

std::string afterMigrationSql(int step, Backend backend) {
    if (step != 0) return {};
    if (backend == Backend::Sqlite)
        return R"sql(
-- The two geometry tables are GeoPackage feature tables in WGS 84, so GDAL/QGIS can open them.
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('ntm_units', 'features', 'ntm_units', 'NTM administrative units', 4326),
         ('ntm_infrastructure', 'features', 'ntm_infrastructure', 'NTM infrastructure', 4326);
INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
  VALUES ('ntm_units', 'geom', 'GEOMETRY', 4326, 0, 0),
         ('ntm_infrastructure', 'geom', 'GEOMETRY', 4326, 0, 0);
)sql";
    // PostGIS: spatial indexes, so GDAL/QGIS (and a province-wide query) find features by box.
    return "CREATE INDEX ntm_units_geom ON ntm_units USING GIST (geom);\n"
           "CREATE INDEX ntm_infrastructure_geom ON ntm_infrastructure USING GIST (geom);\n";
}

}  // namespace gis::store
