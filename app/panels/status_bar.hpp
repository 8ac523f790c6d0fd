#pragma once
#include "app/shell/controller.hpp"
#include "gis/render/renderer.hpp"

namespace panels {

/// The bottom line: the feature under the cursor, the scale, and the renderer's counters.
void drawStatusBar(const shell::Controller& controller, const gis::render::RenderStats& stats);

}  // namespace panels
