#pragma once
#include <cstdint>

namespace gis {

/// 8-bit sRGB colour with straight (not premultiplied) alpha.
struct Rgba8 {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba8&) const = default;
};

/// `from` moved toward `to` by `amount` (0 = from, 1 = to), alpha included.
Rgba8 mix(Rgba8 from, Rgba8 to, float amount);

/// Parses "#rrggbb" or "#rrggbbaa"; returns magenta for malformed input so a typo is visible.
Rgba8 parseHexColor(const char* hex);

}  // namespace gis
