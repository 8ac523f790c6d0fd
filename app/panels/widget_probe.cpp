#include "app/panels/widget_probe.hpp"

#include <map>

namespace panels {
namespace {
std::map<std::string, ImVec2>& centers() {
    static std::map<std::string, ImVec2> kCenters;
    return kCenters;
}
}  // namespace

void recordWidget(const std::string& id) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    centers()[id] = ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
}

std::optional<ImVec2> widgetCenter(const std::string& id) {
    const auto it = centers().find(id);
    if (it == centers().end()) return std::nullopt;
    return it->second;
}

void clearWidgets() { centers().clear(); }

}  // namespace panels
