#pragma once
/// Tells an open window that someone else has committed a change to its project, so it can
/// re-read and redraw: PostgreSQL's LISTEN/NOTIFY on the project's change channel (the tables'
/// triggers announce every commit), SQLite's data_version on a connection kept open for it.
/// Polled from the frame loop; never blocks.
#include <memory>
#include <string>

#include "gis/core/result.hpp"

namespace gis::store {

class ChangeWatch {
public:
    static Result<std::unique_ptr<ChangeWatch>> start(const std::string& location);
    virtual ~ChangeWatch() = default;
    /// true once for every batch of commits made since the last call (by any other connection).
    virtual bool changed() = 0;
};

}  // namespace gis::store
