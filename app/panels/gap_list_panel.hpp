#pragma once
/// The planner's gap list: in the scope, each commune's unmet criteria that no planned or
/// ongoing work will fix, with the work types that would; a click opens the commune's card.
/// Communes with a count-only result are counted apart ("gaps unknown"), never listed as fine.
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"

namespace panels {

void drawGapList(shell::Controller& controller, const platform::UiFonts& fonts, float height);

}  // namespace panels
