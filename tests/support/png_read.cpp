#include "tests/support/png_read.hpp"

#include <gdal_priv.h>

#include <unordered_set>

namespace test {

std::optional<RgbaImage> readRgba(const std::string& path) {
    GDALAllRegister();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!dataset) return std::nullopt;
    RgbaImage image;
    image.width = dataset->GetRasterXSize();
    image.height = dataset->GetRasterYSize();
    image.rgba.assign(static_cast<std::size_t>(image.width) * image.height * 4, 255);
    const int bands = std::min(4, dataset->GetRasterCount());
    for (int band = 1; band <= bands; ++band) {
        // Pixel-interleaved read straight into the RGBA buffer.
        if (dataset->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, image.width, image.height, image.rgba.data() + (band - 1),
                                                  image.width, image.height, GDT_Byte, 4, image.width * 4) != CE_None)
            return std::nullopt;
    }
    return image;
}

std::size_t countColors(const RgbaImage& image, std::size_t cap) {
    std::unordered_set<std::uint32_t> colors;
    for (std::size_t i = 0; i + 3 < image.rgba.size() && colors.size() < cap; i += 4)
        colors.insert(image.rgba[i] | (image.rgba[i + 1] << 8) | (image.rgba[i + 2] << 16));
    return colors.size();
}

}  // namespace test
