#pragma once
/// The window's one full-screen layout, shared by the app and the UI tests: scope bar and
/// headline figures on top; indicator, filters, layers and slides on the left; the map; the
/// ranking and the selected commune's card on the right; the status line below. Briefing mode
/// drops the left column and scales the type with the monitor.
#include <imgui.h>

#include "app/panels/import_dialog.hpp"
#include "app/panels/map_view.hpp"
#include "app/panels/ranking_panel.hpp"
#include "app/panels/scope_bar.hpp"
#include "app/panels/side_panel.hpp"
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"

namespace shell {

class Workspace {
public:
    explicit Workspace(gis::render::Renderer& renderer) : m_map(renderer) {}
    /// Draws the whole window (call between ImGui::NewFrame and ImGui::Render).
    void draw(Controller& controller, const platform::UiFonts& fonts);
    /// Where the map's top-left corner was drawn last frame (screen pixels).
    ImVec2 mapOrigin() const { return m_mapOrigin; }
    ImVec2 mapSize() const { return m_mapSize; }
    const panels::MapView& map() const { return m_map; }
    /// A file dropped on the window: the import dialog opens on it and previews it.
    void openImport(Controller& controller, const std::string& file) { m_import.openWith(controller, file); }

private:
    void drawRightColumn(Controller& controller, const platform::UiFonts& fonts);
    void handleSlideKeys(Controller& controller);
    panels::SidePanel m_side;
    panels::MapView m_map;
    panels::ScopeBar m_scopeBar;
    panels::RankingPanel m_plainRanking;
    panels::ImportDialog m_import;
    bool m_gapViewShown = false;  ///< the map was coloured by gaps last frame
    ImVec2 m_mapOrigin{0, 0};
    ImVec2 m_mapSize{0, 0};
};

}  // namespace shell
