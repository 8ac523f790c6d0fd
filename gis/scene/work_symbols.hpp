#pragma once
/// How infrastructure works look on the map: a shape and colour per type, the fill per status,
/// a red ring (points) or red casing (roads) when overdue, and the legend entries of exactly the
/// types and statuses a layer holds. Pure functions of the data.
#include <string>
#include <vector>

#include "gis/core/color.hpp"
#include "gis/data/vector_layer.hpp"
#include "gis/scene/render_scene.hpp"

namespace gis::scene {

/// The look of one infrastructure type.
struct WorkTypeLook {
    const char* type;    ///< canonical slug (README "infrastructure")
    const char* label;   ///< legend text
    PointSymbol shape;
    Rgba8 color;
};

/// The look of a type slug; unknown slugs get the generic look (grey diamond, "Công trình khác").
const WorkTypeLook& workTypeLook(const std::string& type);
/// Every known type, in legend order, then the generic look last.
const std::vector<WorkTypeLook>& workTypeLooks();

/// Roads (line layers) in every status: dark, so the light casing makes them read on every class.
inline constexpr Rgba8 kRoadColor{45, 45, 58, 255};

/// "planned", "under_construction", "completed"; anything else (no status column) draws completed.
WorkStatus parseWorkStatus(const std::string& status);
/// Legend text of a status: "Hoàn thành", "Đang thi công", "Kế hoạch".
const char* workStatusLabel(WorkStatus status);

/// One symbol per feature from the layer's `type`, `status` and `overdue` fields (any may be
/// missing); features without a type take `fallbackShape`.
std::vector<FeatureSymbol> workSymbols(const data::VectorLayer& layer, PointSymbol fallbackShape);

/// Legend of an infrastructure point layer: one entry per type present (its shape, filled), one
/// per status present (a neutral circle, filled / half / hollow), and "Quá hạn" when any is overdue.
std::vector<LegendEntry> workPointLegend(const std::vector<FeatureSymbol>& symbols, const std::vector<Rgba8>& colors);
/// Legend of a road layer: one line entry per status present, and one for overdue roads.
std::vector<LegendEntry> roadLegend(const std::vector<FeatureSymbol>& symbols, const std::string& layerLabel);

}  // namespace gis::scene
