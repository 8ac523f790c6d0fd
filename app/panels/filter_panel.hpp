#pragma once
/// The filters: criterion unmet, tier, disbursement below a threshold, work type and status,
/// overdue tasks. Units that do not match dim on the map and leave the ranking.
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"

namespace panels {

void drawFilters(shell::Controller& controller, const platform::UiFonts& fonts);

}  // namespace panels
