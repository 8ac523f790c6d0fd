#include "gis/store/project_copy.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <vector>

#include "gis/store/location.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/schema_migrations.hpp"
#include "gis/store/transaction.hpp"

namespace gis::store {
namespace {

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string columnList(const std::vector<std::string>& columns) {
    std::string list;
    for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + quoted(c);
    return list;
}

std::string valueText(const Statement& row, int column) {
    switch (row.kind(column)) {
        case ValueKind::Null: return "NULL";
        case ValueKind::Integer: return std::to_string(row.int64(column));
        case ValueKind::Real: {
            char buffer[40];
            std::snprintf(buffer, sizeof buffer, "%.17g", row.real(column));
            return buffer;
        }
        case ValueKind::Text: return "'" + row.text(column) + "'";
        case ValueKind::Blob: {
            static const char* kHex = "0123456789abcdef";
            std::string hex = "x";
            for (std::uint8_t b : row.blob(column)) {
                hex += kHex[b >> 4];
                hex += kHex[b & 15];
            }
            return hex;
        }
    }
    return "?";
}

void bindValue(Statement& insert, int index, const Statement& row, int column) {
    switch (row.kind(column)) {
        case ValueKind::Null: insert.bindNull(index); break;
        case ValueKind::Integer: insert.bind(index, row.int64(column)); break;
        case ValueKind::Real: insert.bind(index, row.real(column)); break;
        case ValueKind::Text: insert.bind(index, row.text(column)); break;
        case ValueKind::Blob: insert.bindBlob(index, row.blob(column)); break;
    }
}

/// The columns both projects have (a source from an older schema lacks some), in the source's order.
std::vector<std::string> sharedColumns(Database& source, Database& destination, const std::string& table) {
    const std::vector<std::string> theirs = destination.tableColumns(table);
    const std::set<std::string> wanted(theirs.begin(), theirs.end());
    std::vector<std::string> columns;
    for (const std::string& c : source.tableColumns(table))
        if (wanted.count(c) != 0) columns.push_back(c);
    return columns;
}

Error fail(const Database& db, const std::string& table, const std::string& message) {
    return makeError(ErrorCode::Sql, db.path() + ": copying " + table + ": " + message);
}

Result<long long> copyTable(Database& source, Database& destination, const std::string& table) {
    const std::vector<std::string> columns = sharedColumns(source, destination, table);
    if (columns.empty()) return 0LL;
    std::string select = "SELECT " + columnList(columns) + " FROM " + table;
    // The schema version is the destination's own (it was made by this build).
    if (table == "ntm_meta") select += " WHERE key <> 'schema_version'";
    auto rows = source.prepare(select);
    if (!rows) return rows.error();
    std::string placeholders;
    for (std::size_t i = 1; i <= columns.size(); ++i) placeholders += (i > 1 ? ", ?" : "?") + std::to_string(i);
    auto insert = destination.prepare("INSERT INTO " + table + " (" + columnList(columns) + ") VALUES (" + placeholders + ")");
    if (!insert) return insert.error();
    long long count = 0;
    while (rows->step()) {
        for (int c = 0; c < static_cast<int>(columns.size()); ++c) bindValue(*insert, c + 1, *rows, c);
        if (auto status = insert->run(); !status) return fail(destination, table, status.error().message);
        ++count;
    }
    if (!rows->lastError().empty()) return fail(source, table, rows->lastError());
    // Rows keep their ids; PostgreSQL's identity sequences must then start after them.
    if (destination.isPostgres()) {
        for (const char* key : {"id", "fid"}) {
            if (std::find(columns.begin(), columns.end(), key) == columns.end()) continue;
            const auto sequence = destination.queryText("SELECT pg_get_serial_sequence('" + table + "', '" + key + "')");
            if (!sequence || sequence->empty()) continue;  // a text key (criteria sets, programmes)
            const std::string sql = "SELECT setval('" + *sequence + "', coalesce(max(" + key + "), 0) + 1, false) FROM " + table;
            if (auto status = destination.exec(sql); !status) return fail(destination, table, status.error().message);
        }
    }
    return count;
}

}  // namespace

Result<std::string> dumpProject(Database& db) {
    std::string dump;
    for (const std::string& table : projectTableNames()) {
        if (!db.tableExists(table)) continue;
        const std::vector<std::string> columns = db.tableColumns(table);
        auto rows = db.prepare("SELECT " + columnList(columns) + " FROM " + table);
        if (!rows) return rows.error();
        std::vector<std::string> lines;
        while (rows->step()) {
            std::string line;
            for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
                if (table == "ntm_meta" && c == 0 && rows->text(0) == "schema_version") break;
                line += (c > 0 ? " | " : "") + valueText(*rows, c);
            }
            if (!line.empty()) lines.push_back(std::move(line));
        }
        if (!rows->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": reading " + table + ": " + rows->lastError());
        // Sorted here, not by ORDER BY: the two stores collate text differently.
        std::sort(lines.begin(), lines.end());
        dump += "## " + table + " (" + columnList(columns) + ")\n";
        for (const std::string& line : lines) dump += line + "\n";
    }
    return dump;
}

