#pragma once
/// A project read once for the dashboard: its data (no geometry), its unit tree, and the
/// summary at each date asked for, computed once per date (scope and filter changes then cost
/// no database work and no recomputation).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/figures/summary.hpp"
#include "gis/figures/unit_tree.hpp"
#include "gis/store/project_reader.hpp"

namespace gis::dashboard {

class ProjectFigures {
public:
    /// Reads the project (read-only). Errors name the file.
    static Result<std::shared_ptr<ProjectFigures>> open(const std::string& projectPath);
    /// From data already in memory (tests).
    static std::shared_ptr<ProjectFigures> fromData(store::ProjectData data, std::string path = "");

    const store::ProjectData& data() const { return m_data; }
    const figures::UnitTree& tree() const { return m_tree; }
    const std::string& path() const { return m_path; }
    bool isDemo() const { return m_isDemo; }

    /// The dates figures change at: assessment and disbursement dates, distinct, oldest first.
    const std::vector<std::string>& dates() const { return m_dates; }
    /// The latest date, or "" when the project has no figures.
    std::string latestDate() const { return m_dates.empty() ? std::string() : m_dates.back(); }
    /// The date before `asOf` in dates(), or "" at the first.
    std::string previousDate(const std::string& asOf) const;

    /// Every unit's summary at `asOf` (index = unit index in data().units); computed once per date.
    const std::vector<figures::UnitSummary>& summaryAt(const std::string& asOf) const;

    /// The criteria set by id, or nullptr.
    const model::CriteriaSet* criteriaSet(const std::string& id) const;
    /// The programme's short name ("CTMTQG XDNTM"), or its id.
    std::string programmeName(const std::string& id) const;

private:
    ProjectFigures(store::ProjectData data, std::string path);
    store::ProjectData m_data;
    figures::UnitTree m_tree;
    std::string m_path;
    bool m_isDemo = false;
    std::vector<std::string> m_dates;
    mutable std::map<std::string, std::vector<figures::UnitSummary>> m_summaries;
};

}  // namespace gis::dashboard
