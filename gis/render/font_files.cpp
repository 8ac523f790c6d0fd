#include "gis/render/font_files.hpp"

#include <fontconfig/fontconfig.h>

#include <filesystem>

namespace gis::render {

namespace {

/// Asks fontconfig for the family; accepts only a Noto Sans answer (a substitute font may lack
/// Vietnamese glyphs, and the known path is a better bet then).
std::string matchWithFontconfig(bool bold) {
    std::string path;
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (config == nullptr) return path;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(bold ? "Noto Sans:style=Bold" : "Noto Sans:style=Regular"));
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(config, pattern, &result)) {
        FcChar8* file = nullptr;
        FcChar8* family = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch &&
            std::string(reinterpret_cast<const char*>(family)) == "Noto Sans")
            path = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    return path;
}

}  // namespace

std::string findFontFile(bool bold) {
    std::string path = matchWithFontconfig(bold);
    if (!path.empty() && std::filesystem::exists(path)) return path;
    const char* known = bold ? "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf" : "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    return std::filesystem::exists(known) ? known : std::string();
}

}  // namespace gis::render
