#include "app/panels/scope_bar.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/panels/ui_helpers.hpp"
#include "app/panels/widget_probe.hpp"
#include "gis/dashboard/display_format.hpp"
#include "gis/dashboard/scope.hpp"

namespace panels {

using gis::Text;

void ScopeBar::draw(shell::Controller& controller, const platform::UiFonts& fonts) {
    const shell::DashboardSession* session = controller.dashboard();
    if (session == nullptr) return;
    const auto language = controller.language();
    ImGui::AlignTextToFramePadding();
    // Breadcrumb: every step but the last is a button up to that level.
    const auto& crumbs = session->view.breadcrumb;
    for (std::size_t i = 0; i < crumbs.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) {
            ImGui::SameLine();
            ImGui::TextDisabled("›");
            ImGui::SameLine();
        }
        const bool last = i + 1 == crumbs.size();
        if (last) {
            // Bold at normal size; in a briefing the large type already carries it.
            const bool bold = fonts.strong != nullptr && !controller.view().briefingMode;
            if (bold) ImGui::PushFont(fonts.strong);
            ImGui::TextUnformatted(crumbs[i].name.c_str());
            if (bold) ImGui::PopFont();
        } else {
            if (ImGui::SmallButton(crumbs[i].name.c_str())) controller.push(shell::SetScope{crumbs[i].code});
            recordWidget("crumb:" + crumbs[i].code);
        }
        ImGui::PopID();
    }
    ImGui::SameLine(0, 24);
    drawSearch(controller);
    ImGui::SameLine(0, 24);
    drawDates(controller);
    ImGui::SameLine(0, 24);
    const bool vi = language == gis::Language::Vi;
    if (ImGui::Button(T(Text::Language, language))) controller.push(shell::SetLanguage{vi ? gis::Language::En : gis::Language::Vi});
    ImGui::SameLine();
    if (toggleButton(T(Text::Briefing, language), controller.view().briefingMode))
        controller.push(shell::SetBriefingMode{!controller.view().briefingMode});
}

void ScopeBar::drawSearch(shell::Controller& controller) {
    const auto language = controller.language();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    ImGui::InputTextWithHint("##search", T(Text::SearchUnit, language), m_query.data(), m_query.size());
    const bool typing = ImGui::IsItemActive();
    const ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y);
    if (m_query[0] == '\0' || controller.figures() == nullptr) return;
    if (typing) ImGui::OpenPopup("search results");
    ImGui::SetNextWindowPos(below);
    if (ImGui::BeginPopup("search results", ImGuiWindowFlags_NoFocusOnAppearing)) {
        const auto hits = gis::dashboard::searchUnits(*controller.figures(), m_query.data());
        if (hits.empty()) ImGui::TextDisabled("%s", T(Text::NoMatch, language));
        for (const gis::dashboard::SearchHit& hit : hits) {
            const std::string label = hit.name + (hit.context.empty() ? "" : "  —  " + hit.context) + "##" + hit.code;
            if (!ImGui::Selectable(label.c_str())) continue;
            // A commune opens in its parent's scope, selected; any other unit becomes the scope.
            const auto unit = controller.figures()->tree().find(hit.code);
            const bool commune = unit && controller.figures()->data().units[*unit].level == "commune";
            if (commune) {
                const auto parent = controller.figures()->tree().parent(*unit);
                if (parent) controller.push(shell::SetScope{controller.figures()->data().units[*parent].code});
                controller.push(shell::SelectUnit{hit.code});
            } else {
                controller.push(shell::SetScope{hit.code});
            }
            m_query[0] = '\0';
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void ScopeBar::drawDates(shell::Controller& controller) {
    const auto& dates = controller.figures()->dates();
    if (dates.empty()) return;
    const auto language = controller.language();
    const shell::DashboardSession& session = *controller.dashboard();
    const std::string& current = session.view.asOf;
    int index = static_cast<int>(std::lower_bound(dates.begin(), dates.end(), current) - dates.begin());
    index = std::clamp(index, 0, static_cast<int>(dates.size()) - 1);
    if (ImGui::ArrowButton("##earlier", ImGuiDir_Left)) controller.push(shell::StepDate{-1});
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    // The slider walks the real dates (no duplicates); its label is the date as a notice writes it.
    const std::string label = gis::dashboard::formatDate(dates[static_cast<std::size_t>(index)]);
    if (ImGui::SliderInt("##date", &index, 0, static_cast<int>(dates.size()) - 1, label.c_str()))
        controller.push(shell::ShowFiguresAsOf{dates[static_cast<std::size_t>(index)]});
    ImGui::SameLine();
    if (ImGui::ArrowButton("##later", ImGuiDir_Right)) controller.push(shell::StepDate{+1});
    ImGui::SameLine();
    if (ImGui::Button(session.playing ? T(Text::Pause, language) : T(Text::Play, language)))
        controller.push(shell::SetPlaying{!session.playing});
}

}  // namespace panels
