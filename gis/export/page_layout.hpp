#pragma once
/// The printed page around a map: where header, map, side column and footer go on a paper, the
/// camera that fits the focus into the map frame, and the RenderScene of the whole page (the
/// map with scene::PageDecor) that the one renderer draws for PNG, PDF, the atlas and tests.
#include <string>
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/core/translation.hpp"
#include "gis/export/paper.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/scene/render_scene.hpp"

namespace gis::exporting {

/// The words and figures of a page; everything else comes from the map document.
struct PageContent {
    std::string title;
    std::string subtitle;          ///< indicator and as-of date
    std::string legendHeading;     ///< "Chú giải"
    std::vector<scene::PageLine> sideLines;  ///< key figures or a commune's card, after the legend
    std::string footerLeft;        ///< data source
    std::string footerRight;       ///< export date
    gis::Language language = gis::Language::Vi;  ///< scale bar numbers and the north letter
    Bounds focus;                  ///< display CRS; invalid = the whole map
    float sideShare = 0.27f;       ///< of the page width (landscape) or height (portrait) for the side column
};

struct PageFrames {
    scene::PixelRect header, map, side, footer;
};

/// Frames of a page of `widthPx` × `heightPx` at `pointPx` pixels per point: 10 mm margins,
/// the side column right of the map on landscape pages and below it on portrait ones.
PageFrames pageFrames(int widthPx, int heightPx, float pointPx, float sideShare);

/// The camera of the whole page that shows `focus` whole and centred in `frames.map`.
scene::Camera pageCamera(const PageFrames& frames, int widthPx, int heightPx, const Bounds& focus);

/// The scene of the page: builds the levels of detail the scale needs, then the document's
/// scene for the page camera with the layout (scale bar measured at the map's latitude).
scene::RenderScene pageScene(scene::MapDocument& document, const PageContent& content, const PageSpec& spec);

/// Scale bar tick labels: "0", "1", "2 km" (or "0", "250", "500 m"), with a decimal comma in Vietnamese.
std::vector<std::string> scaleBarTicks(double meters, gis::Language language);

}  // namespace gis::exporting
