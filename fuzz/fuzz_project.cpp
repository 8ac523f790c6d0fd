#include "fuzz/fuzz_project.hpp"

#include <cpl_error.h>
#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "fuzz/fuzz_checks.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/figures/summary.hpp"
#include "gis/figures/summary_json.hpp"
#include "gis/figures/unit_tree.hpp"
#include "gis/importer/demo_import.hpp"
#include "gis/importer/importer.hpp"
#include "gis/planning/facility_distance.hpp"
#include "gis/planning/gap_analysis.hpp"
#include "gis/store/history.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"

namespace fs = std::filesystem;

namespace fuzz {
namespace {

void removeScratch() {
    std::error_code ignored;
    fs::remove_all(scratchDir(), ignored);
}

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz: %s\n", what.c_str());
    std::abort();
}

std::string makeTemplate(bool demo) {
    const std::string path = scratchDir() + (demo ? "/template-demo.gpkg" : "/template-empty.gpkg");
    if (auto status = gis::store::createProject(path); !status) fail("cannot create the template project: " + status.error().message);
    if (demo)
        if (auto made = gis::importer::importDemoDistrict(path); !made) fail("cannot fill the demo project: " + made.error().message);
    std::string bytes = readFile(path);
    if (bytes.empty()) fail("cannot read the template project back");
    return bytes;
}

/// The fixed date of the figures, so a run does not depend on the day it runs.
constexpr const char* kAsOf = "2025-06-30";

}  // namespace

const std::string& scratchDir() {
    // Never destroyed: removeScratch runs at exit, after the destructors of function statics made later.
    static const std::string& dir = *new std::string([] {
        // GDAL's and our messages about the fuzzed files are expected: keep the fuzzer's output readable.
        CPLSetErrorHandler(CPLQuietErrorHandler);
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/ntm-fuzz-XXXXXX";
        if (mkdtemp(pattern.data()) == nullptr) fail("cannot make a scratch directory");
        std::atexit(removeScratch);
        return pattern;
    }());
    return dir;
}

std::string writeScratch(const std::string& name, std::string_view bytes) {
    const std::string path = scratchDir() + "/" + name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) fail("cannot write " + path);
    return path;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::string& emptyProjectBytes() {
    static const std::string bytes = makeTemplate(false);
    return bytes;
}

const std::string& demoProjectBytes() {
    static const std::string bytes = makeTemplate(true);
    return bytes;
}

std::string freshProject(std::string_view bytes) {
    const fs::path dir = fs::path(scratchDir()) / "run";
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    fs::create_directory(dir);
    const std::string path = (dir / "project.gpkg").string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) fail("cannot write " + path);
    return path;
}

void importAndCheck(const std::string& templateBytes, const std::string& kind, std::string_view input,
                    const std::string& extension, const gis::importer::ImportOptions& options) {
    const std::string project = freshProject(templateBytes);
    const std::string file = writeScratch("input." + extension, input);
    auto report = gis::importer::importFile(project, kind, file, options);
    if (!report) {
        require(readFile(project) == templateBytes, "a failed import changed the project file");
        return;
    }
    require(report->recordsWritten >= 0 && report->rowsRead >= 0, "an import reported negative counts");
    auto db = gis::store::openProject(project, false);
    if (!db) fail("the project does not open after a successful import: " + db.error().message);
    require(db->queryText("PRAGMA integrity_check").value_or("") == "ok", "the project fails PRAGMA integrity_check after an import");
    require(!db->queryText("PRAGMA foreign_key_check").has_value(), "the project fails PRAGMA foreign_key_check after an import");
    const bool geometry = kind == "units" || kind == "infrastructure";
    auto data = gis::store::loadProjectData(*db, geometry);
    if (!data) fail("the project does not load after a successful import: " + data.error().message);
    gis::figures::SummaryOptions summaryOptions;
    summaryOptions.asOf = kAsOf;
    auto summary = gis::figures::computeSummary(*data, summaryOptions);
    if (!summary) fail("no summary after a successful import: " + summary.error().message);
    requireUtf8(gis::figures::summariesToJson(*summary), "the summary JSON after an import is not UTF-8");
}

bool loadAndFigure(const std::string& path) {
    auto db = gis::store::openProject(path, false);
    if (!db) return false;
    auto data = gis::store::loadProjectData(*db, true);
    (void)gis::store::loadBookmarks(*db);
    (void)gis::store::loadHistory(*db);
    if (!data) return true;
    const gis::figures::UnitTree tree(data->units);
    for (std::size_t unit : tree.postOrder()) (void)tree.pathTo(unit);
    gis::figures::SummaryOptions summaryOptions;
    summaryOptions.asOf = kAsOf;
    if (auto summary = gis::figures::computeSummary(*data, summaryOptions))
        requireUtf8(gis::figures::summariesToJson(*summary), "the summary JSON of a loaded project is not UTF-8");
    gis::planning::GapOptions gapOptions;
    gapOptions.asOf = kAsOf;
    (void)gis::planning::computeGaps(path, gapOptions);
    gis::planning::FacilityOptions facilities;
    facilities.workType = "school";
    facilities.maxKm = 5;
    (void)gis::planning::computeFacilityDistances(*data, facilities);
    (void)gis::figures::loadProjectMapLayers(path, kAsOf);
    return true;
}

}  // namespace fuzz
