// ntm-atlas export: the headless map export (same renderer as the window).
#include <cstdio>

#include "app/cli/arguments.hpp"
#include "app/cli/commands.hpp"
#include "gis/export/map_export.hpp"

namespace cli {

namespace {

constexpr const char* kUsage =
    "usage: ntm-atlas export SOURCE --out map.png [--width W] [--height H] [--layer NAME] [--color-by FIELD]\n"
    "                        [--extent LON_MIN,LAT_MIN,LON_MAX,LAT_MAX] [--s-srs CRS] [--as-of YYYY-MM-DD]\n"
    "                        [--text-scale S] [--tile-size PX]\n"
    "  SOURCE: an NTM project (.gpkg), any vector file GDAL reads, or 'demo' (also --demo) for the demo district\n";

int fail(const std::string& message) {
    std::fprintf(stderr, "ntm-atlas export: %s\n", message.c_str());
    return 1;
}

}  // namespace

int runExport(const Args& args) {
    const Arguments arguments(args, {"--demo", "--help"});
    if (arguments.flag("--help")) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (!arguments.error().empty()) return fail(arguments.error() + "\n" + kUsage);
    const auto unknown = arguments.unknownOptions({"--out", "--width", "--height", "--layer", "--color-by", "--extent",
                                                   "--s-srs", "--as-of", "--text-scale", "--tile-size", "--demo"});
    if (!unknown.empty()) return fail("unknown option " + unknown.front() + "\n" + kUsage);

    gis::exporting::ExportRequest request;
    const bool demo = arguments.flag("--demo") || (arguments.positional().size() == 1 && arguments.positional()[0] == "demo");
    if (!demo) {
        if (arguments.positional().size() != 1) return fail(std::string("give exactly one SOURCE file\n") + kUsage);
        request.source.path = arguments.positional()[0];
    }
    request.source.layerName = arguments.value("--layer").value_or("");
    request.source.sourceCrs = arguments.value("--s-srs").value_or("");
    request.source.asOf = arguments.value("--as-of").value_or("");
    request.colorField = arguments.value("--color-by").value_or("");
    request.outPath = arguments.value("--out").value_or("");

    std::string error;
    constexpr int kMaxSide = 32768;
    if (auto width = arguments.value("--width")) {
        auto parsed = parseIntOption("--width", *width, 16, kMaxSide, error);
        if (!parsed) return fail(error);
        request.widthPx = *parsed;
    }
    if (auto height = arguments.value("--height")) {
        auto parsed = parseIntOption("--height", *height, 16, kMaxSide, error);
        if (!parsed) return fail(error);
        request.heightPx = *parsed;
    }
    if (auto tile = arguments.value("--tile-size")) {
        auto parsed = parseIntOption("--tile-size", *tile, 64, kMaxSide, error);
        if (!parsed) return fail(error);
        request.maxTileSizePx = *parsed;
    }
    if (auto scale = arguments.value("--text-scale")) {
        char* end = nullptr;
        request.textScale = std::strtof(scale->c_str(), &end);
        if (end == scale->c_str() || *end != '\0' || request.textScale <= 0 || request.textScale > 20)
            return fail("--text-scale must be a number above 0 and at most 20, got '" + *scale + "'");
    }
    if (auto extent = arguments.value("--extent")) {
        auto parsed = gis::exporting::parseGeoExtent(*extent);
        if (!parsed) return fail(parsed.error().message);
        request.extent = *parsed;
    }

    auto timings = gis::exporting::exportMap(request);
    if (!timings) return fail(timings.error().message);
    // The BENCH line is what the peer benchmark harness reads (see bench/README.md).
    std::fprintf(stderr, "BENCH load=%.3f mesh=%.3f gl_init=%.3f render=%.3f encode=%.3f\n", timings->load, timings->mesh,
                 timings->glInit, timings->render, timings->encode);
    std::printf("%s\n", request.outPath.c_str());
    return 0;
}

}  // namespace cli
