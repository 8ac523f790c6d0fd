#pragma once
/// The bottom line: demo marker, the feature under the cursor, the map scale. No renderer
/// figures: those are for the benchmark, not for a briefing.
#include "app/shell/controller.hpp"

namespace panels {

void drawStatusBar(const shell::Controller& controller);

}  // namespace panels
