#include "app/panels/scope_ranking_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/panels/ui_helpers.hpp"
#include "gis/dashboard/criteria_names.hpp"
#include "app/panels/widget_probe.hpp"

namespace panels {

using gis::dashboard::RankColumn;
using gis::Text;

void drawScopeRanking(shell::Controller& controller, const platform::UiFonts& fonts, float height) {
    const shell::DashboardSession& session = *controller.dashboard();
    const auto language = controller.language();
    const gis::dashboard::RankingTable& table = session.view.ranking;
    (void)fonts;  // the tab above names the list
    if (table.communes && !table.setName.empty()) {
        ImGui::TextColored(kMutedColor, "%s", T(Text::RankingSet, language));
        // More than one set among the scope's communes: the user picks which one is compared.
        if (table.setChoices.size() > 1) {
            ImGui::SetNextItemWidth(-1);
            if (ImGui::BeginCombo("##set", table.setName.c_str())) {
                for (const std::string& set : table.setChoices) {
                    const std::string label = gis::dashboard::criteriaSetName(*controller.figures(), set, language);
                    if (ImGui::Selectable(label.c_str(), set == table.setId)) controller.push(shell::SetRankingSet{set});
                }
                ImGui::EndCombo();
            }
        } else {
            ImGui::TextWrapped("%s", table.setName.c_str());
        }
    }
    if (table.rows.empty()) {
        ImGui::TextDisabled("%s", T(Text::NoMatch, language));
        return;
    }
    // Proportional columns: the name gets the most room at every type size (briefing included).
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                       ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("scope ranking", 6, kFlags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T(Text::ColumnRank, language), ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthStretch, 0.35f);
    ImGui::TableSetupColumn(T(Text::ColumnName, language), ImGuiTableColumnFlags_WidthStretch, 1.9f, static_cast<ImGuiID>(RankColumn::Name));
    ImGui::TableSetupColumn(T(Text::ColumnCriteria, language),
                            ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending, 0.85f,
                            static_cast<ImGuiID>(RankColumn::Criteria));
    ImGui::TableSetupColumn(T(Text::ColumnAtStandard, language), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_PreferSortDescending,
                            0.95f, static_cast<ImGuiID>(RankColumn::AtStandard));
    ImGui::TableSetupColumn(T(Text::ColumnDisbursed, language), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_PreferSortDescending,
                            0.9f, static_cast<ImGuiID>(RankColumn::Disbursed));
    ImGui::TableSetupColumn(T(Text::ColumnOverdue, language), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_PreferSortDescending,
                            0.7f, static_cast<ImGuiID>(RankColumn::Overdue));
    ImGui::TableHeadersRow();
    // A unit selected on the map scrolls its row into view (once per new selection).
    static std::string scrolledTo;
    if (session.selectedUnit != scrolledTo) {
        scrolledTo = session.selectedUnit;
        for (std::size_t r = 0; r < table.rows.size(); ++r)
            if (table.rows[r].code == session.selectedUnit) {
                const float rowHeight = ImGui::GetTextLineHeightWithSpacing();
                const float top = rowHeight * static_cast<float>(r);
                if (top < ImGui::GetScrollY() || top > ImGui::GetScrollY() + height - 3 * rowHeight)
                    ImGui::SetScrollY(std::max(0.0f, top - height * 0.4f));
            }
    }
    if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort != nullptr && sort->SpecsDirty && sort->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& spec = sort->Specs[0];
        controller.push(shell::SetRankingSort{static_cast<RankColumn>(spec.ColumnUserID), spec.SortDirection == ImGuiSortDirection_Descending});
        sort->SpecsDirty = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(table.rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const gis::dashboard::RankingRow& row = table.rows[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(r);
            const std::string rank = row.rank > 0 ? std::to_string(row.rank) : "–";
            const bool selected = row.code == session.selectedUnit;
            if (ImGui::Selectable(rank.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                // A district row opens the district; a commune row selects it and shows its card.
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) || !table.communes) controller.push(shell::SetScope{row.code});
                else controller.push(shell::SelectUnit{row.code});
            }
            recordWidget("rank:" + row.code);
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(row.shortName.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.name.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(row.criteriaText.c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(row.atStandardText.c_str());
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(row.disbursedText.c_str());
            ImGui::TableSetColumnIndex(5);
            if (row.overdueTasks > 0) ImGui::TextColored(kWarningColor, "%d", row.overdueTasks);
        }
    }
    ImGui::EndTable();
}

}  // namespace panels
