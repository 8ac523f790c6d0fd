#include "gis/export/png_phys.hpp"

#include <zlib.h>

#include <cmath>
#include <cstring>

namespace gis::exporting {

namespace {

constexpr std::size_t kSignatureBytes = 8;

std::uint32_t readBigEndian(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

void appendBigEndian(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

}  // namespace

bool setPngDpi(std::vector<std::uint8_t>& png, int dpi) {
    static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (dpi <= 0 || png.size() < kSignatureBytes + 25 || std::memcmp(png.data(), kSignature, 8) != 0 ||
        std::memcmp(png.data() + 12, "IHDR", 4) != 0)
        return false;
    // Drop an existing pHYs first (a chunk is length, type, data, CRC).
    for (std::size_t at = kSignatureBytes; at + 12 <= png.size();) {
        const std::size_t length = readBigEndian(png.data() + at);
        if (at + 12 + length > png.size()) return false;
        if (std::memcmp(png.data() + at + 4, "pHYs", 4) == 0) {
            png.erase(png.begin() + static_cast<std::ptrdiff_t>(at), png.begin() + static_cast<std::ptrdiff_t>(at + 12 + length));
            break;
        }
        if (std::memcmp(png.data() + at + 4, "IDAT", 4) == 0) break;  // pHYs must come before the image data
        at += 12 + length;
    }
    const auto perMetre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    std::vector<std::uint8_t> chunk;
    appendBigEndian(chunk, 9);
    for (char c : {'p', 'H', 'Y', 's'}) chunk.push_back(static_cast<std::uint8_t>(c));
    appendBigEndian(chunk, perMetre);
    appendBigEndian(chunk, perMetre);
    chunk.push_back(1);  // unit: the metre
    const uLong crc = crc32(crc32(0L, Z_NULL, 0), chunk.data() + 4, static_cast<uInt>(chunk.size() - 4));
    appendBigEndian(chunk, static_cast<std::uint32_t>(crc));
    const std::size_t afterIhdr = kSignatureBytes + 12 + readBigEndian(png.data() + kSignatureBytes);
    png.insert(png.begin() + static_cast<std::ptrdiff_t>(afterIhdr), chunk.begin(), chunk.end());
    return true;
}

}  // namespace gis::exporting
