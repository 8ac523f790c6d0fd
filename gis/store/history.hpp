#pragma once
/// The project's history (ntm_history, schema 3): every edit, undo, redo and import, with when,
/// who (the OS user), what, old → new and the source file of an import. Rows are written inside
/// the transaction of the change they record, so the history never disagrees with the data.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

struct HistoryEntry {
    std::int64_t id = 0;
    std::string atUtc;     ///< YYYY-MM-DDTHH:MM:SSZ (set by the store when written)
    std::string user;      ///< OS user name
    std::string action;    ///< "edit" | "undo" | "redo" | "import"
    std::string unitCode;  ///< the unit an edit is about ("" for an import, see touchedUnits)
    std::string subject;   ///< "tiêu chí 2 Giao thông (ntm_xa_2021_2025)", "công trình #12 Trạm y tế xã …", "import criteria"
    std::string field;     ///< "status", "deadline", "budget_vnd", "note" … ("" for an import)
    std::string oldValue, newValue;
    std::string sourceFile;  ///< the imported file
    std::string note;        ///< the editor's note, or the sheet of an import
};

/// The OS user running this process (getpwuid, else $USER / $LOGNAME, else "unknown").
std::string osUserName();

/// Appends one row (user filled in when empty), plus the units it touched (imports) so each
/// unit's history lists it. Inside the caller's transaction. A project without the table
/// (opened read-only before schema 3) is never written to, so this does not check.
Status appendHistory(Database& db, const HistoryEntry& entry, const std::set<std::string>& touchedUnits = {});

/// History rows, newest first; `unitCodes` non-empty: only rows about one of those units (edits
/// of it and imports that touched it). Empty for a project from before schema 3.
Result<std::vector<HistoryEntry>> loadHistory(Database& db, const std::set<std::string>& unitCodes = {});

}  // namespace gis::store
