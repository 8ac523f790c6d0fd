#include "gis/store/database.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <utility>

namespace gis::store {

namespace {

/// SQLITE_BUSY: another connection holds the lock; SQLITE_LOCKED: a conflict within this process.
bool isBusyCode(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

}  // namespace

Error projectBusyError(const std::string& path, int waitedMs) {
    char waited[32];
    std::snprintf(waited, sizeof waited, "%.1f", waitedMs / 1000.0);
    return makeError(ErrorCode::Busy, path + ": the project is busy: another NTM Atlas window or an import is using it "
                                             "(waited " + std::string(waited) + " s). Try again when it has finished; "
                                             "the file is not damaged");
}

// [SECTION] Statement

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db), m_error(std::move(other.m_error)), m_busy(other.m_busy) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        if (m_stmt != nullptr) sqlite3_finalize(m_stmt);  // release the old one before taking the new
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_error = std::move(other.m_error);
        m_busy = other.m_busy;
    }
    return *this;
}

Statement::~Statement() {
    if (m_stmt != nullptr) sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindTextOrNull(int index, const std::string& text) {
    if (text.empty()) return bindNull(index);
    return bind(index, std::string_view(text));
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement& Statement::bindBlob(int index, const std::vector<std::uint8_t>& blob) {
    if (blob.empty()) return bindNull(index);
    sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    m_busy = isBusyCode(rc);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) m_error = sqlite3_errmsg(m_db);
    return false;
}

Status Statement::run() {
    m_error.clear();
    const int rc = sqlite3_step(m_stmt);
    std::string message;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) message = sqlite3_errmsg(m_db);
    m_busy = isBusyCode(rc);
    reset();
    if (!message.empty()) return makeError(m_busy ? ErrorCode::Busy : ErrorCode::Sql, message);
    return Ok{};
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(m_stmt, column);
    if (p == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::vector<std::uint8_t> Statement::blob(int column) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    if (p == nullptr) return {};
    return std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(m_stmt, column));
}

// [SECTION] Database

Result<Database> Database::open(const std::string& path, Mode mode, int busyTimeoutMs) {
    int flags = SQLITE_OPEN_READONLY;
    if (mode == Mode::ReadWrite) flags = SQLITE_OPEN_READWRITE;
    if (mode == Mode::Create) flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
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
    Database database(db, path, busyTimeoutMs);
    if (auto status = database.exec("PRAGMA foreign_keys = ON"); !status)
        return makeError(status.error().code == ErrorCode::Busy ? ErrorCode::Busy : ErrorCode::OpenFailed,
                         path + ": " + status.error().message);
    return database;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)), m_busyTimeoutMs(other.m_busyTimeoutMs) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_busyTimeoutMs = other.m_busyTimeoutMs;
    }
    return *this;
}

Database::~Database() { close(); }

void Database::close() noexcept {
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Status Database::exec(const std::string& sql) {
    char* message = nullptr;
    if (const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message); rc != SQLITE_OK) {
        std::string text = message != nullptr ? message : "unknown SQLite error";
        sqlite3_free(message);
        return makeError(isBusyCode(rc) ? ErrorCode::Busy : ErrorCode::Sql, text);
    }
    return Ok{};
}

Result<Statement> Database::prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    // Preparing reads the schema, so a lock held elsewhere can already stop it here.
    if (const int rc = sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr); rc != SQLITE_OK)
        return makeError(isBusyCode(rc) ? ErrorCode::Busy : ErrorCode::Sql, std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
    return Statement(stmt, m_db);
}

std::optional<std::string> Database::queryText(const std::string& sql) {
    auto stmt = prepare(sql);
    if (!stmt || !stmt->step()) return std::nullopt;
    return stmt->text(0);
}

bool Database::tableExists(const std::string& table) {
    auto stmt = prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    if (!stmt) return false;
    stmt->bind(1, table);
    return stmt->step();
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

}  // namespace gis::store
