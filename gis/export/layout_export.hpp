#pragma once
/// Export of what the dashboard shows — its scope, date, indicator and filters — as a printed
/// page (PNG with its dpi, PDF with real text), a GeoTIFF of the map alone, or the bare map at
/// a pixel size. The CLI and the window's export dialog call the same function with a renderer
/// of their own GL context, so the same inputs give the same pixels.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "gis/core/result.hpp"
#include "gis/dashboard/dashboard_state.hpp"
#include "gis/core/translation.hpp"
#include "gis/dashboard/project_figures.hpp"
#include "gis/export/export_target.hpp"
#include "gis/export/page_layout.hpp"
#include "gis/export/paper.hpp"
#include "gis/export/png_export.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/map_document.hpp"

namespace gis::exporting {

/// Called as work proceeds: `done` of `total` steps, and what comes next ("render", "encode"…).
using ProgressFn = std::function<void(int done, int total, const std::string& what)>;

/// What part of the project a page is about.
struct ReportScope {
    std::shared_ptr<const dashboard::ProjectFigures> figures;  ///< null for a plain vector file
    dashboard::DashboardState state;                           ///< scope, date, filters (indicator: on the document)
};

struct LayoutOptions {
    ExportFormat format = ExportFormat::Png;
    PageSpec page;                  ///< paper and dpi, or pixels
    /// PNG only: false draws the bare map as on screen (title and legend on the map), the
    /// export as it was before pages; PDF is always a page, GeoTIFF never.
    bool pageLayout = true;
    std::optional<Bounds> fixedFrame;  ///< display CRS: this frame exactly (--extent), not the scope's
    std::string title;              ///< "" = the scope's name (or the map's title)
    gis::Language language = gis::Language::Vi;
    std::string exportDate;         ///< YYYY-MM-DD for the date line; "" = today
    float textScale = 0.0f;         ///< bare map only: 0 = from the image size
    int maxTileSizePx = 0;
    /// A one-shot export (the command line): a bare-map PNG frees the features' geometry and
    /// the CPU meshes once they are on the GPU (MapDocument::releaseGeometry), which lowers the
    /// peak by ~12 MB on the national layer. The document cannot build other scales after it,
    /// so the window never sets it.
    bool releaseSourceGeometry = false;
};

/// What exportLayout draws with.
struct LayoutRenderers {
    render::Renderer* renderer = nullptr;
    /// A second renderer that may draw a bare-map PNG's strips beside the first (see StripHelper),
    /// or null. It is started only for a frame of an estimated draw cost of at least
    /// kStripHelperMinDrawCost. Must be llvmpipe like `renderer`: the strips of one PNG must come
    /// from one driver.
    StripHelper* stripHelper = nullptr;
};

/// Gives exportLayout its renderers once the frame is laid out and its meshes are built, which
/// need none: the command line's GL context is still being made on a worker while the document
/// meshes (map_export.cpp). Called once; an error ends the export with it.
using RenderersWhenNeeded = std::function<Result<LayoutRenderers>()>;

/// Estimated draw cost (estimatedDrawCost) from which a streamed PNG gets a second renderer,
/// about 0.25 s of drawing on one. The helper costs memory: 40-45 MB at the 10,000-commune set
/// (248 -> 289-291 MB), for 0.39 -> 0.30 s of render (2026-12-07). The real national layer
/// (cost 220,000, render 0.13-0.18 s) gained nothing from it and would have gone from 192 to
/// 232 MB, over its 200 MB budget; the 10k set costs 453,000.
inline constexpr std::uint64_t kStripHelperMinDrawCost = 330'000;

struct LayoutReport {
    int widthPx = 0, heightPx = 0;
    double render = 0, encode = 0;  ///< seconds
    int strips = 0, stripsBySecondRenderer = 0;  ///< a streamed PNG's (StreamedPng)
};

/// Greys what lies outside the scope and dims what the filters leave out (through the
/// document's colour table), and returns the page's words and focus for the scope.
PageContent preparePage(scene::MapDocument& document, const ReportScope& scope, const LayoutOptions& options);

/// Checks the target and the size first (nothing is rendered when either is refused), then
/// renders and writes `outPath`. The document keeps the emphasis set for the scope.
Result<LayoutReport> exportLayout(render::Renderer& renderer, scene::MapDocument& document, const ReportScope& scope,
                                  const LayoutOptions& options, const std::string& outPath, const ProgressFn& progress = {});
Result<LayoutReport> exportLayout(const RenderersWhenNeeded& renderers, scene::MapDocument& document, const ReportScope& scope,
                                  const LayoutOptions& options, const std::string& outPath, const ProgressFn& progress = {});

/// The page as it will print, for a preview: the picture with its text drawn.
Result<render::Image> previewLayout(render::Renderer& renderer, scene::MapDocument& document, const ReportScope& scope,
                                    const LayoutOptions& options);

}  // namespace gis::exporting
