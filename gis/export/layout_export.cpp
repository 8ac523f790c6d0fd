#include "gis/export/layout_export.hpp"

#include <chrono>

#include "gis/dashboard/dashboard_view.hpp"
#include "gis/dashboard/display_format.hpp"
#include "gis/dashboard/kpis.hpp"
#include "gis/dashboard/scope.hpp"
#include "gis/export/page_render.hpp"
#include "gis/export/pdf_writer.hpp"
#include "gis/export/png_export.hpp"
#include "gis/export/report_text.hpp"

namespace gis::exporting {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// Labels and legend grow with the picture so a 4000 px export reads like a 1920 px screen.
float autoTextScale(int widthPx, int heightPx) { return std::max(1.0f, std::min(widthPx / 1920.0f, heightPx / 1080.0f)); }

std::string asOfOf(const ReportScope& scope, const scene::MapDocument& document) {
    if (!scope.state.asOf.empty()) return scope.state.asOf;
    if (!document.source().asOf.empty()) return document.source().asOf;
    if (scope.figures) return scope.figures->latestDate();
    return document.asOfChoices().empty() ? std::string() : document.asOfChoices().back();
}

/// The scope's own name ("Huyện Thanh Lâm"), or "" when it is the whole project.
std::string scopeName(const dashboard::ProjectFigures& figures, const std::string& scope, gis::Language language) {
    const auto crumbs = dashboard::breadcrumb(figures, scope, language);
    return crumbs.empty() ? std::string() : crumbs.back().name;
}

/// The bare map's camera, exactly as the export drew it before pages existed.
scene::Camera bareCamera(const scene::MapDocument& document, const LayoutOptions& options, const Bounds& focus, int w, int h,
                         float textScale) {
    if (options.fixedFrame) return scene::Camera::fit(*options.fixedFrame, w, h, 0.0);
    return document.fitCamera(focus, w, h, textScale);
}

}  // namespace

PageContent preparePage(scene::MapDocument& document, const ReportScope& scope, const LayoutOptions& options) {
    using gis::Text;
    const gis::Language lang = options.language;
    PageContent content;
    content.language = lang;
    document.setLanguage(lang);  // the legend and the map's own words in the page's language
    content.legendHeading = tr(Text::PrintLegend, lang);
    const std::string asOf = asOfOf(scope, document);
    const std::string indicator =
        document.layers().empty() ? std::string() : localize(document.layers()[document.mainLayerIndex()].legend.title, lang);
    content.subtitle = indicator;
    if (!asOf.empty())
        content.subtitle += (indicator.empty() ? "" : " · ") + std::string(tr(Text::FiguresAsOf, lang)) + " " + dashboard::formatDate(asOf);
    content.title = document.title();
    content.footerLeft = sourceLine(document.source().path, document.isDemo(), lang);
    content.footerRight = exportedLine(options.exportDate, lang);

    if (scope.figures) {
        const dashboard::ProjectFigures& figures = *scope.figures;
        const std::string scopeCode = scope.state.scope.empty() ? dashboard::defaultScope(figures) : scope.state.scope;
        dashboard::DashboardState state = scope.state;
        state.scope = scopeCode;
        state.asOf = asOf;
        document.setEmphasis(dashboard::emphasisFor(figures, state, document));
        content.focus = dashboard::scopeBounds(figures, scopeCode, document);
        if (const std::string name = scopeName(figures, scopeCode, lang); !name.empty()) content.title = name;
        content.sideLines = kpiLines(dashboard::computeKpis(figures, scopeCode, asOf, lang), lang);
    }
    if (!options.title.empty()) content.title = options.title;
    return content;
}

Result<render::Image> previewLayout(render::Renderer& renderer, scene::MapDocument& document, const ReportScope& scope,
                                    const LayoutOptions& options) {
    const PageContent content = preparePage(document, scope, options);
    auto page = renderPage(renderer, pageScene(document, content, options.page), options.page, false, options.maxTileSizePx);
    if (!page) return page.error();
    return std::move(page->image);
}

Result<LayoutReport> exportLayout(render::Renderer& renderer, scene::MapDocument& document, const ReportScope& scope,
                                  const LayoutOptions& options, const std::string& outPath, const ProgressFn& progress) {
    const RenderersWhenNeeded given = [&renderer]() -> Result<LayoutRenderers> { return LayoutRenderers{&renderer, nullptr}; };
    return exportLayout(given, document, scope, options, outPath, progress);
}

