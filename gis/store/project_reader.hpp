#pragma once
/// Reads a whole project into plain model values (a district project is small: tens of units,
/// hundreds of rows; a national one is ~11k units, still fine in memory).
#include <map>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/model/ntm_types.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

struct Programme {
    std::string id;
    std::string shortName;
    std::string nameVi;
};

struct ProjectData {
    std::vector<model::Unit> units;  ///< sorted by level (province first), then code
    std::map<std::string, model::CriteriaSet> criteriaSets;
    std::vector<Programme> programmes;
    std::vector<model::Assessment> assessments;  ///< sorted by unit, as_of
    std::vector<model::CapitalPlan> plans;
    std::vector<model::Disbursement> disbursements;
    std::vector<model::InfrastructureItem> infrastructure;
    std::vector<model::Task> tasks;
    std::vector<model::Indicator> indicators;
    std::vector<model::DisbursementMilestone> milestones;  ///< by year, date
};

/// Loads every table. Geometry blobs are read only when `withGeometry` (the summary never needs them).
/// With `scopeUnit`, only that unit, its ancestors and everything under it (a province's summary
/// in a national database reads the province, not the country); criteria sets and programmes whole.
Result<ProjectData> loadProjectData(Database& db, bool withGeometry, const std::string& scopeUnit = "");

/// Only `unit` and everything under it, villages included, without geometry; criteria sets and
/// programmes whole. Empty units when no unit has that code. What one unit's own figures need
/// (gis/figures/unit_summary_read adds its siblings' money, added up by the database).
Result<ProjectData> loadSubtreeData(Database& db, const std::string& unit);

/// Saved slides in show order (empty for a project from before they existed).
Result<std::vector<model::Bookmark>> loadBookmarks(Database& db);

}  // namespace gis::store
