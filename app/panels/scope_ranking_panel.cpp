#include "app/panels/scope_ranking_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/panels/ui_helpers.hpp"
#include "gis/dashboard/criteria_names.hpp"
#include "app/panels/widget_probe.hpp"

namespace panels {
namespace {

/// "Đạt chuẩn" → "Đạt\nchuẩn": a header ImGui draws on two lines when the columns are tight.
std::string oneWordPerLine(std::string text) {
    std::replace(text.begin(), text.end(), ' ', '\n');
    return text;
}

/// The widest line of a header (as drawn stacked, one word a line, when `stacked`).
float headerWidth(const std::string& header, bool stacked) {
    const std::string text = stacked ? oneWordPerLine(header) : header;
    float widest = 0.0f;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        widest = std::max(widest, ImGui::CalcTextSize(text.data() + start, text.data() + end).x);
        start = end + 1;
    }
    return widest;
}

}  // namespace

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
    // The figures' columns are as wide as their header (with room for the sort arrow) or their
    // widest value, whichever is wider, so no header is cut to "Đạt chu…" on a projector; the name
    // takes the rest and shows the full name on hover when it is cut. Sized at every type size
    // (briefing included) because the widths come from the current font.
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                       ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("scope ranking", 6, kFlags, ImVec2(0, height))) return;
    const float sortArrow = ImGui::GetFontSize() * 0.8f + ImGui::GetStyle().ItemInnerSpacing.x;
    const Text figureHeaders[] = {Text::ColumnCriteria, Text::ColumnAtStandard, Text::ColumnDisbursed, Text::ColumnOverdue};
    const char* widestValues[] = {"20/20", table.communes ? T(Text::NotMet, language) : "000/000", "100,0 %", "000"};
    const char* widestRank = table.rows.size() >= 1000 ? "00000" : "000";
    // Headers on one line when the name keeps room for a commune's name, else one word a line.
    const float cellPadding = ImGui::GetStyle().CellPadding.x * 2.0f;
    auto figuresWidth = [&](bool stacked) {
        float sum = ImGui::CalcTextSize(widestRank).x + cellPadding;
        for (int i = 0; i < 4; ++i)
            sum += std::max(headerWidth(T(figureHeaders[i], language), stacked) + sortArrow, ImGui::CalcTextSize(widestValues[i]).x) + cellPadding;
        return sum;
    };
    const float nameRoom = ImGui::CalcTextSize("Thiệu Nguyên").x + cellPadding;
    const bool stacked = ImGui::GetContentRegionAvail().x - figuresWidth(false) < nameRoom;
    std::string headers[4];
    for (int i = 0; i < 4; ++i) headers[i] = stacked ? oneWordPerLine(T(figureHeaders[i], language)) : T(figureHeaders[i], language);
    auto fitted = [&](int i) {
        return std::max(headerWidth(headers[i], false) + sortArrow, ImGui::CalcTextSize(widestValues[i]).x);
    };
    constexpr ImGuiTableColumnFlags kFigure = ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T(Text::ColumnRank, language), ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(widestRank).x);
    ImGui::TableSetupColumn(T(Text::ColumnName, language), ImGuiTableColumnFlags_WidthStretch, 1.0f, static_cast<ImGuiID>(RankColumn::Name));
    ImGui::TableSetupColumn(headers[0].c_str(), kFigure | ImGuiTableColumnFlags_DefaultSort, fitted(0), static_cast<ImGuiID>(RankColumn::Criteria));
    ImGui::TableSetupColumn(headers[1].c_str(), kFigure, fitted(1), static_cast<ImGuiID>(RankColumn::AtStandard));
    ImGui::TableSetupColumn(headers[2].c_str(), kFigure, fitted(2), static_cast<ImGuiID>(RankColumn::Disbursed));
    ImGui::TableSetupColumn(headers[3].c_str(), kFigure, fitted(3), static_cast<ImGuiID>(RankColumn::Overdue));
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
