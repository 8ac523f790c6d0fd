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
///
/// Another program may change the parent links behind the store's back (QGIS on the GeoPackage,
/// a SQL script on the server). Triggers in both databases (installed by the migration to schema
/// 6) then mark the codes stale (ntm_meta's 'province_codes' row), whichever client wrote; readers
/// trust the codes only while that row says 'current' and walk the parent links otherwise. The
/// store's own writers mark them current again once they have worked them out.
#include <string>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

/// Whether the project has the column (schema 6 and later; an older project opened read-only
/// is read as it is, so its readers walk the parent links instead).
bool hasProvinceCodes(Database& db);

/// Whether the codes can be trusted: the column is there and nothing has changed the parent
/// links since the store last worked them out. One indexed lookup.
bool provinceCodesCurrent(Database& db);

/// Records that the codes are right (the caller has just worked them out, in its transaction).
Status markProvinceCodesCurrent(Database& db);

/// The triggers that mark the codes stale on any insert, delete or change of a unit's code or
/// parent, by any client (created or replaced; for the migration to schema 6).
Status installProvinceCodeTriggers(Database& db);

/// The key of ntm_meta's row saying whether the codes are current: the store's own state, left
/// out of the copy's rows and of the dumps that compare two stores.
inline constexpr const char* kProvinceCodesKey = "province_codes";

/// Sets the province code of every unit from the parent links, writing only the rows whose code
/// changes. For the migration and the copy; the caller holds the transaction.
Status refreshProvinceCodes(Database& db);

/// One statement, ?1 a unit's code: sets the province code of that unit and of everything under
/// it to the top of the unit's own chain. Run after each write of a unit (its parent may have
/// changed, or units listing it as their parent may have come before it), which is all a
/// write can change: only the chains through that unit.
const char* provinceCodesBelowSql();

/// One statement, ?1 the code of a unit no other unit names as its parent: sets its province code
/// to its parent's, or to its own code when it is a top. Right when every other code is (a chain
/// through a unit without children can only end there), and far cheaper than the walk: most
/// writes of a unit are such leaves (a village, a commune imported after its district).
const char* provinceCodeOfLeafSql();

}  // namespace gis::store
