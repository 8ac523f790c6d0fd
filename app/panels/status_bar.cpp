#include "app/panels/status_bar.hpp"

#include <imgui.h>

#include <string>

#include "gis/demo/demo_district.hpp"
#include "gis/style/classification.hpp"

namespace panels {

void drawStatusBar(const shell::Controller& controller) {
    const shell::ViewState& view = controller.view();
    ImGui::SetCursorPosX(10.0f);
    ImGui::AlignTextToFramePadding();
    if (controller.document().isDemo()) {
        ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1.0f), "%s", gis::demo::kDemoMarker);
        ImGui::SameLine();
    }
    if (view.hovered) {
        ImGui::TextUnformatted(controller.document().describe(*view.hovered).c_str());
        ImGui::SameLine();
    }
    // The scale as a reader says it (a comma for decimals, km past a kilometre); the bar is only
    // prefixed when something stands before it.
    const double meters = view.camera.metersPerPixel;
    const std::string scale = meters >= 1000.0 ? gis::style::formatNumberVi(meters / 1000.0, 1) + " km"
                                               : gis::style::formatNumberVi(meters, 0) + " m";
    const bool first = !controller.document().isDemo() && !view.hovered;
    ImGui::TextDisabled("%s1 px = %s", first ? "" : "| ", scale.c_str());
}

}  // namespace panels
