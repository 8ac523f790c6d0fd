#include "app/panels/widget_probe.hpp"

#include <map>

namespace panels {
namespace {
std::map<std::string, ImVec2>& centers() {
    static std::map<std::string, ImVec2> kCenters;
    return kCenters;
}
std::map<std::string, std::string>& texts() {
    static std::map<std::string, std::string> kTexts;
    return kTexts;
}
}  // namespace

void recordWidget(const std::string& id) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    centers()[id] = ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
}

void recordWidget(const std::string& id, const std::string& text) {
    recordWidget(id);
    texts()[id] = text;
}

std::optional<std::string> widgetText(const std::string& id) {
    const auto it = texts().find(id);
    if (it == texts().end()) return std::nullopt;
    return it->second;
}

std::optional<ImVec2> widgetCenter(const std::string& id) {
    const auto it = centers().find(id);
    if (it == centers().end()) return std::nullopt;
    return it->second;
}

void clearWidgets() {
    centers().clear();
    texts().clear();
}

}  // namespace panels
