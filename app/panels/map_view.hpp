#pragma once
/// The map: shows the renderer's offscreen texture, turns mouse input into pan/zoom commands,
/// and shows a tooltip for the commune under the cursor. Re-renders only when the scene changed.
#include <cstdint>
#include <optional>
#include <tuple>
#include <vector>

#include "app/shell/controller.hpp"
#include "gis/render/renderer.hpp"

namespace panels {

class MapView {
public:
    MapView(gis::render::Renderer& renderer) : m_renderer(renderer), m_target(16, 16, gis::render::TargetUse::Display) {}  // NOLINT: explicit not needed
    /// Draws inside the current ImGui window, filling its content region.
    void draw(shell::Controller& controller);
    const gis::render::RenderStats& lastStats() const { return m_stats; }

private:
    /// What decides whether the last rendered texture is still right.
    struct SceneKey {
        gis::scene::Camera camera;
        std::int64_t hoveredLayer = -1, hoveredFeature = -1;
        /// Per layer: identity, colour and geometry versions, visibility (compared exactly).
        std::vector<std::tuple<std::uint64_t, std::uint64_t, std::uint64_t, bool>> layers;
        float textScale = 1.0f;
        bool operator==(const SceneKey& other) const;
    };

    gis::render::Renderer& m_renderer;
    gis::render::RenderTarget m_target;
    gis::render::RenderStats m_stats;
    std::optional<SceneKey> m_lastKey;
};

}  // namespace panels
