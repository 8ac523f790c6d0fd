#pragma once
/// The dashboard's filters: units that do not match dim on the map and leave the ranking.
#include <optional>
#include <string>

#include "gis/figures/summary.hpp"

namespace gis::dashboard {

struct UnitFilter {
    std::optional<int> unmetCriterion;          ///< criterion number the unit has not met (detailed assessments)
    std::optional<std::string> tier;            ///< "" (not yet at standard), "ntm", "ntm_nang_cao", "ntm_kieu_mau"
    std::optional<double> disbursedBelowPct;    ///< NTM programme disbursement rate below this
    std::optional<std::string> workType;        ///< has a work of this type (with workStatus, of that status)
    std::optional<std::string> workStatus;      ///< has a work of this status
    bool overdueTasksOnly = false;              ///< has overdue tasks

    bool active() const {
        return unmetCriterion || tier || disbursedBelowPct || workType || workStatus || overdueTasksOnly;
    }
    bool operator==(const UnitFilter& other) const = default;
};

/// The NTM programme's figures of a unit (the programme the notices rank by), or nullptr.
const figures::ProgrammeFigures* ntmProgramme(const figures::UnitSummary& unit);

/// Whether a unit's summary passes every filter that is set. Works and tasks count the unit's
/// own and its descendants'. A count-only assessment cannot say which criterion is unmet, so it
/// does not pass an unmet-criterion filter; a unit without money does not pass a rate filter.
bool passes(const UnitFilter& filter, const figures::UnitSummary& unit);

}  // namespace gis::dashboard
