#include "gis/store/transaction.hpp"

namespace gis::store {

Transaction::Transaction(Database& db) : m_db(db) {
    if (auto status = m_db.exec(m_db.beginWriteSql()); status) {
        m_active = true;
    } else {
        m_beginError = status.error().message;
        m_beginBusy = status.error().code == ErrorCode::Busy;
    }
}

Transaction::~Transaction() {
    if (!m_active) return;
    (void)m_db.exec("ROLLBACK");
    // After a failed write (a full disk, an I/O error) SQLite may leave the rollback journal on disk
    // and the file grown: its pager gives up on the spot and leaves the undo to the next reader. Be
    // that reader now, so the project is back to its old bytes, journal gone, before the error reaches
    // the user (who might otherwise copy the file without its journal, which is a damaged copy).
    if (m_db.backend() == Backend::Sqlite) (void)m_db.exec("SELECT count(*) FROM sqlite_master");
}

Status Transaction::commit() {
    if (!m_active) return makeError(ErrorCode::Sql, "no transaction to commit: " + m_beginError);
    if (auto status = m_db.exec("COMMIT"); !status) return status;
    m_active = false;
    return Ok{};
}

}  // namespace gis::store
