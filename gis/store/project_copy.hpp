#pragma once
/// `ntm-atlas copy SOURCE DEST`: a whole project from one store into a new one (a district's
/// GeoPackage into the province database and back), every table and row, ids kept so history,
/// results and links still point where they did. One transaction on the destination.
#include <functional>
#include <string>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

struct CopyReport {
    int tables = 0;
    long long rows = 0;
};

/// Copies `source` into `destination`, which must not hold a project yet (a new .gpkg path, or
/// a database without one: it is created). Then compares both dumps, so "copied" means equal.
/// `progress` (optional) hears each table as it is copied.
Result<CopyReport> copyProject(const std::string& source, const std::string& destination,
                               const std::function<void(const std::string& table, long long rows)>& progress = {});

/// Every row of every project table as text, in a fixed order (ids, values, geometry as hex):
/// two projects with equal dumps hold the same data, whatever store they live in.
Result<std::string> dumpProject(Database& db);

}  // namespace gis::store
