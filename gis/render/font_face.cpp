#include "gis/render/font_face.hpp"

#include <fstream>
#include <iterator>

#include "gis/render/font_files.hpp"
#include "gis/render/glyph_cache_file.hpp"

namespace gis::render {

namespace {

bool readFile(const std::string& path, std::vector<unsigned char>& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !out.empty();
}

}  // namespace

Result<std::unique_ptr<FontFace>> FontFace::load(FontWeight weight) {
    const bool bold = weight == FontWeight::Bold;
    const std::string weightName = bold ? "Bold" : "Regular";
    // Same lookup as the UI (fontconfig, then Debian's path), so map and panels match.
    const std::string path = findFontFile(bold);
    if (path.empty())
        return makeError(ErrorCode::NotFound, "Cannot find the Noto Sans " + weightName +
                                                  " font through fontconfig or in /usr/share/fonts/truetype/noto "
                                                  "(install fonts-noto-core).");
    std::unique_ptr<FontFace> face(new FontFace());
    if (!readFile(path, face->m_data))
        return makeError(ErrorCode::OpenFailed, "Cannot read the font file " + path + ".");
    const int offset = stbtt_GetFontOffsetForIndex(face->m_data.data(), 0);
    if (offset < 0 || stbtt_InitFont(&face->m_info, face->m_data.data(), offset) == 0)
        return makeError(ErrorCode::UnsupportedFormat, "The font file " + path + " is not a TrueType font.");
    int lineGap = 0;
    stbtt_GetFontVMetrics(&face->m_info, &face->m_ascent, &face->m_descent, &lineGap);
    face->m_path = path;
    face->m_contentHash = fnv1a(face->m_data.data(), face->m_data.size());
    return face;
}

}  // namespace gis::render
