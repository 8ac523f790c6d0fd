#include "app/panels/feature_info_panel.hpp"

#include <imgui.h>

#include "app/panels/widget_probe.hpp"
#include "gis/core/translation.hpp"
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

void drawPlainFileHints(const shell::Controller& controller) {
    const gis::Language language = controller.language();
    if (controller.view().selected) ImGui::Separator();
    ImGui::Spacing();
    if (!controller.view().selected) ImGui::TextWrapped("%s", gis::tr(gis::Text::PlainFileSelectHint, language));
    ImGui::TextWrapped("%s", gis::tr(gis::Text::PlainFileColorHint, language));
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", gis::tr(gis::Text::PlainFileProjectHint, language));
    recordWidget("hint:plain-file", gis::tr(gis::Text::PlainFileProjectHint, language));
    ImGui::PopStyleColor();
}

}  // namespace panels