namespace {

/// Takes away the project a failed copy had created, so DEST is as it was and the copy can be retried.
void removeCreatedProject(const std::string& location) {
    if (!isPostgresLocation(location)) {
        std::error_code ec;
        std::filesystem::remove(location, ec);
        return;
    }
    auto db = Database::open(location, Database::Mode::ReadWrite);
    if (!db) return;
    std::string sql = "BEGIN;";
    for (const std::string& table : projectTableNames()) sql += " DROP TABLE IF EXISTS " + table + " CASCADE;";
    (void)db->exec(sql + " DROP FUNCTION IF EXISTS ntm_notify_change() CASCADE; COMMIT");
}

Result<CopyReport> copyInto(Database& source, const std::string& destinationLocation,
                            const std::function<void(const std::string&, long long)>& progress);

}  // namespace

Result<CopyReport> copyProject(const std::string& sourceLocation, const std::string& destinationLocation,
                               const std::function<void(const std::string&, long long)>& progress) {
    auto source = openProject(sourceLocation, false);
    if (!source) return source.error();
    if (auto created = createProject(destinationLocation); !created) return created.error();
    auto report = copyInto(*source, destinationLocation, progress);
    if (!report) removeCreatedProject(destinationLocation);
    return report;
}

namespace {

Result<CopyReport> copyInto(Database& sourceDb, const std::string& destinationLocation,
                            const std::function<void(const std::string&, long long)>& progress) {
    Database* source = &sourceDb;
    auto destination = openProject(destinationLocation, true);
    if (!destination) return destination.error();
    CopyReport report;
    {
        Transaction tx(*destination);
        if (!tx.began()) return makeError(ErrorCode::Sql, destination->path() + ": " + tx.beginError());
        // The new project's seeded reference rows give way to the source's own.
        const std::vector<std::string>& tables = projectTableNames();
        for (auto it = tables.rbegin(); it != tables.rend(); ++it)
            if (*it != "ntm_meta" && destination->tableExists(*it))
                if (auto status = destination->exec("DELETE FROM " + *it); !status) return fail(*destination, *it, status.error().message);
        for (const std::string& table : tables) {
            if (!source->tableExists(table) || !destination->tableExists(table)) continue;
            auto copied = copyTable(*source, *destination, table);
            if (!copied) return copied.error();
            ++report.tables;
            report.rows += *copied;
            if (progress) progress(table, *copied);
        }
        if (auto status = tx.commit(); !status) return makeError(status.error().code, destination->path() + ": " + status.error().message);
    }
    // A database just filled has no statistics until autovacuum gets to it (a minute or more):
    // until then the planner guesses, and a province's scoped read took 4.9 s instead of 0.8 s
    // on the national load (bench/pg_store_bench). The copy gathers them before anyone reads.
    if (destination->isPostgres())
        if (auto status = destination->exec("ANALYZE"); !status) return fail(*destination, "statistics", status.error().message);
    // Equal dumps, or the copy is reported as failed (the destination is then the caller's to remove).
    auto before = dumpProject(*source);
    if (!before) return before.error();
    auto after = dumpProject(*destination);
    if (!after) return after.error();
    if (schemaVersion(*source) == kSchemaVersion && *before != *after)
        return makeError(ErrorCode::Sql, destination->path() + ": the copy differs from " + source->path() +
                                             " after writing it; do not use it (please report this)");
    return report;
}

}  // namespace

}  // namespace gis::store
