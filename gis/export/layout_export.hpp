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

struct LayoutReport {
    int widthPx = 0, heightPx = 0;
    double render = 0, encode = 0;  ///< seconds
};

/// Greys what lies outside the scope and dims what the filters leave out (through the
/// document's colour table), and returns the page's words and focus for the scope.
PageContent preparePage(scene::MapDocument& document, const ReportScope& scope, const LayoutOptions& options);

/// Checks the target and the size first (nothing is rendered when either is refused), then
/// renders and writes `outPath`. The document keeps the emphasis set for the scope.
Result<LayoutReport> exportLayout(render::Renderer& renderer, scene::MapDocument& document, const ReportScope& scope,
                                  const LayoutOptions& options, const std::string& outPath, const ProgressFn& progress = {});

/// The page as it will print, for a preview: the picture with its text drawn.
Result<render::Image> previewLayout(render::Renderer& renderer, scene::MapDocument& document, const ReportScope& scope,
                                    const LayoutOptions& options);

}  // namespace gis::exporting
