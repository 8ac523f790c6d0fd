#include <catch2/catch.hpp>

#include <cpl_vsi.h>
#include <gdal.h>

#include <cstring>
#include <string>
#include <vector>

#include "gis/data/gdal_error_capture.hpp"
#include "gis/export/png_encoder.hpp"

namespace {

/// A picture that exercises every band and the Sub filter: gradients, flat runs, and rows that
/// do not fill the last band.
gis::render::Image testImage(int width, int height, bool translucent) {
    gis::render::Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<std::size_t>(width) * height * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
            p[0] = static_cast<std::uint8_t>(x * 7 + y);
            p[1] = static_cast<std::uint8_t>((x / 16) * 40);
            p[2] = static_cast<std::uint8_t>(y * 3);
            p[3] = translucent && x % 5 == 0 ? static_cast<std::uint8_t>(y) : 255;
        }
    return image;
}

/// Decodes `png` with GDAL's PNG driver (libpng: it checks the CRCs and the zlib stream's Adler-32).
std::vector<std::uint8_t> decodeWithGdal(const std::vector<std::uint8_t>& png, int& bands, int& width, int& height) {
    gis::data::ensureGdalRegistered();
    const std::string name = "/vsimem/png_encoder_test.png";
    VSIFCloseL(VSIFileFromMemBuffer(name.c_str(), const_cast<GByte*>(png.data()), png.size(), FALSE));
    GDALDatasetH ds = GDALOpen(name.c_str(), GA_ReadOnly);
    std::vector<std::uint8_t> rgba;
    if (ds != nullptr) {
        bands = GDALGetRasterCount(ds);
        width = GDALGetRasterXSize(ds);
        height = GDALGetRasterYSize(ds);
        rgba.assign(static_cast<std::size_t>(width) * height * 4, 255);
        if (GDALDatasetRasterIO(ds, GF_Read, 0, 0, width, height, rgba.data(), width, height, GDT_Byte, bands, nullptr, 4,
                                static_cast<GSpacing>(width) * 4, 1) != CE_None)
            rgba.clear();
        GDALClose(ds);
    }
    VSIUnlink(name.c_str());
    return rgba;
}

}  // namespace

TEST_CASE("PNG encoder: bands joined into one zlib stream decode to the same pixels", "[unit][export][png]") {
    for (const bool translucent : {false, true}) {
        const gis::render::Image image = testImage(203, 271, translucent);  // 271 rows: 4 full bands and a short one
        const std::vector<std::uint8_t> png = gis::exporting::encodePng(image);
        int bands = 0, width = 0, height = 0;
        const std::vector<std::uint8_t> decoded = decodeWithGdal(png, bands, width, height);
        INFO("translucent " << translucent);
        CHECK(bands == (translucent ? 4 : 3));
        CHECK(width == 203);
        CHECK(height == 271);
        REQUIRE(decoded.size() == image.rgba.size());
        CHECK(decoded == image.rgba);
    }
}

TEST_CASE("PNG encoder: declares the dpi in a pHYs chunk before the image data", "[unit][export][png]") {
    const std::vector<std::uint8_t> png = gis::exporting::encodePng(testImage(10, 10, false), 300);
    const std::string bytes(png.begin(), png.end());
    const std::size_t phys = bytes.find("pHYs");
    REQUIRE(phys != std::string::npos);
    CHECK(phys < bytes.find("IDAT"));
    // 300 dpi = 11811 pixels per metre, big-endian, both axes, unit 1 (metre).
    const std::uint8_t expected[9] = {0, 0, 0x2E, 0x23, 0, 0, 0x2E, 0x23, 1};
    CHECK(std::memcmp(png.data() + phys + 4, expected, 9) == 0);
    CHECK(gis::exporting::encodePng(testImage(10, 10, false)).size() < png.size());
}

TEST_CASE("PNG encoder: a band that does not compress (noise) still fits and decodes", "[unit][export][png]") {
    gis::render::Image image;
    image.width = 301;
    image.height = 200;  // three full bands and a short one
    image.rgba.resize(static_cast<std::size_t>(image.width) * image.height * 4);
    std::uint32_t state = 12345;
    for (std::size_t i = 0; i < image.rgba.size(); ++i) {
        state = state * 1664525u + 1013904223u;  // a plain LCG: bytes no filter or match can shrink
        image.rgba[i] = i % 4 == 3 ? 255 : static_cast<std::uint8_t>(state >> 24);
    }
    const std::vector<std::uint8_t> png = gis::exporting::encodePng(image);
    CHECK(png.size() > image.rgba.size() * 3 / 4);  // stored, as it must be: 3 bytes a pixel
    int bands = 0, width = 0, height = 0;
    const std::vector<std::uint8_t> decoded = decodeWithGdal(png, bands, width, height);
    CHECK(bands == 3);
    REQUIRE(decoded.size() == image.rgba.size());
    CHECK(decoded == image.rgba);
}

