#pragma once
/// A page drawn by the one renderer and checked: its pixels, and (for PDF) its text as runs.
#include <vector>

#include "gis/core/result.hpp"
#include "gis/export/paper.hpp"
#include "gis/render/image.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/render_scene.hpp"

namespace gis::exporting {

struct RenderedPage {
    render::Image image;
    std::vector<render::TextRun> text;  ///< empty unless rendered with text as runs
    int dpi = 0;
    double widthPt = 0, heightPt = 0;  ///< the paper in points (PDF page size); 0 = from the pixels and dpi
};

/// Renders `scene` (tiled above the GL limit). With `textAsRuns`, the text is left out of the
/// pixels and returned as runs at the same positions. Fails, rather than handing back a picture
/// nobody should print, when the map area came out blank (one colour).
Result<RenderedPage> renderPage(render::Renderer& renderer, scene::RenderScene scene, const PageSpec& spec, bool textAsRuns,
                                int maxTileSizePx = 0);

/// Whether the image shows anything in `area` (frame pixels; empty = the whole image): more
/// than one colour among a grid of samples.
bool showsSomething(const render::Image& image, const scene::PixelRect& area);

}  // namespace gis::exporting
