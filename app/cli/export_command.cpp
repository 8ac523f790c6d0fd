// ntm-atlas export: the headless map export (same renderer as the window).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <tuple>

#include "app/cli/arg_parser.hpp"
#include "app/cli/command_errors.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/demo_project_file.hpp"
#include "app/cli/process_end.hpp"
#include "gis/core/ascii_case.hpp"
#include "gis/data/gdal_library.hpp"
#include "gis/export/map_export.hpp"
#include "gis/figures/project_map.hpp"

namespace cli {

namespace {

constexpr const char* kUsage =
    "usage: ntm-atlas export SOURCE --out FILE.{png,tif,pdf} [--paper A4|A3 [--landscape|--portrait] --dpi 150|300|600 | --width W --height H]\n"
    "                        [--unit CODE] [--color-by FIELD] [--as-of YYYY-MM-DD] [--title TEXT] [--bookmark NAME] [--lang vi|en]\n"
    "                        [--format png|tif|pdf] [--layer NAME] [--extent LON_MIN,LAT_MIN,LON_MAX,LAT_MAX] [--s-srs CRS]\n"
    "                        [--text-scale S] [--tile-size PX]\n"
    "  SOURCE: an NTM project (.gpkg), any vector file GDAL reads, or 'demo' (also --demo) for the demo district\n"
    "  --paper: a printed page (title, legend, scale bar, north arrow, source and date); a .pdf is always a page (A4 by default);\n"
    "  a .tif is the map alone, georeferenced (EPSG:3857)\n";

int fail(const std::string& message) { return reportFailure("export", message); }

/// A PNG of a plain GeoPackage (not a project, no page, scope or slide): read through SQLite
/// alone (gis/data/gpkg_catalog.hpp), so GDAL is loaded only if the file needs OGR after all.
bool exportNeedsNoGdalUpFront(const gis::exporting::ExportRequest& request) {
    const auto format = request.format ? request.format : gis::exporting::formatFromExtension(request.outPath);
    const std::string extension = gis::asciiLower(std::filesystem::path(request.source.path).extension().string());
    return format == gis::exporting::ExportFormat::Png && !request.paper && !gis::exporting::needsFigures(request) &&
           extension == ".gpkg" && !gis::figures::isProjectFile(request.source.path);
}

}  // namespace

int runExport(const Args& args) {
    const ParsedArgs arguments = parseArgs(args,
                                           {"out", "width", "height", "layer", "color-by", "extent", "s-srs", "as-of", "text-scale",
                                            "tile-size", "paper", "dpi", "format", "unit", "title", "bookmark", "lang"},
                                           {"demo", "help", "landscape", "portrait"});
    if (arguments.flag("help")) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (!arguments.error.empty()) return fail(arguments.error + "\n" + kUsage);

    gis::exporting::ExportRequest request;
    const bool demo = arguments.flag("demo") || (arguments.positional.size() == 1 && arguments.positional[0] == "demo");
    if (!demo) {
        if (arguments.positional.size() != 1) return fail(std::string("give exactly one SOURCE file\n") + kUsage);
        request.source.path = arguments.positional[0];
    }
    request.source.layerName = arguments.value("layer");
    request.source.sourceCrs = arguments.value("s-srs");
    request.source.asOf = arguments.value("as-of");
    request.colorField = arguments.value("color-by");
    request.outPath = arguments.value("out");
    request.processEndsAfter = !kLeakCheckedBuild;  // main ends the process right after (endProcess)

    if (const std::string format = arguments.value("format"); !format.empty()) {
        request.format = gis::exporting::parseExportFormat(format);
        if (!request.format) return fail("--format must be png, tif or pdf, got '" + format + "'");
    }
    if (const std::string paper = arguments.value("paper"); !paper.empty()) {
        request.paper = gis::exporting::parsePaper(paper);
        if (!request.paper) return fail("--paper must be A4 or A3, got '" + paper + "'");
    }
    if (arguments.flag("landscape") && arguments.flag("portrait")) return fail("give --landscape or --portrait, not both");
    request.landscape = !arguments.flag("portrait");
    if (const std::string dpi = arguments.value("dpi"); !dpi.empty()) {
        std::string dpiError;
        const auto parsed = parseIntOption("dpi", dpi, 1, 100000, dpiError);
        if (!parsed || !gis::exporting::isSupportedDpi(*parsed)) return fail("--dpi must be 150, 300 or 600, got '" + dpi + "'");
        request.dpi = *parsed;
    }
    request.pixelSizeGiven = !arguments.value("width").empty() || !arguments.value("height").empty();
    if (request.paper && request.pixelSizeGiven) return fail("give --paper (with --dpi) or --width/--height, not both");
    if (const std::string lang = arguments.value("lang"); !lang.empty()) {
        const auto language = gis::parseLanguage(lang);
        if (!language) return fail("--lang must be vi or en, got '" + lang + "'");
        request.language = *language;
    }
    request.unit = arguments.value("unit");
    request.title = arguments.value("title");
    request.bookmark = arguments.value("bookmark");

    std::string error;
    constexpr int kMaxSide = 32768;
    for (auto [name, target, minimum] : {std::tuple{"width", &request.widthPx, 16}, std::tuple{"height", &request.heightPx, 16},
                                         std::tuple{"tile-size", &request.maxTileSizePx, 64}}) {
        if (arguments.value(name).empty()) continue;
        auto parsed = parseIntOption(name, arguments.value(name), minimum, kMaxSide, error);
        if (!parsed) return fail(error);
        *target = *parsed;
    }
    if (const std::string scale = arguments.value("text-scale"); !scale.empty()) {
        char* end = nullptr;
        request.textScale = std::strtof(scale.c_str(), &end);
        if (end == scale.c_str() || *end != '\0' || request.textScale <= 0 || request.textScale > 20)
            return fail("--text-scale must be a number above 0 and at most 20, got '" + scale + "'");
    }
    if (const std::string extent = arguments.value("extent"); !extent.empty()) {
        auto parsed = gis::exporting::parseGeoExtent(extent);
        if (!parsed) return fail(parsed.error().message);
        request.extent = *parsed;
    }

    if (!exportNeedsNoGdalUpFront(request)) gis::data::loadGdal();  // anything else may use GDAL anywhere

    // Pages, scopes and slides of the demo read its figures from a project copy.
    std::optional<DemoProjectFile> demoProject;
    if (demo && gis::exporting::needsFigures(request)) {
        auto created = DemoProjectFile::create();
        if (!created) return fail(created.error().message);
        demoProject.emplace(std::move(*created));
        request.demoProjectPath = demoProject->path();
    }

    auto timings = gis::exporting::exportMap(request);
    if (!timings) return fail(timings.error().message);
    constexpr std::size_t kWarningsShown = 20;
    for (std::size_t i = 0; i < timings->warnings.size() && i < kWarningsShown; ++i)
        std::fprintf(stderr, "warning: %s\n", timings->warnings[i].c_str());
    if (timings->warnings.size() > kWarningsShown)
        std::fprintf(stderr, "warning: … and %zu more\n", timings->warnings.size() - kWarningsShown);
    // The BENCH line is what the peer benchmark harness reads (see bench/README.md).
    std::fprintf(stderr, "BENCH load=%.3f mesh=%.3f gl_init=%.3f render=%.3f encode=%.3f strips=%d second_renderer_strips=%d\n",
                 timings->load, timings->mesh, timings->glInit, timings->render, timings->encode, timings->strips,
                 timings->stripsBySecondRenderer);
    std::printf("%s\n", request.outPath.c_str());
    return 0;
}

}  // namespace cli
