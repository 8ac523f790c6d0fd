#include "tests/gl/support/gl_test_support.hpp"

#include <algorithm>
#include <cstdlib>

#include <catch2/catch.hpp>
#include <gdal.h>

#include "gis/export/png_export.hpp"
#include "tests/support/test_paths.hpp"

namespace test {

namespace {

struct SharedGl {
    std::unique_ptr<gis::render::HeadlessContext> context;
    std::string reason;
    bool tried = false;
};

SharedGl& sharedGl() {
    // Test-only process-wide context; every GL object in tests is owned by locals that die first.
    static SharedGl gl;
    if (!gl.tried) {
        gl.tried = true;
        auto created = gis::render::HeadlessContext::create();
        if (created)
            gl.context = std::move(*created);
        else
            gl.reason = created.error().message;
    }
    return gl;
}

}  // namespace

gis::render::HeadlessContext* headlessGl() { return sharedGl().context.get(); }
std::string glUnavailableReason() { return sharedGl().reason; }

std::unique_ptr<gis::render::Renderer> makeRenderer() {
    auto renderer = gis::render::Renderer::create();
    if (!renderer) FAIL("Renderer::create failed: " << renderer.error().message);
    return std::move(*renderer);
}

gis::render::Image readPng(const std::filesystem::path& path) {
    gis::render::Image image;
    GDALAllRegister();
    GDALDatasetH ds = GDALOpen(path.string().c_str(), GA_ReadOnly);
    if (ds == nullptr) return image;
    const int w = GDALGetRasterXSize(ds);
    const int h = GDALGetRasterYSize(ds);
    const int bands = GDALGetRasterCount(ds);
    if (bands >= 3) {
        image.width = w;
        image.height = h;
        image.rgba.assign(static_cast<std::size_t>(w) * h * 4, 255);
        int bandMap[4] = {1, 2, 3, 4};
        const CPLErr err = GDALDatasetRasterIO(ds, GF_Read, 0, 0, w, h, image.rgba.data(), w, h, GDT_Byte,
                                               std::min(bands, 4), bandMap, 4, static_cast<GSpacing>(w) * 4, 1);
        if (err != CE_None) image = {};
    }
    GDALClose(ds);
    return image;
}

ImageDiff compareImages(const gis::render::Image& expected, const gis::render::Image& actual, int channelThreshold) {
    ImageDiff result;
    result.sameSize = expected.width == actual.width && expected.height == actual.height &&
                      expected.rgba.size() == actual.rgba.size() && !actual.rgba.empty();
    if (!result.sameSize) {
        result.ratio = 1.0;
        return result;
    }
    result.diff.width = actual.width;
    result.diff.height = actual.height;
    result.diff.rgba.resize(actual.rgba.size());
    for (std::size_t i = 0; i < actual.rgba.size(); i += 4) {
        int delta = 0;
        for (std::size_t c = 0; c < 4; ++c)
            delta = std::max(delta, std::abs(int(expected.rgba[i + c]) - int(actual.rgba[i + c])));
        result.maxChannelDelta = std::max(result.maxChannelDelta, delta);
        const bool differs = delta > channelThreshold;
        if (differs) ++result.differingPixels;
        const auto faded = static_cast<std::uint8_t>(200 + (actual.rgba[i] + actual.rgba[i + 1] + actual.rgba[i + 2]) / 3 / 5);
        result.diff.rgba[i + 0] = differs ? 255 : faded;
        result.diff.rgba[i + 1] = differs ? 0 : faded;
        result.diff.rgba[i + 2] = differs ? 0 : faded;
        result.diff.rgba[i + 3] = 255;
    }
    result.ratio = double(result.differingPixels) / double(actual.width * actual.height);
    return result;
}

std::filesystem::path renderOutDir(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::path(NTM_BINARY_DIR) / "render-out" / name;
    std::filesystem::create_directories(dir);
    return dir;
}

bool matchesGolden(const std::string& name, const gis::render::Image& actual, GoldenTolerance tolerance) {
    const std::filesystem::path golden = sourceDir() / "tests/golden" / (name + ".png");
    const char* update = std::getenv("NTM_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        const auto written = gis::exporting::writePng(actual, golden.string());
        if (!written) FAIL(written.error().message);
        WARN("Golden image rewritten: " << golden.string());
        return true;
    }
    const gis::render::Image expected = readPng(golden);
    const ImageDiff diff = compareImages(expected, actual, tolerance.channelThreshold);
    if (diff.sameSize && diff.ratio <= tolerance.maxDifferingRatio) return true;

    const std::filesystem::path out = renderOutDir(name);
    (void)gis::exporting::writePng(actual, (out / "actual.png").string());
    if (diff.sameSize) (void)gis::exporting::writePng(diff.diff, (out / "diff.png").string());
    if (!expected.rgba.empty()) (void)gis::exporting::writePng(expected, (out / "expected.png").string());
    UNSCOPED_INFO("Golden mismatch for '" << name << "': " << diff.differingPixels << " pixels differ (ratio "
                                          << diff.ratio << ", allowed " << tolerance.maxDifferingRatio
                                          << "), max channel delta " << diff.maxChannelDelta
                                          << (diff.sameSize ? "" : " [size differs or golden missing]") << "\n  golden: "
                                          << golden.string() << "\n  actual: " << (out / "actual.png").string()
                                          << "\n  diff:   " << (out / "diff.png").string()
                                          << "\n  (NTM_UPDATE_GOLDEN=1 rewrites the golden)");
    return false;
}

}  // namespace test
