#pragma once
/// Disbursement milestones of a plan year: the project's own (ntm_disbursement_milestones), or
/// the ones the notices set when the project has none for that year: at least 40 % of the plan
/// by 30/9 and 100 % by 31/12 (conclusion notice on 2024 public investment).
#include <optional>
#include <string>
#include <vector>

#include "gis/store/project_reader.hpp"

namespace gis::dashboard {

struct Milestone {
    std::string date;  ///< YYYY-MM-DD
    double targetPct = 0;
};

struct MilestonePlan {
    std::vector<Milestone> milestones;  ///< by date
    bool isDefault = false;             ///< true when the project sets none for the year
};

MilestonePlan milestonesFor(const store::ProjectData& data, const std::string& programmeId, int year);

/// The milestone a rate is judged against at `asOf`: the first one on or after it, else the last.
std::optional<Milestone> milestoneAt(const MilestonePlan& plan, const std::string& asOf);

}  // namespace gis::dashboard
