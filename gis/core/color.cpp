#include "gis/core/color.hpp"

#include <cstring>

namespace gis {

namespace {
int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

Rgba8 parseHexColor(const char* hex) {
    const Rgba8 invalid{255, 0, 255, 255};
    if (hex == nullptr || hex[0] != '#') return invalid;
    const std::size_t len = std::strlen(hex + 1);
    if (len != 6 && len != 8) return invalid;
    std::uint8_t bytes[4] = {0, 0, 0, 255};
    for (std::size_t i = 0; i < len / 2; ++i) {
        const int hi = hexDigit(hex[1 + 2 * i]);
        const int lo = hexDigit(hex[2 + 2 * i]);
        if (hi < 0 || lo < 0) return invalid;
        bytes[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return Rgba8{bytes[0], bytes[1], bytes[2], bytes[3]};
}

Rgba8 mix(Rgba8 from, Rgba8 to, float amount) {
    auto channel = [amount](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(static_cast<float>(a) + (static_cast<float>(b) - static_cast<float>(a)) * amount + 0.5f);
    };
    return {channel(from.r, to.r), channel(from.g, to.g), channel(from.b, to.b), channel(from.a, to.a)};
}

}  // namespace gis
