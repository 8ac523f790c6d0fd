#include "app/panels/kpi_header.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/panels/ui_helpers.hpp"

namespace panels {

namespace {
ImFont* figureFont(const shell::Controller& controller, const platform::UiFonts& fonts) {
    return controller.view().briefingMode && fonts.figureLarge != nullptr ? fonts.figureLarge : fonts.figure;
}

void drawCard(const gis::dashboard::Kpi& kpi, ImFont* figure, ImFont* strong) {
    if (strong != nullptr) ImGui::PushFont(strong);
    ImGui::TextColored(kMutedColor, "%s", kpi.title.c_str());
    if (strong != nullptr) ImGui::PopFont();
    if (figure != nullptr) ImGui::PushFont(figure);
    if (!kpi.available) ImGui::TextColored(kMutedColor, "%s", kpi.value.c_str());
    else if (kpi.behind) ImGui::TextColored(kWarningColor, "%s", kpi.value.c_str());
    else ImGui::TextUnformatted(kpi.value.c_str());
    if (figure != nullptr) ImGui::PopFont();
    if (!kpi.detail.empty()) ImGui::TextWrapped("%s", kpi.detail.c_str());
    if (!kpi.reference.empty()) ImGui::TextColored(kpi.behind ? kWarningColor : kMutedColor, "%s", kpi.reference.c_str());
    if (!kpi.change.empty()) {
        const ImVec4 color = kpi.trend > 0 ? kGoodColor : kpi.trend < 0 ? kWarningColor : kMutedColor;
        ImGui::TextColored(color, "%s", kpi.change.c_str());  // the sign is in the text; Noto Sans has no arrows glyphs
    }
}
}  // namespace

float kpiHeaderHeight(const platform::UiFonts& fonts) {
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float figure = fonts.figure != nullptr ? fonts.figure->FontSize * ImGui::GetIO().FontGlobalScale : line * 1.6f;
    return figure + 5.3f * line + ImGui::GetStyle().WindowPadding.y * 2;
}

void drawKpiHeader(const shell::Controller& controller, const platform::UiFonts& fonts) {
    const shell::DashboardSession* session = controller.dashboard();
    if (session == nullptr || session->view.kpis.empty()) return;
    const auto& kpis = session->view.kpis;
    const float gap = 8.0f;
    const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(kpis.size() - 1)) / static_cast<float>(kpis.size());
    const float height = std::max(ImGui::GetContentRegionAvail().y, 40.0f);
    for (std::size_t i = 0; i < kpis.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        ImGui::PushID(static_cast<int>(i));
        ImGui::BeginChild("kpi", ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
        drawCard(kpis[i], figureFont(controller, fonts), fonts.strong);
        ImGui::EndChild();
        ImGui::PopID();
    }
}

}  // namespace panels
