#pragma once
/// RAII ownership of one SQLite connection and its prepared statements (C2: one owner per handle).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gis/core/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace gis::store {

/// A prepared statement. Bind with 1-based indices, then step(); columns are 0-based.
class Statement {
public:
    Statement() = default;
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
    /// Binds NULL when the optional is empty or the string is empty.
    Statement& bindTextOrNull(int index, const std::string& text);
    Statement& bindNull(int index);
    Statement& bindBlob(int index, const std::vector<std::uint8_t>& blob);

    /// true while a row is available; false when done. Errors are reported by stepOrError().
    bool step();
    /// Runs the statement to completion (for INSERT/UPDATE), resets it and clears bindings.
    Status run();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::vector<std::uint8_t> blob(int column) const;

    /// The last step()'s error text ("" when none).
    const std::string& lastError() const { return m_error; }
    /// Whether the last step() failed because another connection holds the lock (after the
    /// busy timeout): the file is in use, not damaged.
    bool busy() const { return m_busy; }

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
    std::string m_error;
    bool m_busy = false;
};

/// One open SQLite database file. Move-only; not shared across threads.
class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    /// How long a statement waits for another connection's lock before failing as busy.
    static constexpr int kDefaultBusyTimeoutMs = 5000;

    /// Opens `path`. Foreign keys are switched on for every connection (SQLite keeps them off by default).
    /// While another connection holds the file locked, statements retry for `busyTimeoutMs`.
    static Result<Database> open(const std::string& path, Mode mode, int busyTimeoutMs = kDefaultBusyTimeoutMs);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Runs one or more statements without results. A lock held elsewhere gives ErrorCode::Busy.
    Status exec(const std::string& sql);
    /// Prepares one statement; the error quotes the SQL (ErrorCode::Busy when the file is locked elsewhere).
    Result<Statement> prepare(const std::string& sql);
    /// First column of the first row as text, or nullopt when there is no row.
    std::optional<std::string> queryText(const std::string& sql);
    bool tableExists(const std::string& table);
    std::int64_t lastInsertRowId() const;
    const std::string& path() const { return m_path; }
    int busyTimeoutMs() const { return m_busyTimeoutMs; }
    sqlite3* handle() const { return m_db; }

private:
    Database(sqlite3* db, std::string path, int busyTimeoutMs) : m_db(db), m_path(std::move(path)), m_busyTimeoutMs(busyTimeoutMs) {}
    void close() noexcept;
    sqlite3* m_db = nullptr;
    std::string m_path;
    int m_busyTimeoutMs = kDefaultBusyTimeoutMs;
};

/// The error for a project another process holds locked: it is in use, never "damaged".
Error projectBusyError(const std::string& path, int waitedMs);

}  // namespace gis::store
