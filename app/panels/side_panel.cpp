#include "app/panels/side_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/panels/filter_panel.hpp"
#include "app/panels/legend_key.hpp"
#include "app/panels/ui_helpers.hpp"
#include "app/panels/widget_probe.hpp"
#include "gis/scene/layer_look.hpp"

namespace panels {

using gis::Text;

namespace {

/// The indicators steering committees quote, in the order a briefing goes through them.
struct IndicatorChoice {
    const char* field;
    Text label;
};
constexpr IndicatorChoice kIndicators[] = {
    {"criteria_met", Text::IndicatorCriteriaMet}, {"tier", Text::IndicatorTier},          {"disbursed_pct", Text::IndicatorDisbursed},
    {"poverty_rate", Text::IndicatorPoverty},     {"population", Text::IndicatorPopulation}, {"gap_count", Text::IndicatorGaps},
};

void drawIndicators(shell::Controller& controller, const platform::UiFonts& fonts) {
    const auto language = controller.language();
    const gis::scene::MapDocument& document = controller.document();
    const gis::scene::MapLayer& main = document.layers()[document.mainLayerIndex()];
    const std::vector<std::string> fields = document.colorableFields();
    auto hasField = [&](const char* name) { return std::find(fields.begin(), fields.end(), name) != fields.end(); };
    if (fonts.strong != nullptr) ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(T(Text::ColorBy, language));
    if (fonts.strong != nullptr) ImGui::PopFont();
    const float width = ImGui::GetContentRegionAvail().x;
    for (const IndicatorChoice& choice : kIndicators) {
        // The gap count is computed on demand for a project, so it is offered before it exists.
        const bool computed = std::string(choice.field) == "gap_count" && controller.dashboard() != nullptr;
        if (!hasField(choice.field) && !computed) continue;
        if (toggleButton(T(choice.label, language), main.colorField == choice.field, ImVec2(width, 0)))
            controller.push(shell::ColorByField{choice.field});
    }
    // Any other field of the layer, for planners and for plain vector files.
    const char* current = main.colorField.empty() ? "–" : main.colorField.c_str();
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("##field", current)) {
        if (ImGui::Selectable("–", main.colorField.empty())) controller.push(shell::ColorByField{""});
        for (const std::string& field : fields) {
            ImGui::PushID(field.c_str());
            if (ImGui::Selectable(field.c_str(), field == main.colorField)) controller.push(shell::ColorByField{field});
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

void drawLayers(shell::Controller& controller, const platform::UiFonts& fonts) {
    const gis::scene::MapDocument& document = controller.document();
    sectionHeading(T(Text::Layers, controller.language()), fonts.strong);
    for (std::size_t i = 0; i < document.layers().size(); ++i) {
        const gis::scene::MapLayer& layer = document.layers()[i];
        ImGui::PushID(static_cast<int>(i));
        bool visible = layer.visible;
        const std::string label = gis::localize(gis::scene::layerDisplayName(layer.data.name), controller.language()) + " (" +
                                  std::to_string(layer.data.features.size()) + ")";
        if (ImGui::Checkbox(label.c_str(), &visible)) controller.push(shell::SetLayerVisible{i, visible});
        // The thematic layer's classes are on the map; the others are keyed here.
        if (layer.visible && i != document.mainLayerIndex() && !layer.legend.entries.empty()) {
            ImGui::Indent();
            drawLegendKey(layer.legend, controller.language());
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
}

}  // namespace

void SidePanel::drawSlides(shell::Controller& controller, const platform::UiFonts& fonts) {
    const shell::DashboardSession* session = controller.dashboard();
    if (session == nullptr) return;
    const auto language = controller.language();
    sectionHeading(T(Text::Bookmarks, language), fonts.strong);
    for (std::size_t i = 0; i < session->slides.size(); ++i) {
        const std::string label = std::to_string(i + 1) + ". " + session->slides[i].name + "##slide";
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(label.c_str(), session->currentSlide == static_cast<int>(i))) controller.push(shell::ShowSlide{static_cast<int>(i)});
        recordWidget("slide:" + std::to_string(i));
        ImGui::PopID();
    }
    if (session->readOnly) return;  // a leader's screen shows the slides; a planner saves them
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
    ImGui::InputTextWithHint("##slidename", T(Text::BookmarkName, language), m_slideName.data(), m_slideName.size());
    ImGui::SameLine();
    const bool savePressed = ImGui::Button(T(Text::SaveBookmark, language), ImVec2(-1, 0));
    recordWidget("slides:save");
    if (savePressed && m_slideName[0] != '\0') {
        controller.push(shell::SaveSlide{m_slideName.data()});
        m_slideName[0] = '\0';
    }
    recordWidget("slide:save");
}

namespace {
void drawUndoRedo(shell::Controller& controller) {
    const shell::DashboardSession* session = controller.dashboard();
    if (session == nullptr || (session->undoLabel.empty() && session->redoLabel.empty())) return;
    const auto language = controller.language();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::BeginDisabled(session->undoLabel.empty());
    if (ImGui::Button(T(Text::Undo, language), ImVec2(half, 0))) controller.push(shell::UndoEdit{});
    if (!session->undoLabel.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s (Ctrl+Z)", session->undoLabel.c_str());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(session->redoLabel.empty());
    if (ImGui::Button(T(Text::Redo, language), ImVec2(half, 0))) controller.push(shell::RedoEdit{});
    if (!session->redoLabel.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s (Ctrl+Y)", session->redoLabel.c_str());
    ImGui::EndDisabled();
}
}  // namespace

void SidePanel::drawExport(shell::Controller& controller, const platform::UiFonts& fonts) {
    const auto language = controller.language();
    sectionHeading(T(Text::ExportPng, language), fonts.strong);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(width);
    ImGui::InputText("##exportpath", m_exportPath.data(), m_exportPath.size());
    recordWidget("export:path");
    // What to export: the map as on screen, or a report page (the format follows the extension:
    // .png, .pdf, .tif).
    const bool project = controller.dashboard() != nullptr;
    if (project) {
        ImGui::RadioButton(T(Text::ExportCurrentView, language), &m_exportKind, 0);
        ImGui::RadioButton(T(Text::ExportPageA4, language), &m_exportKind, 1);
        ImGui::SameLine();
        ImGui::RadioButton(T(Text::ExportPageA3, language), &m_exportKind, 2);
    } else {
        m_exportKind = 0;
    }
    const gis::scene::Camera& camera = controller.view().camera;
    std::string label;
    if (m_exportKind == 0) {
        // Same frame as on screen at 1–4× the pixels: ×2 of a laptop view is print quality for an A4 report.
        ImGui::SetNextItemWidth(width);
        ImGui::SliderInt("##exportscale", &m_exportScale, 1, 4, "× %d");
        label = std::string(T(Text::ExportPng, language)) + " " + std::to_string(camera.frameWidthPx * m_exportScale) + " × " +
                std::to_string(camera.frameHeightPx * m_exportScale);
    } else {
        ImGui::Checkbox(T(Text::Landscape, language), &m_exportLandscape);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        static const int kDpis[] = {150, 300, 600};
        const std::string dpiLabel = std::to_string(kDpis[m_exportDpiIndex]) + " dpi";
        if (ImGui::BeginCombo("##dpi", dpiLabel.c_str())) {
            for (int i = 0; i < 3; ++i)
                if (ImGui::Selectable((std::to_string(kDpis[i]) + " dpi").c_str(), i == m_exportDpiIndex)) m_exportDpiIndex = i;
            ImGui::EndCombo();
        }
        label = std::string(T(Text::ExportPng, language)) + " " + T(m_exportKind == 1 ? Text::ExportPageA4 : Text::ExportPageA3, language);
        if (ImGui::Button(T(Text::ImportPreviewButton, language), ImVec2(width, 0)))
            controller.push(shell::PreviewPage{m_exportKind == 2, m_exportLandscape});
        recordWidget("export:preview");
    }
    // The preview: the page as it will print, drawn by the same layout code as the file.
    if (controller.view().pagePreview && controller.view().pagePreviewVersion != m_previewVersion) {
        m_preview.upload(*controller.view().pagePreview);
        m_previewVersion = controller.view().pagePreviewVersion;
        ImGui::OpenPopup("page preview");
    }
    if (ImGui::BeginPopup("page preview")) {
        ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_preview.id())),
                     ImVec2(static_cast<float>(m_preview.width()), static_cast<float>(m_preview.height())));
        ImGui::EndPopup();
    }
    if (ImGui::Button(label.c_str(), ImVec2(width, 0))) {
        static const int kDpis[] = {150, 300, 600};
        if (m_exportKind == 0) controller.push(shell::ExportView{m_exportPath.data(), m_exportScale});
        else controller.push(shell::ExportPage{m_exportPath.data(), m_exportKind == 2, m_exportLandscape, kDpis[m_exportDpiIndex]});
    }
    recordWidget("export:go");
    if (!controller.view().statusMessage.empty()) ImGui::TextWrapped("%s", controller.view().statusMessage.c_str());

    // An existing file is replaced only after the user says so.
    if (controller.view().overwriteQuestion && !ImGui::IsPopupOpen("overwrite")) ImGui::OpenPopup("overwrite");
    if (ImGui::BeginPopupModal("overwrite", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(T(Text::OverwriteQuestion, language));
        ImGui::TextColored(kMutedColor, "%s", m_exportPath.data());
        if (ImGui::Button(T(Text::Overwrite, language))) {
            controller.push(shell::AnswerOverwrite{true});
            ImGui::CloseCurrentPopup();
        }
        recordWidget("export:replace");
        ImGui::SameLine();
        if (ImGui::Button(T(Text::Cancel, language))) {
            controller.push(shell::AnswerOverwrite{false});
            ImGui::CloseCurrentPopup();
        }
        recordWidget("export:cancel");
        ImGui::EndPopup();
    }
}

void SidePanel::draw(shell::Controller& controller, const platform::UiFonts& fonts) {
    // A read-only user learns at once what the window will not do, not by a failed click.
    if (controller.dashboard() != nullptr && controller.dashboard()->readOnly) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
        ImGui::TextWrapped("%s", T(Text::ReadOnlyProject, controller.language()));
        ImGui::PopStyleColor();
        recordWidget("banner:read-only", T(Text::ReadOnlyProject, controller.language()));
        ImGui::Separator();
    }
    // Briefing order: what the map shows, the slides, then the planner's filters and layers.
    drawIndicators(controller, fonts);
    drawUndoRedo(controller);
    drawSlides(controller, fonts);
    drawFilters(controller, fonts);
    drawLayers(controller, fonts);
    if (ImGui::Button(T(Text::FitAll, controller.language()), ImVec2(ImGui::GetContentRegionAvail().x, 0))) controller.push(shell::FitToData{});
    drawExport(controller, fonts);
    if (controller.importSession() != nullptr && !controller.dashboard()->readOnly) {
        ImGui::Spacing();
        if (ImGui::Button(T(Text::ImportOpen, controller.language()), ImVec2(ImGui::GetContentRegionAvail().x, 0)))
            controller.push(shell::OpenImport{});
        recordWidget("import:open");
    }
}

}  // namespace panels
