#pragma once
/// Glyph fields kept between runs. Making a glyph's distance field costs 1–3 ms, and a map
/// with a title, a legend and a district's labels needs 100–200 of them: without the cache
/// every export paid about 0.1 s and the window stalled on the first zoom that showed labels.
/// The file sits in the user's cache folder ($XDG_CACHE_HOME or ~/.cache, "ntm-atlas"), named
/// by a fingerprint of both font files and the raster settings, so another font or setting
/// never reuses it. It is only a cache: a missing, unreadable or damaged file is ignored and
/// the glyphs are made again; NTM_GLYPH_CACHE=off turns it off.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "gis/render/glyph_bitmap.hpp"

namespace gis::render {

/// Glyphs by key (weight in the high 32 bits, code point in the low).
using GlyphStore = std::unordered_map<std::uint64_t, GlyphBitmap>;

/// The cache file for `fingerprint`, or "" when there is no cache folder or it is turned off.
std::string glyphCachePath(std::uint64_t fingerprint);

/// The glyphs of the file at `path` made for `fingerprint`; empty when the file is missing,
/// of another fingerprint or damaged in any way (then nothing of it is used).
GlyphStore readGlyphCache(const std::string& path, std::uint64_t fingerprint);

/// Writes `glyphs` to `path` through a temporary file renamed into place, so a reader never
/// sees half a file; failures are ignored (the next run makes the glyphs again).
void writeGlyphCache(const std::string& path, std::uint64_t fingerprint, const GlyphStore& glyphs);

/// FNV-1a over `size` bytes, continuing from `hash`.
std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t hash = 0xcbf29ce484222325ull);

}  // namespace gis::render
