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
    // Field by field: the struct's padding bytes are not part of the settings.
    const GlyphRaster settings = raster();
    std::uint64_t fingerprint = fnv1a(&settings.emPx, sizeof settings.emPx);
    fingerprint = fnv1a(&settings.paddingPx, sizeof settings.paddingPx, fingerprint);
    fingerprint = fnv1a(&settings.onEdge, sizeof settings.onEdge, fingerprint);
    fingerprint = fnv1a(&settings.valuePerPx, sizeof settings.valuePerPx, fingerprint);
    for (const auto& face : atlas->m_faces) {
        const std::uint64_t hash = face->contentHash();
        fingerprint = fnv1a(&hash, sizeof hash, fingerprint);
    }
    atlas->m_cacheFingerprint = fingerprint;
    atlas->m_cachePath = glyphCachePath(fingerprint);
    atlas->m_bitmaps = readGlyphCache(atlas->m_cachePath, fingerprint);
    atlas->m_texture = makeGl<TextureTraits>();
    glBindTexture(GL_TEXTURE_2D, atlas->m_texture.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, kAtlasSize, kAtlasSize, 0, GL_RED, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    // Zeroed by the GL itself (no 4 MB buffer of zeros): the 1 px gaps between glyphs are sampled
    // by bilinear filtering and must read as "far outside any outline".
    GLint previousFbo = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previousFbo);
    GLuint clearFbo = 0;
    glGenFramebuffers(1, &clearFbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, clearFbo);
    glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, atlas->m_texture.get(), 0);
    GLfloat previousClear[4];
    glGetFloatv(GL_COLOR_CLEAR_VALUE, previousClear);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glClearColor(previousClear[0], previousClear[1], previousClear[2], previousClear[3]);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
    glDeleteFramebuffers(1, &clearFbo);
    return atlas;
}

TextAtlas::~TextAtlas() { saveGlyphCache(); }

void TextAtlas::saveGlyphCache() {
    if (!m_madeGlyphs) return;
    writeGlyphCache(m_cachePath, m_cacheFingerprint, m_bitmaps);
    m_madeGlyphs = false;
}

char32_t TextAtlas::drawnCodepoint(char32_t codepoint, FontWeight weight) const {
    if (!isSupported(codepoint) || stbtt_FindGlyphIndex(&face(weight).info(), static_cast<int>(codepoint)) == 0)
        return U'?';
    return codepoint;
}

void TextAtlas::prepare(const std::vector<std::string_view>& texts, FontWeight weight) {
    std::vector<char32_t> missing;
    for (std::string_view text : texts)
        for (std::size_t pos = 0; pos < text.size();) {
            const char32_t codepoint = nextCodepoint(text, pos);
            const std::uint64_t key = glyphKey(codepoint, weight);
            if (m_glyphs.count(key) != 0 || m_bitmaps.count(key) != 0) continue;
            const char32_t drawn = drawnCodepoint(codepoint, weight);
            if (m_bitmaps.count(glyphKey(drawn, weight)) != 0) continue;
            if (std::find(missing.begin(), missing.end(), drawn) == missing.end()) missing.push_back(drawn);
        }
    if (missing.empty()) return;
    std::vector<GlyphBitmap> made = rasterizeGlyphs(face(weight), missing, raster());
    for (std::size_t i = 0; i < missing.size(); ++i) m_bitmaps[glyphKey(missing[i], weight)] = std::move(made[i]);
    m_madeGlyphs = true;
}

const TextAtlas::Glyph& TextAtlas::glyph(char32_t codepoint, FontWeight weight) {
    codepoint = drawnCodepoint(codepoint, weight);
    const std::uint64_t key = glyphKey(codepoint, weight);
    if (const auto it = m_glyphs.find(key); it != m_glyphs.end()) return it->second;

    auto made = m_bitmaps.find(key);
    if (made == m_bitmaps.end()) {
        made = m_bitmaps.emplace(key, rasterizeGlyph(face(weight), codepoint, raster())).first;
        m_madeGlyphs = true;
    }
    const GlyphBitmap& bitmap = made->second;
    Glyph g;
    g.advance = bitmap.advance;
    const int w = bitmap.width, h = bitmap.height;
    if (w > 0 && h > 0) {
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
            g.xOffset = static_cast<float>(bitmap.xOffset);
            g.yOffset = static_cast<float>(bitmap.yOffset);
            m_pending.push_back({g.atlasX, g.atlasY, &bitmap});
            m_shelfX += w + 1;
            m_shelfHeight = std::max(m_shelfHeight, h);
        }
        // A full atlas leaves the glyph invisible (advance kept) rather than corrupting others.
    }
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
    if (m_pending.empty()) return;
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    // One upload per shelf: the glyphs packed since the last upload sit side by side at its
    // right end, and nothing else is in the box around them (earlier glyphs of the shelf lie to
    // its left), so the box's gaps can be sent as zeros.
    std::vector<std::uint8_t> box;
    for (std::size_t first = 0; first < m_pending.size();) {
        std::size_t last = first;
        int right = 0, bottom = 0;
        while (last < m_pending.size() && m_pending[last].atlasY == m_pending[first].atlasY) {
            right = std::max(right, m_pending[last].atlasX + m_pending[last].bitmap->width);
            bottom = std::max(bottom, m_pending[first].atlasY + m_pending[last].bitmap->height);
            ++last;
        }
        const int x0 = m_pending[first].atlasX, y0 = m_pending[first].atlasY;
        const int boxW = right - x0, boxH = bottom - y0;
        box.assign(static_cast<std::size_t>(boxW) * boxH, 0);
        for (std::size_t i = first; i < last; ++i) {
            const GlyphBitmap& bitmap = *m_pending[i].bitmap;
            for (int row = 0; row < bitmap.height; ++row)
                std::copy_n(bitmap.pixels.begin() + static_cast<std::ptrdiff_t>(row) * bitmap.width, bitmap.width,
                            box.begin() + static_cast<std::ptrdiff_t>(row) * boxW + (m_pending[i].atlasX - x0));
        }
        glTexSubImage2D(GL_TEXTURE_2D, 0, x0, y0, boxW, boxH, GL_RED, GL_UNSIGNED_BYTE, box.data());
        first = last;
    }
    m_pending.clear();
}

}  // namespace gis::render
