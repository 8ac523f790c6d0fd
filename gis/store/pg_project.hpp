#pragma once
/// A project in PostgreSQL + PostGIS: created in an existing database, opened with the checks the
/// GeoPackage gets (a project? which version? may this user write?), and shared with two roles:
/// ntm_reader (leaders' screens: read only) and ntm_editor (planners: imports and edits).
#include <string>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

inline constexpr const char* kReaderRole = "ntm_reader";
inline constexpr const char* kEditorRole = "ntm_editor";
/// The channel every change to a project table is announced on (statement-level triggers).
inline constexpr const char* kChangeChannel = "ntm_project_changed";

/// Creates the project's tables in the database `location` names (which must exist and hold no
/// project), with PostGIS, the two roles and the change triggers.
Status createPostgresProject(const std::string& location);
/// Opens it; `writable` fails with ErrorCode::ReadOnly, naming the roles, for a read-only user.
Result<Database> openPostgresProject(const std::string& location, bool writable, int busyTimeoutMs);
/// Inside a migration: the two roles' grants on every table and sequence, and the triggers that
/// NOTIFY kChangeChannel (the roles themselves are created before, outside the transaction).
Status shareWithRoles(Database& db);
/// Whether the connected user may write to the project (insert into its tables).
bool mayWrite(Database& db);
/// The connected user's name (history rows of PostgreSQL projects name the database user).
std::string databaseUser(Database& db);

}  // namespace gis::store
