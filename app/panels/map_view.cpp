#include "app/panels/map_view.hpp"

#include <imgui.h>

#include <cmath>

namespace panels {

namespace {
/// One wheel notch zooms by this factor (about 5 notches to double).
constexpr double kWheelZoomStep = 1.15;
}  // namespace

bool MapView::SceneKey::operator==(const SceneKey& other) const {
    const gis::scene::Camera& a = camera;
    const gis::scene::Camera& b = other.camera;
    return a.center.x == b.center.x && a.center.y == b.center.y && a.metersPerPixel == b.metersPerPixel &&
           a.frameWidthPx == b.frameWidthPx && a.frameHeightPx == b.frameHeightPx && hoveredLayer == other.hoveredLayer &&
           hoveredFeature == other.hoveredFeature && layers == other.layers && textScale == other.textScale;
}

void MapView::draw(shell::Controller& controller) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    const int widthPx = std::max(16, static_cast<int>(size.x));
    const int heightPx = std::max(16, static_cast<int>(size.y));
    controller.setViewportSize(widthPx, heightPx);
    controller.updateLevelsOfDetail();

    // Input: an invisible button covers the map so dragging it does not move the window.
    ImGui::InvisibleButton("map", ImVec2(static_cast<float>(widthPx), static_cast<float>(heightPx)),
                           ImGuiButtonFlags_MouseButtonLeft);
    const ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsItemHovered();
    if (ImGui::IsItemActive() && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f))
        controller.push(shell::PanByPixels{io.MouseDelta.x, io.MouseDelta.y});
    const gis::Vec2 mousePx{io.MousePos.x - origin.x, io.MousePos.y - origin.y};
    if (hovered && io.MouseWheel != 0.0f)
        controller.push(shell::ZoomAroundPixel{mousePx.x, mousePx.y, std::pow(kWheelZoomStep, io.MouseWheel)});
    // Double-click goes one level down (province → district → commune); on empty map it fits the scope.
    const bool doubleClicked = hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    // A click (press and release without dragging more than a few pixels) selects what is under it.
    constexpr float kClickSlopPx = 3.0f;
    const bool clicked = ImGui::IsItemDeactivated() && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < kClickSlopPx * kClickSlopPx;

    const shell::ViewState& view = controller.view();
    const gis::scene::MapDocument& document = controller.document();
    std::optional<gis::scene::FeatureHit> hit;
    if (hovered && !ImGui::IsItemActive())
        hit = document.hitTest(view.camera.toWorld(mousePx), view.camera.metersPerPixel);
    controller.setHovered(hit);
    if (doubleClicked) controller.push(shell::DrillDown{document.hitTest(view.camera.toWorld(mousePx), view.camera.metersPerPixel)});
    else if (clicked) controller.push(shell::SelectFeature{hit});  // on release the button is no longer active: `hit` is current
    // The hovered feature is highlighted; without one, the selected feature stays highlighted.
    const std::optional<gis::scene::FeatureHit> highlighted = hit ? hit : view.selected;

    SceneKey key;
    key.camera = view.camera;
    key.textScale = controller.textScale();
    if (highlighted) {
        key.hoveredLayer = static_cast<std::int64_t>(highlighted->layerIndex);
        key.hoveredFeature = static_cast<std::int64_t>(highlighted->featureIndex);
    }
    for (const gis::scene::MapLayer& layer : document.layers())
        key.layers.emplace_back(layer.layerId, layer.colorVersion, layer.geometryVersion, layer.visible);
    if (!m_lastKey || !(*m_lastKey == key)) {
        m_target.resize(widthPx, heightPx);
        m_stats = m_renderer.render(document.buildScene(view.camera, highlighted, key.textScale, gis::scene::LegendContent::ThematicOnly), m_target);
        m_lastKey = key;
    }

    // The texture's first row is the bottom of the map (GL convention), hence the flipped v.
    ImGui::GetWindowDrawList()->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_target.colorTexture())),
                                         origin, ImVec2(origin.x + widthPx, origin.y + heightPx), ImVec2(0, 1), ImVec2(1, 0));

    if (hit) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(document.describe(*hit).c_str());
        ImGui::EndTooltip();
    }
}

}  // namespace panels
