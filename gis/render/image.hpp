#pragma once
#include <cstdint>
#include <vector>

namespace gis::render {

/// Tightly packed RGBA8 pixels, top row first.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  ///< width * height * 4 bytes
};

}  // namespace gis::render
