#pragma once
/// Gap analysis: which commune-level units miss a criterion that nothing planned will fix. A gap
/// is a criterion the unit's assessment in force at the as-of date (the one its summary and card
/// show) leaves unmet — in progress counts as unmet — while no work of a mapped type is planned
/// or under construction in the unit. A count-only assessment ("14/19") cannot say which
/// criterion is unmet: the unit is "unknown", never a gap and never gap-free (unless the count
/// is full, 19/19: then nothing is unmet).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/planning/work_type_mapping.hpp"
#include "gis/store/project_reader.hpp"

namespace gis::planning {

/// One unmet criterion with nothing planned to fix it.
struct Gap {
    std::string unitCode, unitName;
    std::string parentCode, parentName;  ///< the district (or province) the unit is in
    std::string setId;
    int criterion = 0;
    std::string criterionName;
    std::vector<std::string> workTypes;  ///< the mapped types (none of them planned or under construction there)
    std::string asOf;                    ///< date of the assessment that leaves it unmet
    model::CriterionStatus status = model::CriterionStatus::NotMet;  ///< NotMet or InProgress
    std::string note;                    ///< the assessment's note on the criterion
};

/// How a commune-level unit stands, for colouring the gap view.
enum class GapState {
    NotAssessed,  ///< no assessment at the as-of date
    Unknown,      ///< count-only assessment: cannot tell
    NoGaps,       ///< detailed, and every unmet mapped criterion has a work planned or under way (or none is unmet)
    Gaps,         ///< detailed, with at least one gap
};
const char* toString(GapState state);

struct UnitGaps {
    std::string unitCode, unitName;
    GapState state = GapState::NotAssessed;
    int gapCount = 0;            ///< Gaps only
    std::string setId, asOf;     ///< the assessment in force ("" when not assessed)
    int criteriaMet = 0, criteriaTotal = 0;
};

struct GapReport {
    std::string asOf;                 ///< the date the analysis is at
    std::vector<Gap> gaps;            ///< by unit code, then criterion
    std::vector<UnitGaps> units;      ///< every commune-level unit in scope, by code
    /// unitCode → index into `units`: what the map colours by.
    std::map<std::string, std::size_t> byUnit;
};

struct GapOptions {
    std::string asOf;      ///< YYYY-MM-DD; empty = today (UTC)
    std::string unitCode;  ///< empty = every unit; else this unit and everything under it
};

/// The analysis over `project` (loaded WITH geometry, so works without a unit code are placed
/// by where they are). Fails on a bad date or an unknown unit code.
Result<GapReport> computeGaps(const store::ProjectData& project, const WorkTypeMapping& mapping, const GapOptions& options);

/// The whole path from a project file: opens it read-only, loads data and mapping, computes.
Result<GapReport> computeGaps(const std::string& projectPath, const GapOptions& options);

/// The JSON of the CLI: an array with one object per gap (status "gap": unit_code, unit_name,
/// district_code, district_name, criteria_set, criterion, criterion_name, criterion_status,
/// work_types, as_of, note), then one per count-only unit (status "unknown": criterion null,
/// criterion_name null, work_types [], criteria_met, criteria_total, as_of).
std::string gapsToJson(const GapReport& report);

}  // namespace gis::planning
