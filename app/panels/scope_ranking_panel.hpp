#pragma once
/// The ranking of the scope's units one level down (districts of a province, communes of a
/// district), one criteria set at a time, sortable by any column; a row selects the unit on the
/// map, and the unit selected on the map is the highlighted row.
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"

namespace panels {

void drawScopeRanking(shell::Controller& controller, const platform::UiFonts& fonts, float height);

}  // namespace panels
