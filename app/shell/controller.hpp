#pragma once
/// The one place where actions change state: the open map, the camera and the UI mode.
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "app/shell/commands.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/map_document.hpp"

namespace shell {

/// What the views read each frame.
struct ViewState {
    gis::scene::Camera camera;
    bool cameraInitialised = false;
    std::optional<gis::scene::FeatureHit> hovered;
    std::optional<gis::scene::FeatureHit> selected;  ///< clicked feature, shown in the side panel
    bool briefingMode = false;
    std::string statusMessage;  ///< last action's outcome (export path, errors)
};

class Controller {
public:
    Controller(gis::scene::MapDocument document, gis::render::Renderer& renderer);
    ~Controller();
    Controller(const Controller&) = delete;
    Controller& operator=(const Controller&) = delete;

    void push(Command command) { m_pending.push_back(std::move(command)); }
    /// Applies the queued commands in order (call once per frame, before drawing views).
    void applyPending();

    const gis::scene::MapDocument& document() const { return m_document; }
    const ViewState& view() const { return m_view; }
    /// The map view reports its pixel size and what is under the cursor (pure view facts).
    void setViewportSize(int widthPx, int heightPx);
    void setHovered(std::optional<gis::scene::FeatureHit> hit) { m_view.hovered = hit; }
    float textScale() const { return m_view.briefingMode ? 1.5f : 1.0f; }
    /// Makes sure the current scale has its level of detail: the first time synchronously (so the
    /// first frame draws), afterwards on a worker thread while the nearest built level shows.
    void updateLevelsOfDetail();
    bool buildingDetail() const { return m_levelJob.valid(); }

private:
    void apply(const ColorByField& command);
    void apply(const SetLayerVisible& command);
    void apply(const FitToData& command);
    void apply(const PanByPixels& command);
    void apply(const ZoomAroundPixel& command);
    void apply(const SetBriefingMode& command);
    void apply(const ExportView& command);
    void apply(const SelectFeature& command);
    void apply(const ShowFiguresAsOf& command);
    void apply(const FocusFeature& command);

    gis::scene::MapDocument m_document;
    gis::render::Renderer& m_renderer;
    ViewState m_view;
    std::vector<Command> m_pending;
    std::future<gis::tess::LodLevel> m_levelJob;
    gis::scene::MissingLevel m_levelJobTarget;
};

}  // namespace shell
