#include "gis/render/font_face.hpp"

#include <fstream>
#include <iterator>

#include <fontconfig/fontconfig.h>

namespace gis::render {

namespace {

struct FcPatternDeleter {
    void operator()(FcPattern* p) const noexcept { FcPatternDestroy(p); }
};
using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternDeleter>;

struct FontLocation {
    std::string path;
    int index = 0;
};

/// Asks fontconfig for Noto Sans; returns an empty path when it has nothing that is Noto Sans
/// (a substitute family would change the look of every export silently).
FontLocation matchWithFontconfig(FontWeight weight) {
    FontLocation location;
    if (FcInit() != FcTrue) return location;
    FcPatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("Noto Sans"));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight == FontWeight::Bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    FcPatternPtr match(FcFontMatch(nullptr, pattern.get(), &result));
    if (!match || result != FcResultMatch) return location;
    FcChar8* family = nullptr;
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(match.get(), FC_FAMILY, 0, &family) != FcResultMatch ||
        std::string(reinterpret_cast<const char*>(family)) != "Noto Sans")
        return location;
    if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return location;
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    location.path = reinterpret_cast<const char*>(file);
    location.index = index;
    return location;
}

bool readFile(const std::string& path, std::vector<unsigned char>& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !out.empty();
}

}  // namespace

Result<std::unique_ptr<FontFace>> FontFace::load(FontWeight weight) {
    const char* fallback = weight == FontWeight::Bold ? "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
                                                      : "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::vector<FontLocation> candidates;
    if (FontLocation matched = matchWithFontconfig(weight); !matched.path.empty()) candidates.push_back(matched);
    candidates.push_back({fallback, 0});

    std::string tried;
    for (const FontLocation& candidate : candidates) {
        std::unique_ptr<FontFace> face(new FontFace());
        if (!readFile(candidate.path, face->m_data)) {
            tried += (tried.empty() ? "" : ", ") + candidate.path + " (unreadable)";
            continue;
        }
        const int offset = stbtt_GetFontOffsetForIndex(face->m_data.data(), candidate.index);
        if (offset < 0 || stbtt_InitFont(&face->m_info, face->m_data.data(), offset) == 0) {
            tried += (tried.empty() ? "" : ", ") + candidate.path + " (not a TrueType font)";
            continue;
        }
        int lineGap = 0;
        stbtt_GetFontVMetrics(&face->m_info, &face->m_ascent, &face->m_descent, &lineGap);
        face->m_path = candidate.path;
        return face;
    }
    return makeError(ErrorCode::NotFound, std::string("Cannot load the Noto Sans ") +
                                              (weight == FontWeight::Bold ? "Bold" : "Regular") +
                                              " font (install fonts-noto-core); tried " + tried + ".");
}

}  // namespace gis::render
