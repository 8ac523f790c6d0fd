#pragma once
/// One glyph as a signed distance field, made by stb_truetype on the CPU: what the text atlas
/// packs, and what the glyph cache file keeps between runs. No GL here, so glyphs can be made
/// on every core at once.
#include <cstdint>
#include <vector>


namespace gis::render {

class FontFace;

/// How glyphs are rasterised; part of the cache file's key, so a change here never reuses
/// glyphs made another way.
struct GlyphRaster {
    float emPx = 32.0f;              ///< em size of the field
    int paddingPx = 8;               ///< distance range outside the outline
    unsigned char onEdge = 160;      ///< field value on the outline
    float valuePerPx = 20.0f;        ///< field value change per pixel
};

struct GlyphBitmap {
    float advance = 0;               ///< pen advance, pixels at GlyphRaster::emPx
    int xOffset = 0, yOffset = 0;    ///< bitmap top-left relative to the pen on the baseline (y down)
    int width = 0, height = 0;       ///< 0 × 0 for a blank glyph (space)
    std::vector<std::uint8_t> pixels;  ///< width × height field values, rows top to bottom
};

/// The glyph of `codepoint` (which the font must have) as the atlas draws it.
GlyphBitmap rasterizeGlyph(const FontFace& font, char32_t codepoint, const GlyphRaster& raster);

/// rasterizeGlyph for each code point, spread over the machine's cores; same order as given.
std::vector<GlyphBitmap> rasterizeGlyphs(const FontFace& font, const std::vector<char32_t>& codepoints,
                                         const GlyphRaster& raster);

}  // namespace gis::render
