#include "app/shell/controller.hpp"

#include <algorithm>

#include "gis/export/png_export.hpp"
#include "gis/tess/mesh_builder.hpp"

namespace shell {

namespace {
/// Zoom limits: from the whole of Southeast Asia down to a village street.
constexpr double kMinMetersPerPixel = 0.05;
constexpr double kMaxMetersPerPixel = 20000.0;

/// A fitted view of a single point or of the whole globe stays inside the zoom limits, so the
/// first wheel notch does not jump.
void clampZoom(gis::scene::Camera& camera) {
    camera.metersPerPixel = std::clamp(camera.metersPerPixel, kMinMetersPerPixel, kMaxMetersPerPixel);
}
}  // namespace

Controller::Controller(gis::scene::MapDocument document, gis::render::Renderer& renderer)
    : m_document(std::move(document)), m_renderer(renderer) {
    const std::vector<std::string> warnings = m_document.warnings();
    if (!warnings.empty())
        m_view.statusMessage = std::to_string(warnings.size()) + " đối tượng đã sửa hoặc bỏ qua khi đọc; đầu tiên: " + warnings.front();
}

Controller::~Controller() {
    if (m_levelJob.valid()) m_levelJob.wait();  // the worker reads the document we own
}

void Controller::updateLevelsOfDetail() {
    if (!m_view.cameraInitialised) return;
    if (m_levelJob.valid()) {
        if (m_levelJob.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
        m_document.addLevel(m_levelJobTarget.layerIndex, m_levelJob.get());
    }
    const double metersPerPixel = m_view.camera.metersPerPixel;
    const std::vector<gis::scene::MissingLevel> missing = m_document.missingLevelsFor(metersPerPixel);
    if (missing.empty()) return;
    for (const gis::scene::MissingLevel& need : missing) {
        if (m_document.layers()[need.layerIndex].meshes->levels.empty()) {
            m_document.ensureLevelsFor(metersPerPixel);  // nothing to show yet: build now
            return;
        }
    }
    m_levelJobTarget = missing.front();
    const gis::data::VectorLayer* layer = &m_document.layers()[m_levelJobTarget.layerIndex].data;
    const double tolerance = m_levelJobTarget.toleranceMeters;
    // The worker only reads the layer's features, which nothing changes after loading.
    m_levelJob = std::async(std::launch::async, [layer, tolerance] { return gis::tess::buildLodLevel(*layer, tolerance); });
}

void Controller::applyPending() {
    std::vector<Command> commands;
    commands.swap(m_pending);
    for (const Command& command : commands) std::visit([this](const auto& c) { apply(c); }, command);
}

void Controller::setViewportSize(int widthPx, int heightPx) {
    widthPx = std::max(widthPx, 1);
    heightPx = std::max(heightPx, 1);
    if (!m_view.cameraInitialised) {
        m_view.camera = m_document.fitCamera(widthPx, heightPx, textScale());
        clampZoom(m_view.camera);
        m_view.cameraInitialised = true;
        return;
    }
    m_view.camera.frameWidthPx = widthPx;
    m_view.camera.frameHeightPx = heightPx;
}

void Controller::apply(const ColorByField& command) {
    if (gis::Status status = m_document.colorBy(command.field); !status) m_view.statusMessage = status.error().message;
}

void Controller::apply(const SetLayerVisible& command) { m_document.setLayerVisible(command.layerIndex, command.visible); }

void Controller::apply(const FitToData&) {
    m_view.camera = m_document.fitCamera(m_view.camera.frameWidthPx, m_view.camera.frameHeightPx, textScale());
    clampZoom(m_view.camera);
}

void Controller::apply(const PanByPixels& command) { m_view.camera.panByPixels(command.dxPx, command.dyPx); }

void Controller::apply(const ZoomAroundPixel& command) {
    gis::scene::Camera& camera = m_view.camera;
    const double target = std::clamp(camera.metersPerPixel / command.factor, kMinMetersPerPixel, kMaxMetersPerPixel);
    camera.zoomAround({command.xPx, command.yPx}, camera.metersPerPixel / target);
}

void Controller::apply(const SetBriefingMode& command) { m_view.briefingMode = command.enabled; }

void Controller::apply(const SelectFeature& command) { m_view.selected = command.hit; }

void Controller::apply(const FocusFeature& command) {
    const gis::Bounds& bounds = m_document.layers().at(command.hit.layerIndex).featureBounds.at(command.hit.featureIndex);
    if (!bounds.valid()) return;
    gis::scene::Camera& camera = m_view.camera;
    camera.center = bounds.center();
    // Zoom in only when the feature would be small; never zoom out of a close view.
    constexpr double kFeatureShareOfView = 0.3;
    const double fitting = std::max(bounds.width() / (camera.frameWidthPx * kFeatureShareOfView),
                                    bounds.height() / (camera.frameHeightPx * kFeatureShareOfView));
    if (fitting > 0 && fitting < camera.metersPerPixel) camera.metersPerPixel = std::max(fitting, kMinMetersPerPixel);
}

void Controller::apply(const ShowFiguresAsOf& command) {
    // The figures are attributes of the layers, so the map is reopened; the view, the indicator
    // and the layer switches stay as the user left them.
    if (m_levelJob.valid()) m_document.addLevel(m_levelJobTarget.layerIndex, m_levelJob.get());  // kept: adopted below
    gis::scene::MapSourceSpec source = m_document.source();
    source.asOf = command.date;
    const std::string field = m_document.layers()[m_document.mainLayerIndex()].colorField;
    auto reopened = gis::scene::MapDocument::open(source, field);
    if (!reopened) {
        m_view.statusMessage = reopened.error().message;
        return;
    }
    reopened->adoptGeometryFrom(m_document);
    for (std::size_t i = 0; i < reopened->layers().size() && i < m_document.layers().size(); ++i)
        reopened->setLayerVisible(i, m_document.layers()[i].visible);
    m_document = std::move(reopened.value());
    m_view.hovered.reset();
    m_view.selected.reset();
}

void Controller::apply(const ExportView& command) {
    // The same view at `scale` times the pixels: same centre, metres per pixel divided by scale.
    gis::scene::Camera camera = m_view.camera;
    camera.frameWidthPx *= command.scale;
    camera.frameHeightPx *= command.scale;
    camera.metersPerPixel /= command.scale;
    m_document.ensureLevelsFor(camera.metersPerPixel);
    const gis::scene::RenderScene scene = m_document.buildScene(camera, std::nullopt, textScale() * static_cast<float>(command.scale));
    auto image = gis::exporting::renderFrame(m_renderer, scene);
    if (!image) {
        m_view.statusMessage = image.error().message;
        return;
    }
    gis::Status written = gis::exporting::writePng(*image, command.path);
    m_view.statusMessage = written ? "Đã xuất ảnh: " + command.path : written.error().message;
}

}  // namespace shell
