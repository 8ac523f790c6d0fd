#pragma once
/// The swatch of a legend entry (fill square, road line, work symbol) as the map draws that
/// feature: shared by the on-map legend and the printed page's legend.
#include "gis/render/overlay_batch.hpp"
#include "gis/scene/render_scene.hpp"

namespace gis::render {

/// Draws `entry`'s swatch `size` px wide, its left edge at `x`, centred on `cy`; `s` is the
/// text scale the map's line widths follow.
void drawLegendSwatch(OverlayBatch& batch, const scene::LegendEntry& entry, float x, float cy, float size, float s);

}  // namespace gis::render
