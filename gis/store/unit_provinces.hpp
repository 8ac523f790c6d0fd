#pragma once
/// Each unit's province code (ntm_units.province_code, schema 6): the code of the unit at the top
/// of its chain of parents, the province in a well-formed tree. With it a province's subtree is one
/// indexed equality (units WHERE province_code = ?) and its siblings' money one GROUP BY, where
/// PostgreSQL walked the parent links level by level (27–33 ms and 18–32 ms of a 143–193 ms
/// summary on the national project). The store keeps it right on every write of a unit: the unit
/// writer, the copy and the migration that adds it all go through here.
///
/// The top of a chain is the first unit whose parent is empty, itself, or no unit at all. A unit
/// whose chain loops (A's parent B, B's parent A) has no top: its province code is NULL, and no
/// province's subtree holds it, as no walk down from a top reaches it.
#include <string>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

/// Whether the project has the column (schema 6 and later; an older project opened read-only
/// is read as it is, so its readers walk the parent links instead).
bool hasProvinceCodes(Database& db);

/// Sets the province code of every unit from the parent links, writing only the rows whose code
/// changes. For the migration and the copy; the caller holds the transaction.
Status refreshProvinceCodes(Database& db);

/// One statement, ?1 a unit's code: sets the province code of that unit and of everything under
/// it to the top of the unit's own chain. Run after each write of a unit (its parent may have
/// changed, or units listing it as their parent may have come before it), which is all a
/// write can change: only the chains through that unit.
const char* provinceCodesBelowSql();

}  // namespace gis::store
