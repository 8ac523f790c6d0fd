#include "gis/store/pg_geometry.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace gis::store::detail {
namespace {

constexpr std::uint32_t kEwkbSrid = 0x20000000, kEwkbZ = 0x80000000, kEwkbM = 0x40000000;

std::uint32_t readU32(const std::uint8_t* p, bool little) {
    std::uint32_t v = 0;
    if (little)
        for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
    else
        for (int i = 0; i < 4; ++i) v = (v << 8) | p[i];
    return v;
}

void writeU32(std::uint8_t* p, std::uint32_t v, bool little) {
    for (int i = 0; i < 4; ++i) p[little ? i : 3 - i] = static_cast<std::uint8_t>(v >> (8 * i));
}

double readDouble(const std::uint8_t* p, bool little) {
    std::uint8_t bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = little ? p[i] : p[7 - i];
    double v;
    std::memcpy(&v, bytes, 8);
    return v;
}

/// Walks one WKB geometry from `p`, growing the envelope; returns the bytes read, 0 when malformed.
struct Envelope {
    double minX = std::numeric_limits<double>::infinity(), maxX = -std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity(), maxY = -std::numeric_limits<double>::infinity();
};

std::size_t walk(const std::uint8_t* p, std::size_t size, Envelope& env, int depth) {
    if (size < 5 || depth > 8) return 0;
    const bool little = p[0] == 1;
    std::uint32_t type = readU32(p + 1, little);
    int dims = 2;
    if (type & kEwkbZ) ++dims;
    if (type & kEwkbM) ++dims;
    type &= 0x0fffffff;
    if (type >= 1000) {  // ISO: 1000 Z, 2000 M, 3000 ZM
        dims = 2 + static_cast<int>(type / 1000 == 3 ? 2 : 1);
        type %= 1000;
    }
    const std::size_t pointBytes = 8 * static_cast<std::size_t>(dims);
    std::size_t at = 5;
    auto points = [&](std::uint32_t count) -> bool {
        if (size < at || (size - at) / pointBytes < count) return false;
        for (std::uint32_t i = 0; i < count; ++i) {
            const double x = readDouble(p + at, little), y = readDouble(p + at + 8, little);
            if (x == x && y == y) {  // an empty point is NaN, NaN
                env.minX = std::min(env.minX, x), env.maxX = std::max(env.maxX, x);
                env.minY = std::min(env.minY, y), env.maxY = std::max(env.maxY, y);
            }
            at += pointBytes;
        }
        return true;
    };
    auto count = [&](std::uint32_t& n) {
        if (size < at + 4) return false;
        n = readU32(p + at, little);
        at += 4;
        return true;
    };
    std::uint32_t n = 0;
    switch (type) {
        case 1: return points(1) ? at : 0;
        case 2: return count(n) && points(n) ? at : 0;
        case 3:
            if (!count(n)) return 0;
            for (std::uint32_t r = 0; r < n; ++r) {
                std::uint32_t m = 0;
                if (!count(m) || !points(m)) return 0;
            }
            return at;
        case 4: case 5: case 6: case 7:
            if (!count(n)) return 0;
            for (std::uint32_t g = 0; g < n; ++g) {
                const std::size_t used = walk(p + at, size - at, env, depth + 1);
                if (used == 0) return 0;
                at += used;
            }
            return at;
        default: return 0;
    }
}

/// A hex digit's value, -1 for anything else (a table: this runs for every byte of every geometry).
int hexValue(char c) {
    static const auto kTable = [] {
        std::array<std::int8_t, 256> table{};
        table.fill(-1);
        for (int d = 0; d < 10; ++d) table['0' + d] = static_cast<std::int8_t>(d);
        for (int d = 0; d < 6; ++d) table['a' + d] = table['A' + d] = static_cast<std::int8_t>(10 + d);
        return table;
    }();
    return kTable[static_cast<unsigned char>(c)];
}

}  // namespace

bool isGpkgBlob(const std::vector<std::uint8_t>& blob) { return blob.size() >= 8 && blob[0] == 'G' && blob[1] == 'P'; }

