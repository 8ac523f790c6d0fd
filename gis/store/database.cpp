#include "gis/store/database.hpp"

#include <cstdio>
#include <utility>

#include "gis/store/backend.hpp"
#include "gis/store/location.hpp"

namespace gis::store {

Error projectBusyError(const std::string& path, int waitedMs) {
    char waited[32];
    std::snprintf(waited, sizeof waited, "%.1f", waitedMs / 1000.0);
    return makeError(ErrorCode::Busy, path + ": the project is busy: another NTM Atlas window or an import is using it "
                                             "(waited " + std::string(waited) + " s). Try again when it has finished; "
                                             "the project is not damaged");
}

// [SECTION] Statement

Statement::Statement() = default;
Statement::Statement(std::unique_ptr<detail::StatementBackend> backend) : m_backend(std::move(backend)) {}
Statement::Statement(Statement&& other) noexcept = default;
Statement& Statement::operator=(Statement&& other) noexcept = default;
Statement::~Statement() = default;

Statement& Statement::bind(int index, std::int64_t value) {
    m_backend->bindInt64(index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    m_backend->bindDouble(index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    m_backend->bindText(index, text);
    return *this;
}

Statement& Statement::bindTextOrNull(int index, const std::string& text) {
    if (text.empty()) return bindNull(index);
    return bind(index, std::string_view(text));
}

Statement& Statement::bindNull(int index) {
    m_backend->bindNull(index);
    return *this;
}

Statement& Statement::bindBlob(int index, const std::vector<std::uint8_t>& blob) {
    if (blob.empty()) return bindNull(index);
    m_backend->bindBlob(index, blob);
    return *this;
}

bool Statement::step() {
    const detail::StepResult result = m_backend->step();
    m_busy = m_backend->busy;
    m_conflict = m_backend->conflict;
    m_diskFull = m_backend->diskFull;
    if (result == detail::StepResult::Error) m_error = m_backend->error;
    return result == detail::StepResult::Row;
}

Status Statement::failure(const std::string& message) const {
    if (m_diskFull) return detail::diskFullError(message);
    if (m_conflict)
        return makeError(ErrorCode::Conflict, message + " — another user changed the same data at the same moment; nothing was "
                                                        "changed, reload and try again");
    return makeError(m_busy ? ErrorCode::Busy : ErrorCode::Sql, message);
}

Status Statement::run() {
    m_error.clear();
    const detail::StepResult result = m_backend->step();
    m_busy = m_backend->busy;
    m_conflict = m_backend->conflict;
    m_diskFull = m_backend->diskFull;
    const std::string message = result == detail::StepResult::Error ? m_backend->error : std::string();
    reset();
    if (!message.empty()) return failure(message);
    return Ok{};
}

void Statement::reset() { m_backend->reset(); }
bool Statement::isNull(int column) const { return m_backend->isNull(column); }
std::int64_t Statement::int64(int column) const { return m_backend->int64(column); }
double Statement::real(int column) const { return m_backend->real(column); }
std::string Statement::text(int column) const { return m_backend->text(column); }
std::vector<std::uint8_t> Statement::blob(int column) const { return m_backend->blob(column); }
int Statement::columnCount() const { return m_backend->columnCount(); }
std::string Statement::columnName(int column) const { return m_backend->columnName(column); }
ValueKind Statement::kind(int column) const { return m_backend->kind(column); }

// [SECTION] Database

Result<Database> Database::open(const std::string& location, Mode mode, int busyTimeoutMs) {
    if (isPostgresLocation(location)) {
        std::string display = maskSecrets(location);
        auto connection = detail::openPostgres(postgresConninfo(location), display, mode, busyTimeoutMs);
        if (!connection) return connection.error();
        return Database(std::move(connection).value(), location, std::move(display), mode, busyTimeoutMs);
    }
    auto connection = detail::openSqlite(location, mode, busyTimeoutMs);
    if (!connection) return connection.error();
    return Database(std::move(connection).value(), location, location, mode, busyTimeoutMs);
}

Result<Database> Database::openAnother() const {
    // Create made the file or the tables already; the second connection only opens them.
    return open(m_location, m_mode == Mode::Create ? Mode::ReadWrite : m_mode, m_busyTimeoutMs);
}

Database::Database(std::unique_ptr<detail::ConnectionBackend> connection, std::string location, std::string displayName, Mode mode,
                   int busyTimeoutMs)
    : m_connection(std::move(connection)), m_location(std::move(location)), m_displayName(std::move(displayName)), m_mode(mode),
      m_busyTimeoutMs(busyTimeoutMs) {}
Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept = default;
Database::~Database() = default;

Backend Database::backend() const { return m_connection->backend(); }
Status Database::exec(const std::string& sql) { return m_connection->exec(sql); }

Result<Statement> Database::prepare(const std::string& sql) {
    auto statement = m_connection->prepare(sql);
    if (!statement) return statement.error();
    return Statement(std::move(statement).value());
}

std::optional<std::string> Database::queryText(const std::string& sql) {
    auto stmt = prepare(sql);
    if (!stmt || !stmt->step()) return std::nullopt;
    return stmt->text(0);
}

bool Database::tableExists(const std::string& table) { return m_connection->tableExists(table); }
std::vector<std::string> Database::tableColumns(const std::string& table) { return m_connection->tableColumns(table); }
std::int64_t Database::lastInsertRowId() { return m_connection->lastInsertRowId(); }
const char* Database::beginWriteSql() const { return m_connection->beginWriteSql(); }
bool Database::inTransaction() const { return m_connection->inTransaction(); }

}  // namespace gis::store
