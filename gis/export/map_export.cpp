#include "gis/export/map_export.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <thread>

#include "gis/dashboard/dashboard_state.hpp"
#include "gis/dashboard/project_figures.hpp"
#include "gis/dashboard/scope.hpp"
#include "gis/export/export_target.hpp"
#include "gis/export/layout_export.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/export/png_export.hpp"
#include "gis/export/strip_helper.hpp"
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

/// What the GL worker makes: the context (current on no thread once released) and the renderer.
struct GlSetup {
    std::optional<Result<std::unique_ptr<render::HeadlessContext>>> context;
    std::optional<Result<std::unique_ptr<render::Renderer>>> renderer;
    bool released = false;
    double seconds = 0;

    ~GlSetup() {
        // The renderer deletes GL objects: its context must be current here (after an early
        // return the worker had released it and nobody took it over).
        if (released && context && *context) context->value()->makeCurrent();
        renderer.reset();
        context.reset();
    }
};

/// Joins a worker on every return path (an early error must not leave it running).
struct JoinOnExit {
    std::thread& thread;
    ~JoinOnExit() {
        if (thread.joinable()) thread.join();
    }
};

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

bool needsFigures(const ExportRequest& request) {
    const std::optional<ExportFormat> format = request.format ? request.format : formatFromExtension(request.outPath);
    return request.paper || format == ExportFormat::Pdf || !request.unit.empty() || !request.bookmark.empty();
}

