#pragma once
/// The row above the map: where we are (breadcrumb, each step a button back up), a search box
/// that finds a commune, district or province by name or GSO code, the date of the figures
/// (slider over the project's real dates, step and play), language and briefing switches.
#include <array>

#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"

namespace panels {

class ScopeBar {
public:
    void draw(shell::Controller& controller, const platform::UiFonts& fonts);

private:
    void drawSearch(shell::Controller& controller);
    void drawDates(shell::Controller& controller);
    std::array<char, 128> m_query{};
};

}  // namespace panels
