#pragma once
/// A TrueType font in memory, found through fontconfig (Noto Sans), parsed by stb_truetype.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <stb_truetype.h>

#include "gis/core/result.hpp"
#include "gis/render/text_style.hpp"

namespace gis::render {

class FontFace {
public:
    /// Loads Noto Sans of `weight` from findFontFile() (fontconfig, then Debian's path).
    /// The error names the file or says that none was found.
    static Result<std::unique_ptr<FontFace>> load(FontWeight weight);

    const stbtt_fontinfo& info() const { return m_info; }
    const std::string& path() const { return m_path; }
    /// FNV-1a of the font file's bytes: names the glyphs made from it in the glyph cache.
    std::uint64_t contentHash() const { return m_contentHash; }

    /// Scale from font units to pixels for an em of `emPx` pixels.
    float scaleForEm(float emPx) const { return stbtt_ScaleForMappingEmToPixels(&m_info, emPx); }
    /// Vertical metrics in font units (descent is negative).
    int ascent() const { return m_ascent; }
    int descent() const { return m_descent; }

private:
    FontFace() = default;
    std::vector<unsigned char> m_data;  // stbtt_fontinfo points into it: keep it alive and unmoved
    stbtt_fontinfo m_info{};
    std::string m_path;
    int m_ascent = 0;
    int m_descent = 0;
    std::uint64_t m_contentHash = 0;
};

}  // namespace gis::render
