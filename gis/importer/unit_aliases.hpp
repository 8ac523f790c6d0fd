#pragma once
/// Other names of units (ntm_unit_aliases, schema 4): a name as a sheet writes it ("Thọ Sơm",
/// "Xã Thọ Sơn cũ") remembered for a unit, so the next import matches it like the unit's own name.
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::importer {

struct UnitAlias {
    std::string aliasKey;  ///< folded as the matcher folds names (model::unitFoldKey)
    std::string unitCode;
    std::string alias;     ///< as written
};

/// Remembers `alias` (a name as a sheet writes it) as another name of unit `unitCode`, so the next import
/// matches it: one transaction, a history row (gis/store/history). Errors name the unknown unit.
Status addUnitAlias(const std::string& projectPath, const std::string& alias, const std::string& unitCode);

/// Every alias of the project; empty for a project from before schema 4 (opened read-only as it is).
Result<std::vector<UnitAlias>> loadUnitAliases(store::Database& db);

}  // namespace gis::importer
