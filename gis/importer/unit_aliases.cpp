#include "gis/importer/unit_aliases.hpp"

#include "gis/model/unit_naming.hpp"
#include "gis/store/history.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/transaction.hpp"

namespace gis::importer {

Status addUnitAlias(const std::string& projectPath, const std::string& alias, const std::string& unitCode) {
    const std::string key = model::unitFoldKey(alias);
    if (key.empty()) return makeError(ErrorCode::BadInput, projectPath + ": an empty alias cannot name unit " + unitCode);
    auto db = store::openProject(projectPath, true);  // migrates an older project, so the table is there
    if (!db) return db.error();
    store::Transaction tx(*db);
    if (!tx.began()) {
        if (tx.beginBusy()) return store::projectBusyError(db->path(), db->busyTimeoutMs());
        return makeError(ErrorCode::Sql, db->path() + ": cannot start writing: " + tx.beginError());
    }
    auto unit = db->prepare("SELECT name FROM ntm_units WHERE code = ?1");
    if (!unit) return unit.error();
    unit->bind(1, unitCode);
    if (!unit->step()) {
        if (unit->busy()) return store::projectBusyError(db->path(), db->busyTimeoutMs());
        return makeError(ErrorCode::NotFound, projectPath + ": no unit with code " + unitCode + " in the project, so '" + alias +
                                                  "' cannot be remembered as its name");
    }
    const std::string unitName = unit->text(0);
    unit = store::Statement();
    auto existing = db->prepare("SELECT alias FROM ntm_unit_aliases WHERE alias_key = ?1 AND unit_code = ?2");
    if (!existing) return existing.error();
    existing->bind(1, key).bind(2, unitCode);
    const bool known = existing->step();
    const std::string oldAlias = known ? existing->text(0) : std::string();
    existing = store::Statement();
    if (known && oldAlias == alias) return Ok{};  // already remembered exactly so: nothing to write
    auto put = db->prepare("INSERT INTO ntm_unit_aliases (alias_key, unit_code, alias) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT(alias_key, unit_code) DO UPDATE SET alias = excluded.alias");
    if (!put) return put.error();
    put->bind(1, key).bind(2, unitCode).bind(3, alias);
    if (auto status = put->run(); !status) return status;
    store::HistoryEntry entry;
    entry.action = "edit";
    entry.unitCode = unitCode;
    entry.subject = unitCode + " " + unitName;
    entry.field = "alias";
    entry.oldValue = oldAlias;
    entry.newValue = alias;
    entry.note = "tên gọi khác, dùng khi nhập số liệu (alias for imports)";
    if (auto status = store::appendHistory(*db, entry); !status) return status;
    return tx.commit();
}

Result<std::vector<UnitAlias>> loadUnitAliases(store::Database& db) {
    std::vector<UnitAlias> out;
    if (!db.tableExists("ntm_unit_aliases")) return out;
    auto stmt = db.prepare("SELECT alias_key, unit_code, alias FROM ntm_unit_aliases ORDER BY alias_key, unit_code");
    if (!stmt) return stmt.error();
    while (stmt->step()) out.push_back({stmt->text(0), stmt->text(1), stmt->text(2)});
    if (!stmt->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": reading the unit aliases stopped early: " + stmt->lastError());
    return out;
}

}  // namespace gis::importer
