#pragma once
/// The two halves every store backend provides behind Database and Statement (SQLite in
/// sqlite_backend.cpp, PostgreSQL in pg_backend.cpp). Internal to gis/store.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store::detail {

/// How a step ended.
enum class StepResult { Row, Done, Error };

class StatementBackend {
public:
    virtual ~StatementBackend() = default;
    virtual void bindInt64(int index, std::int64_t value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    virtual void bindText(int index, std::string_view text) = 0;
    virtual void bindNull(int index) = 0;
    /// A GeoPackage geometry blob (the only blobs the project stores).
    virtual void bindBlob(int index, const std::vector<std::uint8_t>& blob) = 0;
    virtual StepResult step() = 0;
    virtual void reset() = 0;
    virtual bool isNull(int column) const = 0;
    virtual std::int64_t int64(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual std::string text(int column) const = 0;
    virtual std::vector<std::uint8_t> blob(int column) const = 0;
    virtual int columnCount() const = 0;
    virtual std::string columnName(int column) const = 0;
    virtual ValueKind kind(int column) const = 0;
    /// Set by a failed step: the message, and whether it was a lock (busy), a concurrent change
    /// (conflict) or a write the disk had no room for (diskFull).
    std::string error;
    bool busy = false;
    bool conflict = false;
    bool diskFull = false;
};

/// A write the disk had no room for, worded for the user who has to free space (the backend's
/// own text, "disk I/O error" or "could not extend file", reads like damage).
inline Error diskFullError(const std::string& detail) {
    return makeError(ErrorCode::DiskFull, "the disk is full (or the file may not grow); free some space and try again (" + detail + ")");
}

class ConnectionBackend {
public:
    virtual ~ConnectionBackend() = default;
    virtual Backend backend() const = 0;
    virtual Status exec(const std::string& sql) = 0;
    virtual Result<std::unique_ptr<StatementBackend>> prepare(const std::string& sql) = 0;
    virtual bool tableExists(const std::string& table) = 0;
    virtual std::vector<std::string> tableColumns(const std::string& table) = 0;
    virtual std::int64_t lastInsertRowId() = 0;
    virtual const char* beginWriteSql() const = 0;
    /// Whether a transaction is open on this connection (BEGIN without COMMIT or ROLLBACK yet).
    virtual bool inTransaction() const = 0;
};

Result<std::unique_ptr<ConnectionBackend>> openSqlite(const std::string& path, Database::Mode mode, int busyTimeoutMs);
Result<std::unique_ptr<ConnectionBackend>> openPostgres(const std::string& conninfo, const std::string& displayName,
                                                        Database::Mode mode, int busyTimeoutMs);

}  // namespace gis::store::detail
