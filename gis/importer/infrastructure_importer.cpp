// `import infrastructure`: works as points or lines (from a vector layer, or lon/lat columns).
#include <memory>

#include <ogr_spatialref.h>

#include "gis/importer/cell_values.hpp"
#include "gis/importer/geometry_checks.hpp"
#include "gis/importer/importer_kinds.hpp"
#include "gis/importer/value_vocabulary.hpp"
#include "gis/store/gpkg_geometry.hpp"

namespace gis::importer {
namespace {

/// Point from coordinate columns, in WGS 84; problems are reported on the row.
std::unique_ptr<OGRGeometry> pointFromColumns(RowScope& scope, const ImportOptions& options) {
    const bool geographic = !scope.cell("lon").empty() || !scope.cell("lat").empty();
    const std::string xKey = geographic ? "lon" : "easting";
    const std::string yKey = geographic ? "lat" : "northing";
    if (scope.cell(xKey).empty() && scope.cell(yKey).empty()) return nullptr;
    const auto x = parseNumber(scope.cell(xKey));
    const auto y = parseNumber(scope.cell(yKey));
    if (!x) scope.problem(xKey, "not a coordinate");
    if (!y) scope.problem(yKey, "not a coordinate");
    if (!x || !y) return nullptr;
    auto point = std::make_unique<OGRPoint>(*x, *y);
    if (options.sourceSrs.empty()) {
        if (!geographic) {
            scope.problem(xKey, "projected coordinates need --s-srs (e.g. EPSG:9209)");
            return nullptr;
        }
        if (*x < -180 || *x > 180 || *y < -90 || *y > 90) {
            scope.problem(xKey, "longitude/latitude out of range");
            return nullptr;
        }
        return point;
    }
    OGRSpatialReference source, wgs84;
    if (source.SetFromUserInput(options.sourceSrs.c_str()) != OGRERR_NONE) {
        scope.problem(xKey, "--s-srs " + options.sourceSrs + " is not a CRS");
        return nullptr;
    }
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&source, &wgs84));
    if (!ct || point->transform(ct.get()) != OGRERR_NONE) {
        scope.problem(xKey, "cannot reproject the coordinates from " + options.sourceSrs);
        return nullptr;
    }
    return point;
}

}  // namespace

void planInfrastructure(ImportContext& ctx, ImportBatch& batch) {
    if (!ctx.binding.has("name")) {
        ctx.problems.addGeneral(ctx.table.label(), "no name column ('Tên công trình'; or --map name=FIELD)");
        return;
    }
    for (const SourceRow& row : ctx.table.rows) {
        RowScope scope(ctx, row);
        model::InfrastructureItem item;
        item.source = ctx.table.file;
        item.name = scope.text("name");
        if (item.name.empty()) scope.problem("name", "empty name");
        const std::string who = item.name.empty() ? std::string() : "'" + item.name + "': ";
        std::unique_ptr<OGRGeometry> fromColumns;
        const OGRGeometry* geometry = row.geometry.get();
        if (!row.geometryProblem.empty()) scope.problem("", who + row.geometryProblem);
        if (geometry == nullptr && row.geometryProblem.empty()) {
            fromColumns = pointFromColumns(scope, ctx.options);
            geometry = fromColumns.get();
        }
        std::vector<std::string> warnings;
        if (geometry != nullptr && geometry->IsEmpty()) {
            // Stored as none: the writer then keeps the work's earlier position, if it has one.
            warnings.push_back(ctx.table.label() + ", " + row.location + ": " + who + "empty geometry, imported without a position");
            geometry = nullptr;
        } else if (geometry != nullptr) {
            GeometryVerdict verdict = checkImportGeometry(*geometry, ShapeKind::PointOrLine, row.geometry ? ctx.table.crsArea : std::nullopt);
            if (!verdict.problem.empty()) {
                scope.problem("", who + verdict.problem);
                geometry = nullptr;
            } else {
                if (!verdict.warning.empty()) warnings.push_back(ctx.table.label() + ", " + row.location + ": " + who + verdict.warning);
                item.geometry = store::encodeGpkgGeometry(*verdict.geometry, 4326);
            }
        }
        item.type = infrastructureTypeOf(scope.text("type"));
        if (item.type.empty()) {
            const bool line = geometry != nullptr && (wkbFlatten(geometry->getGeometryType()) == wkbLineString ||
                                                      wkbFlatten(geometry->getGeometryType()) == wkbMultiLineString);
            if (line)
                item.type = "road";  // a line layer without a type column is a road layer
            else
                scope.problem("type", "no infrastructure type (Loại công trình; e.g. nhà văn hóa, trạm y tế, điểm tập kết rác)");
        }
        item.status = infrastructureStatusOf(scope.text("status"));
        if (item.status.empty())
            scope.problem("status", "unknown status: expected planned / under construction / completed (Kế hoạch, Đang thi công, Hoàn thành)");
        item.budgetVnd = scope.money("budget");
        item.startDate = scope.date("start_date", "", false);
        item.deadline = scope.date("deadline", "", false);
        item.department = scope.text("department");
        if (const model::Unit* unit = scope.matchUnit("", false); unit != nullptr) item.unitCode = unit->code;
        if (scope.finish()) {
            batch.infrastructure.push_back(std::move(item));
            batch.warnings.insert(batch.warnings.end(), warnings.begin(), warnings.end());
        }
    }
}

}  // namespace gis::importer
