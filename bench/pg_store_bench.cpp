// The shared store at national scale (issue 9): the real 11,163 communes with ten years of
// assessments, 100,000 works and 100,000 villages, built as a GeoPackage and copied into
// PostgreSQL/PostGIS; then, on both stores, how long a province's summary, the whole country's
// summary and the window's first frame (open, read, mesh, draw at 1920×1080) take. Run on
// demand by tools/bench-pg.sh (which starts and stops a throwaway PostgreSQL); not a test.
// Usage: pg_store_bench NATIONAL.gpkg PG:CONNINFO_OF_AN_EMPTY_DATABASE [REPEATS]
#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "bench/bench_clock.hpp"
#include "bench/national_project.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/figures/summary.hpp"
#include "gis/figures/summary_json.hpp"
#include "gis/figures/unit_summary_read.hpp"
#include "gis/render/gpu_sync.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/store/location.hpp"
#include "gis/store/project_copy.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"

namespace {

using bench::Clock;
using bench::median;
using bench::msSince;

constexpr const char* kAsOf = "2024-12-31";

/// Opens the project, reads the part a summary of `unit` needs (everything when empty) and
/// computes that summary: what `ntm-atlas summary` and the dashboard's header do.
bool summaryOnce(const std::string& location, const std::string& unit, std::size_t* rows) {
    auto db = gis::store::openProject(location, false);
    if (!db) return std::fprintf(stderr, "%s\n", db.error().message.c_str()), false;
    if (!unit.empty()) {  // one unit: its part read, its siblings' money added up by the database
        auto one = gis::figures::readUnitSummary(*db, {.asOf = kAsOf, .unitCode = unit});
        if (!one) return std::fprintf(stderr, "%s\n", one.error().message.c_str()), false;
        *rows = 1;
        return true;
    }
    auto data = gis::store::loadProjectData(*db, false, unit);
    if (!data) return std::fprintf(stderr, "%s\n", data.error().message.c_str()), false;
    gis::figures::SummaryOptions options;
    options.asOf = kAsOf;
    options.unitCode = unit;
    auto summary = gis::figures::computeSummary(*data, options);
    if (!summary) return std::fprintf(stderr, "%s\n", summary.error().message.c_str()), false;
    *rows = summary->size();
    return true;
}

/// The same summary the way it was read before readUnitSummary (2026-12-04): the unit's context
/// (its siblings' subtrees down to the communes) read row by row and computed on the client, after
/// an open that ran the full integrity check (the GeoPackage now remembers it was found whole).
bool summaryTheEarlierWay(const std::string& location, const std::string& unit) {
    auto db = gis::store::openProject(location, false);
    if (!db) return std::fprintf(stderr, "%s\n", db.error().message.c_str()), false;
    if (!db->isPostgres() && db->queryText("PRAGMA integrity_check(1)").value_or("") != "ok") return false;
    auto data = gis::store::loadProjectData(*db, false, unit);
    if (!data) return std::fprintf(stderr, "%s\n", data.error().message.c_str()), false;
    auto summary = gis::figures::computeSummary(*data, {.asOf = kAsOf, .unitCode = unit});
    return static_cast<bool>(summary);
}

/// The window's first frame: the project's map read and styled, meshed for the fitted scale, drawn.
bool firstFrameOnce(const std::string& location, gis::render::Renderer& renderer, gis::render::RenderTarget& target) {
    gis::scene::MapSourceSpec spec;
    spec.path = location;
    auto document = gis::scene::MapDocument::open(spec);
    if (!document) return std::fprintf(stderr, "%s\n", document.error().message.c_str()), false;
    const gis::scene::Camera camera = document->fitCamera(target.width(), target.height());
    document->ensureLevelsFor(camera.metersPerPixel);
    renderer.render(document->buildScene(camera), target);
    gis::render::waitForGpu();
    return true;
}

/// CPU time of this process (SQLite's work included; not PostgreSQL's server), which a machine
/// shared with other work inflates far less than the wall-clock time.
double processCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/// Where a summary's and the map's time goes, one warm pass: each stage timed on its own, so a
/// target missed names the stage to work on.
bool printBreakdown(const char* storeName, const std::string& location, const std::string& province, gis::render::Renderer& renderer,
                    gis::render::RenderTarget& target) {
    {
        auto t = Clock::now();
        auto db = gis::store::openProject(location, false);
        if (!db) return std::fprintf(stderr, "%s\n", db.error().message.c_str()), false;
        const double openMs = msSince(t);
        t = Clock::now();
        const double cpuBefore = processCpuMs();
        auto one = gis::figures::readUnitSummary(*db, {.asOf = kAsOf, .unitCode = province});
        if (!one) return std::fprintf(stderr, "%s\n", one.error().message.c_str()), false;
        const double readMs = msSince(t);
        const double cpuMs = processCpuMs() - cpuBefore;
        t = Clock::now();
        auto data = gis::store::loadProjectData(*db, false, province);
        if (!data) return std::fprintf(stderr, "%s\n", data.error().message.c_str()), false;
        auto before = gis::figures::computeSummary(*data, {.asOf = kAsOf, .unitCode = province});
        if (!before) return std::fprintf(stderr, "%s\n", before.error().message.c_str()), false;
        const double oldMs = msSince(t);
        const bool same = gis::figures::summaryToJson(*one) == gis::figures::summaryToJson(before->front());
        std::printf("%s, summary of %s: open %.0f ms, read and compute %.0f ms, %.0f ms of this process's CPU (the earlier way, its "
                    "context read whole: %.0f ms; %s)\n",
                    storeName, province.c_str(), openMs, readMs, cpuMs, oldMs, same ? "same figures" : "FIGURES DIFFER");
        if (!same) return false;
    }
    for (const std::string& unit : {province, std::string()}) {
        auto t = Clock::now();
        auto db = gis::store::openProject(location, false);
        if (!db) return std::fprintf(stderr, "%s\n", db.error().message.c_str()), false;
        const double openMs = msSince(t);
        t = Clock::now();
        auto data = gis::store::loadProjectData(*db, false, unit);
        if (!data) return std::fprintf(stderr, "%s\n", data.error().message.c_str()), false;
        const double readMs = msSince(t);
        t = Clock::now();
        gis::figures::SummaryOptions options;
        options.asOf = kAsOf;
        options.unitCode = unit;
        auto summary = gis::figures::computeSummary(*data, options);
        if (!summary) return std::fprintf(stderr, "%s\n", summary.error().message.c_str()), false;
        std::printf("%s, summary of %s: open %.0f ms, read %.0f ms (%zu units, %zu assessments, %zu works), compute %.0f ms\n", storeName,
                    unit.empty() ? "the country" : unit.c_str(), openMs, readMs, data->units.size(), data->assessments.size(),
                    data->infrastructure.size(), msSince(t));
    }
    auto t = Clock::now();
    auto layers = gis::figures::loadProjectMapLayers(location, kAsOf);
    if (!layers) return std::fprintf(stderr, "%s\n", layers.error().message.c_str()), false;
    std::printf("%s, the map's layers (open, read with geometry, summary, to EPSG:3857): %.0f ms\n", storeName, msSince(t));
    // The first frame stage by stage: the document (layers, heading, styling), the meshes for
    // the fitted scale, and drawing it.
    t = Clock::now();
    gis::scene::MapSourceSpec spec;
    spec.path = location;
    auto document = gis::scene::MapDocument::open(spec);
    if (!document) return std::fprintf(stderr, "%s\n", document.error().message.c_str()), false;
    const double openMs = msSince(t);
    t = Clock::now();
    const gis::scene::Camera camera = document->fitCamera(target.width(), target.height());
    document->ensureLevelsFor(camera.metersPerPixel);
    const double meshMs = msSince(t);
    t = Clock::now();
    renderer.render(document->buildScene(camera), target);
    gis::render::waitForGpu();
    std::printf("%s, first frame: document %.0f ms, meshes %.0f ms, draw %.0f ms\n", storeName, openMs, meshMs, msSince(t));
    return true;
}

struct StoreFigures {
    double provinceMs = 0, provinceEarlierMs = 0, countryMs = 0, frameMs = 0;
    std::size_t provinceRows = 0, countryRows = 0;
};

bool measure(const std::string& location, const std::string& province, int repeats, gis::render::Renderer& renderer,
             gis::render::RenderTarget& target, StoreFigures& out) {
    std::vector<double> provinceMs, provinceEarlierMs, countryMs, frameMs;
    for (int r = 0; r < repeats; ++r) {
        auto t = Clock::now();
        if (!summaryOnce(location, province, &out.provinceRows)) return false;
        provinceMs.push_back(msSince(t));
        t = Clock::now();
        if (!summaryTheEarlierWay(location, province)) return false;
        provinceEarlierMs.push_back(msSince(t));
        t = Clock::now();
        if (!summaryOnce(location, "", &out.countryRows)) return false;
        countryMs.push_back(msSince(t));
        t = Clock::now();
        if (!firstFrameOnce(location, renderer, target)) return false;
        frameMs.push_back(msSince(t));
    }
    out.provinceMs = median(provinceMs);
    out.provinceEarlierMs = median(provinceEarlierMs);
    std::printf("%s: province %s", location.c_str(), province.c_str());
    for (std::size_t r = 0; r < provinceMs.size(); ++r) std::printf(" | %.0f ms (earlier way %.0f ms)", provinceMs[r], provinceEarlierMs[r]);
    std::printf("\n");
    out.countryMs = median(countryMs);
    out.frameMs = median(frameMs);
    return true;
}

/// The province with the most communes: the heaviest one-province summary.
std::string largestProvince(const std::string& project) {
    auto db = gis::store::openProject(project, false);
    if (!db) return "";
    return db->queryText("SELECT p.code FROM ntm_units p JOIN ntm_units d ON d.parent_code = p.code JOIN ntm_units c ON c.parent_code = d.code "
                         "WHERE p.level = 'province' AND c.level = 'commune' GROUP BY p.code ORDER BY count(*) DESC LIMIT 1")
        .value_or("");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || !gis::store::isPostgresLocation(argv[2])) {
        std::fprintf(stderr, "usage: pg_store_bench NATIONAL.gpkg PG:CONNINFO [REPEATS]\n");
        return 2;
    }
    const std::string national = argv[1];
    const std::string pg = argv[2];
    const int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
    const auto dir = std::filesystem::temp_directory_path() / "ntm-pg-store-bench";
    std::filesystem::create_directories(dir);
    const std::string gpkg = (dir / "national.gpkg").string();
    // NTM_BENCH_REUSE=1 measures the GeoPackage a run with NTM_BENCH_KEEP=1 left and the database it
    // copied it into, without building and copying again (for trying a change to a query).
    const bool reuse = std::getenv("NTM_BENCH_REUSE") != nullptr && std::filesystem::exists(gpkg);
    if (!reuse) {
        std::filesystem::remove(gpkg);
        bench::NationalScale scale;
        scale.assessmentYears = 10;
        scale.works = 100'000;
        scale.villages = 100'000;
        auto start = Clock::now();
        if (!bench::buildNationalProject(gpkg, national, scale)) return 1;
        std::printf("GeoPackage built (3 unit layers, 10 years of assessments, %d works, %d villages): %.1f s, %.0f MB\n", scale.works,
                    scale.villages, msSince(start) / 1e3, std::filesystem::file_size(gpkg) / 1e6);

        start = Clock::now();
        auto copied = gis::store::copyProject(gpkg, pg);
        if (!copied) return std::fprintf(stderr, "%s\n", copied.error().message.c_str()), 1;
        std::printf("copied into PostgreSQL (one transaction, then both dumps compared): %.1f s, %lld rows\n", msSince(start) / 1e3,
                    copied->rows);
    }

