/// The PostgreSQL + PostGIS backend through libpq: the province office's shared project.
/// Statements are sent with PQexecParams (text results, parameters typed by the server from
/// their context); geometry travels as EWKB and is handed to callers as GeoPackage blobs, so
/// readers and writers above are the same for both stores.
#include <libpq-fe.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <utility>

#include "gis/store/backend.hpp"
#include "gis/store/pg_geometry.hpp"

namespace gis::store::detail {
namespace {

constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700, kBytea = 17, kBool = 16;

/// SQLSTATEs that mean "try again later" rather than "this is wrong".
bool isConflictState(const char* state) {
    return state != nullptr && (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0);
}
/// 53100 disk_full: the server could not extend a table or its log.
bool isDiskFullState(const char* state) { return state != nullptr && std::strcmp(state, "53100") == 0; }
bool isBusyState(const char* state) {
    return state != nullptr && (std::strcmp(state, "55P03") == 0 || std::strcmp(state, "57014") == 0);
}

std::string resultError(const PGresult* result, PGconn* conn) {
    std::string message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (message.rfind("ERROR:  ", 0) == 0) message.erase(0, 8);
    return message.empty() ? "PostgreSQL error" : message;
}

/// SQLite-style ?N / ? parameters as PostgreSQL's $N, outside quotes; returns the highest number.
std::string numberParameters(const std::string& sql, int& count) {
    std::string out;
    out.reserve(sql.size() + 8);
    int next = 0;
    count = 0;
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote != 0) {
            out += c;
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            out += c;
            continue;
        }
        if (c != '?') {
            out += c;
            continue;
        }
        std::size_t j = i + 1;
        int number = 0;
        while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') number = number * 10 + (sql[j++] - '0');
        if (j == i + 1) number = ++next;  // bare ?
        count = std::max(count, number);
        out += '$' + std::to_string(number);
        i = j - 1;
    }
    return out;
}

std::string formatDouble(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

/// Shared by the connection and its statements: the geometry type's OID once PostGIS is there.
struct PgSession {
    PGconn* conn = nullptr;
    Oid geometryOid = 0;
    Oid lookUpGeometryOid() {
        if (geometryOid != 0) return geometryOid;
        PGresult* r = PQexec(conn, "SELECT oid FROM pg_type WHERE typname = 'geometry'");
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) geometryOid = static_cast<Oid>(std::strtoul(PQgetvalue(r, 0, 0), nullptr, 10));
        PQclear(r);
        return geometryOid;
    }
};

class PgStatement final : public StatementBackend {
public:
    PgStatement(PgSession& session, std::string sql, int parameterCount)
        : m_session(session), m_sql(std::move(sql)), m_values(static_cast<std::size_t>(parameterCount)),
          m_isNull(static_cast<std::size_t>(parameterCount), true), m_binary(static_cast<std::size_t>(parameterCount), 0) {}
    ~PgStatement() override { PQclear(m_result); }

    void bindInt64(int index, std::int64_t value) override { set(index, std::to_string(value), false); }
    void bindDouble(int index, double value) override { set(index, formatDouble(value), false); }
    void bindText(int index, std::string_view text) override { set(index, std::string(text), false); }
    void bindNull(int index) override {
        if (valid(index)) m_isNull[static_cast<std::size_t>(index - 1)] = true;
    }
    void bindBlob(int index, const std::vector<std::uint8_t>& blob) override {
        const std::vector<std::uint8_t> wkb = isGpkgBlob(blob) ? gpkgToEwkb(blob) : blob;
        set(index, std::string(wkb.begin(), wkb.end()), true);
    }

    StepResult step() override {
        if (m_result == nullptr) return execute();
        if (++m_row < PQntuples(m_result)) return StepResult::Row;
        return StepResult::Done;
    }
    void reset() override {
        PQclear(m_result);
        m_result = nullptr;
        m_row = 0;
        std::fill(m_isNull.begin(), m_isNull.end(), true);
    }

