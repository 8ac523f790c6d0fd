#include "gis/planning/facility_distance.hpp"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>

#include "gis/figures/unit_tree.hpp"
#include "gis/model/json_writer.hpp"
#include "gis/planning/nearest_site.hpp"
#include "gis/planning/work_location.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/schema.hpp"

namespace gis::planning {
namespace {

constexpr double kLineSampleMetres = 25.0;

/// The sites a work offers: its point, or its line's vertices plus points every 25 m between them.
void appendSites(const OGRGeometry& geometry, std::size_t work, std::vector<LonLat>& sites, std::vector<std::size_t>& workOf) {
    const auto type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPoint) {
        const auto& p = *geometry.toPoint();
        sites.push_back({p.getX(), p.getY()});
        workOf.push_back(work);
    } else if (type == wkbLineString) {
        const auto& line = *geometry.toLineString();
        for (int i = 0; i < line.getNumPoints(); ++i) {
            const LonLat a{line.getX(i), line.getY(i)};
            sites.push_back(a);
            workOf.push_back(work);
            if (i + 1 == line.getNumPoints()) break;
            const LonLat b{line.getX(i + 1), line.getY(i + 1)};
            const int steps = static_cast<int>(std::ceil(geodesicMetres(a, b) / kLineSampleMetres));
            // Linear in degrees between two vertices a few hundred metres apart: far below the sampling error.
            for (int s = 1; s < steps; ++s) {
                const double t = static_cast<double>(s) / steps;
                sites.push_back({a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)});
                workOf.push_back(work);
            }
        }
    } else if (OGR_GT_IsSubClassOf(wkbFlatten(geometry.getGeometryType()), wkbGeometryCollection)) {
        // By type, not dynamic_cast: GDAL's typeinfo would be needed at start (gdal_library.hpp).
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) appendSites(*part, work, sites, workOf);
    }
}

std::optional<LonLat> positionOf(const model::Unit& unit) {
    const auto geometry = store::decodeGpkgGeometry(unit.geometry);
    if (!geometry || geometry->IsEmpty()) return std::nullopt;
    if (wkbFlatten(geometry->getGeometryType()) == wkbPoint) return LonLat{geometry->toPoint()->getX(), geometry->toPoint()->getY()};
    // A village drawn as a polygon: a point certainly inside it (a centroid may fall outside).
    OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(geometry.get()));
    if (inside == nullptr) return std::nullopt;
    const LonLat at{OGR_G_GetX(inside, 0), OGR_G_GetY(inside, 0)};
    OGR_G_DestroyGeometry(inside);
    return at;
}

void villagesUnder(const figures::UnitTree& tree, std::size_t unit, std::vector<std::size_t>& out) {
    if (tree.units()[unit].level == "village") out.push_back(unit);
    for (std::size_t child : tree.children(unit)) villagesUnder(tree, child, out);
}

}  // namespace

