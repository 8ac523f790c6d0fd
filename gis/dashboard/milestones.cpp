#include "gis/dashboard/milestones.hpp"

#include <algorithm>

namespace gis::dashboard {

MilestonePlan milestonesFor(const store::ProjectData& data, const std::string& programmeId, int year) {
    MilestonePlan plan;
    // A programme's own milestones win over the project-wide ones of the same year.
    for (const bool ownOnly : {true, false}) {
        for (const model::DisbursementMilestone& m : data.milestones)
            if (m.year == year && (ownOnly ? m.programmeId == programmeId : m.programmeId.empty()))
                plan.milestones.push_back({m.date, m.targetPct});
        if (!plan.milestones.empty()) break;
    }
    if (plan.milestones.empty()) {
        const std::string y = std::to_string(year);
        plan.milestones = {{y + "-09-30", 40.0}, {y + "-12-31", 100.0}};
        plan.isDefault = true;
    }
    std::sort(plan.milestones.begin(), plan.milestones.end(), [](const Milestone& a, const Milestone& b) { return a.date < b.date; });
    return plan;
}

std::optional<Milestone> milestoneAt(const MilestonePlan& plan, const std::string& asOf) {
    if (plan.milestones.empty()) return std::nullopt;
    for (const Milestone& m : plan.milestones)
        if (m.date >= asOf) return m;
    return plan.milestones.back();
}

}  // namespace gis::dashboard
