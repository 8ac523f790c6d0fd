#include "gis/dashboard/unit_filter.hpp"

#include <algorithm>

namespace gis::dashboard {

const figures::ProgrammeFigures* ntmProgramme(const figures::UnitSummary& unit) {
    for (const figures::ProgrammeFigures& p : unit.programmes)
        if (p.programme.rfind("ntp_ntm", 0) == 0) return &p;
    return nullptr;
}

namespace {

bool hasWork(const figures::UnitSummary& unit, const std::optional<std::string>& type, const std::optional<std::string>& status) {
    for (const auto& [workType, byStatus] : unit.infrastructure) {
        if (type && workType != *type) continue;
        for (const auto& [workStatus, count] : byStatus)
            if (count > 0 && (!status || workStatus == *status)) return true;
    }
    return false;
}

}  // namespace

bool passes(const UnitFilter& filter, const figures::UnitSummary& unit) {
    if (filter.unmetCriterion) {
        if (!unit.assessed || !unit.detailed) return false;
        if (std::find(unit.unmet.begin(), unit.unmet.end(), *filter.unmetCriterion) == unit.unmet.end()) return false;
    }
    if (filter.tier && (!unit.assessed || unit.tier != *filter.tier)) return false;
    if (filter.disbursedBelowPct) {
        const figures::ProgrammeFigures* ntm = ntmProgramme(unit);
        if (ntm == nullptr || !ntm->disbursedPct || *ntm->disbursedPct >= *filter.disbursedBelowPct) return false;
    }
    if ((filter.workType || filter.workStatus) && !hasWork(unit, filter.workType, filter.workStatus)) return false;
    if (filter.overdueTasksOnly && unit.tasksOverdue == 0) return false;
    return true;
}

}  // namespace gis::dashboard
