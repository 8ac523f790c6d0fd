#pragma once
/// One PostgreSQL project read on two connections at once, both seeing the same committed state.
/// A large read is mostly the server producing rows and the client decoding them, one after the
/// other on one connection; on two connections (one per thread) each side's work overlaps the
/// other's. Without a shared snapshot the two halves could straddle another user's commit (the
/// works of an import, the units from before it); PostgreSQL's exported snapshots give the second
/// connection's transaction exactly the first one's view (what pg_dump -j does).
#include <string>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

class SharedSnapshot {
public:
    /// On PostgreSQL, when `db` has no transaction open: starts a read-only repeatable-read
    /// transaction on `db` and exports its snapshot. Otherwise (SQLite, whose one file needs no
    /// second connection, or a caller's own transaction, whose uncommitted rows another connection
    /// could not see) the result is inactive and the caller reads on `db` alone.
    static Result<SharedSnapshot> begin(Database& db);

    SharedSnapshot(SharedSnapshot&& other) noexcept;
    SharedSnapshot& operator=(SharedSnapshot&&) = delete;
    SharedSnapshot(const SharedSnapshot&) = delete;
    SharedSnapshot& operator=(const SharedSnapshot&) = delete;
    ~SharedSnapshot();  ///< ends `db`'s transaction if end() was not called

    bool active() const { return m_db != nullptr; }

    /// Another connection to the same database, inside a read-only transaction that sees exactly
    /// what `db`'s does (closing it ends that transaction). Meant for a helper thread while this
    /// one goes on reading on `db`: it only reads what `db` was opened with. Valid until end().
    Result<Database> openReader() const;

    /// Ends `db`'s transaction (it wrote nothing: a rollback).
    Status end();

private:
    SharedSnapshot(Database* db, std::string id) : m_db(db), m_id(std::move(id)) {}
    Database* m_db = nullptr;
    std::string m_id;  ///< pg_export_snapshot()'s name for the snapshot
};

}  // namespace gis::store
