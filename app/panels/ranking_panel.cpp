#include "app/panels/ranking_panel.hpp"

#include <imgui.h>

#include <cmath>
#include <string>

#include "gis/scene/layer_look.hpp"
#include "gis/style/classification.hpp"

namespace panels {

bool RankingPanel::draw(shell::Controller& controller) {
    const gis::scene::MapDocument& document = controller.document();
    const std::size_t mainIndex = document.mainLayerIndex();
    const gis::scene::MapLayer& main = document.layers()[mainIndex];
    if (main.colorField.empty()) return false;
    if (main.layerId != m_layerId || main.colorVersion != m_colorVersion) {
        m_rows = gis::scene::rankByField(main.data, main.colorField);
        m_layerId = main.layerId;
        m_colorVersion = main.colorVersion;
    }
    if (m_rows.empty()) return false;

    ImGui::Separator();
    ImGui::TextUnformatted(("Xếp hạng: " + main.legend.title).c_str());
    const int labelField = gis::scene::pickLabelField(main.data);
    const auto& selected = controller.view().selected;
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("ranking", 3, kFlags, ImVec2(0, std::max(120.0f, ImGui::GetContentRegionAvail().y)))) return true;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Tên", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Giá trị", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Giá trị").x + 8.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;  // 11,000 communes: draw only the visible rows
    clipper.Begin(static_cast<int>(m_rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const gis::scene::RankedFeature& ranked = m_rows[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(row);
            const bool isSelected = selected && selected->layerIndex == mainIndex && selected->featureIndex == ranked.featureIndex;
            const std::string rank = ranked.rank > 0 ? std::to_string(ranked.rank) : "–";
            if (ImGui::Selectable(rank.c_str(), isSelected, ImGuiSelectableFlags_SpanAllColumns)) {
                const gis::scene::FeatureHit hit{mainIndex, ranked.featureIndex};
                controller.push(shell::SelectFeature{hit});
                controller.push(shell::FocusFeature{hit});
            }
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            const auto& attributes = main.data.features[ranked.featureIndex].attributes;
            ImGui::TextUnformatted(labelField >= 0 ? gis::data::attributeAsText(attributes[static_cast<std::size_t>(labelField)]).c_str()
                                                   : "");
            ImGui::TableSetColumnIndex(2);
            if (!std::isnan(ranked.value))
                ImGui::TextUnformatted(gis::style::formatNumberVi(ranked.value, std::floor(ranked.value) == ranked.value ? 0 : 1).c_str());
        }
    }
    ImGui::EndTable();
    return true;
}

}  // namespace panels
