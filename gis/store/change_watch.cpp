#include "gis/store/change_watch.hpp"

#include <libpq-fe.h>

#include <chrono>

#include "gis/store/database.hpp"
#include "gis/store/location.hpp"
#include "gis/store/pg_project.hpp"

namespace gis::store {
namespace {

/// SQLite: PRAGMA data_version changes when another connection commits to the file.
class FileWatch final : public ChangeWatch {
public:
    explicit FileWatch(Database db) : m_db(std::move(db)) { m_version = read().value_or(0); }
    bool changed() override {
        const auto version = read();
        if (!version || *version == m_version) return false;  // busy: a writer is at work, ask again next frame
        m_version = *version;
        return true;
    }

private:
    std::optional<long long> read() {
        auto stmt = m_db.prepare("PRAGMA data_version");
        if (!stmt || !stmt->step()) return std::nullopt;
        return stmt->int64(0);
    }
    Database m_db;
    long long m_version = 0;
};

/// PostgreSQL: LISTEN on the channel the tables' triggers notify at commit.
class DatabaseWatch final : public ChangeWatch {
public:
    explicit DatabaseWatch(PGconn* conn) : m_conn(conn) {}
    ~DatabaseWatch() override { PQfinish(m_conn); }
    bool changed() override {
        if (PQstatus(m_conn) != CONNECTION_OK) {
            reconnect();
            return false;
        }
        if (PQconsumeInput(m_conn) == 0) return false;
        bool heard = false;
        while (PGnotify* notice = PQnotifies(m_conn)) {
            heard = true;
            PQfreemem(notice);
        }
        return heard;
    }

private:
    /// A dropped connection (server restart, network) is retried every few seconds, not every frame.
    void reconnect() {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_lastAttempt < std::chrono::seconds(5)) return;
        m_lastAttempt = now;
        PQreset(m_conn);
        if (PQstatus(m_conn) == CONNECTION_OK) PQclear(PQexec(m_conn, (std::string("LISTEN ") + kChangeChannel).c_str()));
    }
    PGconn* m_conn;
    std::chrono::steady_clock::time_point m_lastAttempt{};
};

}  // namespace

Result<std::unique_ptr<ChangeWatch>> ChangeWatch::start(const std::string& location) {
    if (!isPostgresLocation(location)) {
        // No busy wait: a writer holding the file simply means "ask again next frame".
        auto db = Database::open(location, Database::Mode::ReadOnly, 0);
        if (!db) return db.error();
        return std::unique_ptr<ChangeWatch>(std::make_unique<FileWatch>(std::move(db).value()));
    }
    const std::string conninfo = postgresConninfo(location);
    const char* keys[] = {"dbname", "fallback_application_name", nullptr};
    const char* values[] = {conninfo.c_str(), "ntm-atlas (watch)", nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, 1);
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        return makeError(ErrorCode::OpenFailed, maskSecrets(location) + ": cannot listen for changes: " + message);
    }
    PGresult* listen = PQexec(conn, (std::string("LISTEN ") + kChangeChannel).c_str());
    const bool listening = PQresultStatus(listen) == PGRES_COMMAND_OK;
    PQclear(listen);
    if (!listening) {
        PQfinish(conn);
        return makeError(ErrorCode::OpenFailed, maskSecrets(location) + ": cannot listen for changes");
    }
    return std::unique_ptr<ChangeWatch>(std::make_unique<DatabaseWatch>(conn));
}

}  // namespace gis::store
