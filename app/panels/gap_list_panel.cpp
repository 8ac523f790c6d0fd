#include "app/panels/gap_list_panel.hpp"

#include <imgui.h>

#include <set>
#include <string>

#include "app/panels/ui_helpers.hpp"
#include "app/panels/widget_probe.hpp"
#include "gis/dashboard/commune_card.hpp"
#include "gis/dashboard/criteria_names.hpp"
#include "gis/dashboard/scope.hpp"
#include "gis/scene/layer_look.hpp"

namespace panels {

using gis::Text;

void drawGapList(shell::Controller& controller, const platform::UiFonts& fonts, float height) {
    const shell::DashboardSession& session = *controller.dashboard();
    const auto language = controller.language();
    (void)fonts;
    if (!session.gaps) {
        // Computed when first asked for: the analysis reads the works' geometry.
        controller.push(shell::ColorByField{"gap_count"});
        return;
    }
    std::set<std::string> inScope;
    for (std::size_t c : gis::dashboard::scopeCommunes(*controller.figures(), session.state.scope))
        inScope.insert(controller.figures()->data().units[c].code);
    int unknown = 0;
    for (const gis::planning::UnitGaps& u : session.gaps->units)
        if (u.state == gis::planning::GapState::Unknown && inScope.count(u.unitCode) != 0) ++unknown;
    if (unknown > 0) ImGui::TextColored(kMutedColor, "%d %s", unknown, T(Text::GapsUnknown, language));

    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                       ImGuiTableFlags_BordersInnerH;
    bool any = false;
    if (!ImGui::BeginTable("gaps", 3, kFlags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T(Text::ColumnName, language), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T(Text::ColumnCriteria, language), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(T(Text::WorkTypesNeeded, language), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    int row = 0;
    for (const gis::planning::Gap& gap : session.gaps->gaps) {
        if (inScope.count(gap.unitCode) == 0) continue;
        any = true;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(row++);
        const std::string name = gis::scene::shortLabel(gap.unitName);
        if (ImGui::Selectable(name.c_str(), gap.unitCode == session.selectedUnit, ImGuiSelectableFlags_SpanAllColumns))
            controller.push(shell::SelectUnit{gap.unitCode});
        recordWidget("gap:" + gap.unitCode + ":" + std::to_string(gap.criterion));
        ImGui::PopID();
        ImGui::TableSetColumnIndex(1);
        const std::string criterion = std::to_string(gap.criterion) + ". " +
                                      gis::dashboard::criterionName(*controller.figures(), gap.setId, gap.criterion, language);
        ImGui::TextWrapped("%s", criterion.c_str());
        ImGui::TableSetColumnIndex(2);
        std::string types;
        for (const std::string& t : gap.workTypes) types += (types.empty() ? "" : ", ") + gis::dashboard::workTypeWord(t, language);
        ImGui::TextWrapped("%s", types.c_str());
    }
    ImGui::EndTable();
    if (!any) ImGui::TextColored(kGoodColor, "%s", T(Text::GapsNone, language));
}

}  // namespace panels
