// The national load in the shared PostgreSQL/PostGIS store against the same project in a
// GeoPackage (issue 9): the real national layer (11,161 communes with their districts and
// provinces), ten years of assessments for every commune, 100,000 works and 100,000 villages,
// built as a GeoPackage first; then
//   (a) `copy` GeoPackage → PostgreSQL (the import into the province's shared store),
//   (b) one province's summary (open, the scoped loadProjectData, computeSummary) and the whole
//       country's,
//   (c) the window's first frame: open the project's figures and map, the dashboard's first view,
//       mesh, first draw at 1920×1080 headless (each run in a fresh child process, so the shader
//       JIT and the store's first reads are paid every time, as when the window starts),
//   (d) (b) and (c) on the GeoPackage.
// One table at the end. Not a test: tools/bench-pg.sh starts a throwaway cluster and runs it;
// the numbers go into the README by hand.
// Usage: pg_store_bench NATIONAL.gpkg WORKDIR PG:…dbname=A [PG:…dbname=B …]
//   every PG location names an empty database with PostGIS; each gets one copy (the copy's
//   median is over them), the first is measured for (b) and (c).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <ogr_api.h>
#include <ogr_geometry.h>

#include "bench/national_project.hpp"
#include "gis/dashboard/dashboard_view.hpp"
#include "gis/dashboard/project_figures.hpp"
#include "gis/dashboard/scope.hpp"
#include "gis/figures/summary.hpp"
#include "gis/render/gpu_sync.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/location.hpp"
#include "gis/store/project_copy.hpp"
#include "gis/store/project_reader.hpp"
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

std::string range(const std::vector<double>& values, const char* format = "%.0f") {
    if (values.empty()) return "-";
    char buffer[96];
    const std::string f = std::string(format) + " (" + format + "–" + format + ")";
    std::snprintf(buffer, sizeof buffer, f.c_str(), median(values), *std::min_element(values.begin(), values.end()),
                  *std::max_element(values.begin(), values.end()));
    return values.size() == 1 ? std::string(buffer, std::string(buffer).find(" (")) : buffer;
}

constexpr const char* kAsOf = "2024-12-31";
constexpr int kFirstYear = 2015, kLastYear = 2024;
constexpr int kWorks = 100000, kVillages = 100000;

/// A point inside the polygon (tries random points in its box, else its point on surface).
OGRPoint pointInside(const OGRGeometry& polygon, std::mt19937_64& rng) {
    OGREnvelope box;
    polygon.getEnvelope(&box);
    std::uniform_real_distribution<double> x(box.MinX, box.MaxX), y(box.MinY, box.MaxY);
    for (int attempt = 0; attempt < 20; ++attempt) {
        OGRPoint p(x(rng), y(rng));
        if (polygon.Contains(&p)) return p;
    }
    std::unique_ptr<OGRGeometry> inside(OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&polygon)))));
    if (inside && wkbFlatten(inside->getGeometryType()) == wkbPoint) return *inside->toPoint();
    return OGRPoint((box.MinX + box.MaxX) / 2, (box.MinY + box.MaxY) / 2);
}

struct Load {
    long long assessments = 0, results = 0, works = 0, villages = 0, plans = 0, disbursements = 0;
};