Result<LayoutReport> exportLayout(const RenderersWhenNeeded& renderers, scene::MapDocument& document, const ReportScope& scope,
                                  const LayoutOptions& options, const std::string& outPath, const ProgressFn& progress) {
    const auto step = [&](int done, const char* what) {
        if (progress) progress(done, 3, what);
    };
    // Refusals first: a mistyped --out or an impossible size must cost nothing.
    if (auto target = checkExportTarget(outPath, {document.source().path, scope.figures ? scope.figures->path() : ""}, options.format);
        !target)
        return target.error();
    LayoutReport report;
    report.widthPx = options.page.pixelWidth();
    report.heightPx = options.page.pixelHeight();
    if (Status feasible = checkFrameFeasible(report.widthPx, report.heightPx); !feasible) return feasible.error();
    if (!document.bounds().valid()) return makeError(ErrorCode::BadInput, document.source().path + ": the map has no features to draw");

    step(0, "layout");
    PageContent content = preparePage(document, scope, options);
    const bool page = options.format == ExportFormat::Pdf || (options.format == ExportFormat::Png && options.pageLayout);
    scene::RenderScene scene;
    if (page) {
        if (options.fixedFrame) content.focus = *options.fixedFrame;
        scene = pageScene(document, content, options.page);
    } else {
        const float textScale = options.textScale > 0 ? options.textScale : autoTextScale(report.widthPx, report.heightPx);
        document.setTitle(content.title);
        const scene::Camera camera = options.format == ExportFormat::GeoTiff && !options.fixedFrame
                                         ? scene::Camera::fit(content.focus.valid() ? content.focus : document.bounds(), report.widthPx,
                                                              report.heightPx, 24.0)
                                         : bareCamera(document, options, content.focus, report.widthPx, report.heightPx, textScale);
        document.ensureLevelsFor(camera.metersPerPixel,
                                 options.releaseSourceGeometry ? scene::LevelUse::OneFrame : scene::LevelUse::AcrossScales);
        scene = document.buildScene(camera, std::nullopt, textScale);
        if (options.format == ExportFormat::GeoTiff) {
            // The map alone: a GIS overlays it on other layers; the title and legend would cover data.
            scene.title.clear();
            scene.legend = {};
        }
    }

    step(1, "render");
    auto drawers = renderers();
    if (!drawers) return drawers.error();
    render::Renderer& renderer = *drawers->renderer;
    if (!page && options.format == ExportFormat::Png && canStreamPng(renderer, scene, options.maxTileSizePx)) {
        // The bare map PNG: strips rendered and encoded on two threads, no whole frame held.
        if (options.releaseSourceGeometry) document.releaseGeometry();
        StripHelper* helper = estimatedDrawCost(scene) >= kStripHelperMinDrawCost ? drawers->stripHelper : nullptr;
        auto streamed = exportPngStrips(renderer, std::move(scene), outPath, options.page.dpi, options.maxTileSizePx,
                                        options.releaseSourceGeometry, helper);
        if (!streamed) return makeError(streamed.error().code, "cannot export " + outPath + ": " + streamed.error().message);
        report.render = streamed->render;
        report.strips = streamed->strips;
        report.stripsBySecondRenderer = streamed->stripsBySecondRenderer;
        step(2, "encode");
        report.encode = streamed->encode;
        step(3, "done");
        return report;
    }
    auto start = Clock::now();
    auto rendered = renderPage(renderer, scene, options.page, options.format == ExportFormat::Pdf, options.maxTileSizePx);
    if (!rendered) return makeError(rendered.error().code, "cannot export " + outPath + ": " + rendered.error().message);
    report.render = secondsSince(start);

    step(2, "encode");
    start = Clock::now();
    Status written = Ok{};
    switch (options.format) {
        case ExportFormat::Png: {
            written = writePng(rendered->image, outPath, options.page.dpi);
            break;
        }
        case ExportFormat::GeoTiff: {
            RasterFile file;
            file.format = RasterFormat::GeoTiff;
            file.dpi = options.page.dpi;
            const scene::Camera& c = scene.camera;
            const Vec2 topLeft = c.toWorld({0, 0});
            file.geoTransform = std::array<double, 6>{topLeft.x, c.metersPerPixel, 0.0, topLeft.y, 0.0, -c.metersPerPixel};
            file.crs = "EPSG:3857";
            written = writeRaster(rendered->image, outPath, file);
            break;
        }
        case ExportFormat::Pdf: {
            auto pdf = PdfWriter::create(outPath, content.title);
            if (!pdf) return pdf.error();
            if (Status added = (*pdf)->addPage(*rendered); !added) return added.error();
            written = (*pdf)->finish();
            break;
        }
    }
    if (!written) return written.error();
    report.encode = secondsSince(start);
    step(3, "done");
    return report;
}

}  // namespace gis::exporting