Result<ExportTimings> exportMap(const ExportRequest& request) {
    ExportTimings timings;
    const std::optional<ExportFormat> format = request.format ? request.format : formatFromExtension(request.outPath);
    // Checked before anything is read or rendered: a mistyped --out must never cost the project.
    if (auto target = checkExportTarget(request.outPath, {request.source.path}, format); !target) return target.error();

    LayoutOptions options;
    options.format = *format;
    options.pageLayout = request.paper.has_value() || options.format == ExportFormat::Pdf;
    options.page.dpi = request.dpi > 0 ? request.dpi : 150;
    options.page.landscape = request.landscape;
    if (request.paper) {
        options.page.paper = request.paper;
    } else if (options.format == ExportFormat::Pdf && !request.pixelSizeGiven) {
        options.page.paper = Paper::A4;  // a PDF is a page: A4 unless told otherwise
    } else {
        options.page.widthPx = request.widthPx;
        options.page.heightPx = request.heightPx;
    }
    if (Status feasible = checkFrameFeasible(options.page.pixelWidth(), options.page.pixelHeight()); !feasible) return feasible.error();
    options.title = request.title;
    options.language = request.language;
    options.exportDate = request.exportDate;
    options.textScale = request.textScale;
    options.maxTileSizePx = request.maxTileSizePx;
    options.releaseSourceGeometry = true;  // this document draws this one frame and is gone
    if (request.extent) {
        auto frame = extentToDisplay(*request.extent);
        if (!frame) return frame.error();
        options.fixedFrame = *frame;
    }

    // Pages, scopes and slides read the project's figures; the demo is read from its project copy.
    scene::MapSourceSpec source = request.source;
    if (source.path.empty() && !request.demoProjectPath.empty() && needsFigures(request)) source.path = request.demoProjectPath;
    const bool project = !source.path.empty() && figures::isProjectFile(source.path);
    if ((!request.unit.empty() || !request.bookmark.empty()) && !project)
        return makeError(ErrorCode::BadInput, std::string(request.unit.empty() ? "--bookmark" : "--unit") +
                                                  " needs an NTM project (a .gpkg made by ntm-atlas init), not " +
                                                  (source.path.empty() ? std::string("the built-in demo map") : source.path));
    ReportScope scope;
    std::string colorField = request.colorField;
    if (!request.bookmark.empty()) {
        auto bookmarks = dashboard::readBookmarks(source.path);
        if (!bookmarks) return bookmarks.error();
        const model::Bookmark* found = nullptr;
        std::string names;
        for (const model::Bookmark& b : *bookmarks) {
            if (b.name == request.bookmark) found = &b;
            names += (names.empty() ? "" : ", ") + b.name;
        }
        if (found == nullptr)
            return makeError(ErrorCode::NotFound, "--bookmark '" + request.bookmark + "': no such slide in " + source.path +
                                                      (names.empty() ? " (it has none)" : " (it has: " + names + ")"));
        auto state = dashboard::parseState(found->state);
        if (!state) return makeError(state.error().code, "--bookmark '" + request.bookmark + "': " + state.error().message);
        scope.state = *state;
        if (colorField.empty()) colorField = state->colorField;
        if (source.asOf.empty()) source.asOf = state->asOf;
    }
    if (!request.unit.empty()) scope.state.scope = request.unit;
    if (!request.source.asOf.empty()) scope.state.asOf = request.source.asOf;

    // The GL context, shaders and text atlas are made on a worker while the data load (the two do
    // not depend on each other, and most of reading a layer keeps one core busy), and a tiny draw
    // has llvmpipe compile its shader variants there. The context is then handed to this thread
    // (released there, made current here).
    // On the heap so a process that ends after the export can leave it there (processEndsAfter).
    auto glOwner = std::make_unique<GlSetup>();
    GlSetup& gl = *glOwner;
    std::thread renderContextWorker([&gl] {
        const auto glStart = Clock::now();
        gl.context.emplace(render::HeadlessContext::create());
        if (*gl.context) {
            gl.renderer.emplace(render::Renderer::create());
            if (*gl.renderer) gl.renderer->value()->warmUp();
            gl.released = gl.context->value()->releaseCurrent();
        }
        gl.seconds = secondsSince(glStart);
    });
    JoinOnExit joinGl{renderContextWorker};

    auto start = Clock::now();
    auto document = scene::MapDocument::open(source, colorField);
    if (!document) return document.error();
    if (project && (needsFigures(request) || options.pageLayout)) {
        auto figures = dashboard::ProjectFigures::open(source.path);
        if (!figures) return figures.error();
        scope.figures = *figures;
        if (!scope.state.scope.empty() && !dashboard::isScopeUnit(**figures, scope.state.scope))
            return makeError(ErrorCode::NotFound, "--unit " + scope.state.scope + ": no province, district or commune with this code in " +
                                                      source.path);
    }
    timings.load = secondsSince(start);
    timings.warnings = document->warnings();

    // The document lays the frame out and meshes it before it needs the renderers, so the GL
    // worker may still be busy then: gl_init is what the load and the meshing did not hide, the
    // wait for the worker and taking the context over. A second renderer for a heavy bare-map PNG
    // is offered on llvmpipe only (the helper is llvmpipe, and the strips of one PNG must come
    // from one driver); exportLayout starts it only if it finds the frame heavy.
    auto stripHelper = std::make_unique<StripHelper>();
    const RenderersWhenNeeded renderers = [&]() -> Result<LayoutRenderers> {
        const auto waitStart = Clock::now();
        renderContextWorker.join();
        auto& context = *gl.context;
        if (!context) return context.error();
        auto& renderer = *gl.renderer;
        if (!renderer) return renderer.error();
        if (!gl.released || !context.value()->makeCurrent())
            return makeError(ErrorCode::GlUnavailable, "cannot hand the headless OpenGL context to the export thread");
        timings.glInit = secondsSince(waitStart);
        timings.glSetup = gl.seconds;
        timings.glRenderer = context.value()->rendererName();
        const bool llvmpipe = timings.glRenderer.rfind("llvmpipe", 0) == 0;
        return LayoutRenderers{renderer.value().get(), llvmpipe ? stripHelper.get() : nullptr};
    };
    start = Clock::now();
    auto report = exportLayout(renderers, *document, scope, options, request.outPath);
    if (!report) return report.error();
    timings.render = report->render;
    timings.encode = report->encode;
    timings.strips = report->strips;
    timings.stripsBySecondRenderer = report->stripsBySecondRenderer;
    timings.mesh = std::max(0.0, secondsSince(start) - report->render - report->encode - timings.glInit);
    if (request.processEndsAfter) {
        gl.renderer->value()->saveCaches();  // made: the export drew with it
        // Deliberately never freed: the process ends next, and its end frees all of it at once.
        static_cast<void>(glOwner.release());
        static_cast<void>(stripHelper.release());
        static_cast<void>(new scene::MapDocument(std::move(*document)));
    }
    return timings;
}

}  // namespace gis::exporting
