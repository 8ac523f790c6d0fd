#include "app/panels/side_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "gis/scene/feature_info.hpp"
#include "gis/scene/layer_look.hpp"

namespace panels {

namespace {

/// The indicators steering committees quote, in the order a briefing goes through them.
struct IndicatorChoice {
    const char* field;
    const char* label;
};
constexpr IndicatorChoice kIndicators[] = {
    {"criteria_met", "Số tiêu chí đạt"},
    {"tier", "Danh hiệu NTM"},
    {"disbursed_pct", "Tỷ lệ giải ngân"},
    {"poverty_rate", "Tỷ lệ hộ nghèo"},
    {"population", "Dân số"},
};

/// One button per assessment date, so a briefing can step through the years.
void drawAsOfChoices(const shell::Controller& controller, shell::Controller& commands) {
    const gis::scene::MapDocument& document = controller.document();
    if (document.asOfChoices().empty()) return;
    ImGui::Separator();
    ImGui::TextUnformatted("Số liệu đến");
    const std::string& current = document.source().asOf;
    for (const std::string& date : document.asOfChoices()) {
        const bool active = current == date;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        // The year is what people say ("năm 2023"); the full date is in the map title.
        if (ImGui::Button(date.substr(0, 4).c_str())) commands.push(shell::ShowFiguresAsOf{date});
        if (active) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    const bool latest = current.empty();
    if (latest) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button("Mới nhất")) commands.push(shell::ShowFiguresAsOf{""});
    if (latest) ImGui::PopStyleColor();
}

/// The clicked feature's figures, as a two-column card.
void drawSelectionCard(const shell::Controller& controller) {
    const auto& selected = controller.view().selected;
    if (!selected) return;
    const gis::scene::MapLayer& layer = controller.document().layers()[selected->layerIndex];
    ImGui::Separator();
    ImGui::TextUnformatted("Thông tin");
    if (ImGui::BeginTable("selection", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (const gis::scene::InfoRow& row : gis::scene::featureInfoRows(layer.data, selected->featureIndex)) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextDisabled("%s", row.label.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextWrapped("%s", row.value.c_str());
        }
        ImGui::EndTable();
    }
}

}  // namespace

void SidePanel::draw(shell::Controller& controller) {
    shell::Controller& commands = controller;
    const gis::scene::MapDocument& document = controller.document();
    const gis::scene::MapLayer& main = document.layers()[document.mainLayerIndex()];
    const std::vector<std::string> fields = document.colorableFields();
    auto hasField = [&](const char* name) { return std::find(fields.begin(), fields.end(), name) != fields.end(); };

    ImGui::TextUnformatted("Tô màu theo");
    const float buttonWidth = ImGui::GetContentRegionAvail().x;
    bool anyPreset = false;
    for (const IndicatorChoice& choice : kIndicators) {
        if (!hasField(choice.field)) continue;
        anyPreset = true;
        const bool active = main.colorField == choice.field;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(choice.label, ImVec2(buttonWidth, 0))) commands.push(shell::ColorByField{choice.field});
        if (active) ImGui::PopStyleColor();
    }
    // Any other field of the layer, for planners and for plain vector files.
    const char* current = main.colorField.empty() ? "(không tô màu)" : main.colorField.c_str();
    ImGui::SetNextItemWidth(buttonWidth);
    if (ImGui::BeginCombo("##field", current)) {
        if (ImGui::Selectable("(không tô màu)", main.colorField.empty())) commands.push(shell::ColorByField{""});
        for (const std::string& field : fields) {
            ImGui::PushID(field.c_str());
            if (ImGui::Selectable(field.c_str(), field == main.colorField)) commands.push(shell::ColorByField{field});
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (!anyPreset) ImGui::TextDisabled("Chọn trường để tô màu");

    drawAsOfChoices(controller, commands);
    drawSelectionCard(controller);

    ImGui::Separator();
    ImGui::TextUnformatted("Lớp bản đồ");
    for (std::size_t i = 0; i < document.layers().size(); ++i) {
        const gis::scene::MapLayer& layer = document.layers()[i];
        ImGui::PushID(static_cast<int>(i));
        bool visible = layer.visible;
        const std::string label = gis::scene::layerDisplayName(layer.data.name) + " (" + std::to_string(layer.data.features.size()) + ")";
        if (ImGui::Checkbox(label.c_str(), &visible)) commands.push(shell::SetLayerVisible{i, visible});
        ImGui::PopID();
    }

    ImGui::Separator();
    bool briefing = controller.view().briefingMode;
    if (ImGui::Checkbox("Chế độ trình chiếu (chữ lớn)", &briefing)) commands.push(shell::SetBriefingMode{briefing});
    if (ImGui::Button("Xem toàn bộ", ImVec2(buttonWidth, 0))) commands.push(shell::FitToData{});

    ImGui::Separator();
    ImGui::TextUnformatted("Xuất ảnh bản đồ (PNG)");
    ImGui::SetNextItemWidth(buttonWidth);
    ImGui::InputText("##exportpath", m_exportPath.data(), m_exportPath.size());
    // Same frame as on screen at 1–4× the pixels: ×2 of a laptop view is print quality for an A4 report.
    const gis::scene::Camera& camera = controller.view().camera;
    ImGui::SetNextItemWidth(buttonWidth);
    ImGui::SliderInt("##exportscale", &m_exportScale, 1, 4, "× %d");
    const std::string exportLabel = "Xuất ảnh " + std::to_string(camera.frameWidthPx * m_exportScale) + " × " +
                                    std::to_string(camera.frameHeightPx * m_exportScale);
    if (ImGui::Button(exportLabel.c_str(), ImVec2(buttonWidth, 0)))
        commands.push(shell::ExportView{m_exportPath.data(), m_exportScale});
    if (!controller.view().statusMessage.empty()) ImGui::TextWrapped("%s", controller.view().statusMessage.c_str());

    m_ranking.draw(controller);
}

}  // namespace panels
