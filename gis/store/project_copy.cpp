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
#include "gis/store/unit_provinces.hpp"

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

/// One cell read from the source, kept until its batch of rows is written.
struct CellValue {
    ValueKind kind = ValueKind::Null;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
    std::vector<std::uint8_t> blob;
};

CellValue readCell(const Statement& row, int column) {
    CellValue cell;
    cell.kind = row.kind(column);
    switch (cell.kind) {
        case ValueKind::Null: break;
        case ValueKind::Integer: cell.integer = row.int64(column); break;
        case ValueKind::Real: cell.real = row.real(column); break;
        case ValueKind::Text: cell.text = row.text(column); break;
        case ValueKind::Blob: cell.blob = row.blob(column); break;
    }
    return cell;
}

void bindCell(Statement& insert, int index, const CellValue& cell) {
    switch (cell.kind) {
        case ValueKind::Null: insert.bindNull(index); break;
        case ValueKind::Integer: insert.bind(index, cell.integer); break;
        case ValueKind::Real: insert.bind(index, cell.real); break;
        case ValueKind::Text: insert.bind(index, cell.text); break;
        case ValueKind::Blob: insert.bindBlob(index, cell.blob); break;
    }
}

/// "INSERT INTO table (columns) VALUES (?1, ?2), (?3, ?4), …" for `rows` rows.
std::string batchInsertSql(const std::string& table, const std::vector<std::string>& columns, std::size_t rows) {
    std::string sql = "INSERT INTO " + table + " (" + columnList(columns) + ") VALUES ";
    int parameter = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r > 0 ? ", (" : "(";
        for (std::size_t c = 0; c < columns.size(); ++c) sql += (c > 0 ? ", ?" : "?") + std::to_string(++parameter);
        sql += ")";
    }
    return sql;
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
    // The schema version and the province codes' state are each store's own (unit_provinces.hpp).
    if (table == "ntm_meta") select += std::string(" WHERE key NOT IN ('schema_version', '") + kProvinceCodesKey + "')";
    auto rows = source.prepare(select);
    if (!rows) return rows.error();
    // Rows go in batches of one multi-row INSERT each: on PostgreSQL every statement is a round
    // trip to the server, so row by row the national project (350,000 rows) took 97 s. A batch
    // stays below both stores' parameter limits (SQLite 32,766; PostgreSQL 65,535).
    const std::size_t batchRows = std::max<std::size_t>(1, std::min<std::size_t>(500, 30000 / columns.size()));
    auto fullBatch = destination.prepare(batchInsertSql(table, columns, batchRows));
    if (!fullBatch) return fullBatch.error();
    std::vector<std::vector<CellValue>> pending;
    pending.reserve(batchRows);
    auto writePending = [&]() -> Status {
        if (pending.empty()) return Ok{};
        Result<Statement> partial = makeError(ErrorCode::Sql, "unused");
        if (pending.size() != batchRows) {
            partial = destination.prepare(batchInsertSql(table, columns, pending.size()));
            if (!partial) return partial.error();
        }
        Statement& insert = pending.size() == batchRows ? *fullBatch : *partial;
        int parameter = 0;
        for (const auto& row : pending)
            for (const CellValue& cell : row) bindCell(insert, ++parameter, cell);
        pending.clear();
        return insert.run();
    };
    long long count = 0;
    while (rows->step()) {
        std::vector<CellValue> row;
        row.reserve(columns.size());
        for (int c = 0; c < static_cast<int>(columns.size()); ++c) row.push_back(readCell(*rows, c));
        pending.push_back(std::move(row));
        ++count;
        if (pending.size() == batchRows)
            if (auto status = writePending(); !status) return fail(destination, table, status.error().message);
    }
    if (rows->lastError().empty())
        if (auto status = writePending(); !status) return fail(destination, table, status.error().message);
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
        std::vector<std::string> columns = db.tableColumns(table);
        // Not the project's data but the store's index of it (unit_provinces.hpp): each store
        // works it out for itself, so two stores holding the same units agree whatever it says.
        if (table == "ntm_units") columns.erase(std::remove(columns.begin(), columns.end(), "province_code"), columns.end());
        auto rows = db.prepare("SELECT " + columnList(columns) + " FROM " + table);
        if (!rows) return rows.error();
        std::vector<std::string> lines;
        while (rows->step()) {
            std::string line;
            for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
                if (table == "ntm_meta" && c == 0 && (rows->text(0) == "schema_version" || rows->text(0) == kProvinceCodesKey)) break;
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
    (void)db->exec(sql + " DROP FUNCTION IF EXISTS ntm_notify_change() CASCADE; DROP FUNCTION IF EXISTS ntm_province_codes_stale() CASCADE; COMMIT");
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
        // The province codes came with the units. They are right when the source says its own
        // are current, asked after its units were read: a change to them by another program
        // before that marked them stale, one after it is not in this copy. Otherwise (a source
        // from before schema 6, or one edited by another program) they are worked out here, as
        // one statement over every unit: 1-2 s of the national copy, so only when needed.
        if (!provinceCodesCurrent(*source))
            if (auto status = refreshProvinceCodes(*destination); !status) return status.error();
        if (auto status = markProvinceCodesCurrent(*destination); !status) return status.error();
        if (auto status = tx.commit(); !status) return makeError(status.error().code, destination->path() + ": " + status.error().message);
    }
    // Fresh tables have no statistics until autovacuum gets to them: PostgreSQL then plans the
    // readers' scoped queries as if the tables were tiny (a province's summary took 3.9 s, 0.6 s
    // once analysed). A failure here costs speed, not data, so it is not an error.
    if (destination->isPostgres()) (void)destination->exec("ANALYZE");
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
