#pragma once
/// Everything the dashboard's panels draw for one state, computed in one place whenever the
/// state changes (not per frame): title, breadcrumb, headline figures, ranking, the selected
/// commune's card, and how each commune on the map stands (in scope, filtered out, outside).
#include <optional>
#include <string>
#include <vector>

#include "gis/dashboard/commune_card.hpp"
#include "gis/dashboard/dashboard_state.hpp"
#include "gis/dashboard/kpis.hpp"
#include "gis/dashboard/scope.hpp"
#include "gis/dashboard/scope_ranking.hpp"
#include "gis/scene/map_document.hpp"

namespace gis::dashboard {

struct DashboardView {
    std::string title;       ///< "Huyện Bắc Sơn — số liệu đến 22/04/2024"
    std::string asOf;        ///< the date the figures are at (the state's, or the latest)
    std::vector<BreadcrumbItem> breadcrumb;
    std::vector<Kpi> kpis;
    RankingTable ranking;
    std::optional<CommuneCard> card;  ///< the selected unit's card
};

struct ViewRequest {
    DashboardState state;
    std::string selectedUnit;  ///< "" = none
    RankColumn sortBy = RankColumn::Criteria;
    bool descending = true;
    Language language = Language::Vi;
};

DashboardView buildDashboardView(const ProjectFigures& figures, const ViewRequest& request);

/// One emphasis per feature of the document's main layer: neighbours outside the scope grey,
/// units that fail the filters dimmed. Features are matched to units by their "code".
std::vector<scene::Emphasis> emphasisFor(const ProjectFigures& figures, const DashboardState& state, const scene::MapDocument& document);

/// The display-CRS bounds of the scope's communes on the map (invalid when none has geometry).
Bounds scopeBounds(const ProjectFigures& figures, const std::string& scope, const scene::MapDocument& document);

}  // namespace gis::dashboard