/// Ten years of assessments per commune (count-only for 2015–2023, detailed for 2024: the
/// checklist the card and the gaps read), a plan and two disbursements per district and year of
/// the 2021–2025 programme, 100,000 works (a fifth roads as short lines, the rest points of the
/// other nine types) and 100,000 villages (points, level village, under their commune), every
/// point inside its commune. Deterministic; one transaction.
gis::Result<Load> addNationalLoad(const std::string& project) {
    auto db = gis::store::openProject(project, true);
    if (!db) return db.error();
    auto data = gis::store::loadProjectData(*db, true);
    if (!data) return data.error();
    struct Commune {
        std::string code;
        std::unique_ptr<OGRGeometry> geometry;
    };
    std::vector<Commune> communes;
    std::vector<std::string> districts;
    for (gis::model::Unit& unit : data->units) {
        if (unit.level == "district") districts.push_back(unit.code);
        if (unit.level != "commune") continue;
        auto geometry = gis::store::decodeGpkgGeometry(unit.geometry);
        if (geometry) communes.push_back({unit.code, std::move(geometry)});
    }
    const auto set2020 = data->criteriaSets.find("ntm_xa_2016_2020");
    const auto set2025 = data->criteriaSets.find("ntm_xa_2021_2025");
    if (set2020 == data->criteriaSets.end() || set2025 == data->criteriaSets.end())
        return gis::makeError(gis::ErrorCode::NotFound, "the national criteria sets are not in the project");

    std::mt19937_64 rng(20261203);
    Load load;
    gis::store::Transaction tx(*db);
    gis::store::ProjectWriter writer(*db);
    for (const Commune& c : communes) {
        const int start = static_cast<int>(std::hash<std::string>{}(c.code) % 9) + 4;  // 4–12 met in 2015
        for (int year = kFirstYear; year <= kLastYear; ++year) {
            const gis::model::CriteriaSet& set = year <= 2020 ? set2020->second : set2025->second;
            gis::model::Assessment a;
            a.unitCode = c.code;
            a.setId = set.id;
            a.asOf = std::to_string(year) + "-12-31";
            a.criteriaTotal = set.size();
            // The new set of 2021 is harder: the count drops back, then climbs again.
            const int progress = year <= 2020 ? (year - kFirstYear) * 2 : (year - 2021) * 2 + 1;
            a.criteriaMet = std::min(a.criteriaTotal, start + progress);
            a.source = "bench";
            if (year == kLastYear) {
                a.detailed = true;
                for (const gis::model::Criterion& criterion : set.criteria) {
                    // The unmet ones are spread over the checklist, from the commune's code.
                    const bool met = (criterion.number * 7 + start) % a.criteriaTotal < a.criteriaMet;
                    a.results.push_back({criterion.number, met ? gis::model::CriterionStatus::Met : gis::model::CriterionStatus::NotMet, ""});
                }
                a.criteriaMet = static_cast<int>(std::count_if(a.results.begin(), a.results.end(), [](const auto& r) {
                    return r.status == gis::model::CriterionStatus::Met;
                }));
                load.results += static_cast<long long>(a.results.size());
            }
            if (auto s = writer.putAssessment(a); !s) return s.error();
            ++load.assessments;
        }
    }
    for (const std::string& district : districts) {
        const int hash = static_cast<int>(std::hash<std::string>{}(district) % 1000);
        for (int year = 2021; year <= kLastYear; ++year) {
            const std::int64_t plan = 20'000'000'000LL + 1'000'000'000LL * (hash % 30);
            if (auto s = writer.upsertCapitalPlan({district, "ntp_ntm_2021_2025", year, "", plan, "bench"}); !s) return s.error();
            ++load.plans;
            const std::string y = std::to_string(year);
            if (auto s = writer.upsertDisbursement({district, "ntp_ntm_2021_2025", year, "", y + "-06-30", plan * (20 + hash % 30) / 100, false, "bench"}); !s)
                return s.error();
            if (auto s = writer.upsertDisbursement({district, "ntp_ntm_2021_2025", year, "", y + "-12-31", plan * (30 + hash % 40) / 100, false, "bench"}); !s)
                return s.error();
            load.disbursements += 2;
        }
    }
    static const char* kPointTypes[] = {"school", "health_station", "cultural_house", "market", "irrigation",
                                        "clean_water", "waste_site", "sports", "bridge"};
    static const char* kStatuses[] = {"planned", "under_construction", "completed", "completed"};
    std::uniform_int_distribution<int> anyType(0, 8), anyStatus(0, 3), year(2021, 2026), month(1, 9), billions(1, 60);
    std::uniform_real_distribution<double> offset(-0.006, 0.006);  // a road of about 1–2 km
    for (int i = 0; i < kWorks; ++i) {
        const Commune& c = communes[static_cast<std::size_t>(i) % communes.size()];
        gis::model::InfrastructureItem w;
        const bool road = i % 5 == 0;
        w.type = road ? "road" : kPointTypes[anyType(rng)];
        w.name = std::string(road ? "Đường liên thôn số " : "Công trình số ") + std::to_string(i + 1);
        w.status = kStatuses[anyStatus(rng)];
        w.budgetVnd = 100'000'000LL * billions(rng);
        const int start = year(rng);
        w.startDate = std::to_string(start) + "-0" + std::to_string(month(rng)) + "-01";
        w.deadline = std::to_string(start + 1) + "-12-31";
        w.department = "Phòng Kinh tế";
        w.unitCode = c.code;
        w.source = "bench";
        const OGRPoint at = pointInside(*c.geometry, rng);
        if (road) {
            OGRLineString line;
            line.addPoint(at.getX(), at.getY());
            line.addPoint(at.getX() + offset(rng), at.getY() + offset(rng));
            line.addPoint(at.getX() + offset(rng), at.getY() + offset(rng));
            w.geometry = gis::store::encodeGpkgGeometry(line, 4326);
        } else {
            w.geometry = gis::store::encodeGpkgGeometry(at, 4326);
        }
        if (auto s = writer.upsertInfrastructure(w); !s) return s.error();
        ++load.works;
    }
    std::uniform_int_distribution<int> people(300, 3000);
    for (int i = 0; i < kVillages; ++i) {
        const std::size_t index = static_cast<std::size_t>(i) % communes.size();
        const Commune& c = communes[index];
        const int number = i / static_cast<int>(communes.size()) + 1;
        gis::model::Unit v;
        v.code = c.code + "-" + (number < 10 ? "0" : "") + std::to_string(number);
        v.name = "Thôn " + std::to_string(number);
        v.level = "village";
        v.type = "thon";
        v.parentCode = c.code;
        v.population = people(rng);
        v.geometry = gis::store::encodeGpkgGeometry(pointInside(*c.geometry, rng), 4326);
        v.source = "bench";
        if (auto s = writer.upsertUnit(v); !s) return s.error();
        ++load.villages;
    }
    if (auto committed = tx.commit(); !committed) return committed.error();
    return load;
}

