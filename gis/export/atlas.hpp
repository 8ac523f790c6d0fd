#pragma once
/// The commune atlas: one page per commune-level unit of a district (xã, phường, thị trấn), in
/// the district's order, after an overview page: the commune zoomed in with its neighbours
/// greyed, its card beside the map. One multi-page PDF or a folder of PNGs. The project is read
/// once and the geometry meshed once; each page is a new camera, an emphasis (one colour-table
/// upload) and a render.
#include <string>
#include <vector>

#include "gis/export/layout_export.hpp"

namespace gis::exporting {

struct AtlasOptions {
    std::string districtCode;
    PageSpec page;                 ///< paper and dpi (default A4 landscape, 150 dpi)
    bool overview = true;          ///< the district page first
    bool pdf = true;               ///< false: a folder of PNGs
    std::string asOf;              ///< "" = latest
    gis::Language language = gis::Language::Vi;
    std::string exportDate;        ///< "" = today
    int maxTileSizePx = 0;
};

struct AtlasReport {
    int pages = 0;
    std::vector<std::string> files;   ///< the PDF, or the PNG pages in order
    double renderSeconds = 0;         ///< layout and drawing, all pages
    double writeSeconds = 0;          ///< encoding and writing, all pages
};

/// The units that get a page, in the district's order (error naming the code when it is not a
/// district of the project or has no commune).
Result<std::vector<std::size_t>> atlasCommunes(const dashboard::ProjectFigures& figures, const std::string& districtCode);

/// Writes the atlas of `options.districtCode` to `outPath` (a .pdf file, or a folder). Progress
/// is reported once per page ("Xã Thành Sơn").
Result<AtlasReport> writeAtlas(render::Renderer& renderer, scene::MapDocument& document,
                               std::shared_ptr<const dashboard::ProjectFigures> figures, const AtlasOptions& options,
                               const std::string& outPath, const ProgressFn& progress = {});

}  // namespace gis::exporting
