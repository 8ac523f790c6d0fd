#include "app/shell/workspace.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/panels/commune_card_panel.hpp"
#include "app/panels/feature_info_panel.hpp"
#include "app/panels/gap_list_panel.hpp"
#include "app/panels/kpi_header.hpp"
#include "app/panels/scope_ranking_panel.hpp"
#include "app/panels/status_bar.hpp"
#include "app/panels/widget_probe.hpp"

namespace shell {

namespace {
constexpr float kSideWidth = 290.0f;
constexpr float kRightWidth = 520.0f;
constexpr ImGuiWindowFlags kWorkspaceFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                             ImGuiWindowFlags_NoBringToFrontOnFocus;
}  // namespace

void Workspace::handleSlideKeys(Controller& controller) {
    // Arrow keys step the slides like a presentation, unless the user is typing somewhere.
    if (controller.dashboard() == nullptr || ImGui::GetIO().WantTextInput) return;
    // Ctrl+Z / Ctrl+Y undo and redo the planner's edits (ImGui 1.86 indexes keys by the backend's codes: GLFW's Z and Y are 'Z', 'Y').
    if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('Z', false)) controller.push(UndoEdit{});
    if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('Y', false)) controller.push(RedoEdit{});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown)))
        controller.push(StepSlide{+1});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp)))
        controller.push(StepSlide{-1});
}

void Workspace::drawRightColumn(Controller& controller, const platform::UiFonts& fonts) {
    if (controller.dashboard() == nullptr) {
        panels::drawFeatureInfo(controller);
        if (!m_plainRanking.draw(controller)) panels::drawPlainFileHints(controller);
        return;
    }
    const bool hasCard = controller.dashboard()->view.card.has_value();
    if (hasCard && controller.dashboard()->view.ranking.rows.empty() && !controller.dashboard()->state.filter.active()) {
        panels::drawCommuneCard(controller, fonts);  // a commune as the scope: nothing below it to rank
        return;
    }
    const float available = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing();
    const float listHeight = hasCard ? std::max(available * 0.42f, 160.0f) : available - ImGui::GetFrameHeightWithSpacing() * 2;
    // The ranking for a briefing; the gap list for a planner (opening it colours the map by gaps).
    if (ImGui::BeginTabBar("lists")) {
        const bool rankingOpen = ImGui::BeginTabItem(gis::tr(gis::Text::Ranking, controller.language()));
        panels::recordWidget("tab:ranking");
        if (rankingOpen) {
            panels::drawScopeRanking(controller, fonts, listHeight);
            ImGui::EndTabItem();
        }
        // Choosing the gap indicator opens the gap list too (once, when it is chosen).
        const bool gapView = controller.dashboard()->state.colorField == "gap_count";
        const ImGuiTabItemFlags gapFlags = gapView && !m_gapViewShown ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        m_gapViewShown = gapView;
        const bool gapsOpen = ImGui::BeginTabItem(gis::tr(gis::Text::GapsTab, controller.language()), nullptr, gapFlags);
        panels::recordWidget("tab:gaps");
        if (gapsOpen) {
            panels::drawGapList(controller, fonts, listHeight);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (!hasCard) return;
    ImGui::Separator();
    ImGui::BeginChild("card", ImVec2(0, 0), false);
    panels::drawCommuneCard(controller, fonts);
    ImGui::EndChild();
}

void Workspace::draw(Controller& controller, const platform::UiFonts& fonts) {
    const bool briefing = controller.view().briefingMode;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // Briefing type follows the monitor: a 4K wall screen gets twice the size of a laptop's.
    ImGui::GetIO().FontGlobalScale = briefing ? std::clamp(viewport->WorkSize.y / 1080.0f, 1.0f, 2.0f) : 1.0f;
    ImGui::PushFont(briefing && fonts.large != nullptr ? fonts.large : fonts.regular);
    panels::clearWidgets();
    handleSlideKeys(controller);
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    if (ImGui::Begin("workspace", nullptr, kWorkspaceFlags)) {
        const float statusHeight = ImGui::GetFrameHeightWithSpacing() + 4.0f;
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
        if (controller.dashboard() != nullptr) {
            ImGui::BeginChild("scope bar", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + 16), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
            m_scopeBar.draw(controller, fonts);
            ImGui::EndChild();
            ImGui::BeginChild("kpis", ImVec2(0, panels::kpiHeaderHeight(fonts)), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
            panels::drawKpiHeader(controller, fonts);
            ImGui::EndChild();
        }
        const float scale = ImGui::GetIO().FontGlobalScale * (briefing ? 1.3f : 1.0f);
        if (!briefing) {
            ImGui::BeginChild("side", ImVec2(kSideWidth, -statusHeight), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
            m_side.draw(controller, fonts);
            ImGui::EndChild();
            ImGui::SameLine(0, 0);
        }
        // In a briefing the side panel is hidden, so the ranking may take a little more of the
        // width: its larger type needs it, and the map's pane stays the widest.
        const float rightWidth = std::min(kRightWidth * scale, viewport->WorkSize.x * (briefing ? 0.45f : 0.4f));
        ImGui::BeginChild("map", ImVec2(-rightWidth, -statusHeight), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        m_mapOrigin = ImGui::GetCursorScreenPos();
        m_mapSize = ImGui::GetContentRegionAvail();
        m_map.draw(controller);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
        ImGui::BeginChild("right", ImVec2(0, -statusHeight), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
        drawRightColumn(controller, fonts);
        ImGui::EndChild();
        ImGui::PopStyleVar();
        panels::drawStatusBar(controller);
    }
    ImGui::End();
    ImGui::PopStyleVar();
    m_import.draw(controller, fonts);
    ImGui::PopFont();
}

}  // namespace shell