struct SummaryTimes {
    std::vector<double> open, load, compute, total;
    std::size_t units = 0, assessments = 0;
};

/// Opens the project and computes the summary of `unit` ("" = every unit) at kAsOf, as
/// `ntm-atlas summary LOCATION --unit CODE` does; `runs` times.
gis::Result<SummaryTimes> timeSummary(const std::string& location, const std::string& unit, int runs) {
    SummaryTimes t;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        auto db = gis::store::openProject(location, false);
        if (!db) return db.error();
        t.open.push_back(msSince(start));
        auto at = Clock::now();
        auto data = gis::store::loadProjectData(*db, false, unit);
        if (!data) return data.error();
        t.load.push_back(msSince(at));
        at = Clock::now();
        gis::figures::SummaryOptions options;
        options.asOf = kAsOf;
        options.unitCode = unit;
        auto summary = gis::figures::computeSummary(*data, options);
        if (!summary) return summary.error();
        t.compute.push_back(msSince(at));
        t.total.push_back(msSince(start));
        t.units = data->units.size();
        t.assessments = data->assessments.size();
    }
    return t;
}

/// The window's first frame, in milliseconds: GL context and shaders, the dashboard's read of the
/// project, the map's read (geometry, reprojection, styling), the first view (scope, header,
/// ranking, emphasis, fit), the level of detail for that scale, and the first draw.
struct FrameTimes {
    double glInit = 0, figures = 0, map = 0, view = 0, mesh = 0, draw = 0, total = 0;
    bool ok = false;
    char error[200] = {};
};

FrameTimes firstFrameHere(const std::string& location) {
    FrameTimes t;
    auto fail = [&t](const std::string& message) {
        std::snprintf(t.error, sizeof t.error, "%s", message.c_str());
        return t;
    };
    constexpr int kWidth = 1920, kHeight = 1080;
    const auto start = Clock::now();
    auto context = gis::render::HeadlessContext::create();
    if (!context) return fail(context.error().message);
    auto renderer = gis::render::Renderer::create();
    if (!renderer) return fail(renderer.error().message);
    gis::render::RenderTarget target(kWidth, kHeight);
    t.glInit = msSince(start);

    const auto opened = Clock::now();
    auto at = Clock::now();
    auto figures = gis::dashboard::ProjectFigures::open(location);
    if (!figures) return fail(figures.error().message);
    t.figures = msSince(at);
    at = Clock::now();
    gis::scene::MapSourceSpec spec;
    spec.path = location;
    auto document = gis::scene::MapDocument::open(spec);
    if (!document) return fail(document.error().message);
    t.map = msSince(at);
    at = Clock::now();
    const gis::dashboard::ProjectFigures& f = *figures.value();
    gis::dashboard::ViewRequest request;
    request.state.scope = gis::dashboard::defaultScope(f);
    request.state.asOf = document->source().asOf;
    const auto view = gis::dashboard::buildDashboardView(f, request);
    document->setTitle(view.title);
    document->setEmphasis(gis::dashboard::emphasisFor(f, request.state, *document));
    const gis::scene::Camera camera = document->fitCamera(gis::dashboard::scopeBounds(f, request.state.scope, *document), kWidth, kHeight,
                                                          1.0f, gis::scene::LegendContent::ThematicOnly);
    t.view = msSince(at);
    at = Clock::now();
    document->ensureLevelsFor(camera.metersPerPixel);
    t.mesh = msSince(at);
    at = Clock::now();
    renderer.value()->render(document->buildScene(camera), target);
    gis::render::waitForGpu();
    t.draw = msSince(at);
    t.total = msSince(opened);
    t.ok = true;
    renderer.value().reset();
    return t;
}

