#pragma once
/// Which infrastructure types can bring a criterion to "met" (2 Giao thông ↔ road, bridge …):
/// data in the project (ntm_criterion_work_types, schema 3), seeded with the national default
/// and replaced per set by `import work-types` or the planner's editor.
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

struct CriterionWorkType {
    std::string setId;
    int number = 0;
    std::string workType;  ///< an infrastructure type slug (road, bridge, school …)
};

/// The default of both national commune sets (ntm_xa_2016_2020, ntm_xa_2021_2025): 2 ↔ road,
/// bridge; 3 ↔ irrigation; 5 ↔ school; 6 ↔ cultural_house, sports; 7 ↔ market; 15 ↔ health_station;
/// 17 ↔ waste_site, clean_water.
const std::vector<CriterionWorkType>& defaultCriterionWorkTypes();

/// Inserts the default rows (for the sets the project has). Runs inside the caller's transaction.
Status seedDefaultWorkTypes(Database& db);

/// Every stored row, by set and number. A project from before schema 3 (opened read-only) has
/// no table: it reads as the default, which is what its migration will store.
Result<std::vector<CriterionWorkType>> loadCriterionWorkTypes(Database& db);

/// Replaces the whole mapping of `setId` by `rows` (all of that set). Inside the caller's transaction;
/// a number the set does not have fails on the foreign key.
Status replaceSetWorkTypes(Database& db, const std::string& setId, const std::vector<CriterionWorkType>& rows);

}  // namespace gis::store
