#pragma once
/// The project file: a GeoPackage whose own tables are prefixed ntm_*, with the schema version
/// in ntm_meta (GeoPackage owns application_id and user_version, see architecture P9).
#include <string>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

/// Schema version written by this build. Bump it and add a migration in schema.cpp together.
inline constexpr int kSchemaVersion = 6;

/// Creates a new, empty project at `path` (criteria sets and programmes seeded from the embedded
/// assets). The file is built beside `path` and renamed into place, so a crash never leaves a
/// half-made project. Fails when `path` exists.
Status createProject(const std::string& path);

/// Opens an existing project for reading or writing; migrates an older schema (in one
/// transaction) when writable. Errors name the file: not a GeoPackage, not a project, truncated,
/// or written by a newer version. A project another process holds locked is waited for up to
/// `busyTimeoutMs`, then reported busy (ErrorCode::Busy), never as damaged.
Result<Database> openProject(const std::string& path, bool writable, int busyTimeoutMs = Database::kDefaultBusyTimeoutMs);

/// Whether this user may write to the project: for a database, an editor's role; for a file,
/// write access to it and its folder (SQLite writes its journal beside it).
bool mayWriteProject(const std::string& location);
/// The schema version stored in ntm_meta (0 when absent).
int schemaVersion(Database& db);

}  // namespace gis::store