    bool isNull(int column) const override { return !hasRow() || PQgetisnull(m_result, m_row, column) != 0; }
    std::int64_t int64(int column) const override {
        if (isNull(column)) return 0;
        const char* v = PQgetvalue(m_result, m_row, column);
        if (PQftype(m_result, column) == kBool) return *v == 't' ? 1 : 0;
        // numeric (a sum of bigints) may carry a fraction: read it as SQLite would, truncated.
        if (std::strchr(v, '.') != nullptr || std::strchr(v, 'e') != nullptr) return static_cast<std::int64_t>(std::strtod(v, nullptr));
        return std::strtoll(v, nullptr, 10);
    }
    double real(int column) const override { return isNull(column) ? 0.0 : std::strtod(PQgetvalue(m_result, m_row, column), nullptr); }
    std::string text(int column) const override {
        if (isNull(column)) return {};
        return std::string(PQgetvalue(m_result, m_row, column), static_cast<std::size_t>(PQgetlength(m_result, m_row, column)));
    }
    std::vector<std::uint8_t> blob(int column) const override {
        if (isNull(column)) return {};
        const char* v = PQgetvalue(m_result, m_row, column);
        const std::size_t length = static_cast<std::size_t>(PQgetlength(m_result, m_row, column));
        const Oid type = PQftype(m_result, column);
        if (type == kBytea) {
            std::size_t size = 0;
            unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &size);
            std::vector<std::uint8_t> out(raw, raw + size);
            PQfreemem(raw);
            return out;
        }
        if (type == m_session.lookUpGeometryOid()) return hexEwkbToGpkg(std::string_view(v, length));
        return std::vector<std::uint8_t>(v, v + length);
    }
    int columnCount() const override { return m_result != nullptr ? PQnfields(m_result) : 0; }
    std::string columnName(int column) const override { return m_result != nullptr ? PQfname(m_result, column) : ""; }
    ValueKind kind(int column) const override {
        if (isNull(column)) return ValueKind::Null;
        const Oid type = PQftype(m_result, column);
        if (type == kInt2 || type == kInt4 || type == kInt8 || type == kBool) return ValueKind::Integer;
        if (type == kFloat4 || type == kFloat8 || type == kNumeric) return ValueKind::Real;
        if (type == kBytea || type == m_session.lookUpGeometryOid()) return ValueKind::Blob;
        return ValueKind::Text;
    }

private:
    bool valid(int index) const { return index >= 1 && index <= static_cast<int>(m_values.size()); }
    bool hasRow() const { return m_result != nullptr && m_row < PQntuples(m_result); }
    void set(int index, std::string value, bool binary) {
        if (!valid(index)) return;
        const auto i = static_cast<std::size_t>(index - 1);
        m_values[i] = std::move(value);
        m_isNull[i] = false;
        m_binary[i] = binary ? 1 : 0;
    }

    StepResult execute() {
        const std::size_t n = m_values.size();
        std::vector<const char*> values(n);
        std::vector<int> lengths(n);
        for (std::size_t i = 0; i < n; ++i) {
            values[i] = m_isNull[i] ? nullptr : m_values[i].c_str();
            lengths[i] = static_cast<int>(m_values[i].size());
        }
        m_result = PQexecParams(m_session.conn, m_sql.c_str(), static_cast<int>(n), nullptr, values.data(), lengths.data(),
                                m_binary.data(), 0);
        m_row = 0;
        busy = conflict = diskFull = false;
        const ExecStatusType status = PQresultStatus(m_result);
        if (status == PGRES_TUPLES_OK) return PQntuples(m_result) > 0 ? StepResult::Row : StepResult::Done;
        if (status == PGRES_COMMAND_OK) return StepResult::Done;
        const char* state = m_result != nullptr ? PQresultErrorField(m_result, PG_DIAG_SQLSTATE) : nullptr;
        conflict = isConflictState(state);
        busy = isBusyState(state);
        diskFull = isDiskFullState(state);
        error = resultError(m_result, m_session.conn);
        if (PQstatus(m_session.conn) != CONNECTION_OK) error = "the connection to the database was lost: " + error;
        PQclear(m_result);
        m_result = PQmakeEmptyPGresult(m_session.conn, PGRES_COMMAND_OK);  // stepping again says done
        return StepResult::Error;
    }

    PgSession& m_session;
    std::string m_sql;
    std::vector<std::string> m_values;
    std::vector<bool> m_isNull;
    std::vector<int> m_binary;
    PGresult* m_result = nullptr;
    int m_row = 0;
};

class PgConnection final : public ConnectionBackend {
public:
    explicit PgConnection(PGconn* conn) { m_session.conn = conn; }
    ~PgConnection() override { PQfinish(m_session.conn); }

    Backend backend() const override { return Backend::Postgres; }
    bool inTransaction() const override { return PQtransactionStatus(m_session.conn) != PQTRANS_IDLE; }