/// firstFrameHere in a child process (this process never makes a GL context or caches a read).
FrameTimes firstFrame(const std::string& location) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    std::fflush(stdout);
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        const FrameTimes t = firstFrameHere(location);
        const ssize_t written = write(fds[1], &t, sizeof t);
        _exit(written == static_cast<ssize_t>(sizeof t) ? 0 : 1);
    }
    close(fds[1]);
    FrameTimes t;
    if (read(fds[0], &t, sizeof t) != static_cast<ssize_t>(sizeof t)) {
        t = FrameTimes{};
        std::snprintf(t.error, sizeof t.error, "the first-frame child died");
    }
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    return t;
}

struct FrameSeries {
    std::vector<double> glInit, figures, map, view, mesh, draw, total;
};

gis::Result<FrameSeries> timeFirstFrames(const std::string& location, int runs) {
    FrameSeries s;
    for (int run = 0; run < runs; ++run) {
        const FrameTimes t = firstFrame(location);
        if (!t.ok) return gis::makeError(gis::ErrorCode::Io, std::string("first frame of ") + gis::store::maskSecrets(location) + ": " + t.error);
        s.glInit.push_back(t.glInit);
        s.figures.push_back(t.figures);
        s.map.push_back(t.map);
        s.view.push_back(t.view);
        s.mesh.push_back(t.mesh);
        s.draw.push_back(t.draw);
        s.total.push_back(t.total);
    }
    return s;
}

