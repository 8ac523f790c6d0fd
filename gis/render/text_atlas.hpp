#pragma once
/// Signed-distance-field glyph atlas for Noto Sans Regular and Bold. One atlas serves every text
/// size (labels, legend, title) and gives halos for free. Glyphs are rasterised on first use
/// (stbtt_GetCodepointSDF) and uploaded before the next draw.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gis/core/color.hpp"
#include "gis/core/result.hpp"
#include "gis/render/font_face.hpp"
#include "gis/render/glyph_cache_file.hpp"
#include "gis/render/gl_handle.hpp"
#include "gis/render/overlay_batch.hpp"

namespace gis::render {

class TextAtlas {
public:
    static constexpr int kAtlasSize = 2048;
    static constexpr float kBaseEmPx = 32.0f;       ///< glyphs are rasterised at this em size
    static constexpr int kPaddingPx = 8;            ///< distance range outside the outline
    static constexpr unsigned char kOnEdge = 160;   ///< SDF value on the outline
    static constexpr float kValuePerPx = 20.0f;     ///< SDF value change per atlas pixel

    /// Loads both fonts and allocates the atlas texture. Needs a current context.
    static Result<std::unique_ptr<TextAtlas>> create();
    /// Writes the glyphs made in this run to the glyph cache (saveGlyphCache).
    ~TextAtlas();
    TextAtlas(const TextAtlas&) = delete;
    TextAtlas& operator=(const TextAtlas&) = delete;

    /// Makes, on every core, the glyphs of `texts` that neither this atlas nor the glyph cache
    /// has yet; measure and append then find them. For a frame's labels, whose glyphs would
    /// otherwise be made one by one on the drawing thread.
    void prepare(const std::vector<std::string_view>& texts, FontWeight weight);

    /// Width and vertical extent of `utf8` at `style` (no GL needed).
    TextExtent measure(std::string_view utf8, const TextStyle& style);
    /// Appends `utf8` with its baseline starting at (x, baselineY) in frame pixels: first the
    /// halo quads of the whole run, then the text quads, so no halo covers a neighbouring letter.
    void append(OverlayBatch& batch, std::string_view utf8, float x, float baselineY, const TextStyle& style);
    /// Uploads glyphs rasterised since the last call (binds the texture to GL_TEXTURE_2D).
    void uploadPending();
    /// Writes the glyphs made so far to the glyph cache (gis/render/glyph_cache_file.hpp), once:
    /// for a process that ends without destroying the atlas (see Renderer::saveCaches).
    void saveGlyphCache();

    GLuint texture() const { return m_texture.get(); }
    std::size_t glyphCount() const { return m_glyphs.size(); }

    /// True for the code points the atlas serves; others render as '?'.
    static bool isSupported(char32_t codepoint);

private:
    struct Glyph {
        float advance = 0;          ///< atlas px
        float xOffset = 0;          ///< bitmap left relative to the pen, atlas px
        float yOffset = 0;          ///< bitmap top relative to the baseline, atlas px (y down)
        int atlasX = 0, atlasY = 0, width = 0, height = 0;
    };

    TextAtlas() = default;
    const Glyph& glyph(char32_t codepoint, FontWeight weight);
    /// The code point drawn for `codepoint`: itself, or '?' when unsupported or not in the font.
    char32_t drawnCodepoint(char32_t codepoint, FontWeight weight) const;
    static std::uint64_t glyphKey(char32_t codepoint, FontWeight weight) {
        return (static_cast<std::uint64_t>(weight == FontWeight::Bold) << 32) | codepoint;
    }
    static GlyphRaster raster() { return {kBaseEmPx, kPaddingPx, kOnEdge, kValuePerPx}; }
    const FontFace& face(FontWeight weight) const { return *m_faces[weight == FontWeight::Bold ? 1 : 0]; }

    std::array<std::unique_ptr<FontFace>, 2> m_faces;
    std::unordered_map<std::uint64_t, Glyph> m_glyphs;  // packed into the atlas
    GlyphStore m_bitmaps;             // every field known: from the cache file or made in this run
    bool m_madeGlyphs = false;        // some were made: write the cache file when done
    std::uint64_t m_cacheFingerprint = 0;
    std::string m_cachePath;
    /// A glyph packed since the last upload; its pixels stay in m_bitmaps (nodes of an
    /// unordered_map do not move). No CPU copy of the whole atlas is kept: 4 MB less at the
    /// export's peak.
    struct PendingGlyph {
        int atlasX = 0, atlasY = 0;
        const GlyphBitmap* bitmap = nullptr;
    };
    std::vector<PendingGlyph> m_pending;
    int m_shelfX = 0, m_shelfY = 0, m_shelfHeight = 0;
    GlTexture m_texture;
};

}  // namespace gis::render