TEST_CASE("PNG encoder: any thread count and any split of the rows give a valid PNG of the same pixels", "[unit][export][png]") {
    // Not byte for byte: igzip's compressed bytes of the same band differ now and then between
    // processes (about 1 run in 100 on the CI machine, never with address randomisation off; see
    // README, Performance), and only the pixels are the encoder's promise.
    const gis::render::Image image = testImage(640, 400, false);  // seven bands
    const auto encode = [&image](unsigned threads, int firstRows) {
        gis::exporting::PngBandEncoder encoder(image.width, image.height, 3);
        const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
        encoder.addRows(image.rgba.data(), stride, firstRows, threads);
        encoder.addRows(image.rgba.data() + firstRows * stride, stride, image.height - firstRows, threads);
        return encoder.finish(0);
    };
    // One thread: each band after the first reuses its buffers; more threads than bands in a call.
    for (const auto& [threads, firstRows] : {std::pair{1u, 64}, std::pair{3u, 128}, std::pair{8u, 320}}) {
        INFO(threads << " threads, the first call with " << firstRows << " rows");
        int bands = 0, width = 0, height = 0;
        const std::vector<std::uint8_t> decoded = decodeWithGdal(encode(threads, firstRows), bands, width, height);
        CHECK(bands == 3);
        CHECK((width == image.width && height == image.height));
        CHECK(decoded == image.rgba);
    }
}

TEST_CASE("PNG encoder: a file handed on as its rows arrive is a whole PNG, written before the last rows came", "[unit][export][png]") {
    // Noise does not compress: 1024 × 768 RGB is 2.3 MB of stream, three IDAT chunks of 1 MiB and a rest.
    gis::render::Image image;
    image.width = 1024;
    image.height = 768;
    image.rgba.resize(static_cast<std::size_t>(image.width) * image.height * 4);
    std::uint32_t state = 7;
    for (std::size_t i = 0; i < image.rgba.size(); ++i) {
        state = state * 1664525u + 1013904223u;
        image.rgba[i] = i % 4 == 3 ? 255 : static_cast<std::uint8_t>(state >> 24);
    }
    const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
    gis::exporting::PngBandEncoder encoder(image.width, image.height, 3);
    std::vector<std::uint8_t> file;
    const auto sink = [&file](const std::uint8_t* bytes, std::size_t size) {
        file.insert(file.end(), bytes, bytes + size);
        return true;
    };
    std::vector<std::size_t> handedAfterStrip;
    for (int row = 0; row < image.height; row += 256) {
        encoder.addRows(image.rgba.data() + row * stride, stride, 256, 2);
        if (row + 256 < image.height) {
            REQUIRE(encoder.writeAvailable(sink, 300));
            handedAfterStrip.push_back(file.size());
        }
    }
    REQUIRE(encoder.finishTo(sink, 300));
    // The first strip's 0.8 MB fill no chunk yet; the second's complete one, the file grows as it goes.
    REQUIRE(handedAfterStrip.size() == 2);
    CHECK(handedAfterStrip[0] < 100);
    CHECK(handedAfterStrip[1] > (1u << 20));
    CHECK(file.size() > handedAfterStrip[1] + (1u << 20));

    // Chunk by chunk: IHDR, pHYs at 300 dpi, IDATs of exactly 1 MiB but the last, IEND.
    std::vector<std::pair<std::string, std::uint32_t>> chunks;
    for (std::size_t at = 8; at + 12 <= file.size();) {
        const std::uint32_t length = (std::uint32_t{file[at]} << 24) | (std::uint32_t{file[at + 1]} << 16) |
                                     (std::uint32_t{file[at + 2]} << 8) | file[at + 3];
        chunks.emplace_back(std::string(file.begin() + static_cast<std::ptrdiff_t>(at + 4), file.begin() + static_cast<std::ptrdiff_t>(at + 8)), length);
        at += 12 + length;
    }
    REQUIRE(chunks.size() >= 6);
    CHECK(chunks[0].first == "IHDR");
    CHECK(chunks[1].first == "pHYs");
    CHECK(chunks.back().first == "IEND");
    for (std::size_t i = 2; i + 2 < chunks.size(); ++i) {
        CHECK(chunks[i].first == "IDAT");
        CHECK(chunks[i].second == (1u << 20));
    }
    int bands = 0, width = 0, height = 0;
    const std::vector<std::uint8_t> decoded = decodeWithGdal(file, bands, width, height);
    CHECK(bands == 3);
    CHECK((width == image.width && height == image.height));
    CHECK(decoded == image.rgba);
}
