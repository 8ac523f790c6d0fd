#pragma once
/// One open project store and its prepared statements, over either backend: a GeoPackage
/// (SQLite) file, or a PostgreSQL + PostGIS database named by a GDAL-style "PG:…" connection
/// string. Callers write SQL once, with ?N parameters; the PostgreSQL backend numbers them $N.
/// Portable SQL here means: ON CONFLICT … DO UPDATE/NOTHING (never INSERT OR …), times bound
/// from C++ (never strftime), CAST(?N AS TEXT) where a parameter's type cannot be inferred,
/// and "user" quoted; the few queries that cannot be portable ask backend().
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gis/core/result.hpp"

namespace gis::store {

enum class Backend { Sqlite, Postgres };

/// What a column holds in the current row (copy reads any table without knowing its columns).
enum class ValueKind { Null, Integer, Real, Text, Blob };

namespace detail {
class StatementBackend;
class ConnectionBackend;
}  // namespace detail

/// A prepared statement. Bind with 1-based indices, then step(); columns are 0-based.
/// Geometry columns read and bind as GeoPackage blobs on both backends.
class Statement {
public:
    Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    /// Binds NULL when the string is empty.
    Statement& bindTextOrNull(int index, const std::string& text);
    Statement& bindNull(int index);
    /// Binds NULL when the blob is empty.
    Statement& bindBlob(int index, const std::vector<std::uint8_t>& blob);

    /// true while a row is available; false when done or failed (then lastError() is set).
    bool step();
    /// Runs the statement to completion (for INSERT/UPDATE), resets it and clears bindings.
    Status run();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::vector<std::uint8_t> blob(int column) const;
    int columnCount() const;
    std::string columnName(int column) const;
    ValueKind kind(int column) const;

    /// The last step()'s error text ("" when none).
    const std::string& lastError() const { return m_error; }
    /// Whether the last step() failed because another connection holds the lock (after the
    /// busy timeout): the project is in use, not damaged.
    bool busy() const { return m_busy; }
    /// Whether the last step() failed because another user changed the same rows at the same
    /// time (PostgreSQL's serialization failure): nothing was written, the user should retry.
    bool conflict() const { return m_conflict; }

private:
    friend class Database;
    explicit Statement(std::unique_ptr<detail::StatementBackend> backend);
    Status failure(const std::string& message) const;
    std::unique_ptr<detail::StatementBackend> m_backend;
    std::string m_error;
    bool m_busy = false;
    bool m_conflict = false;
    bool m_diskFull = false;
};

/// One open project store. Move-only; not shared across threads.
class Database {
public:
    /// ReadOnlyOneThread: read-only, and only ever used by the thread that opened it, so SQLite
    /// need not lock the connection's mutex on every call (SQLITE_OPEN_NOMUTEX): reading a
    /// GeoPackage's 60,000 rows spent a tenth of its time locking and unlocking it. For a
    /// connection made, used and closed inside one function (gis/data/gpkg_feature_rows.cpp).
    enum class Mode { ReadOnly, ReadOnlyOneThread, ReadWrite, Create };

    /// How long a statement waits for another connection's lock before failing as busy.
    static constexpr int kDefaultBusyTimeoutMs = 5000;

    /// Opens a SQLite file or, for "PG:…", connects to PostgreSQL. Foreign keys are on for every
    /// SQLite connection (SQLite keeps them off by default). While another connection holds a lock,
    /// statements retry for `busyTimeoutMs` (PostgreSQL: lock_timeout).
    static Result<Database> open(const std::string& location, Mode mode, int busyTimeoutMs = kDefaultBusyTimeoutMs);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    Backend backend() const;
    bool isPostgres() const { return backend() == Backend::Postgres; }
    /// Runs one or more statements without results. A lock held elsewhere gives ErrorCode::Busy.
    Status exec(const std::string& sql);
    /// Prepares one statement; the error quotes the SQL (ErrorCode::Busy when locked elsewhere).
    Result<Statement> prepare(const std::string& sql);
    /// First column of the first row as text, or nullopt when there is no row.
    std::optional<std::string> queryText(const std::string& sql);
    bool tableExists(const std::string& table);
    /// The columns of a table in their order (empty when the table does not exist).
    std::vector<std::string> tableColumns(const std::string& table);
    /// The id the last INSERT into a table with an id/fid key gave its row.
    std::int64_t lastInsertRowId();
    /// The statement that starts a write transaction: takes SQLite's write lock up front;
    /// on PostgreSQL, repeatable read, so two editors of one row conflict instead of overwriting.
    const char* beginWriteSql() const;
    /// Whether a transaction is open on this connection.
    bool inTransaction() const;
    /// A second connection to the same store, opened as this one was (same location, mode and
    /// busy timeout), for reading beside this one on another thread (see shared_snapshot.hpp).
    /// It reads only what open() fixed, so a helper thread may call it while this one is in use.
    Result<Database> openAnother() const;
    /// The project's name for messages: the file path, or the connection string with its
    /// password masked (never the password itself).
    const std::string& path() const { return m_displayName; }
    int busyTimeoutMs() const { return m_busyTimeoutMs; }

private:
    Database(std::unique_ptr<detail::ConnectionBackend> connection, std::string location, std::string displayName, Mode mode,
             int busyTimeoutMs);
    std::unique_ptr<detail::ConnectionBackend> m_connection;
    std::string m_location;  ///< as given to open(), secrets included: only for openAnother, never shown
    std::string m_displayName;
    Mode m_mode = Mode::ReadOnly;
    int m_busyTimeoutMs = kDefaultBusyTimeoutMs;
};

/// The error for a project another process holds locked: it is in use, never "damaged".
Error projectBusyError(const std::string& path, int waitedMs);

}  // namespace gis::store
