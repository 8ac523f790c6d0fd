#include "gis/dashboard/project_figures.hpp"

#include <algorithm>
#include <set>

#include "gis/demo/demo_district.hpp"
#include "gis/store/schema.hpp"

namespace gis::dashboard {

ProjectFigures::ProjectFigures(store::ProjectData data, std::string path)
    : m_data(std::move(data)), m_tree(m_data.units), m_path(std::move(path)) {
    std::set<std::string> dates;
    for (const model::Assessment& a : m_data.assessments) dates.insert(a.asOf);
    for (const model::Disbursement& d : m_data.disbursements) dates.insert(d.date);
    dates.erase("");
    m_dates.assign(dates.begin(), dates.end());
    m_isDemo = std::any_of(m_data.units.begin(), m_data.units.end(),
                           [](const model::Unit& u) { return u.source == demo::kDemoMarker; });
}

Result<std::shared_ptr<ProjectFigures>> ProjectFigures::open(const std::string& projectPath) {
    auto db = store::openProject(projectPath, false);
    if (!db) return db.error();
    auto data = store::loadProjectData(*db, false);
    if (!data) return data.error();
    return fromData(std::move(data).value(), projectPath);
}

std::shared_ptr<ProjectFigures> ProjectFigures::fromData(store::ProjectData data, std::string path) {
    return std::shared_ptr<ProjectFigures>(new ProjectFigures(std::move(data), std::move(path)));
}

std::string ProjectFigures::previousDate(const std::string& asOf) const {
    const auto it = std::lower_bound(m_dates.begin(), m_dates.end(), asOf);
    if (it == m_dates.begin()) return "";
    return *std::prev(it);
}

const std::vector<figures::UnitSummary>& ProjectFigures::summaryAt(const std::string& asOf) const {
    auto found = m_summaries.find(asOf);
    if (found != m_summaries.end()) return found->second;
    figures::SummaryOptions options;
    options.asOf = asOf.empty() ? figures::todayIso() : asOf;
    auto computed = figures::computeSummary(m_data, options);
    // A bad date cannot reach here (dates come from the project or are checked by the caller);
    // an empty summary keeps the dashboard drawing rather than failing a frame.
    std::vector<figures::UnitSummary> summaries = computed ? std::move(computed).value() : std::vector<figures::UnitSummary>{};
    return m_summaries.emplace(asOf, std::move(summaries)).first->second;
}

const model::CriteriaSet* ProjectFigures::criteriaSet(const std::string& id) const {
    const auto it = m_data.criteriaSets.find(id);
    return it == m_data.criteriaSets.end() ? nullptr : &it->second;
}

std::string ProjectFigures::programmeName(const std::string& id) const {
    for (const store::Programme& p : m_data.programmes)
        if (p.id == id) return p.shortName.empty() ? p.id : p.shortName;
    return id;
}

}  // namespace gis::dashboard
