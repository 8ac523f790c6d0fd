#pragma once
/// Our own PNG writer for map frames: rows filtered and deflated in bands on every core, joined
/// into one zlib stream (as pigz does), so a 4000×3000 map encodes in a fraction of libpng's time.
#include <cstdint>
#include <vector>

#include "gis/render/image.hpp"

namespace gis::exporting {

/// The whole PNG file of `image` (8-bit RGB when every pixel is opaque, else RGBA), declaring
/// `dpi` in a pHYs chunk when > 0. Deterministic: the bytes do not depend on the thread count.
std::vector<std::uint8_t> encodePng(const render::Image& image, int dpi = 0);

}  // namespace gis::exporting
