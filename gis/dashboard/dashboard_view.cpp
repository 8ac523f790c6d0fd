#include "gis/dashboard/dashboard_view.hpp"

#include <unordered_map>
#include <unordered_set>

namespace gis::dashboard {

DashboardView buildDashboardView(const ProjectFigures& figures, const ViewRequest& request) {
    DashboardView view;
    const DashboardState& state = request.state;
    view.asOf = state.asOf.empty() ? figures.latestDate() : state.asOf;
    view.title = scopeTitle(figures, state.scope, view.asOf, request.language);
    view.breadcrumb = breadcrumb(figures, state.scope, request.language);
    view.kpis = computeKpis(figures, state.scope, view.asOf, request.language);
    RankingQuery query;
    query.scope = state.scope;
    query.asOf = view.asOf;
    query.setId = state.rankingSet;
    query.sortBy = request.sortBy;
    query.descending = request.descending;
    query.filter = state.filter;
    view.ranking = rankScope(figures, query, request.language);
    // A commune as the scope is its own card; otherwise the unit selected on the map or in the ranking.
    const auto scopeUnit = figures.tree().find(state.scope);
    const bool communeScope = scopeUnit && figures.data().units[*scopeUnit].level == "commune";
    const std::string cardUnit = communeScope ? state.scope : request.selectedUnit;
    if (!cardUnit.empty()) view.card = buildCommuneCard(figures, cardUnit, view.asOf, request.language);
    return view;
}

std::vector<scene::Emphasis> emphasisFor(const ProjectFigures& figures, const DashboardState& state, const scene::MapDocument& document) {
    const std::string asOf = state.asOf.empty() ? figures.latestDate() : state.asOf;
    std::unordered_set<std::string> inScope;
    for (std::size_t c : scopeCommunes(figures, state.scope)) inScope.insert(figures.data().units[c].code);
    std::unordered_map<std::string, std::size_t> unitIndex;
    const bool filtering = state.filter.active();
    const std::vector<figures::UnitSummary>* summary = filtering ? &figures.summaryAt(asOf) : nullptr;
    const scene::MapLayer& main = document.layers()[document.mainLayerIndex()];
    std::vector<scene::Emphasis> out(main.data.features.size(), scene::Emphasis::Normal);
    for (std::size_t f = 0; f < out.size(); ++f) {
        const std::string code = document.featureCode(f);
        if (inScope.count(code) == 0) {
            out[f] = scene::Emphasis::Outside;
            continue;
        }
        if (!filtering) continue;
        const auto unit = figures.tree().find(code);
        if (!unit || *unit >= summary->size() || !passes(state.filter, (*summary)[*unit])) out[f] = scene::Emphasis::Dimmed;
    }
    return out;
}

Bounds scopeBounds(const ProjectFigures& figures, const std::string& scope, const scene::MapDocument& document) {
    std::vector<std::size_t> features;
    for (std::size_t c : scopeCommunes(figures, scope))
        if (const auto f = document.featureByCode(figures.data().units[c].code)) features.push_back(*f);
    return document.featuresBounds(features);
}

}  // namespace gis::dashboard
