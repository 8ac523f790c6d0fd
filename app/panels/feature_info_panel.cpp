#include "app/panels/feature_info_panel.hpp"

#include <imgui.h>

#include "gis/scene/feature_info.hpp"

namespace panels {

void drawFeatureInfo(const shell::Controller& controller) {
    const auto& selected = controller.view().selected;
    if (!selected) return;
    const gis::scene::MapLayer& layer = controller.document().layers()[selected->layerIndex];
    if (!ImGui::BeginTable("selection", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    for (const gis::scene::InfoRow& row : gis::scene::featureInfoRows(layer.data, selected->featureIndex)) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextDisabled("%s", row.label.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextWrapped("%s", row.value.c_str());
    }
    ImGui::EndTable();
}

}  // namespace panels
