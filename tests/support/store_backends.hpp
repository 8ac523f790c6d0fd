#pragma once
/// The store suite runs against both backends: a GeoPackage file in the test's scratch folder,
/// and a fresh database in the throwaway PostgreSQL cluster ctest starts (fixture pg_cluster,
/// tests/support/pg_test_cluster.sh).
#include <string>
#include <vector>

#include "gis/store/database.hpp"

namespace test {

/// Both backends, for GENERATE(from_range(storeBackends())).
std::vector<gis::store::Backend> storeBackends();
const char* backendName(gis::store::Backend backend);

/// Where a new, empty project for `testName` can be created (nothing there yet): a .gpkg path,
/// or "PG:…" naming a new database that has PostGIS. Fails the test when the cluster is not running.
std::string freshProjectLocation(gis::store::Backend backend, const std::string& testName);

namespace pg {
/// The test cluster's superuser connection string (libpq form, dbname=postgres).
std::string adminConninfo();
/// A "PG:" location for database `dbname` as `user` with `password` ("" = the superuser, no password).
std::string location(const std::string& dbname, const std::string& user = "", const std::string& password = "");
/// Runs SQL as the superuser in `dbname`; fails the test on error.
void adminExec(const std::string& dbname, const std::string& sql);
/// The same, tried up to three times (for statements on server-wide objects that tests running
/// at once may race on, like CREATE ROLE).
void adminExecRetrying(const std::string& dbname, const std::string& sql);
}  // namespace pg

}  // namespace test
