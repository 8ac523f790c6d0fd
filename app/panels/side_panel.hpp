#pragma once
/// The left column: which indicator colours the communes (big buttons for briefings), the
/// filters, which layers show, the slides of the briefing, fit and export.
#include <array>
#include <string>

#include "app/platform/glfw_window.hpp"
#include "gis/render/image_texture.hpp"
#include "app/shell/controller.hpp"

namespace panels {

class SidePanel {
public:
    void draw(shell::Controller& controller, const platform::UiFonts& fonts);

private:
    void drawSlides(shell::Controller& controller, const platform::UiFonts& fonts);
    void drawExport(shell::Controller& controller, const platform::UiFonts& fonts);
    std::array<char, 256> m_exportPath{"ban-do-ntm.png"};
    std::array<char, 96> m_slideName{};
    int m_exportScale = 2;  ///< the export is this many times the map view's pixels (same frame)
    int m_exportKind = 0;   ///< 0 = the current view, 1 = an A4 page, 2 = an A3 page
    bool m_exportLandscape = true;
    int m_exportDpiIndex = 0;  ///< 150, 300, 600 dpi
    gis::render::ImageTexture m_preview;  ///< the page preview shown in its popup
    int m_previewVersion = 0;
};

}  // namespace panels
