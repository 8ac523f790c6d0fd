#pragma once
/// The selected commune's card: criteria checklist (or the count alone), assessments over time,
/// money against the milestones, works and tasks (overdue first). Draws the view model as it is.
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"

namespace panels {

void drawCommuneCard(shell::Controller& controller, const platform::UiFonts& fonts);

}  // namespace panels