    Status exec(const std::string& sql) override {
        PGresult* result = PQexec(m_session.conn, sql.c_str());
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            // COMMIT of a transaction that failed earlier "succeeds" as a ROLLBACK: that is a failure.
            const bool rolledBack = sql == "COMMIT" && std::strcmp(PQcmdStatus(result), "ROLLBACK") == 0;
            PQclear(result);
            if (rolledBack) return makeError(ErrorCode::Sql, "the transaction had failed and was rolled back; nothing was written");
            return Ok{};
        }
        const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const ErrorCode code = isConflictState(state) ? ErrorCode::Conflict : isBusyState(state) ? ErrorCode::Busy : ErrorCode::Sql;
        std::string message = resultError(result, m_session.conn);
        PQclear(result);
        if (code == ErrorCode::Conflict)
            message += " — another user changed the same data at the same moment; nothing was changed, reload and try again";
        if (isDiskFullState(state)) return diskFullError(message);
        return makeError(code, message);
    }

    Result<std::unique_ptr<StatementBackend>> prepare(const std::string& sql) override {
        int count = 0;
        std::string numbered = numberParameters(sql, count);
        return std::unique_ptr<StatementBackend>(std::make_unique<PgStatement>(m_session, std::move(numbered), count));
    }

    bool tableExists(const std::string& table) override {
        const char* values[] = {table.c_str()};
        PGresult* r = PQexecParams(m_session.conn,
                                   "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = $1", 1,
                                   nullptr, values, nullptr, nullptr, 0);
        const bool found = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0;
        PQclear(r);
        return found;
    }

    std::vector<std::string> tableColumns(const std::string& table) override {
        std::vector<std::string> columns;
        const char* values[] = {table.c_str()};
        PGresult* r = PQexecParams(m_session.conn,
                                   "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                                   "AND table_name = $1 ORDER BY ordinal_position",
                                   1, nullptr, values, nullptr, nullptr, 0);
        if (PQresultStatus(r) == PGRES_TUPLES_OK)
            for (int i = 0; i < PQntuples(r); ++i) columns.emplace_back(PQgetvalue(r, i, 0));
        PQclear(r);
        return columns;
    }

    std::int64_t lastInsertRowId() override {
        PGresult* r = PQexec(m_session.conn, "SELECT lastval()");
        std::int64_t id = 0;
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) id = std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10);
        PQclear(r);
        return id;
    }

    const char* beginWriteSql() const override { return "BEGIN ISOLATION LEVEL REPEATABLE READ"; }

private:
    PgSession m_session;
};

void ignoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<ConnectionBackend>> openPostgres(const std::string& conninfo, const std::string& displayName,
                                                        Database::Mode mode, int busyTimeoutMs) {
    // application_name shows who is connected in pg_stat_activity; a string that names its own wins.
    const char* keys[] = {"dbname", "fallback_application_name", nullptr};
    const char* values[] = {conninfo.c_str(), "ntm-atlas", nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
    // PostgreSQL counts a closed connection against a login's connection limit until its server
    // process has exited, which happens after the client has gone: a login allowed one
    // connection that reconnects at once is refused for a moment. Retry briefly (up to ~1 s).
    for (int retry = 0; retry < 20 && conn != nullptr && PQstatus(conn) != CONNECTION_OK &&
                        std::strstr(PQerrorMessage(conn), "too many connections") != nullptr;
         ++retry) {
        PQfinish(conn);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
    }
    if (conn == nullptr) return makeError(ErrorCode::OpenFailed, displayName + ": cannot connect (out of memory)");
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        return makeError(ErrorCode::OpenFailed, displayName + ": cannot connect to the database: " + message);
    }
    PQsetNoticeProcessor(conn, ignoreNotice, nullptr);
    auto connection = std::make_unique<PgConnection>(conn);
    // A lock held by another transaction is waited for as long as SQLite's busy timeout, then
    // reported busy; a leader's screen never writes by accident. No JIT: the project's statements
    // read thousands of rows, not millions, but a recursive query's row estimate crosses
    // jit_above_cost easily, and compiling then took 60–65 ms for a statement of a province's
    // summary that runs in 20–45 ms without (JIT is on by default in PostgreSQL 15).
    std::string setup = "SET lock_timeout = " + std::to_string(busyTimeoutMs) + "; SET client_min_messages = warning; SET jit = off";
    if (mode == Database::Mode::ReadOnly || mode == Database::Mode::ReadOnlyOneThread) setup += "; SET default_transaction_read_only = on";
    if (auto status = connection->exec(setup); !status)
        return makeError(ErrorCode::OpenFailed, displayName + ": " + status.error().message);
    return std::unique_ptr<ConnectionBackend>(std::move(connection));
}

}  // namespace gis::store::detail
