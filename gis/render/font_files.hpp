#pragma once
/// Where the UI and map fonts live: Noto Sans via fontconfig, then Debian's known path.
#include <string>

namespace gis::render {

/// Path of Noto Sans (regular or bold) — the font every text of the map and the UI uses, with
/// full Vietnamese coverage. Empty when neither fontconfig nor the known path finds it.
std::string findFontFile(bool bold);

}  // namespace gis::render
