#include "bench/national_project.hpp"

#include <ogr_geometry.h>

#include <cstdio>
#include <functional>
#include <map>
#include <vector>

#include "gis/importer/importer.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/project_writer.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/transaction.hpp"

namespace bench {
namespace {

bool importUnits(const std::string& project, const std::string& national, const std::string& layer, const std::string& level,
                 std::map<std::string, std::string> columns, const std::string& where = "") {
    gis::importer::ImportOptions options;
    options.layer = layer;
    options.level = level;
    options.columnMap = std::move(columns);
    options.where = where;
    auto report = gis::importer::importFile(project, "units", national, options);
    if (!report) std::fprintf(stderr, "%s\n", report.error().message.c_str());
    return static_cast<bool>(report);
}

/// Prints a failed write's message; false, so `return report(...)` ends the build.
bool report(const gis::Status& status) {
    if (!status) std::fprintf(stderr, "%s\n", status.error().message.c_str());
    return static_cast<bool>(status);
}

int codeHash(const std::string& code) { return static_cast<int>(std::hash<std::string>{}(code) % 1000); }

/// A point inside a commune's bounding box, at a position derived from `k`, as a GeoPackage blob.
std::vector<std::uint8_t> pointIn(const OGREnvelope& box, int k) {
    const double fx = 0.2 + 0.6 * ((k * 37) % 100) / 100.0, fy = 0.2 + 0.6 * ((k * 61) % 100) / 100.0;
    OGRPoint point(box.MinX + fx * (box.MaxX - box.MinX), box.MinY + fy * (box.MaxY - box.MinY));
    return gis::store::encodeGpkgGeometry(point, 4326);
}

/// Every commune's assessments, every district's plan and disbursement per year, works and
/// villages, in one transaction.
bool addFigures(const std::string& project, const NationalScale& scale) {
    auto db = gis::store::openProject(project, true);
    if (!db) return report(db.error());
    auto data = gis::store::loadProjectData(*db, true);
    if (!data) return report(data.error());
    std::vector<std::pair<const gis::model::Unit*, OGREnvelope>> communes;
    for (const gis::model::Unit& unit : data->units) {
        if (unit.level != "commune") continue;
        OGREnvelope box;
        if (auto geometry = gis::store::decodeGpkgGeometry(unit.geometry)) geometry->getEnvelope(&box);
        communes.emplace_back(&unit, box);
    }
    gis::store::Transaction tx(*db);
    gis::store::ProjectWriter writer(*db);
    for (const gis::model::Unit& unit : data->units) {
        const int hash = codeHash(unit.code);
        for (int y = 0; y < scale.assessmentYears; ++y) {
            const int year = 2024 - y;
            if (unit.level == "commune") {
                gis::model::Assessment a;
                a.unitCode = unit.code;
                a.setId = year >= 2021 ? "ntm_xa_2021_2025" : "ntm_xa_2016_2020";
                a.asOf = std::to_string(year) + "-12-31";
                a.criteriaMet = std::max(5, 9 + hash % 11 - y);
                a.criteriaTotal = 19;
                if (auto st = writer.putAssessment(a); !st) return report(st);
            } else if (unit.level == "district") {
                if (auto st = writer.upsertCapitalPlan({unit.code, "ntp_ntm_2021_2025", year, "", 10'000'000'000, "bench"}); !st) return report(st);
                if (auto st = writer.upsertDisbursement({unit.code, "ntp_ntm_2021_2025", year, "", std::to_string(year) + "-12-31",
                                                         1'000'000'000LL * ((hash + y) % 10), false, "bench"});
                    !st)
                    return report(st);
            }
        }
    }
    static const char* kTypes[] = {"road", "waste_site", "cultural_house", "school", "clean_water", "health_station"};
    static const char* kStatuses[] = {"planned", "under_construction", "completed"};
    for (int k = 0; k < scale.works && !communes.empty(); ++k) {
        const auto& [unit, box] = communes[static_cast<std::size_t>(k) % communes.size()];
        gis::model::InfrastructureItem item;
        item.type = kTypes[k % 6];
        item.name = "Công trình " + std::to_string(k + 1);
        item.status = kStatuses[(k / 6) % 3];
        item.budgetVnd = 500'000'000LL * (1 + k % 7);
        item.deadline = "2025-0" + std::to_string(1 + k % 9) + "-15";
        item.department = "Phòng Kinh tế";
        item.unitCode = unit->code;
        item.geometry = pointIn(box, k);
        item.source = "bench";
        if (auto st = writer.upsertInfrastructure(item); !st) return report(st);
    }
    for (int k = 0; k < scale.villages && !communes.empty(); ++k) {
        const auto& [unit, box] = communes[static_cast<std::size_t>(k) % communes.size()];
        gis::model::Unit village;
        village.code = unit->code + "-" + std::to_string(k / communes.size() + 1);
        village.name = "Thôn " + std::to_string(k / communes.size() + 1);
        village.level = "village";
        village.type = "thon";
        village.parentCode = unit->code;
        village.population = 300 + k % 900;
        village.geometry = pointIn(box, k + 17);
        village.source = "bench";
        if (auto st = writer.upsertUnit(village); !st) return report(st);
    }
    return report(tx.commit());
}

}  // namespace

bool buildNationalProject(const std::string& project, const std::string& national, const NationalScale& scale) {
    // The layer's own ids build the tree: its GSO codes have gaps and repeats (see SOURCE.md).
    if (!gis::store::createProject(project) ||
        !importUnits(project, national, "provinces", "province", {{"code", "province_id"}, {"name", "province_vn"}}) ||
        !importUnits(project, national, "districts", "district", {{"code", "district_id"}, {"name", "district_vn"}, {"parent_code", "province_id"}}) ||
        !importUnits(project, national, "communes", "commune", {{"code", "commune_id"}, {"name", "commune_vn"}, {"parent_code", "district_id"}},
                     "commune_vn IS NOT NULL AND commune_vn <> ''") ||
        !addFigures(project, scale)) {
        std::fprintf(stderr, "could not build the national project\n");
        return false;
    }
    return true;
}

}  // namespace bench
