#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "gis/render/font_face.hpp"
#include "gis/render/glyph_cache_file.hpp"
#include "gis/render/utf8.hpp"

using namespace gis::render;
namespace fs = std::filesystem;

namespace {

std::vector<char32_t> codepointsOf(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(nextCodepoint(text, pos));
    return out;
}

bool sameGlyph(const GlyphBitmap& a, const GlyphBitmap& b) {
    return a.advance == b.advance && a.xOffset == b.xOffset && a.yOffset == b.yOffset && a.width == b.width &&
           a.height == b.height && a.pixels == b.pixels;
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("ntm_glyph_cache_" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<char> bytesOf(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path& path, const std::vector<char>& bytes, std::size_t count) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(count));
}

}  // namespace

TEST_CASE("Glyphs made on every core are the glyphs made one by one", "[unit][text]") {
    auto font = FontFace::load(FontWeight::Regular);
    REQUIRE(font);
    const std::vector<char32_t> codepoints = codepointsOf("Xã Thành Sơn — Đạt 19/19 ₫ ữ ỹ Ỷ");
    const std::vector<GlyphBitmap> together = rasterizeGlyphs(**font, codepoints, GlyphRaster{});
    REQUIRE(together.size() == codepoints.size());
    for (std::size_t i = 0; i < codepoints.size(); ++i) {
        INFO("U+" << std::hex << static_cast<unsigned>(codepoints[i]));
        CHECK(sameGlyph(together[i], rasterizeGlyph(**font, codepoints[i], GlyphRaster{})));
    }
    CHECK(together[2].width == 0);          // the space: an advance, no field
    CHECK(together[2].advance > 0.0f);
    CHECK(together[0].pixels.size() == static_cast<std::size_t>(together[0].width) * together[0].height);
}

TEST_CASE("The glyph cache file gives back what was written, and nothing of a damaged or foreign file", "[unit][text]") {
    auto font = FontFace::load(FontWeight::Bold);
    REQUIRE(font);
    const std::vector<char32_t> codepoints = codepointsOf("Đạt chuẩn NTM 2024");
    const std::vector<GlyphBitmap> made = rasterizeGlyphs(**font, codepoints, GlyphRaster{});
    GlyphStore store;
    for (std::size_t i = 0; i < codepoints.size(); ++i) store[(1ull << 32) | codepoints[i]] = made[i];

    const fs::path dir = scratch("file");
    const std::string path = (dir / "sub" / "glyphs.bin").string();  // the folder is made
    constexpr std::uint64_t kFingerprint = 0x1234abcdull;
    writeGlyphCache(path, kFingerprint, store);
    REQUIRE(fs::is_regular_file(path));
    CHECK(std::distance(fs::directory_iterator(dir / "sub"), fs::directory_iterator()) == 1);  // no temporary left

    const GlyphStore back = readGlyphCache(path, kFingerprint);
    REQUIRE(back.size() == store.size());
    for (const auto& [key, glyph] : store) {
        REQUIRE(back.count(key) == 1);
        CHECK(sameGlyph(back.at(key), glyph));
    }

    SECTION("another fingerprint (font or settings changed) reads nothing") {
        CHECK(readGlyphCache(path, kFingerprint + 1).empty());
    }
    SECTION("a file cut short anywhere, or with a byte too many, reads nothing") {
        const std::vector<char> bytes = bytesOf(path);
        const fs::path cut = dir / "cut.bin";
        for (std::size_t size = 0; size < bytes.size(); size += (size < 64 ? 1 : 97)) {
            writeBytes(cut, bytes, size);
            INFO("cut at " << size << " of " << bytes.size());
            CHECK(readGlyphCache(cut.string(), kFingerprint).empty());
        }
        std::vector<char> longer = bytes;
        longer.push_back('x');
        writeBytes(cut, longer, longer.size());
        CHECK(readGlyphCache(cut.string(), kFingerprint).empty());
    }
    SECTION("an absurd glyph size or count reads nothing and allocates nothing huge") {
        std::vector<char> bytes = bytesOf(path);
        const fs::path bad = dir / "bad.bin";
        std::vector<char> hugeCount = bytes;
        const std::uint32_t count = 0xFFFFFFFFu;
        std::memcpy(hugeCount.data() + 16, &count, sizeof count);
        writeBytes(bad, hugeCount, hugeCount.size());
        CHECK(readGlyphCache(bad.string(), kFingerprint).empty());
        std::vector<char> hugeWidth = bytes;
        const std::int32_t width = 1 << 30;
        std::memcpy(hugeWidth.data() + 20 + 8 + 4 + 8, &width, sizeof width);  // first entry's width
        writeBytes(bad, hugeWidth, hugeWidth.size());
        CHECK(readGlyphCache(bad.string(), kFingerprint).empty());
    }
    SECTION("no file, an empty path or random bytes read nothing") {
        CHECK(readGlyphCache((dir / "missing.bin").string(), kFingerprint).empty());
        CHECK(readGlyphCache("", kFingerprint).empty());
        std::vector<char> noise(4096);
        for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 7919u) >> 3);
        writeBytes(dir / "noise.bin", noise, noise.size());
        CHECK(readGlyphCache((dir / "noise.bin").string(), kFingerprint).empty());
    }
    fs::remove_all(dir.parent_path());
}

TEST_CASE("The glyph cache lives in the user's cache folder unless turned off", "[unit][text]") {
    const char* savedXdg = std::getenv("XDG_CACHE_HOME");
    const std::string saved = savedXdg ? savedXdg : "";
    ::setenv("XDG_CACHE_HOME", "/somewhere/cache", 1);
    const std::string path = glyphCachePath(0xabcull);
    CHECK(path == "/somewhere/cache/ntm-atlas/glyphs-0000000000000abc.bin");
    ::setenv("NTM_GLYPH_CACHE", "off", 1);
    CHECK(glyphCachePath(0xabcull).empty());
    ::unsetenv("NTM_GLYPH_CACHE");
    if (savedXdg) ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_CACHE_HOME");
}
