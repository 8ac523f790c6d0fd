#include "app/panels/status_bar.hpp"

#include <imgui.h>

#include "gis/demo/demo_district.hpp"

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
    ImGui::TextDisabled("| 1 px = %.0f m", view.camera.metersPerPixel);
}

}  // namespace panels
