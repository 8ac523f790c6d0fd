#pragma once
/// Seeds a new project with the national criteria sets and programmes from the embedded assets
/// (criteria_sets.json, programmes.json), so results can be keyed by (set, number) from the start.
#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

/// Inserts every criteria set, its criteria and every programme. Runs inside the caller's transaction.
Status seedReferenceData(Database& db);

}  // namespace gis::store
