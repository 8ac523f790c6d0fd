#include "gis/export/map_export.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <sstream>

#include "gis/export/export_target.hpp"
#include "gis/export/png_export.hpp"
#include "gis/proj/transformer.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/map_document.hpp"

namespace gis::exporting {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Labels and legend grow with the picture so a 4000 px export reads like a 1920 px screen.
float autoTextScale(int widthPx, int heightPx) {
    return std::max(1.0f, std::min(widthPx / 1920.0f, heightPx / 1080.0f));
}

}  // namespace

Result<GeoExtent> parseGeoExtent(const std::string& text) {
    GeoExtent extent;
    double* targets[] = {&extent.lonMin, &extent.latMin, &extent.lonMax, &extent.latMax};
    std::stringstream stream(text);
    std::string part;
    int index = 0;
    while (std::getline(stream, part, ',')) {
        if (index >= 4) break;
        char* end = nullptr;
        *targets[index] = std::strtod(part.c_str(), &end);
        if (part.empty() || end == part.c_str() || *end != '\0') break;
        ++index;
    }
    if (index != 4 || std::getline(stream, part, ','))
        return makeError(ErrorCode::BadInput, "--extent must be LON_MIN,LAT_MIN,LON_MAX,LAT_MAX in degrees, got '" + text + "'");
    if (extent.lonMin >= extent.lonMax || extent.latMin >= extent.latMax || extent.latMin < -85 || extent.latMax > 85 ||
        extent.lonMin < -180 || extent.lonMax > 180)
        return makeError(ErrorCode::BadInput, "--extent '" + text + "' is not a valid box (min < max, |lat| <= 85, |lon| <= 180)");
    return extent;
}

Result<Bounds> extentToDisplay(const GeoExtent& extent) {
    auto transformer = proj::Transformer::create("EPSG:4326", "EPSG:3857");
    if (!transformer) return transformer.error();
    const double midLon = (extent.lonMin + extent.lonMax) * 0.5;
    const double midLat = (extent.latMin + extent.latMax) * 0.5;
    std::vector<Vec2> points{{extent.lonMin, extent.latMin}, {extent.lonMax, extent.latMin}, {extent.lonMax, extent.latMax},
                             {extent.lonMin, extent.latMax}, {midLon, extent.latMin},    {midLon, extent.latMax},
                             {extent.lonMin, midLat},        {extent.lonMax, midLat}};
    if (!transformer->forward(points)) return makeError(ErrorCode::BadCrs, "cannot project the --extent to the display CRS");
    Bounds bounds;
    for (const Vec2& p : points) bounds.expand(p);
    return bounds;
}

Result<ExportTimings> exportMap(const ExportRequest& request) {
    ExportTimings timings;
    // Checked before anything is read or rendered: a mistyped --out must never cost the project.
    if (auto target = checkExportTarget(request.outPath, {request.source.path}); !target) return target.error();

    auto start = Clock::now();
    auto document = scene::MapDocument::open(request.source, request.colorField);
    if (!document) return document.error();
    timings.load = secondsSince(start);
    timings.warnings = document->warnings();

    const float textScale = request.textScale > 0 ? request.textScale : autoTextScale(request.widthPx, request.heightPx);
    scene::Camera camera;
    if (request.extent) {
        auto frame = extentToDisplay(*request.extent);
        if (!frame) return frame.error();
        camera = scene::Camera::fit(*frame, request.widthPx, request.heightPx, 0.0);
    } else {
        const Bounds bounds = document->bounds();
        if (!bounds.valid()) return makeError(ErrorCode::BadInput, request.source.path + ": the map has no features to draw");
        camera = document->fitCamera(request.widthPx, request.heightPx, textScale);
    }
    start = Clock::now();
    document->ensureLevelsFor(camera.metersPerPixel);
    timings.mesh = secondsSince(start);
    const scene::RenderScene scene = document->buildScene(camera, std::nullopt, textScale);

    start = Clock::now();
    auto context = render::HeadlessContext::create();
    if (!context) return context.error();
    auto renderer = render::Renderer::create();
    if (!renderer) return renderer.error();
    timings.glInit = secondsSince(start);
    timings.glRenderer = context.value()->rendererName();

    start = Clock::now();
    auto image = renderFrame(*renderer.value(), scene, request.maxTileSizePx);
    if (!image) return image.error();
    timings.render = secondsSince(start);

    start = Clock::now();
    if (Status written = writePng(*image, request.outPath); !written) return written.error();
    timings.encode = secondsSince(start);
    return timings;
}

}  // namespace gis::exporting
