#pragma once
#include <cstdint>

namespace gis {

/// 8-bit sRGB colour with straight (not premultiplied) alpha.
struct Rgba8 {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba8&) const = default;
};

/// Parses "#rrggbb" or "#rrggbbaa"; returns magenta for malformed input so a typo is visible.
Rgba8 parseHexColor(const char* hex);

}  // namespace gis
