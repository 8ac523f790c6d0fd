#include "app/panels/kpi_header.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/panels/ui_helpers.hpp"

namespace panels {

namespace {
ImFont* figureFont(const shell::Controller& controller, const platform::UiFonts& fonts) {
    return controller.view().briefingMode && fonts.figureLarge != nullptr ? fonts.figureLarge : fonts.figure;
}

/// One line in `color`, its type made smaller (down to `minScale`) when it is wider than the card:
/// "19 đang thực hiện" in briefing type must read whole, not end in a cut "hiệ".
void fittedLine(const ImVec4& color, const std::string& text, float minScale = 0.6f) {
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    const float room = ImGui::GetContentRegionAvail().x;
    const bool shrink = width > room && width > 0.0f;
    if (shrink) ImGui::SetWindowFontScale(std::max(minScale, room / width));
    ImGui::TextColored(color, "%s", text.c_str());
    if (shrink) ImGui::SetWindowFontScale(1.0f);
}

void drawCard(const gis::dashboard::Kpi& kpi, ImFont* figure, ImFont* strong) {
    const ImVec4 textColor = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    if (strong != nullptr) ImGui::PushFont(strong);
    fittedLine(kMutedColor, kpi.title);
    if (strong != nullptr) ImGui::PopFont();
    if (figure != nullptr) ImGui::PushFont(figure);
    fittedLine(!kpi.available ? kMutedColor : kpi.behind ? kWarningColor : textColor, kpi.value);
    if (figure != nullptr) ImGui::PopFont();
    if (!kpi.detail.empty()) ImGui::TextWrapped("%s", kpi.detail.c_str());
    if (!kpi.reference.empty()) fittedLine(kpi.behind ? kWarningColor : kMutedColor, kpi.reference);
    if (!kpi.change.empty()) {
        const ImVec4 color = kpi.trend > 0 ? kGoodColor : kpi.trend < 0 ? kWarningColor : kMutedColor;
        fittedLine(color, kpi.change);  // the sign is in the text; Noto Sans has no arrows glyphs
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