int failWith(const std::string& message) {
    std::fprintf(stderr, "pg_store_bench: %s\n", gis::store::maskSecrets(message).c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: pg_store_bench NATIONAL.gpkg WORKDIR PG:…dbname=A [PG:…dbname=B …]\n");
        return 2;
    }
    const std::string national = argv[1];
    const std::filesystem::path workdir = argv[2];
    std::vector<std::string> databases(argv + 3, argv + argc);
    constexpr int kRuns = 3;
    std::filesystem::create_directories(workdir);
    const std::string gpkg = (workdir / "national-load.gpkg").string();
    std::filesystem::remove(gpkg);

    auto start = Clock::now();
    if (auto units = bench::buildNationalUnits(gpkg, national); !units) return failWith(units.error().message);
    const double unitsMs = msSince(start);
    start = Clock::now();
    auto load = addNationalLoad(gpkg);
    if (!load) return failWith(load.error().message);
    std::printf("GeoPackage built: units imported in %.1f s, the load written in %.1f s; %.0f MB\n", unitsMs / 1e3, msSince(start) / 1e3,
                static_cast<double>(std::filesystem::file_size(gpkg)) / 1e6);
    std::printf("  %lld assessments (%lld criterion results), %lld works, %lld villages, %lld plans, %lld disbursements\n",
                load->assessments, load->results, load->works, load->villages, load->plans, load->disbursements);
    std::fflush(stdout);

    // (a) The copy into each empty database.
    std::vector<double> copyMs, copyRowsMs;
    gis::store::CopyReport copied;
    for (const std::string& database : databases) {
        start = Clock::now();
        double rowsDone = 0;
        auto report = gis::store::copyProject(gpkg, database, [&](const std::string&, long long) { rowsDone = msSince(start); });
        if (!report) return failWith(report.error().message);
        copyMs.push_back(msSince(start));
        copyRowsMs.push_back(rowsDone);
        copied = *report;
        std::printf("copy into %s: %.1f s (%d tables, %lld rows; rows written after %.1f s, the rest is commit and the comparison of both dumps)\n",
                    gis::store::projectShortName(database).c_str(), copyMs.back() / 1e3, copied.tables, copied.rows, rowsDone / 1e3);
        std::fflush(stdout);
    }
    const std::string pg = databases.front();

    // The province with the most communes: the heaviest scoped summary.
    std::string province, provinceName;
    std::size_t provinceCommunes = 0;
    {
        auto db = gis::store::openProject(gpkg, false);
        if (!db) return failWith(db.error().message);
        auto data = gis::store::loadProjectData(*db, false);
        if (!data) return failWith(data.error().message);
        std::map<std::string, std::string> parent;
        std::map<std::string, std::string> names;
        for (const auto& u : data->units) {
            parent[u.code] = u.parentCode;
            names[u.code] = u.name;
        }
        std::map<std::string, std::size_t> communes;
        for (const auto& u : data->units)
            if (u.level == "commune") ++communes[parent[parent[u.code]]];
        for (const auto& [code, count] : communes)
            if (count > provinceCommunes) {
                province = code;
                provinceCommunes = count;
            }
        provinceName = names[province];
    }
    std::printf("province: %s (code %s, %zu communes)\n", provinceName.c_str(), province.c_str(), provinceCommunes);

    // (b), (d) Summaries.
    std::map<std::string, SummaryTimes> provinceSummary, countrySummary;
    for (const std::string& location : {pg, gpkg}) {
        auto p = timeSummary(location, province, kRuns);
        if (!p) return failWith(p.error().message);
        auto c = timeSummary(location, "", kRuns);
        if (!c) return failWith(c.error().message);
        provinceSummary[location] = *p;
        countrySummary[location] = *c;
    }
    // (c), (d) First frames.
    std::map<std::string, FrameSeries> frames;
    for (const std::string& location : {pg, gpkg}) {
        auto f = timeFirstFrames(location, kRuns);
        if (!f) return failWith(f.error().message);
        frames[location] = *f;
    }

    auto summaryCells = [](const SummaryTimes& t) {
        return range(t.total) + " ms (open " + range(t.open) + ", load " + range(t.load) + ", compute " + range(t.compute) + "; " +
               std::to_string(t.units) + " units, " + std::to_string(t.assessments) + " assessments read)";
    };
    auto frameCells = [](const FrameSeries& f) {
        return range(f.total) + " ms (dashboard read " + range(f.figures) + ", map read " + range(f.map) + ", first view " + range(f.view) +
               ", mesh " + range(f.mesh) + ", draw " + range(f.draw) + "; GL context and shaders before it " + range(f.glInit) + ")";
    };
    std::printf("\n| what (median of %d, min–max) | PostgreSQL/PostGIS | GeoPackage | aim |\n|---|---|---|---|\n", kRuns);
    auto seconds = [](const std::vector<double>& ms) {
        std::vector<double> s;
        for (double v : ms) s.push_back(v / 1e3);
        return range(s, "%.1f");
    };
    std::printf("| copy GeoPackage → PostgreSQL (%lld rows, %d tables; %zu copies) | %s s (rows written %s s, then commit and comparison) | — | |\n",
                copied.rows, copied.tables, copyMs.size(), seconds(copyMs).c_str(), seconds(copyRowsMs).c_str());
    std::printf("| summary of one province (%s, %zu communes) | %s | %s | < 100 ms |\n", provinceName.c_str(), provinceCommunes,
                summaryCells(provinceSummary[pg]).c_str(), summaryCells(provinceSummary[gpkg]).c_str());
    std::printf("| summary of the whole country | %s | %s | |\n", summaryCells(countrySummary[pg]).c_str(), summaryCells(countrySummary[gpkg]).c_str());
    std::printf("| first frame, 1920×1080: open + read + mesh + draw | %s | %s | < 1 s |\n", frameCells(frames[pg]).c_str(),
                frameCells(frames[gpkg]).c_str());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("\npeak memory of the bench process (not the first-frame children): %.0f MB\n", usage.ru_maxrss / 1024.0);
    // NTM_BENCH_KEEP=1 keeps the GeoPackage in WORKDIR (to look into a figure afterwards).
    if (const char* keep = std::getenv("NTM_BENCH_KEEP"); keep == nullptr || std::string(keep) != "1") std::filesystem::remove(gpkg);
    return 0;
}
