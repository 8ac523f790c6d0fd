#pragma once
/// Where a project lives: a GeoPackage file path, or a PostgreSQL database named as GDAL names
/// one, "PG:host=… port=… dbname=… user=…" (libpq's service files, ~/.pgpass and PG* environment
/// variables fill in what the string leaves out).
#include <string>
#include <string_view>

namespace gis::store {

/// true for "PG:…" (any case, as GDAL accepts it).
bool isPostgresLocation(std::string_view location);
/// The libpq connection string after "PG:" ("" means libpq's defaults from the environment).
std::string postgresConninfo(std::string_view location);
/// A short name for titles: the file's stem, or the database name of a "PG:" location.
std::string projectShortName(std::string_view location);
/// `text` with every password masked: "password=***" in keyword/value strings, "user:***@" in
/// postgresql:// URIs. Applied to every message, title and log line that may carry a location.
std::string maskSecrets(std::string_view text);

}  // namespace gis::store