    const std::string province = largestProvince(gpkg);
    auto context = gis::render::HeadlessContext::create();
    if (!context) return std::fprintf(stderr, "%s\n", context.error().message.c_str()), 1;
    auto renderer = gis::render::Renderer::create();
    if (!renderer) return std::fprintf(stderr, "%s\n", renderer.error().message.c_str()), 1;
    gis::render::RenderTarget target(1920, 1080);

    StoreFigures onFile, onServer;
    if (!measure(gpkg, province, repeats, *renderer.value(), target, onFile)) return 1;
    if (!measure(pg, province, repeats, *renderer.value(), target, onServer)) return 1;
    std::printf("\nmedian of %d, as of %s        | GeoPackage | PostgreSQL | target\n", repeats, kAsOf);
    std::printf("summary of province %-6s (%zu units) | %7.0f ms | %7.0f ms | < 100 ms\n", province.c_str(), onServer.provinceRows,
                onFile.provinceMs, onServer.provinceMs);
    std::printf("  the same, read the earlier way         | %7.0f ms | %7.0f ms |\n", onFile.provinceEarlierMs, onServer.provinceEarlierMs);
    std::printf("summary of the country (%zu units)     | %7.0f ms | %7.0f ms |\n", onServer.countryRows, onFile.countryMs, onServer.countryMs);
    std::printf("first frame 1920x1080 (open+read+mesh+draw) | %7.0f ms | %7.0f ms | < 1000 ms\n", onFile.frameMs, onServer.frameMs);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("\n");
    if (!printBreakdown("GeoPackage", gpkg, province, *renderer.value(), target) ||
        !printBreakdown("PostgreSQL", pg, province, *renderer.value(), target))
        return 1;
    std::printf("peak memory: %.0f MB\n", usage.ru_maxrss / 1024.0);
    renderer.value().reset();
    // NTM_BENCH_KEEP=1 leaves the GeoPackage for a look at its query plans.
    if (std::getenv("NTM_BENCH_KEEP") == nullptr) std::filesystem::remove(gpkg);
    else std::printf("kept %s\n", gpkg.c_str());
    return 0;
}
