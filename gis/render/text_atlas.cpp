#include "gis/render/text_atlas.hpp"

#include <algorithm>
#include <cmath>

#include "gis/render/utf8.hpp"

namespace gis::render {

bool TextAtlas::isSupported(char32_t cp) {
    return (cp >= 0x20 && cp <= 0x7E) ||      // Basic Latin
           (cp >= 0xA0 && cp <= 0x24F) ||     // Latin-1, Latin Extended-A/B
           (cp >= 0x300 && cp <= 0x36F) ||    // combining diacritics
           (cp >= 0x1E00 && cp <= 0x1EFF) ||  // Latin Extended Additional (Vietnamese)
           (cp >= 0x2000 && cp <= 0x206F) ||  // General Punctuation (– — · …)
           cp == 0x20AB ||                    // ₫
           (cp >= 0x2190 && cp <= 0x21FF) ||  // arrows (→ in notes and legends)
           (cp >= 0x2200 && cp <= 0x22FF);    // mathematical operators (≤ ≥ − × in class labels)
}

Result<std::unique_ptr<TextAtlas>> TextAtlas::create() {
    std::unique_ptr<TextAtlas> atlas(new TextAtlas());
    for (FontWeight weight : {FontWeight::Regular, FontWeight::Bold}) {
        auto face = FontFace::load(weight);
        if (!face) return face.error();
        atlas->m_faces[weight == FontWeight::Bold ? 1 : 0] = std::move(*face);
    }
    atlas->m_pixels.assign(static_cast<std::size_t>(kAtlasSize) * kAtlasSize, 0);
    atlas->m_texture = makeGl<TextureTraits>();
    glBindTexture(GL_TEXTURE_2D, atlas->m_texture.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, kAtlasSize, kAtlasSize, 0, GL_RED, GL_UNSIGNED_BYTE, atlas->m_pixels.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    return atlas;
}

const TextAtlas::Glyph& TextAtlas::glyph(char32_t codepoint, FontWeight weight) {
    const FontFace& font = face(weight);
    if (!isSupported(codepoint) || stbtt_FindGlyphIndex(&font.info(), static_cast<int>(codepoint)) == 0)
        codepoint = U'?';
    const std::uint64_t key = (static_cast<std::uint64_t>(weight == FontWeight::Bold) << 32) | codepoint;
    if (const auto it = m_glyphs.find(key); it != m_glyphs.end()) return it->second;

    const float scale = font.scaleForEm(kBaseEmPx);
    Glyph g;
    int advance = 0, leftBearing = 0;
    stbtt_GetCodepointHMetrics(&font.info(), static_cast<int>(codepoint), &advance, &leftBearing);
    g.advance = static_cast<float>(advance) * scale;

    int w = 0, h = 0, xoff = 0, yoff = 0;
    unsigned char* sdf = stbtt_GetCodepointSDF(&font.info(), scale, static_cast<int>(codepoint), kPaddingPx, kOnEdge,
                                               kValuePerPx, &w, &h, &xoff, &yoff);
    if (sdf != nullptr && w > 0 && h > 0) {
        // Shelf packing with a 1 px gap so bilinear filtering never bleeds between glyphs.
        if (m_shelfX + w + 1 > kAtlasSize) {
            m_shelfX = 0;
            m_shelfY += m_shelfHeight + 1;
            m_shelfHeight = 0;
        }
        if (m_shelfY + h + 1 <= kAtlasSize) {
            g.atlasX = m_shelfX;
            g.atlasY = m_shelfY;
            g.width = w;
            g.height = h;
            g.xOffset = static_cast<float>(xoff);
            g.yOffset = static_cast<float>(yoff);
            for (int row = 0; row < h; ++row)
                std::copy_n(sdf + static_cast<std::size_t>(row) * w, w,
                            m_pixels.begin() + static_cast<std::ptrdiff_t>(g.atlasY + row) * kAtlasSize + g.atlasX);
            m_shelfX += w + 1;
            m_shelfHeight = std::max(m_shelfHeight, h);
            m_dirtyMinY = std::min(m_dirtyMinY, g.atlasY);
            m_dirtyMaxY = std::max(m_dirtyMaxY, g.atlasY + h - 1);
        }
        // A full atlas leaves the glyph invisible (advance kept) rather than corrupting others.
    }
    if (sdf != nullptr) stbtt_FreeSDF(sdf, nullptr);
    return m_glyphs.emplace(key, g).first->second;
}

TextExtent TextAtlas::measure(std::string_view utf8, const TextStyle& style) {
    const FontFace& font = face(style.weight);
    const float toPx = style.sizePx / kBaseEmPx;
    TextExtent extent;
    for (std::size_t pos = 0; pos < utf8.size();) extent.width += glyph(nextCodepoint(utf8, pos), style.weight).advance;
    extent.width *= toPx;
    const float unitsToPx = font.scaleForEm(style.sizePx);
    extent.ascent = static_cast<float>(font.ascent()) * unitsToPx;
    extent.descent = static_cast<float>(-font.descent()) * unitsToPx;
    return extent;
}

void TextAtlas::append(OverlayBatch& batch, std::string_view utf8, float x, float baselineY, const TextStyle& style) {
    const float toPx = style.sizePx / kBaseEmPx;
    const float invAtlas = 1.0f / static_cast<float>(kAtlasSize);
    // Whole-pixel baseline keeps small text from looking blurred at rest.
    const float startX = std::round(x);
    const float baseline = std::round(baselineY);
    // Text and halo in one quad per glyph: the fragment shader composites the text over its halo
    // (a second pass of the same quads cost llvmpipe ~8 ms per frame at district zoom).
    const bool withHalo = style.haloColor.a > 0 && style.haloPx > 0.0f;
    const Rgba8 haloColor = withHalo ? style.haloColor : Rgba8{0, 0, 0, 0};
    const float grow = withHalo ? style.haloPx : 0.0f;
    float pen = startX;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const Glyph& g = glyph(nextCodepoint(utf8, pos), style.weight);
        if (g.width > 0) {
            const float x0 = pen + g.xOffset * toPx;
            const float y0 = baseline + g.yOffset * toPx;
            batch.glyph(x0, y0, x0 + static_cast<float>(g.width) * toPx, y0 + static_cast<float>(g.height) * toPx,
                        static_cast<float>(g.atlasX) * invAtlas, static_cast<float>(g.atlasY) * invAtlas,
                        static_cast<float>(g.atlasX + g.width) * invAtlas, static_cast<float>(g.atlasY + g.height) * invAtlas,
                        style.color, toPx, grow, haloColor);
        }
        pen += g.advance * toPx;
    }
}

void TextAtlas::uploadPending() {
    glBindTexture(GL_TEXTURE_2D, m_texture.get());
    if (m_dirtyMaxY < m_dirtyMinY) return;
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, m_dirtyMinY, kAtlasSize, m_dirtyMaxY - m_dirtyMinY + 1, GL_RED,
                    GL_UNSIGNED_BYTE, m_pixels.data() + static_cast<std::size_t>(m_dirtyMinY) * kAtlasSize);
    m_dirtyMinY = kAtlasSize;
    m_dirtyMaxY = -1;
}

}  // namespace gis::render
