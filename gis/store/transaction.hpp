#pragma once
/// One SQLite write transaction: every import and edit runs inside exactly one, so a failure or a
/// killed process leaves the project as it was (the rollback journal undoes a partial write).
#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

/// BEGIN IMMEDIATE on construction (takes the write lock up front, so two writers cannot
/// interleave); ROLLBACK in the destructor unless commit() succeeded.
class Transaction {
public:
    /// Starts the transaction; check began() / error() before writing.
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    bool began() const { return m_active; }
    const std::string& beginError() const { return m_beginError; }
    /// The write lock was held by another connection for longer than the busy timeout.
    bool beginBusy() const { return m_beginBusy; }
    /// Commits; after a failed commit the destructor rolls back.
    Status commit();

private:
    Database& m_db;
    bool m_active = false;
    std::string m_beginError;
    bool m_beginBusy = false;
};

}  // namespace gis::store
