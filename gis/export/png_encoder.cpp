#include "gis/export/png_encoder.hpp"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <thread>

namespace gis::exporting {

namespace {

/// Rows per band: enough for deflate to find its matches (its window is 32 KB, a row of a
/// 4000 px map is 12 KB) and few enough bands to keep both cores busy on small frames.
constexpr int kRowsPerBand = 64;

void appendBigEndian(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

void appendChunk(std::vector<std::uint8_t>& out, const char type[4], const std::uint8_t* data, std::size_t length) {
    appendBigEndian(out, static_cast<std::uint32_t>(length));
    const std::size_t typeAt = out.size();
    out.insert(out.end(), type, type + 4);
    if (length > 0) out.insert(out.end(), data, data + length);
    const uLong crc = crc32(crc32(0L, Z_NULL, 0), out.data() + typeAt, static_cast<uInt>(length + 4));
    appendBigEndian(out, static_cast<std::uint32_t>(crc));
}

/// One band, filtered and deflated as raw deflate data ending on a byte boundary (full flush),
/// so the bands concatenate into one stream; only the last band ends the stream.
struct Band {
    std::vector<std::uint8_t> deflated;
    uLong adler = 1;
    std::size_t filteredBytes = 0;
};

/// The "Sub" filter (each byte minus the one a pixel to its left): a map is mostly runs of one
/// colour, which this turns into runs of zeros that deflate's run matching eats at level 1
/// speed, while "Up" or adaptive filtering cost more time for no smaller file here.
void filterRow(const std::uint8_t* rgba, int width, int channels, std::uint8_t* out) {
    out[0] = 1;  // filter type Sub
    std::uint8_t* o = out + 1;
    if (channels == 4) {
        std::memcpy(o, rgba, 4);
        for (int x = 1; x < width; ++x)
            for (int c = 0; c < 4; ++c) o[x * 4 + c] = static_cast<std::uint8_t>(rgba[x * 4 + c] - rgba[(x - 1) * 4 + c]);
        return;
    }
    for (int c = 0; c < 3; ++c) o[c] = rgba[c];
    for (int x = 1; x < width; ++x)
        for (int c = 0; c < 3; ++c) o[x * 3 + c] = static_cast<std::uint8_t>(rgba[x * 4 + c] - rgba[(x - 1) * 4 + c]);
}

void deflateBand(const render::Image& image, int channels, int row0, int row1, bool last, Band& band) {
    const std::size_t rowBytes = 1 + static_cast<std::size_t>(image.width) * channels;
    std::vector<std::uint8_t> filtered(rowBytes * static_cast<std::size_t>(row1 - row0));
    for (int y = row0; y < row1; ++y)
        filterRow(image.rgba.data() + static_cast<std::size_t>(y) * image.width * 4, image.width, channels,
                  filtered.data() + static_cast<std::size_t>(y - row0) * rowBytes);
    band.filteredBytes = filtered.size();
    band.adler = adler32(adler32(0L, Z_NULL, 0), filtered.data(), static_cast<uInt>(filtered.size()));

    z_stream zs{};
    // Raw deflate (negative window bits): the zlib header and Adler-32 are written once around
    // all bands. Level 1 with the Z_RLE strategy: the filtered map is runs of zeros.
    deflateInit2(&zs, 1, Z_DEFLATED, -15, 8, Z_RLE);
    band.deflated.resize(deflateBound(&zs, static_cast<uLong>(filtered.size())) + 16);
    zs.next_in = filtered.data();
    zs.avail_in = static_cast<uInt>(filtered.size());
    zs.next_out = band.deflated.data();
    zs.avail_out = static_cast<uInt>(band.deflated.size());
    deflate(&zs, last ? Z_FINISH : Z_FULL_FLUSH);
    band.deflated.resize(band.deflated.size() - zs.avail_out);
    deflateEnd(&zs);
}

}  // namespace

std::vector<std::uint8_t> encodePng(const render::Image& image, int dpi) {
    bool opaque = true;
    for (std::size_t i = 3; i < image.rgba.size() && opaque; i += 4) opaque = image.rgba[i] == 255;
    const int channels = opaque ? 3 : 4;

    const int bandCount = std::max(1, (image.height + kRowsPerBand - 1) / kRowsPerBand);
    std::vector<Band> bands(static_cast<std::size_t>(bandCount));
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::vector<std::thread> workers;
    auto work = [&](unsigned index) {
        // Interleaved bands: neighbours go to different threads, so both finish together.
        for (int b = static_cast<int>(index); b < bandCount; b += static_cast<int>(threads))
            deflateBand(image, channels, b * kRowsPerBand, std::min(image.height, (b + 1) * kRowsPerBand), b == bandCount - 1,
                        bands[static_cast<std::size_t>(b)]);
    };
    for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work, t);
    work(0);
    for (std::thread& worker : workers) worker.join();

    std::size_t deflatedBytes = 0;
    for (const Band& band : bands) deflatedBytes += band.deflated.size();
    static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> png(std::begin(kSignature), std::end(kSignature));
    png.reserve(deflatedBytes + 128);

    std::vector<std::uint8_t> header;
    appendBigEndian(header, static_cast<std::uint32_t>(image.width));
    appendBigEndian(header, static_cast<std::uint32_t>(image.height));
    for (const std::uint8_t byte : {std::uint8_t{8}, std::uint8_t(opaque ? 2 : 6), std::uint8_t{0}, std::uint8_t{0}, std::uint8_t{0}})
        header.push_back(byte);  // 8 bit, RGB/RGBA, deflate, adaptive filters, no interlace
    appendChunk(png, "IHDR", header.data(), header.size());
    if (dpi > 0) {
        const auto perMetre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
        std::vector<std::uint8_t> phys;
        appendBigEndian(phys, perMetre);
        appendBigEndian(phys, perMetre);
        phys.push_back(1);  // unit: the metre
        appendChunk(png, "pHYs", phys.data(), phys.size());
    }

    // One zlib stream: header (deflate, 32 KB window, fastest), the bands, the combined Adler-32.
    std::vector<std::uint8_t> stream;
    stream.reserve(deflatedBytes + 6);
    stream.push_back(0x78);
    stream.push_back(0x01);
    uLong adler = adler32(0L, Z_NULL, 0);
    for (const Band& band : bands) {
        stream.insert(stream.end(), band.deflated.begin(), band.deflated.end());
        adler = adler32_combine(adler, band.adler, static_cast<z_off_t>(band.filteredBytes));
    }
    appendBigEndian(stream, static_cast<std::uint32_t>(adler));
    constexpr std::size_t kIdatBytes = 1u << 20;  // chunks of 1 MiB, as encoders usually write
    for (std::size_t at = 0; at < stream.size(); at += kIdatBytes)
        appendChunk(png, "IDAT", stream.data() + at, std::min(kIdatBytes, stream.size() - at));
    appendChunk(png, "IEND", nullptr, 0);
    return png;
}

}  // namespace gis::exporting
