#pragma once
/// Reads a PNG (or any raster GDAL opens) as RGBA8, top row first, for assertions on exports.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace test {

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
    const std::uint8_t* pixel(int x, int y) const { return rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4; }
};

std::optional<RgbaImage> readRgba(const std::string& path);

/// Number of distinct colours (RGB) in the image, capped at `cap`.
std::size_t countColors(const RgbaImage& image, std::size_t cap = 100000);

}  // namespace test
