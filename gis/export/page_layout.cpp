#include "gis/export/page_layout.hpp"

#include <algorithm>
#include <cmath>

#include "gis/dashboard/display_format.hpp"
#include "gis/scene/scale_bar.hpp"

namespace gis::exporting {

namespace {

constexpr float kMarginMm = 10.0f;
constexpr float kHeaderPt = 46.0f;
constexpr float kFooterPt = 12.0f;
constexpr float kGapPt = 10.0f;
constexpr float kMapLabelPt = 7.0f;     // commune names on the map
constexpr float kOverlayLabelPx = 16.0f;  // OverlayMetrics::labelPx, the label size at text scale 1

std::string tick(double value, gis::Language language) {
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    const bool tenths = std::abs(value * 10 - std::round(value * 10)) < 1e-9;
    return dashboard::formatNumber(value, whole ? 0 : tenths ? 1 : 2, language);
}

}  // namespace

PageFrames pageFrames(int widthPx, int heightPx, float pointPx, float sideShare) {
    const float W = static_cast<float>(widthPx);
    const float H = static_cast<float>(heightPx);
    const float margin = std::round(kMarginMm / 25.4f * 72.0f * pointPx);
    const float gap = std::round(kGapPt * pointPx);
    PageFrames f;
    f.header = {margin, margin, W - margin, margin + std::round(kHeaderPt * pointPx)};
    f.footer = {margin, H - margin - std::round(kFooterPt * pointPx), W - margin, H - margin};
    const scene::PixelRect body{margin, f.header.y1 + gap, W - margin, f.footer.y0 - gap};
    if (W >= H) {
        const float sideW = std::round(body.width() * sideShare);
        f.map = {body.x0, body.y0, body.x1 - sideW - gap, body.y1};
        f.side = {body.x1 - sideW, body.y0, body.x1, body.y1};
    } else {
        const float sideH = std::round(body.height() * sideShare);
        f.map = {body.x0, body.y0, body.x1, body.y1 - sideH - gap};
        f.side = {body.x0, body.y1 - sideH, body.x1, body.y1};
    }
    return f;
}

scene::Camera pageCamera(const PageFrames& frames, int widthPx, int heightPx, const Bounds& focus) {
    scene::Camera camera;
    camera.frameWidthPx = widthPx;
    camera.frameHeightPx = heightPx;
    if (!focus.valid()) return camera;
    // A little air inside the frame so the outermost border never touches it.
    const double pad = 0.03 * std::min(frames.map.width(), frames.map.height());
    const double usableW = std::max(1.0, frames.map.width() - 2 * pad);
    const double usableH = std::max(1.0, frames.map.height() - 2 * pad);
    camera.metersPerPixel = std::max(focus.width() / usableW, focus.height() / usableH);
    if (!(camera.metersPerPixel > 0)) camera.metersPerPixel = 1.0;
    const double mapCx = (frames.map.x0 + frames.map.x1) * 0.5;
    const double mapCy = (frames.map.y0 + frames.map.y1) * 0.5;
    camera.center.x = focus.center().x - (mapCx - widthPx * 0.5) * camera.metersPerPixel;
    camera.center.y = focus.center().y + (mapCy - heightPx * 0.5) * camera.metersPerPixel;
    return camera;
}

std::vector<std::string> scaleBarTicks(double meters, gis::Language language) {
    const bool km = meters >= 1000.0;
    const double end = km ? meters / 1000.0 : meters;
    const std::string unit = km ? tr(gis::Text::PrintKilometre, language) : "m";
    return {"0", tick(end * 0.5, language), tick(end, language) + " " + unit};
}

scene::RenderScene pageScene(scene::MapDocument& document, const PageContent& content, const PageSpec& spec) {
    const int W = spec.pixelWidth();
    const int H = spec.pixelHeight();
    const float pointPx = static_cast<float>(spec.dpi) / 72.0f;
    const PageFrames frames = pageFrames(W, H, pointPx, content.sideShare);
    const Bounds focus = content.focus.valid() ? content.focus : document.bounds();
    const scene::Camera camera = pageCamera(frames, W, H, focus);
    document.ensureLevelsFor(camera.metersPerPixel);
    // Map labels and symbols at a fixed size in points, whatever the dpi.
    const float textScale = kMapLabelPt * pointPx / kOverlayLabelPx;
    scene::RenderScene scene = document.buildScene(camera, std::nullopt, textScale);
    // Line widths are screen pixels (96 dpi): the same strokes on paper at any dpi.
    const float lineScale = static_cast<float>(spec.dpi) / 96.0f;
    for (scene::LayerDraw& layer : scene.layers) {
        layer.style.outlineWidthPx *= lineScale;
        layer.style.lineCasingPx *= lineScale;
    }

    scene::PageDecor page;
    page.pointPx = pointPx;
    page.header = frames.header;
    page.map = frames.map;
    page.side = frames.side;
    page.footer = frames.footer;
    page.title = content.title;
    page.subtitle = content.subtitle;
    page.legendHeading = content.legendHeading;
    page.sideLines = content.sideLines;
    page.footerLeft = content.footerLeft;
    page.footerRight = content.footerRight;
    page.northLabel = tr(gis::Text::PrintNorth, content.language);
    // Measured at the middle of the map frame: the latitude the reader judges distances at.
    const Vec2 middle = camera.toWorld({(frames.map.x0 + frames.map.x1) * 0.5, (frames.map.y0 + frames.map.y1) * 0.5});
    page.scaleBar = scene::scaleBarFor(camera, middle, frames.map.width() * 0.22f);
    page.scaleBar.tickLabels = scaleBarTicks(page.scaleBar.meters, content.language);
    scene.page = std::move(page);
    return scene;
}

}  // namespace gis::exporting
