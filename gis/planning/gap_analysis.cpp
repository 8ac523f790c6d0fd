#include "gis/planning/gap_analysis.hpp"

#include <algorithm>
#include <set>

#include "gis/figures/summary.hpp"
#include "gis/figures/unit_tree.hpp"
#include "gis/model/json_writer.hpp"
#include "gis/planning/work_location.hpp"
#include "gis/store/schema.hpp"

namespace gis::planning {
namespace {

/// A work that will change a criterion's state: planned or being built. A completed work that
/// left the criterion unmet fixes nothing more.
bool underWay(const model::InfrastructureItem& work) { return work.status == "planned" || work.status == "under_construction"; }

const model::Assessment* findAssessment(const store::ProjectData& project, const std::string& unit, const std::string& set,
                                        const std::string& asOf) {
    for (const model::Assessment& a : project.assessments)
        if (a.unitCode == unit && a.setId == set && a.asOf == asOf) return &a;
    return nullptr;
}

std::string criterionName(const store::ProjectData& project, const std::string& set, int number) {
    const auto it = project.criteriaSets.find(set);
    if (it == project.criteriaSets.end()) return {};
    for (const model::Criterion& c : it->second.criteria)
        if (c.number == number) return c.name;
    return {};
}

}  // namespace

const char* toString(GapState state) {
    switch (state) {
        case GapState::NotAssessed: return "not_assessed";
        case GapState::Unknown: return "unknown";
        case GapState::NoGaps: return "no_gaps";
        case GapState::Gaps: return "gaps";
    }
    return "not_assessed";
}

Result<GapReport> computeGaps(const store::ProjectData& project, const WorkTypeMapping& mapping, const GapOptions& options) {
    GapReport report;
    report.asOf = options.asOf.empty() ? figures::todayIso() : options.asOf;
    // The summary decides which assessment is in force (and validates the date and unit code,
    // accepting "6331" for 06331): the gap view never disagrees with the card.
    auto summary = figures::computeSummary(project, {report.asOf, ""});
    if (!summary) return summary.error();
    const figures::UnitTree tree(project.units);
    std::vector<std::size_t> scope;
    if (options.unitCode.empty()) {
        for (std::size_t i = 0; i < project.units.size(); ++i)
            if (project.units[i].level == "commune") scope.push_back(i);
    } else {
        auto one = figures::computeSummary(project, {report.asOf, options.unitCode});
        if (!one) return one.error();
        const std::size_t unit = *tree.find(one->front().code);
        if (project.units[unit].level == "village") {
            if (const auto commune = communeAtOrAbove(tree, unit)) scope.push_back(*commune);
        } else {
            scope = tree.communesUnder(unit);
        }
    }
    std::sort(scope.begin(), scope.end(), [&](std::size_t a, std::size_t b) { return project.units[a].code < project.units[b].code; });

    // Types planned or under way per commune.
    std::map<std::string, std::set<std::string>> underWayIn;
    const auto placed = communesOfWorks(project, tree);
    for (std::size_t w = 0; w < project.infrastructure.size(); ++w)
        if (underWay(project.infrastructure[w]))
            for (const std::string& commune : placed[w]) underWayIn[commune].insert(project.infrastructure[w].type);

    for (std::size_t i : scope) {
        const model::Unit& unit = project.units[i];
        const figures::UnitSummary& s = (*summary)[i];
        UnitGaps standing;
        standing.unitCode = unit.code;
        standing.unitName = unit.name;
        if (s.assessed) {
            standing.setId = s.criteriaSet;
            standing.asOf = s.assessmentAsOf;
            standing.criteriaMet = s.criteriaMet;
            standing.criteriaTotal = s.criteriaTotal;
            // A count that says every criterion is met leaves nothing unmet; any other count cannot say which.
            standing.state = s.detailed || s.meetsStandard ? GapState::NoGaps : GapState::Unknown;
        }
        if (standing.state == GapState::NoGaps && s.detailed) {
            const model::Assessment* assessment = findAssessment(project, unit.code, s.criteriaSet, s.assessmentAsOf);
            const auto parent = tree.parent(i);
            const std::set<std::string>& active = underWayIn[unit.code];
            for (int number : s.unmet) {
                const std::vector<std::string>& types = mapping.typesFor(s.criteriaSet, number);
                if (types.empty()) continue;  // no work fixes it (income, poverty …): not a planning gap
                if (std::any_of(types.begin(), types.end(), [&](const std::string& t) { return active.count(t) != 0; })) continue;
                Gap gap;
                gap.unitCode = unit.code;
                gap.unitName = unit.name;
                if (parent) {
                    gap.parentCode = project.units[*parent].code;
                    gap.parentName = project.units[*parent].name;
                }
                gap.setId = s.criteriaSet;
                gap.criterion = number;
                gap.criterionName = criterionName(project, s.criteriaSet, number);
                gap.workTypes = types;
                gap.asOf = s.assessmentAsOf;
                if (assessment != nullptr)
                    for (const model::CriterionResult& r : assessment->results)
                        if (r.number == number) {
                            gap.status = r.status;
                            gap.note = r.note;
                        }
                report.gaps.push_back(std::move(gap));
                ++standing.gapCount;
            }
            if (standing.gapCount > 0) standing.state = GapState::Gaps;
        }
        report.byUnit[unit.code] = report.units.size();
        report.units.push_back(std::move(standing));
    }
    return report;
}

Result<GapReport> computeGaps(const std::string& projectPath, const GapOptions& options) {
    auto db = store::openProject(projectPath, false);
    if (!db) return db.error();
    auto data = store::loadProjectData(*db, true);
    if (!data) return data.error();
    auto rows = store::loadCriterionWorkTypes(*db);
    if (!rows) return rows.error();
    return computeGaps(*data, WorkTypeMapping(*rows, data->criteriaSets), options);
}

std::string gapsToJson(const GapReport& report) {
    model::JsonWriter w;
    w.beginArray();
    auto textOrNull = [&](const std::string& text) {
        if (text.empty())
            w.null();
        else
            w.value(text);
    };
    for (const Gap& g : report.gaps) {
        w.beginObject();
        w.key("status").value("gap");
        w.key("unit_code").value(g.unitCode);
        w.key("unit_name").value(g.unitName);
        w.key("district_code");
        textOrNull(g.parentCode);
        w.key("district_name");
        textOrNull(g.parentName);
        w.key("criteria_set").value(g.setId);
        w.key("criterion").value(g.criterion);
        w.key("criterion_name").value(g.criterionName);
        w.key("criterion_status").value(model::toString(g.status));
        w.key("work_types").beginArray();
        for (const std::string& t : g.workTypes) w.value(t);
        w.endArray();
        w.key("as_of").value(g.asOf);
        w.key("note");
        textOrNull(g.note);
        w.endObject();
    }
    for (const UnitGaps& u : report.units) {
        if (u.state != GapState::Unknown) continue;
        w.beginObject();
        w.key("status").value("unknown");
        w.key("unit_code").value(u.unitCode);
        w.key("unit_name").value(u.unitName);
        w.key("criteria_set").value(u.setId);
        w.key("criterion").null();
        w.key("criterion_name").null();
        w.key("work_types").beginArray().endArray();
        w.key("criteria_met").value(u.criteriaMet);
        w.key("criteria_total").value(u.criteriaTotal);
        w.key("as_of").value(u.asOf);
        w.endObject();
    }
    w.endArray();
    return w.str();
}

}  // namespace gis::planning
