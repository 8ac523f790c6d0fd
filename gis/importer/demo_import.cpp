#include "gis/importer/demo_import.hpp"

#include <memory>

#include <ogr_geometry.h>

#include "gis/demo/demo_district.hpp"
#include "gis/importer/value_vocabulary.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"

namespace gis::importer {
namespace {

std::unique_ptr<OGRLinearRing> toRing(const Ring& ring) {
    auto out = std::make_unique<OGRLinearRing>();
    for (const Vec2& p : ring) out->addPoint(p.x, p.y);
    if (!ring.empty()) out->addPoint(ring.front().x, ring.front().y);  // our rings are open; WKB rings are closed
    return out;
}

std::unique_ptr<OGRGeometry> toOgr(const Geometry& g) {
    switch (g.kind) {
        case GeometryKind::Point: {
            if (g.points.size() == 1) return std::make_unique<OGRPoint>(g.points[0].x, g.points[0].y);
            auto multi = std::make_unique<OGRMultiPoint>();
            for (const Vec2& p : g.points) multi->addGeometryDirectly(new OGRPoint(p.x, p.y));
            return multi;
        }
        case GeometryKind::Line: {
            auto multi = std::make_unique<OGRMultiLineString>();
            for (const LineString& line : g.lines) {
                auto ls = std::make_unique<OGRLineString>();
                for (const Vec2& p : line) ls->addPoint(p.x, p.y);
                multi->addGeometryDirectly(ls.release());
            }
            if (multi->getNumGeometries() == 1) return std::unique_ptr<OGRGeometry>(multi->getGeometryRef(0)->clone());
            return multi;
        }
        case GeometryKind::Polygon: {
            auto multi = std::make_unique<OGRMultiPolygon>();
            for (const Polygon& polygon : g.polygons) {
                auto poly = std::make_unique<OGRPolygon>();
                for (const Ring& ring : polygon.rings) poly->addRingDirectly(toRing(ring).release());
                multi->addGeometryDirectly(poly.release());
            }
            if (multi->getNumGeometries() == 1) return std::unique_ptr<OGRGeometry>(multi->getGeometryRef(0)->clone());
            return multi;
        }
        case GeometryKind::None: break;
    }
    return nullptr;
}

}  // namespace

std::vector<std::uint8_t> geometryToGpkg(const Geometry& geometry) {
    const auto ogr = toOgr(geometry);
    if (!ogr) return {};
    return store::encodeGpkgGeometry(*ogr, 4326);
}

Result<ImportBatch> demoBatch(const demo::DemoDistrict& district, const std::vector<store::Programme>& programmes) {
    ImportBatch batch;
    for (const demo::DemoUnit& u : district.units) {
        model::Unit unit;
        unit.code = u.code;
        unit.name = u.name;
        unit.level = u.level;
        unit.type = u.type;
        unit.parentCode = u.parentCode;
        if (u.population > 0) unit.population = u.population;
        if (u.areaKm2 > 0) unit.areaKm2 = u.areaKm2;
        unit.geometry = geometryToGpkg(u.geometry);
        unit.source = demo::kDemoMarker;
        batch.units.push_back(std::move(unit));
    }
    for (const demo::DemoAssessment& a : district.assessments) {
        model::Assessment out;
        out.unitCode = a.unitCode;
        out.setId = a.setId;
        out.asOf = a.asOf;
        out.criteriaMet = a.criteriaMet;
        out.criteriaTotal = a.criteriaTotal;
        out.detailed = a.detailed;
        out.source = demo::kDemoMarker;
        if (a.detailed) {
            for (int n = 1; n <= a.criteriaTotal; ++n) {
                model::CriterionResult r{n, model::CriterionStatus::NotMet, ""};
                for (int m : a.met) if (m == n) r.status = model::CriterionStatus::Met;
                for (int m : a.inProgress) if (m == n) r.status = model::CriterionStatus::InProgress;
                out.results.push_back(r);
            }
        }
        batch.assessments.push_back(std::move(out));
    }
    for (const demo::DemoMoney& m : district.money) {
        const std::string programme = programmeIdOf(m.programmeId, programmes);
        if (programme.empty()) return makeError(ErrorCode::BadInput, "demo data names an unknown programme '" + m.programmeId + "'");
        batch.plans.push_back({m.unitCode, programme, m.year, m.capitalType, static_cast<std::int64_t>(m.planVnd), demo::kDemoMarker});
        // The demo's disbursement is the running total at its date.
        batch.disbursements.push_back({m.unitCode, programme, m.year, m.capitalType, m.date, static_cast<std::int64_t>(m.disbursedVnd),
                                       true, demo::kDemoMarker});
    }
    for (const demo::DemoInfrastructure& i : district.infrastructure) {
        model::InfrastructureItem item;
        item.type = i.type;
        item.name = i.name;
        item.status = i.status;
        if (i.budgetVnd > 0) item.budgetVnd = static_cast<std::int64_t>(i.budgetVnd);
        item.startDate = i.startDate;
        item.deadline = i.deadline;
        item.department = i.department;
        item.unitCode = i.unitCode;
        item.geometry = geometryToGpkg(i.geometry);
        item.source = demo::kDemoMarker;
        batch.infrastructure.push_back(std::move(item));
    }
    for (const demo::DemoTask& t : district.tasks)
        batch.tasks.push_back({t.text, t.responsible, t.unitCode, t.deadline, t.status, "", t.sourceDocument});
    for (const demo::DemoIndicator& i : district.indicators) batch.indicators.push_back({i.unitCode, i.name, i.year, i.value});
    return batch;
}

Result<std::string> importDemoDistrict(const std::string& projectPath, std::uint32_t seed) {
    auto db = store::openProject(projectPath, true);
    if (!db) return db.error();
    auto project = store::loadProjectData(*db, false);
    if (!project) return project.error();
    const demo::DemoDistrict district = demo::generateDemoDistrict(seed);
    auto batch = demoBatch(district, project->programmes);
    if (!batch) return batch.error();
    if (auto status = writeBatch(*db, *batch, "demo", demo::kDemoMarker, "", 0); !status) return status.error();
    return std::string(demo::kDemoMarker) + ": " + std::to_string(district.units.size()) + " units, " +
           std::to_string(district.assessments.size()) + " assessments, " + std::to_string(district.infrastructure.size()) +
           " works, " + std::to_string(district.tasks.size()) + " tasks";
}

}  // namespace gis::importer
