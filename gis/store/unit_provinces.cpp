#include "gis/store/unit_provinces.hpp"

#include "gis/store/schema.hpp"

namespace gis::store {
namespace {

/// A unit `t` at the top of its chain: no parent, itself as parent, or a parent no unit has
/// (SQLite does not check the foreign key).
std::string isTop(const std::string& t) {
    return "(" + t + ".parent_code IS NULL OR " + t + ".parent_code = '' OR " + t + ".parent_code = " + t + ".code OR NOT EXISTS "
           "(SELECT 1 FROM ntm_units p WHERE p.code = " + t + ".parent_code))";
}

/// Every unit reached walking down from a top, with that top. Each unit has one parent, so it is
/// reached once, and a loop is never entered from a top (no unit of a loop is a top): UNION ALL
/// ends without comparing rows.
std::string fromTops() {
    return "WITH RECURSIVE down(code, top) AS (SELECT t.code, t.code FROM ntm_units t WHERE " + isTop("t") +
           " UNION ALL SELECT u.code, d.top FROM ntm_units u JOIN down d ON u.parent_code = d.code WHERE u.code <> d.code) ";
}

}  // namespace

bool hasProvinceCodes(Database& db) { return schemaVersion(db) >= 6; }

bool provinceCodesCurrent(Database& db) {
    return hasProvinceCodes(db) &&
           db.queryText(std::string("SELECT value FROM ntm_meta WHERE key = '") + kProvinceCodesKey + "'").value_or("") == "current";
}

Status markProvinceCodesCurrent(Database& db) {
    return db.exec(std::string("INSERT INTO ntm_meta (key, value) VALUES ('") + kProvinceCodesKey +
                   "', 'current') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
}

Status installProvinceCodeTriggers(Database& db) {
    const std::string stale = std::string("UPDATE ntm_meta SET value = 'stale' WHERE key = '") + kProvinceCodesKey + "' AND value <> 'stale';";
    std::string sql;
    if (db.isPostgres()) {
        // Once per statement: a COPY or a script's UPDATE of thousands of units marks them once.
        // UPDATE OF fires whenever the column is assigned, changed or not: stale more often than
        // needed, never less. A TRUNCATE takes every unit away.
        sql = "CREATE OR REPLACE FUNCTION ntm_province_codes_stale() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  " + stale +
              "\n  RETURN NULL;\nEND\n$$;\n"
              "DROP TRIGGER IF EXISTS ntm_province_codes ON ntm_units;\n"
              "CREATE TRIGGER ntm_province_codes AFTER INSERT OR DELETE OR UPDATE OF code, parent_code OR TRUNCATE ON ntm_units "
              "FOR EACH STATEMENT EXECUTE FUNCTION ntm_province_codes_stale();\n";
    } else {
        // SQLite has row triggers only; each is one indexed UPDATE of one row.
        for (const char* event : {"INSERT", "DELETE", "UPDATE OF code, parent_code"}) {
            std::string name = std::string("ntm_units_province_codes_") + (event[0] == 'I' ? "insert" : event[0] == 'D' ? "delete" : "update");
            sql += "DROP TRIGGER IF EXISTS " + name + ";\nCREATE TRIGGER " + name + " AFTER " + event + " ON ntm_units BEGIN " + stale + " END;\n";
        }
    }
    if (auto status = db.exec(sql); !status)
        return makeError(status.error().code, db.path() + ": creating the triggers that watch the units' parents: " + status.error().message);
    return Ok{};
}

Status refreshProvinceCodes(Database& db) {
    // UPDATE … FROM (SQLite 3.33 and PostgreSQL): one pass, where a correlated subquery per unit
    // would scan the walk's result for each of 112,000 units.
    const std::string set = fromTops() +
                            "UPDATE ntm_units SET province_code = down.top FROM down "
                            "WHERE down.code = ntm_units.code AND (ntm_units.province_code IS NULL OR ntm_units.province_code <> down.top)";
    if (auto status = db.exec(set); !status)
        return makeError(status.error().code, db.path() + ": setting the units' province codes: " + status.error().message);
    // The units no top reaches (in a loop, or under one) lose a code an earlier tree gave them.
    // NOT EXISTS, not NOT IN: PostgreSQL ran NOT IN over the walk's 112,000 rows as a scan of
    // them per unit (the national copy took 567 s instead of 11), NOT EXISTS as one hashed anti-join (0.75 s).
    const std::string clear = fromTops() +
                              "UPDATE ntm_units SET province_code = NULL WHERE province_code IS NOT NULL "
                              "AND NOT EXISTS (SELECT 1 FROM down WHERE down.code = ntm_units.code)";
    if (auto status = db.exec(clear); !status)
        return makeError(status.error().code, db.path() + ": clearing the province codes of units in a loop: " + status.error().message);
    return Ok{};
}

const char* provinceCodesBelowSql() {
    // up: the unit's chain (UNION ends it where a loop repeats a unit); top: its last unit, none
    // for a loop; down: the unit and everything under it (UNION again, for a loop below).
    static const std::string sql =
        "WITH RECURSIVE up(code, parent_code) AS (SELECT code, parent_code FROM ntm_units WHERE code = ?1 "
        "UNION SELECT u.code, u.parent_code FROM ntm_units u JOIN up ON u.code = up.parent_code WHERE up.parent_code <> up.code), "
        "top(code) AS (SELECT code FROM up WHERE " + isTop("up") + "), "
        "down(code) AS (SELECT code FROM ntm_units WHERE code = ?1 UNION SELECT u.code FROM ntm_units u JOIN down d ON u.parent_code = d.code) "
        "UPDATE ntm_units SET province_code = (SELECT code FROM top) WHERE code IN (SELECT code FROM down) "
        "AND coalesce(province_code, '') <> coalesce((SELECT code FROM top), '')";
    return sql.c_str();
}

const char* provinceCodeOfLeafSql() {
    static const std::string sql =
        "UPDATE ntm_units SET province_code = CASE WHEN " + isTop("ntm_units") +
        " THEN code ELSE (SELECT p.province_code FROM ntm_units p WHERE p.code = ntm_units.parent_code) END WHERE code = ?1";
    return sql.c_str();
}

}  // namespace gis::store
