#pragma once
/// Helpers for [gl] tests: a shared headless context (or a skip), PNG I/O through GDAL and
/// golden-image comparison with tolerance.
#include <filesystem>
#include <memory>
#include <string>

#include "gis/render/headless_context.hpp"
#include "gis/render/image.hpp"
#include "gis/render/renderer.hpp"

namespace test {

/// The process-wide headless GL context, created on first use; nullptr when GL is unavailable
/// (then glUnavailableReason() says why). Shared because EGL context creation is slow on llvmpipe.
gis::render::HeadlessContext* headlessGl();
std::string glUnavailableReason();

/// Catch2 v2 has no SKIP: warn and leave the test case when there is no GL.
#define NTM_REQUIRE_GL_OR_SKIP()                                                          \
    do {                                                                                  \
        if (::test::headlessGl() == nullptr) {                                            \
            WARN("Skipping GL test: " << ::test::glUnavailableReason());                  \
            return;                                                                       \
        }                                                                                 \
    } while (false)

/// A fresh renderer (REQUIREs success).
std::unique_ptr<gis::render::Renderer> makeRenderer();

/// Reads a PNG (any GDAL raster with 3–4 bands) into RGBA; empty image on failure.
gis::render::Image readPng(const std::filesystem::path& path);

struct ImageDiff {
    std::size_t differingPixels = 0;
    int maxChannelDelta = 0;
    double ratio = 0.0;
    bool sameSize = false;
    gis::render::Image diff;  ///< red where pixels differ, faded actual elsewhere
};

/// Pixels whose largest channel difference exceeds `channelThreshold` count as differing.
ImageDiff compareImages(const gis::render::Image& expected, const gis::render::Image& actual, int channelThreshold);

struct GoldenTolerance {
    int channelThreshold = 24;          ///< per channel, 0..255
    double maxDifferingRatio = 0.004;   ///< of all pixels
};

/// Compares `actual` with tests/golden/<name>.png. On mismatch writes
/// <build>/render-out/<name>/{actual,diff,expected}.png and reports their paths.
/// NTM_UPDATE_GOLDEN=1 (re)writes the golden file instead. Returns true when it matches.
bool matchesGolden(const std::string& name, const gis::render::Image& actual, GoldenTolerance tolerance = {});

/// <build>/render-out/<name>/ (created).
std::filesystem::path renderOutDir(const std::string& name);

}  // namespace test

#include <catch2/catch.hpp>
#include <sstream>

#include "gis/core/color.hpp"

namespace Catch {
/// Prints colours in failed CHECKs as {r, g, b, a}.
template <>
struct StringMaker<gis::Rgba8> {
    static std::string convert(const gis::Rgba8& c) {
        std::ostringstream out;
        out << '{' << int(c.r) << ", " << int(c.g) << ", " << int(c.b) << ", " << int(c.a) << '}';
        return out.str();
    }
};
}  // namespace Catch
