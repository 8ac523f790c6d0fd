#include "gis/export/page_render.hpp"

#include <algorithm>
#include <cstring>

#include "gis/export/png_export.hpp"

namespace gis::exporting {

bool showsSomething(const render::Image& image, const scene::PixelRect& area) {
    if (image.width <= 0 || image.height <= 0) return false;
    const int x0 = area.empty() ? 0 : std::clamp(static_cast<int>(area.x0), 0, image.width - 1);
    const int y0 = area.empty() ? 0 : std::clamp(static_cast<int>(area.y0), 0, image.height - 1);
    const int x1 = area.empty() ? image.width : std::clamp(static_cast<int>(area.x1), x0 + 1, image.width);
    const int y1 = area.empty() ? image.height : std::clamp(static_cast<int>(area.y1), y0 + 1, image.height);
    const std::uint8_t* first = image.rgba.data() + (static_cast<std::size_t>(y0) * image.width + x0) * 4;
    constexpr int kSamples = 64;  // 64 × 64 probes: enough to see any map, cheap on 100 Mpx
    for (int j = 0; j < kSamples; ++j) {
        const int y = y0 + (y1 - y0 - 1) * j / (kSamples - 1);
        for (int i = 0; i < kSamples; ++i) {
            const int x = x0 + (x1 - x0 - 1) * i / (kSamples - 1);
            if (std::memcmp(first, image.rgba.data() + (static_cast<std::size_t>(y) * image.width + x) * 4, 4) != 0) return true;
        }
    }
    return false;
}

Result<RenderedPage> renderPage(render::Renderer& renderer, scene::RenderScene scene, const PageSpec& spec, bool textAsRuns,
                                int maxTileSizePx) {
    scene.textAsRuns = textAsRuns;
    auto image = renderFrame(renderer, scene, maxTileSizePx);
    if (!image) return image.error();
    const scene::PixelRect area = scene.page ? scene.page->map : scene::PixelRect{};
    if (!showsSomething(*image, area))
        return makeError(ErrorCode::Io, "the rendered map came out blank (" + std::to_string(image->width) + " × " +
                                            std::to_string(image->height) +
                                            " px, one colour): nothing was written. The GL driver may have run out of memory; try a lower --dpi");
    RenderedPage page;
    page.image = std::move(*image);
    page.dpi = spec.dpi;
    page.widthPt = spec.pointWidth();
    page.heightPt = spec.pointHeight();
    // Every tile lays out the same text in frame pixels; the last render holds it all.
    if (textAsRuns) page.text = renderer.lastTextRuns();
    return page;
}

}  // namespace gis::exporting
