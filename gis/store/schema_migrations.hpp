#pragma once
/// The project schema, one description for both stores: versioned migrations written once in
/// SQLite's dialect and translated mechanically for PostgreSQL (types, identity keys, the UTC
/// default, PostGIS geometry), plus the few steps each backend adds after a migration.
#include <string>
#include <vector>

#include "gis/store/database.hpp"

namespace gis::store {

/// The number of migrations: the schema version this build writes.
int migrationCount();
/// Migration `step` (from version step to step + 1) in the backend's dialect.
std::string migrationSql(int step, Backend backend);
/// What the backend adds after migration `step` ("" when nothing): the GeoPackage's feature
/// table registration, PostGIS's spatial indexes.
std::string afterMigrationSql(int step, Backend backend);

/// The project's tables in the order the migrations create them (so parents come before the
/// rows that refer to them): the list copy and the dumps walk.
const std::vector<std::string>& projectTableNames();

/// Applies every migration after `from` in ONE transaction (an interrupted migration leaves the
/// old schema intact), seeds the reference data, and sets the schema version.
Status migrateProject(Database& db, int from);

}  // namespace gis::store
