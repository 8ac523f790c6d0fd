#include "gis/render/glyph_bitmap.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "gis/render/font_face.hpp"

namespace gis::render {

GlyphBitmap rasterizeGlyph(const FontFace& font, char32_t codepoint, const GlyphRaster& raster) {
    const float scale = font.scaleForEm(raster.emPx);
    GlyphBitmap g;
    int advance = 0, leftBearing = 0;
    stbtt_GetCodepointHMetrics(&font.info(), static_cast<int>(codepoint), &advance, &leftBearing);
    g.advance = static_cast<float>(advance) * scale;
    int w = 0, h = 0, xoff = 0, yoff = 0;
    unsigned char* sdf = stbtt_GetCodepointSDF(&font.info(), scale, static_cast<int>(codepoint), raster.paddingPx,
                                               raster.onEdge, raster.valuePerPx, &w, &h, &xoff, &yoff);
    if (sdf != nullptr && w > 0 && h > 0) {
        g.width = w;
        g.height = h;
        g.xOffset = xoff;
        g.yOffset = yoff;
        g.pixels.assign(sdf, sdf + static_cast<std::size_t>(w) * h);
    }
    if (sdf != nullptr) stbtt_FreeSDF(sdf, nullptr);
    return g;
}

std::vector<GlyphBitmap> rasterizeGlyphs(const FontFace& font, const std::vector<char32_t>& codepoints,
                                         const GlyphRaster& raster) {
    std::vector<GlyphBitmap> out(codepoints.size());
    // stb_truetype only reads the font here, and each field is its own allocation: safe to share.
    // A glyph costs 1–3 ms (the field tests every pixel against every edge), so even a handful
    // is worth the threads.
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < codepoints.size(); i = next++) out[i] = rasterizeGlyph(font, codepoints[i], raster);
    };
    const unsigned helpers = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()) - 1,
                                                static_cast<unsigned>(codepoints.size() / 2));
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < helpers; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    return out;
}

}  // namespace gis::render
