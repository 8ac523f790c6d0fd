#pragma once
/// Draws a printed page's layout (scene::PageDecor) around the map: paper, frame, title and
/// subtitle, legend balanced into columns, the lines beside the map, scale bar, north arrow,
/// source and date. Sizes are in points (PageDecor::pointPx), so a page reads the same at
/// 150, 300 and 600 dpi.
#include <string>
#include <vector>

#include "gis/render/legend_columns.hpp"
#include "gis/render/text_out.hpp"
#include "gis/scene/render_scene.hpp"

namespace gis::render {

class PagePainter {
public:
    explicit PagePainter(TextOut& out) : m_out(out) {}

    /// Appends the layout; returns the boxes map labels must stay out of (the paper around the
    /// map, the scale bar and north arrow panels).
    std::vector<scene::PixelRect> draw(const scene::RenderScene& scene, const scene::PageDecor& page);

private:
    void drawHeader(const scene::RenderScene& scene, const scene::PageDecor& page);
    float drawLegend(const scene::RenderScene& scene, const scene::PageDecor& page, float maxHeight);
    void drawSideLines(const scene::PageDecor& page, float top);
    scene::PixelRect drawScaleBar(const scene::PageDecor& page);
    scene::PixelRect drawNorthArrow(const scene::PageDecor& page);
    void drawFooter(const scene::PageDecor& page);
    /// `text` broken at spaces into lines of at most `maxWidth` (continuations indented), at
    /// most `maxLines` (the last shortened with "…").
    std::vector<std::string> wrapped(const std::string& text, const TextStyle& style, float maxWidth, int maxLines);
    /// `text` shortened with "…" to fit `maxWidth` at `style`.
    std::string fitted(const std::string& text, const TextStyle& style, float maxWidth);

    TextOut& m_out;
};

}  // namespace gis::render
