#pragma once
/// The key of a layer's symbols in the layer panel (roads by status, each work type, status
/// fills, the overdue ring), so the map's own legend can stay with the thematic classes and
/// leave the map free. Shapes are drawn close to the map's, from the same legend entries.
#include "gis/core/translation.hpp"
#include "gis/scene/render_scene.hpp"

namespace panels {

void drawLegendKey(const gis::scene::Legend& legend, gis::Language language);

}  // namespace panels
