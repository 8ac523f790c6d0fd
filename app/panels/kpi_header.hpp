#pragma once
/// The headline figures of the scope across the top, one card each: the figure large, its
/// reference (province, milestone, rank) and its change since the previous date below, in the
/// notices' wording. A figure the project does not hold says so in grey.
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"

namespace panels {

void drawKpiHeader(const shell::Controller& controller, const platform::UiFonts& fonts);

/// The header's height for the current fonts (the workspace lays out around it).
float kpiHeaderHeight(const platform::UiFonts& fonts);

}  // namespace panels
