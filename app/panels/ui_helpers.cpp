#include "app/panels/ui_helpers.hpp"

namespace panels {

bool toggleButton(const char* label, bool active, ImVec2 size) {
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label, size);
    if (active) ImGui::PopStyleColor();
    return pressed;
}

void sectionHeading(const char* text, ImFont* strong) {
    ImGui::Spacing();
    ImGui::Separator();
    if (strong != nullptr) ImGui::PushFont(strong);
    ImGui::TextUnformatted(text);
    if (strong != nullptr) ImGui::PopFont();
}

}  // namespace panels