std::vector<std::uint8_t> gpkgToEwkb(const std::vector<std::uint8_t>& blob) {
    static constexpr std::size_t kEnvelopeBytes[] = {0, 32, 48, 48, 64, 0, 0, 0};
    if (!isGpkgBlob(blob)) return {};
    const bool headerLittle = (blob[3] & 0x01) != 0;
    const std::uint32_t srid = readU32(blob.data() + 4, headerLittle);
    const std::size_t offset = 8 + kEnvelopeBytes[(blob[3] >> 1) & 0x07];
    if (blob.size() < offset + 5) return {};
    const std::uint8_t* wkb = blob.data() + offset;
    const bool little = wkb[0] == 1;
    std::uint32_t type = readU32(wkb + 1, little);
    // ISO WKB 1000s (Z/M) become EWKB flags; our store holds 2D geometry, so this is rare.
    if (type % 0x10000000 >= 1000) {
        const std::uint32_t iso = type % 1000, dims = type / 1000;
        type = iso | (dims == 1 || dims == 3 ? kEwkbZ : 0) | (dims == 2 || dims == 3 ? kEwkbM : 0);
    }
    std::vector<std::uint8_t> out(9);
    out[0] = wkb[0];
    writeU32(out.data() + 1, type | kEwkbSrid, little);
    writeU32(out.data() + 5, srid, little);
    out.insert(out.end(), wkb + 5, blob.data() + blob.size());
    return out;
}

std::vector<std::uint8_t> hexEwkbToGpkg(std::string_view hex) {
    // Every unit's and work's geometry passes through here when the map is read from
    // PostgreSQL (212,000 of them, national): the hex is decoded once, straight into the blob's
    // place, and walked there for the envelope (three buffers and two copies per geometry were
    // the busiest function of a national export from the server, 4.7 % of its samples).
    if (hex.size() < 10 || hex.size() % 2 != 0) return {};
    const std::size_t ewkbSize = hex.size() / 2;
    auto decode = [&](std::size_t from, std::size_t count, std::uint8_t* to) {
        const unsigned char* in = reinterpret_cast<const unsigned char*>(hex.data()) + 2 * from;
        for (std::size_t i = 0; i < count; ++i) {
            const int hi = hexValue(static_cast<char>(in[2 * i])), lo = hexValue(static_cast<char>(in[2 * i + 1]));
            if ((hi | lo) < 0) return false;
            to[i] = static_cast<std::uint8_t>(hi * 16 + lo);
        }
        return true;
    };
    std::uint8_t head[9] = {};
    if (!decode(0, std::min<std::size_t>(9, ewkbSize), head)) return {};
    const bool little = head[0] == 1;
    const std::uint32_t type = readU32(head + 1, little);
    std::int32_t srid = 0;
    std::size_t rest = 5;
    if (type & kEwkbSrid) {
        if (ewkbSize < 9) return {};
        srid = static_cast<std::int32_t>(readU32(head + 5, little));
        rest = 9;
    }
    // GeoPackage header (8 bytes), xy envelope (32), then ISO WKB: the EWKB without its SRID,
    // the Z/M flags as the ISO thousands.
    constexpr std::size_t kHeader = 8, kEnvelope = 32;
    const std::size_t wkbSize = 5 + (ewkbSize - rest);
    std::vector<std::uint8_t> out(kHeader + kEnvelope + wkbSize);
    std::uint8_t* wkb = out.data() + kHeader + kEnvelope;
    wkb[0] = head[0];
    std::uint32_t plain = type & ~(kEwkbSrid | kEwkbZ | kEwkbM);
    if (type & kEwkbZ) plain += 1000;
    if (type & kEwkbM) plain += 2000;
    writeU32(wkb + 1, plain, little);
    if (!decode(rest, ewkbSize - rest, wkb + 5)) return {};
    Envelope env;
    if (walk(wkb, wkbSize, env, 0) == 0) return {};
    const bool empty = !(env.minX <= env.maxX);
    out[0] = 'G', out[1] = 'P', out[2] = 0, out[3] = static_cast<std::uint8_t>(0x01 | (empty ? 0x10 : 0x02));
    std::memcpy(out.data() + 4, &srid, 4);  // little-endian, as the flags say (our targets are)
    if (empty) {
        out.erase(out.begin() + kHeader, out.begin() + kHeader + kEnvelope);
    } else {
        const double box[4] = {env.minX, env.maxX, env.minY, env.maxY};
        std::memcpy(out.data() + kHeader, box, sizeof box);
    }
    return out;
}

}  // namespace gis::store::detail
