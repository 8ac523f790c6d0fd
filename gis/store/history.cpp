#include "gis/store/history.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "gis/store/pg_project.hpp"

namespace gis::store {

std::string osUserName() {
    // The effective uid's entry first: $USER can be stale under sudo or a service manager.
    if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr && *pw->pw_name != '\0') return pw->pw_name;
    for (const char* variable : {"USER", "LOGNAME"})
        if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') return value;
    return "unknown";
}

Status appendHistory(Database& db, const HistoryEntry& e, const std::set<std::string>& touchedUnits) {
    auto insert = db.prepare("INSERT INTO ntm_history (\"user\", action, unit_code, subject, field, old_value, new_value, source_file, note) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert) return insert.error();
    // A shared database names its login (who connected); a file names the computer's user.
    const std::string user = !e.user.empty() ? e.user : db.isPostgres() ? databaseUser(db) : osUserName();
    insert->bind(1, user).bind(2, e.action).bindTextOrNull(3, e.unitCode).bind(4, e.subject);
    insert->bindTextOrNull(5, e.field).bindTextOrNull(6, e.oldValue).bindTextOrNull(7, e.newValue);
    insert->bindTextOrNull(8, e.sourceFile).bindTextOrNull(9, e.note);
    if (auto status = insert->run(); !status) return status;
    if (touchedUnits.empty()) return Ok{};
    const std::int64_t id = db.lastInsertRowId();
    auto link = db.prepare("INSERT INTO ntm_history_units (history_id, unit_code) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
    if (!link) return link.error();
    for (const std::string& code : touchedUnits) {
        link->bind(1, id).bind(2, code);
        if (auto status = link->run(); !status) return status;
    }
    return Ok{};
}

namespace {

/// A JSON array of the codes, for json_each(): one bound parameter however many units a scope has.
std::string jsonArrayOf(const std::set<std::string>& codes) {
    std::string json = "[";
    for (const std::string& code : codes) {
        if (json.size() > 1) json += ',';
        json += '"';
        for (char c : code) {
            if (c == '"' || c == '\\') json += '\\';
            json += c;
        }
        json += '"';
    }
    return json + "]";
}

}  // namespace

Result<std::vector<HistoryEntry>> loadHistory(Database& db, const std::set<std::string>& unitCodes) {
    std::vector<HistoryEntry> out;
    if (!db.tableExists("ntm_history")) return out;
    std::string sql = "SELECT id, at_utc, \"user\", action, coalesce(unit_code, ''), subject, coalesce(field, ''), coalesce(old_value, ''), "
                      "coalesce(new_value, ''), coalesce(source_file, ''), coalesce(note, '') FROM ntm_history";
    if (!unitCodes.empty()) {
        // The codes as one JSON parameter: SQLite's json_each, PostgreSQL's json_array_elements_text.
        const std::string codes = db.isPostgres() ? "SELECT json_array_elements_text(CAST(?1 AS json))" : "SELECT value FROM json_each(?1)";
        sql += " WHERE unit_code IN (" + codes + ") OR id IN (SELECT history_id FROM ntm_history_units WHERE unit_code IN (" + codes + "))";
    }
    sql += " ORDER BY id DESC";
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    if (!unitCodes.empty()) stmt->bind(1, jsonArrayOf(unitCodes));
    while (stmt->step())
        out.push_back({stmt->int64(0), stmt->text(1), stmt->text(2), stmt->text(3), stmt->text(4), stmt->text(5), stmt->text(6),
                       stmt->text(7), stmt->text(8), stmt->text(9), stmt->text(10)});
    if (!stmt->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": reading the history stopped early: " + stmt->lastError());
    return out;
}

}  // namespace gis::store
