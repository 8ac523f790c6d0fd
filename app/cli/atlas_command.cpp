// ntm-atlas atlas: one page per commune of a district, as one PDF or a folder of PNGs.
#include <chrono>
#include <cstdio>
#include <optional>

#include "app/cli/arg_parser.hpp"
#include "app/cli/command_errors.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/demo_project_file.hpp"
#include "gis/dashboard/project_figures.hpp"
#include "gis/export/atlas.hpp"
#include "gis/export/export_target.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/map_document.hpp"

namespace cli {

namespace {

constexpr const char* kUsage =
    "usage: ntm-atlas atlas PROJECT --unit DISTRICT_CODE --out atlas.pdf|FOLDER/ [--paper A4|A3] [--landscape|--portrait]\n"
    "                       [--dpi 150|300|600] [--color-by FIELD] [--as-of YYYY-MM-DD] [--lang vi|en] [--no-overview]\n"
    "  one page per commune of the district (xã, phường, thị trấn) in the district's order, after an overview page;\n"
    "  --out ending in .pdf: one multi-page PDF; otherwise a folder of PNG pages (created when missing)\n"
    "  PROJECT: an NTM project (.gpkg) or 'demo'\n";

int fail(const std::string& message) { return reportFailure("atlas", message); }

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int runAtlas(const Args& args) {
    const ParsedArgs arguments =
        parseArgs(args, {"unit", "out", "paper", "dpi", "color-by", "as-of", "lang"}, {"help", "landscape", "portrait", "no-overview"});
    if (arguments.flag("help")) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (!arguments.error.empty()) return fail(arguments.error + "\n" + kUsage);
    if (arguments.positional.size() != 1) return fail(std::string("give exactly one PROJECT\n") + kUsage);
    if (arguments.value("unit").empty()) return fail(std::string("--unit DISTRICT_CODE is required\n") + kUsage);
    const std::string out = arguments.value("out");
    if (out.empty()) return fail(std::string("--out atlas.pdf or --out FOLDER/ is required\n") + kUsage);

    gis::exporting::AtlasOptions options;
    options.districtCode = arguments.value("unit");
    options.asOf = arguments.value("as-of");
    options.overview = !arguments.flag("no-overview");
    options.pdf = gis::exporting::formatFromExtension(out) == gis::exporting::ExportFormat::Pdf;
    if (!options.pdf && gis::exporting::formatFromExtension(out))
        return fail("--out " + out + ": the atlas is a .pdf document or a folder of PNG pages (a name without .png/.tif)");
    options.page.paper = gis::exporting::Paper::A4;
    if (const std::string paper = arguments.value("paper"); !paper.empty()) {
        options.page.paper = gis::exporting::parsePaper(paper);
        if (!options.page.paper) return fail("--paper must be A4 or A3, got '" + paper + "'");
    }
    if (arguments.flag("landscape") && arguments.flag("portrait")) return fail("give --landscape or --portrait, not both");
    options.page.landscape = !arguments.flag("portrait");
    if (const std::string dpi = arguments.value("dpi"); !dpi.empty()) {
        std::string error;
        const auto parsed = parseIntOption("dpi", dpi, 1, 100000, error);
        if (!parsed || !gis::exporting::isSupportedDpi(*parsed)) return fail("--dpi must be 150, 300 or 600, got '" + dpi + "'");
        options.page.dpi = *parsed;
    }
    if (const std::string lang = arguments.value("lang"); !lang.empty()) {
        const auto language = gis::parseLanguage(lang);
        if (!language) return fail("--lang must be vi or en, got '" + lang + "'");
        options.language = *language;
    }

    std::optional<DemoProjectFile> demoProject;
    std::string projectPath = arguments.positional[0];
    if (projectPath == "demo") {
        auto created = DemoProjectFile::create();
        if (!created) return fail(created.error().message);
        demoProject.emplace(std::move(*created));
        projectPath = demoProject->path();
    } else if (!gis::figures::isProjectFile(projectPath)) {
        return fail(projectPath + " is not an NTM project (make one with ntm-atlas init and import)");
    }

    // Read once: the map (geometry meshed once) and the figures; every page reuses both.
    auto start = Clock::now();
    gis::scene::MapSourceSpec source;
    source.path = projectPath;
    source.asOf = options.asOf;
    auto document = gis::scene::MapDocument::open(source, arguments.value("color-by"));
    if (!document) return fail(document.error().message);
    auto figures = gis::dashboard::ProjectFigures::open(projectPath);
    if (!figures) return fail(figures.error().message);
    const double load = secondsSince(start);
    start = Clock::now();
    auto context = gis::render::HeadlessContext::create();
    if (!context) return fail(context.error().message);
    auto renderer = gis::render::Renderer::create();
    if (!renderer) return fail(renderer.error().message);
    const double glInit = secondsSince(start);

    start = Clock::now();
    auto report = gis::exporting::writeAtlas(*renderer.value(), *document, *figures, options, out,
                                             [](int done, int total, const std::string& what) {
                                                 if (!what.empty()) std::fprintf(stderr, "[%d/%d] %s\n", done + 1, total, what.c_str());
                                             });
    if (!report) return fail(report.error().message);
    const double pages = secondsSince(start);
    std::fprintf(stderr, "atlas: %d pages in %.2f s (%.3f s a page: render %.3f, write %.3f); load %.3f s, GL %.3f s\n", report->pages,
                 pages, pages / std::max(1, report->pages), report->renderSeconds / std::max(1, report->pages),
                 report->writeSeconds / std::max(1, report->pages), load, glInit);
    for (const std::string& file : report->files) std::printf("%s\n", file.c_str());
    return 0;
}

}  // namespace cli
