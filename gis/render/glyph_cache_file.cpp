#include "gis/render/glyph_cache_file.hpp"

#include "gis/core/user_cache.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace gis::render {

namespace {

constexpr char kMagic[8] = {'N', 'T', 'M', 'G', 'L', 'Y', 'F', '1'};
constexpr int kMaxSide = 512;                 // a field at 32 px em is under 100 px a side
constexpr std::uint32_t kMaxGlyphs = 65536;

struct EntryHeader {
    std::uint64_t key;
    float advance;
    std::int32_t xOffset, yOffset, width, height;
    std::int32_t reserved;  // keeps the record free of padding bytes (written as they are)
};
static_assert(sizeof(EntryHeader) == 32, "EntryHeader is written byte for byte");

/// Reads plain values from a byte buffer, refusing to run past its end.
class Reader {
public:
    explicit Reader(const std::vector<char>& bytes) : m_bytes(bytes) {}
    bool read(void* out, std::size_t size) {
        if (size > m_bytes.size() - m_at) return false;
        if (size == 0) return true;  // a blank glyph's field: no bytes, and its buffer may be null
        std::memcpy(out, m_bytes.data() + m_at, size);
        m_at += size;
        return true;
    }
    bool atEnd() const { return m_at == m_bytes.size(); }

private:
    const std::vector<char>& m_bytes;
    std::size_t m_at = 0;
};

}  // namespace

std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t hash) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= bytes[i];
        hash *= 0x100000001b3ull;
    }
    return hash;
}

std::string glyphCachePath(std::uint64_t fingerprint) {
    if (const char* setting = std::getenv("NTM_GLYPH_CACHE"); setting != nullptr && std::string(setting) == "off") return {};
    const std::string folder = userCacheFolder();
    if (folder.empty()) return {};
    char name[64];
    std::snprintf(name, sizeof name, "glyphs-%016llx.bin", static_cast<unsigned long long>(fingerprint));
    return (std::filesystem::path(folder) / name).string();
}

GlyphStore readGlyphCache(const std::string& path, std::uint64_t fingerprint) {
    if (path.empty()) return {};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    Reader reader(bytes);
    char magic[8];
    std::uint64_t storedFingerprint = 0;
    std::uint32_t count = 0;
    if (!reader.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0 ||
        !reader.read(&storedFingerprint, sizeof storedFingerprint) || storedFingerprint != fingerprint ||
        !reader.read(&count, sizeof count) || count > kMaxGlyphs)
        return {};
    GlyphStore glyphs;
    for (std::uint32_t i = 0; i < count; ++i) {
        EntryHeader e{};
        if (!reader.read(&e, sizeof e)) return {};
        if (e.width < 0 || e.height < 0 || e.width > kMaxSide || e.height > kMaxSide || (e.width == 0) != (e.height == 0) ||
            std::abs(e.xOffset) > kMaxSide || std::abs(e.yOffset) > kMaxSide || !(e.advance >= 0.0f && e.advance < kMaxSide))
            return {};
        GlyphBitmap g;
        g.advance = e.advance;
        g.xOffset = e.xOffset;
        g.yOffset = e.yOffset;
        g.width = e.width;
        g.height = e.height;
        g.pixels.resize(static_cast<std::size_t>(e.width) * static_cast<std::size_t>(e.height));
        if (!reader.read(g.pixels.data(), g.pixels.size())) return {};
        glyphs[e.key] = std::move(g);
    }
    if (!reader.atEnd()) return {};
    return glyphs;
}

void writeGlyphCache(const std::string& path, std::uint64_t fingerprint, const GlyphStore& glyphs) {
    if (path.empty() || glyphs.size() > kMaxGlyphs) return;
    std::string bytes;
    auto put = [&bytes](const void* data, std::size_t size) { bytes.append(static_cast<const char*>(data), size); };
    const auto count = static_cast<std::uint32_t>(glyphs.size());
    put(kMagic, sizeof kMagic);
    put(&fingerprint, sizeof fingerprint);
    put(&count, sizeof count);
    for (const auto& [key, g] : glyphs) {
        const EntryHeader e{key, g.advance, g.xOffset, g.yOffset, g.width, g.height, 0};
        put(&e, sizeof e);
        if (!g.pixels.empty()) put(g.pixels.data(), g.pixels.size());
    }
    replaceCacheFile(path, bytes);  // failures are ignored: the next run makes the glyphs again
}

}  // namespace gis::render
