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
    if (m_active) (void)m_db.exec("ROLLBACK");
}

Status Transaction::commit() {
    if (!m_active) return makeError(ErrorCode::Sql, "no transaction to commit: " + m_beginError);
    if (auto status = m_db.exec("COMMIT"); !status) return status;
    m_active = false;
    return Ok{};
}

}  // namespace gis::store