Result<DistanceReport> computeFacilityDistances(const store::ProjectData& project, const FacilityOptions& options) {
    if (options.workType.empty()) return makeError(ErrorCode::BadInput, "--type: give a work type (school, health_station, market …)");
    if (options.maxKm && !(*options.maxKm >= 0 && std::isfinite(*options.maxKm)))
        return makeError(ErrorCode::BadInput, "--max-km: expected a distance of 0 km or more");
    const figures::UnitTree tree(project.units);
    std::vector<std::size_t> villages;
    if (options.unitCode.empty()) {
        for (std::size_t i = 0; i < project.units.size(); ++i)
            if (project.units[i].level == "village") villages.push_back(i);
    } else {
        const auto unit = tree.find(options.unitCode);
        if (!unit) return makeError(ErrorCode::NotFound, "--unit " + options.unitCode + ": no unit with that code in the project");
        villagesUnder(tree, *unit, villages);
    }

    DistanceReport report;
    report.options = options;
    std::vector<LonLat> sites;
    std::vector<std::size_t> workOf;
    for (std::size_t w = 0; w < project.infrastructure.size(); ++w) {
        const model::InfrastructureItem& work = project.infrastructure[w];
        if (work.type != options.workType || (!options.anyStatus && work.status != "completed")) continue;
        const auto geometry = store::decodeGpkgGeometry(work.geometry);
        if (!geometry || geometry->IsEmpty()) continue;  // a work without a position cannot be measured to
        ++report.worksConsidered;
        appendSites(*geometry, w, sites, workOf);
    }
    const NearestSite index(std::move(sites));

    for (std::size_t v : villages) {
        const model::Unit& unit = project.units[v];
        VillageDistance d;
        d.unitCode = unit.code;
        d.unitName = unit.name;
        if (const auto commune = communeAtOrAbove(tree, v)) {
            d.communeCode = project.units[*commune].code;
            d.communeName = project.units[*commune].name;
        }
        if (const auto at = positionOf(unit)) {
            d.positioned = true;
            d.lon = at->lon;
            d.lat = at->lat;
            if (const auto hit = index.nearest(*at)) {
                const model::InfrastructureItem& work = project.infrastructure[workOf[hit->site]];
                d.distanceM = hit->metres;
                d.workId = work.id;
                d.workName = work.name;
                d.workStatus = work.status;
                d.workUnitCode = work.unitCode;
            }
            if (options.maxKm) d.beyond = !d.distanceM || *d.distanceM > *options.maxKm * 1000.0;
        }
        report.beyondCount += d.beyond ? 1 : 0;
        report.villages.push_back(std::move(d));
    }
    auto rank = [](const VillageDistance& d) { return !d.positioned ? 2 : !d.distanceM ? 0 : 1; };
    std::stable_sort(report.villages.begin(), report.villages.end(), [&](const VillageDistance& a, const VillageDistance& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (a.distanceM && b.distanceM && *a.distanceM != *b.distanceM) return *a.distanceM > *b.distanceM;
        return a.unitCode < b.unitCode;
    });
    for (std::size_t i = 0; i < report.villages.size(); ++i) report.byUnit[report.villages[i].unitCode] = i;
    return report;
}

Result<DistanceReport> computeFacilityDistances(const std::string& projectPath, const FacilityOptions& options) {
    auto db = store::openProject(projectPath, false);
    if (!db) return db.error();
    auto data = store::loadProjectData(*db, true);
    if (!data) return data.error();
    return computeFacilityDistances(*data, options);
}

std::string distancesToJson(const DistanceReport& report) {
    model::JsonWriter w;
    w.beginArray();
    for (const VillageDistance& d : report.villages) {
        w.beginObject();
        w.key("unit_code").value(d.unitCode);
        w.key("unit_name").value(d.unitName);
        w.key("commune_code");
        if (d.communeCode.empty()) w.null(); else w.value(d.communeCode);
        w.key("commune_name");
        if (d.communeName.empty()) w.null(); else w.value(d.communeName);
        w.key("lon");
        if (d.positioned) w.value(d.lon, 6); else w.null();
        w.key("lat");
        if (d.positioned) w.value(d.lat, 6); else w.null();
        w.key("work_type").value(report.options.workType);
        w.key("any_status").value(report.options.anyStatus);
        w.key("distance_m");
        if (d.distanceM) w.value(*d.distanceM, 1); else w.null();
        w.key("nearest");
        if (d.distanceM) {
            w.beginObject();
            w.key("id").value(d.workId);
            w.key("name").value(d.workName);
            w.key("status").value(d.workStatus);
            w.key("unit_code");
            if (d.workUnitCode.empty()) w.null(); else w.value(d.workUnitCode);
            w.endObject();
        } else {
            w.null();
        }
        w.key("max_km");
        if (report.options.maxKm) w.value(*report.options.maxKm, 3); else w.null();
        w.key("beyond").value(d.beyond);
        w.endObject();
    }
    w.endArray();
    return w.str();
}

}  // namespace gis::planning
