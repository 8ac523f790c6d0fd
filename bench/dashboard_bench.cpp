// Dashboard benchmark on a national project (11,163 real communes with their districts and
// provinces, one synthetic assessment per commune and a plan per district): how long a scope
// change and a filter change take to recompute the header, ranking and map emphasis, and the
// frame that shows them, at 1920×1080 on this machine's renderer. Not a test: numbers go into
// the README. Usage: dashboard_bench NATIONAL.gpkg [REPEATS]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/national_project.hpp"
#include "gis/dashboard/dashboard_view.hpp"
#include "gis/render/gpu_sync.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/store/project_writer.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/transaction.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

/// One assessment per commune (criteria met from its code, so runs are repeatable) and a plan
/// and a disbursement per district, written in one transaction.
bool addFigures(const std::string& project) {
    auto db = gis::store::openProject(project, true);
    if (!db) return false;
    auto data = gis::store::loadProjectData(*db, false);
    if (!data) return false;
    gis::store::Transaction tx(*db);
    gis::store::ProjectWriter writer(*db);
    for (const gis::model::Unit& unit : data->units) {
        const int hash = static_cast<int>(std::hash<std::string>{}(unit.code) % 1000);
        if (unit.level == "commune") {
            gis::model::Assessment a;
            a.unitCode = unit.code;
            a.setId = "ntm_xa_2021_2025";
            a.asOf = "2024-12-31";
            a.criteriaMet = 9 + hash % 11;
            a.criteriaTotal = 19;
            if (!writer.putAssessment(a)) return false;
        } else if (unit.level == "district") {
            if (!writer.upsertCapitalPlan({unit.code, "ntp_ntm_2021_2025", 2024, "", 10'000'000'000, "bench"})) return false;
            if (!writer.upsertDisbursement({unit.code, "ntp_ntm_2021_2025", 2024, "", "2024-12-31", 1'000'000'000LL * (hash % 10), false, "bench"}))
                return false;
        }
    }
    return static_cast<bool>(tx.commit());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: dashboard_bench NATIONAL.gpkg [REPEATS]\n");
        return 2;
    }
    const std::string national = argv[1];
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 9;
    const auto dir = std::filesystem::temp_directory_path() / "ntm-dashboard-bench";
    std::filesystem::create_directories(dir);
    const std::string project = (dir / "national.gpkg").string();
    std::filesystem::remove(project);

    auto start = Clock::now();
    if (auto units = bench::buildNationalUnits(project, national); !units) {
        std::fprintf(stderr, "%s\n", units.error().message.c_str());
        return 1;
    }
    if (!addFigures(project)) {
        std::fprintf(stderr, "could not add the figures to the national project\n");
        return 1;
    }
    std::printf("national project built (import of 3 unit layers + figures): %.0f ms\n", msSince(start));

    start = Clock::now();
    auto figures = gis::dashboard::ProjectFigures::open(project);
    if (!figures) return 1;
    std::printf("project read for the dashboard: %.0f ms (%zu units)\n", msSince(start), figures.value()->data().units.size());
    start = Clock::now();
    (void)figures.value()->summaryAt("2024-12-31");
    std::printf("summary of every unit, first time at a date: %.0f ms\n", msSince(start));

    const gis::dashboard::ProjectFigures& f = *figures.value();
    auto context = gis::render::HeadlessContext::create();
    if (!context) return 1;
    auto renderer = gis::render::Renderer::create();
    if (!renderer) return 1;
    gis::scene::MapSourceSpec spec;
    spec.path = project;
    start = Clock::now();
    auto document = gis::scene::MapDocument::open(spec);
    if (!document) return 1;
    std::printf("map document opened (read, reproject, style): %.0f ms\n", msSince(start));
    gis::render::RenderTarget target(1920, 1080);

    // Scopes: the whole country, the province with most districts, one of its districts, and a
    // commune (the deepest scope).
    std::vector<std::string> scopes = {""};
    std::size_t widest = 0;
    for (std::size_t r : f.tree().roots())
        if (f.tree().children(r).size() > f.tree().children(widest).size()) widest = r;
    scopes.push_back(f.data().units[widest].code);
    const std::size_t district = f.tree().children(widest).front();
    scopes.push_back(f.data().units[district].code);
    scopes.push_back(f.data().units[f.tree().communesUnder(district).front()].code);
    std::vector<double> scopeMs, filterMs, frameMs;
    for (int r = 0; r < repeats; ++r)
        for (std::size_t s = 0; s < scopes.size(); ++s) {
            gis::dashboard::ViewRequest request;
            request.state.scope = scopes[(s + static_cast<std::size_t>(r)) % scopes.size()];
            request.state.asOf = "2024-12-31";
            auto t = Clock::now();
            const auto view = gis::dashboard::buildDashboardView(f, request);
            document->setTitle(view.title);
            document->setEmphasis(gis::dashboard::emphasisFor(f, request.state, *document));
            const gis::Bounds bounds = gis::dashboard::scopeBounds(f, request.state.scope, *document);
            gis::scene::Camera camera = document->fitCamera(bounds, 1920, 1080);
            scopeMs.push_back(msSince(t));

            request.state.filter.unmetCriterion.reset();
            request.state.filter.tier = std::string();  // communes not yet at standard
            t = Clock::now();
            (void)gis::dashboard::buildDashboardView(f, request);
            document->setEmphasis(gis::dashboard::emphasisFor(f, request.state, *document));
            filterMs.push_back(msSince(t));

            document->ensureLevelsFor(camera.metersPerPixel);
            t = Clock::now();
            renderer.value()->render(document->buildScene(camera), target);
            gis::render::waitForGpu();
            frameMs.push_back(msSince(t));
        }
    std::printf("scope change (header, ranking, emphasis, fit): median %.1f ms, max %.1f ms\n", median(scopeMs),
                *std::max_element(scopeMs.begin(), scopeMs.end()));
    std::printf("filter change (header, ranking, emphasis): median %.1f ms, max %.1f ms\n", median(filterMs),
                *std::max_element(filterMs.begin(), filterMs.end()));
    std::printf("frame after the change (colour table upload + draw, 1920x1080): median %.1f ms\n", median(frameMs));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory: %.0f MB\n", usage.ru_maxrss / 1024.0);
    renderer.value().reset();
    std::filesystem::remove(project);
    return 0;
}
