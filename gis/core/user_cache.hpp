#pragma once
/// The user's cache folder for NTM Atlas: what is kept between runs only to go faster (glyph
/// fields, integrity verdicts). Everything in it may be lost or damaged at any time; readers
/// ignore what they cannot use and make it again.
#include <string>

namespace gis {

/// $XDG_CACHE_HOME/ntm-atlas, else $HOME/.cache/ntm-atlas; "" when neither is an absolute path.
std::string userCacheFolder();

/// Writes `bytes` to `path` through a temporary file renamed into place (the folder is made),
/// so a reader never sees half a file. False when it could not; the old file then stays.
bool replaceCacheFile(const std::string& path, const std::string& bytes);

}  // namespace gis
