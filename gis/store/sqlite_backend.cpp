/// The GeoPackage (SQLite) backend: one sqlite3 connection and its prepared statements.
#include <sqlite3.h>

#include <mutex>
#include <utility>

#include "gis/store/backend.hpp"

namespace gis::store::detail {
namespace {

/// SQLITE_BUSY: another connection holds the lock; SQLITE_LOCKED: a conflict within this process.
bool isBusyCode(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

/// SQLITE_FULL: no space left (ENOSPC); SQLITE_IOERR_WRITE / _TRUNCATE: the write itself failed,
/// which is how a quota or a file-size limit (EFBIG) shows. Both mean "no room", not damage.
bool isDiskFullCode(int extended) {
    return (extended & 0xff) == SQLITE_FULL || extended == SQLITE_IOERR_WRITE || extended == SQLITE_IOERR_TRUNCATE;
}

ErrorCode errorCodeFor(sqlite3* db, int rc) {
    if (isBusyCode(rc)) return ErrorCode::Busy;
    if (isDiskFullCode(sqlite3_extended_errcode(db))) return ErrorCode::DiskFull;
    return ErrorCode::Sql;
}

class SqliteStatement final : public StatementBackend {
public:
    SqliteStatement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    ~SqliteStatement() override { sqlite3_finalize(m_stmt); }

    void bindInt64(int index, std::int64_t value) override { sqlite3_bind_int64(m_stmt, index, value); }
    void bindDouble(int index, double value) override { sqlite3_bind_double(m_stmt, index, value); }
    void bindText(int index, std::string_view text) override {
        sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    void bindNull(int index) override { sqlite3_bind_null(m_stmt, index); }
    void bindBlob(int index, const std::vector<std::uint8_t>& blob) override {
        sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    }

    StepResult step() override {
        const int rc = sqlite3_step(m_stmt);
        busy = isBusyCode(rc);
        conflict = false;
        diskFull = false;
        if (rc == SQLITE_ROW) return StepResult::Row;
        if (rc == SQLITE_DONE) return StepResult::Done;
        diskFull = isDiskFullCode(sqlite3_extended_errcode(m_db));
        error = sqlite3_errmsg(m_db);
        return StepResult::Error;
    }
    void reset() override {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    bool isNull(int column) const override { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    std::int64_t int64(int column) const override { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const override { return sqlite3_column_double(m_stmt, column); }
    std::string text(int column) const override {
        const auto* p = sqlite3_column_text(m_stmt, column);
        if (p == nullptr) return {};
        return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
    }
    std::vector<std::uint8_t> blob(int column) const override {
        const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
        if (p == nullptr) return {};
        return std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(m_stmt, column));
    }
    int columnCount() const override { return sqlite3_column_count(m_stmt); }
    std::string columnName(int column) const override {
        const char* name = sqlite3_column_name(m_stmt, column);
        return name != nullptr ? name : "";
    }
    ValueKind kind(int column) const override {
        switch (sqlite3_column_type(m_stmt, column)) {
            case SQLITE_INTEGER: return ValueKind::Integer;
            case SQLITE_FLOAT: return ValueKind::Real;
            case SQLITE_TEXT: return ValueKind::Text;
            case SQLITE_BLOB: return ValueKind::Blob;
            default: return ValueKind::Null;
        }
    }

private:
    sqlite3_stmt* m_stmt;
    sqlite3* m_db;
};

class SqliteConnection final : public ConnectionBackend {
public:
    explicit SqliteConnection(sqlite3* db) : m_db(db) {}
    ~SqliteConnection() override { sqlite3_close_v2(m_db); }

    Backend backend() const override { return Backend::Sqlite; }
    bool inTransaction() const override { return sqlite3_get_autocommit(m_db) == 0; }

    Status exec(const std::string& sql) override {
        char* message = nullptr;
        if (const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message); rc != SQLITE_OK) {
            std::string text = message != nullptr ? message : "unknown SQLite error";
            sqlite3_free(message);
            const ErrorCode code = errorCodeFor(m_db, rc);
            return code == ErrorCode::DiskFull ? diskFullError(text) : makeError(code, text);
        }
        return Ok{};
    }

    Result<std::unique_ptr<StatementBackend>> prepare(const std::string& sql) override {
        sqlite3_stmt* stmt = nullptr;
        // Preparing reads the schema, so a lock held elsewhere can already stop it here.
        if (const int rc = sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr); rc != SQLITE_OK)
            return makeError(isBusyCode(rc) ? ErrorCode::Busy : ErrorCode::Sql, std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
        return std::unique_ptr<StatementBackend>(std::make_unique<SqliteStatement>(stmt, m_db));
    }

    bool tableExists(const std::string& table) override {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", -1, &stmt, nullptr) != SQLITE_OK)
            return false;
        sqlite3_bind_text(stmt, 1, table.c_str(), -1, SQLITE_TRANSIENT);
        const bool found = sqlite3_step(stmt) == SQLITE_ROW;
        sqlite3_finalize(stmt);
        return found;
    }

    std::vector<std::string> tableColumns(const std::string& table) override {
        std::vector<std::string> columns;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1, &stmt, nullptr) != SQLITE_OK) return columns;
        sqlite3_bind_text(stmt, 1, table.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(stmt) == SQLITE_ROW) columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return columns;
    }

    std::int64_t lastInsertRowId() override { return sqlite3_last_insert_rowid(m_db); }
    const char* beginWriteSql() const override { return "BEGIN IMMEDIATE"; }

private:
    sqlite3* m_db;
};

}  // namespace

namespace {

/// SQLite keeps memory statistics behind one process-wide mutex taken on every allocation it
/// makes; we never read them. Three layer readers parsing their GeoPackage's schema and PROJ
/// opening proj.db queued on that mutex. Must come before SQLite's initialisation: when PROJ or
/// GDAL got there first the call is refused, and nothing changes.
void configureSqliteOnce() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Result<std::unique_ptr<ConnectionBackend>> openSqlite(const std::string& path, Database::Mode mode, int busyTimeoutMs) {
    configureSqliteOnce();
    int flags = SQLITE_OPEN_READONLY;
    if (mode == Database::Mode::ReadWrite) flags = SQLITE_OPEN_READWRITE;
    if (mode == Database::Mode::Create) flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (mode == Database::Mode::ReadOnlyOneThread) flags |= SQLITE_OPEN_NOMUTEX;
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = path + ": cannot open: " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return makeError(ErrorCode::OpenFailed, message);
    }
    // SQLite's busy handler sleeps and retries until the timeout: a short import or another
    // window's save is simply waited for.
    sqlite3_busy_timeout(db, busyTimeoutMs);
    auto connection = std::make_unique<SqliteConnection>(db);
    if (auto status = connection->exec("PRAGMA foreign_keys = ON"); !status)
        return makeError(status.error().code == ErrorCode::Busy ? ErrorCode::Busy : ErrorCode::OpenFailed,
                         path + ": " + status.error().message);
    return std::unique_ptr<ConnectionBackend>(std::move(connection));
}

}  // namespace gis::store::detail
