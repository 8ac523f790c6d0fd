#pragma once
/// What the dashboard shows, as one value: scope, date, indicator, filters, ranking set and the
/// map view. Bookmarks ("slides") save it in the project as text, one `key=value` a line, so a
/// project saved by a newer build still opens (unknown keys are skipped).
#include <optional>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/dashboard/unit_filter.hpp"
#include "gis/model/ntm_types.hpp"

namespace gis::dashboard {

struct MapView {
    double centerX = 0, centerY = 0;  ///< display CRS (EPSG:3857)
    double metersPerPixel = 0;
    bool operator==(const MapView& other) const = default;
};

struct DashboardState {
    std::string scope;          ///< unit code; "" = whole project
    std::string asOf;           ///< YYYY-MM-DD; "" = latest
    std::string colorField;     ///< "criteria_met", "tier", "disbursed_pct" …
    UnitFilter filter;
    std::string rankingSet;     ///< "" = the scope's most used set
    std::optional<MapView> view;  ///< none = fit the scope
    bool operator==(const DashboardState& other) const = default;
};

std::string serializeState(const DashboardState& state);
/// Parses what serializeState wrote; bad values are an error naming the line.
Result<DashboardState> parseState(const std::string& text);

/// The project's slides in show order. Errors name the file.
Result<std::vector<model::Bookmark>> readBookmarks(const std::string& projectPath);
/// Saves `state` as slide `name` (one transaction; a new name goes last, an existing one keeps
/// its place). Migrates an older project first.
Status saveBookmark(const std::string& projectPath, const std::string& name, const DashboardState& state);
Status deleteBookmark(const std::string& projectPath, const std::string& name);

}  // namespace gis::dashboard
