#include "gis/store/shared_snapshot.hpp"

#include <utility>

namespace gis::store {

Result<SharedSnapshot> SharedSnapshot::begin(Database& db) {
    if (!db.isPostgres() || db.inTransaction()) return SharedSnapshot(nullptr, "");
    // Repeatable read: every statement of the transaction sees the snapshot taken by its first,
    // which is the one exported (pg_export_snapshot is that first statement).
    if (auto status = db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !status) return status.error();
    auto id = db.queryText("SELECT pg_export_snapshot()");
    if (!id || id->empty()) {
        (void)db.exec("ROLLBACK");
        return makeError(ErrorCode::Sql, db.path() + ": could not export the reading snapshot");
    }
    return SharedSnapshot(&db, std::move(*id));
}

SharedSnapshot::SharedSnapshot(SharedSnapshot&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_id(std::move(other.m_id)) {}

SharedSnapshot::~SharedSnapshot() { (void)end(); }

Result<Database> SharedSnapshot::openReader() const {
    if (m_db == nullptr) return makeError(ErrorCode::BadInput, "no shared snapshot to read in");
    auto reader = m_db->openAnother();
    if (!reader) return reader.error();
    // SET TRANSACTION SNAPSHOT must be the transaction's first statement; the name is the
    // server's own (hex digits and dashes), quoted all the same.
    std::string quoted;
    for (char c : m_id) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    if (auto status = reader->exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '" + quoted + "'"); !status)
        return makeError(status.error().code, reader->path() + ": could not share the reading snapshot: " + status.error().message);
    return reader;
}

Status SharedSnapshot::end() {
    if (m_db == nullptr) return Ok{};
    Database* db = std::exchange(m_db, nullptr);
    return db->exec("ROLLBACK");
}

}  // namespace gis::store
