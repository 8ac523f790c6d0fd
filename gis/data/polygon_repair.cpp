#include "gis/data/polygon_repair.hpp"

#include <cmath>

#include "gis/data/geos_support.hpp"

namespace gis::data {
namespace {

bool allFinite(const std::vector<Polygon>& polygons) {
    for (const Polygon& p : polygons)
        for (const Ring& r : p.rings)
            for (const Vec2& v : r)
                if (!std::isfinite(v.x) || !std::isfinite(v.y)) return false;
    return true;
}

}  // namespace

RepairResult validateAndRepair(std::vector<Polygon>& polygons) {
    if (polygons.empty()) return {RepairOutcome::Failed, "no polygon"};
    if (!allFinite(polygons)) return {RepairOutcome::Failed, "non-finite coordinates"};
    for (const Polygon& p : polygons)
        if (p.rings.empty() || p.rings[0].size() < 3)
            return {RepairOutcome::Failed, "a polygon ring has fewer than 3 distinct vertices"};

    GEOSContextHandle_t ctx = geosContext();
    GeosPtr geometry = toGeosPolygons(polygons);
    if (!geometry) return {RepairOutcome::Failed, "GEOS could not build the polygon"};
    const char valid = GEOSisValid_r(ctx, geometry.get());
    if (valid == 1) return {RepairOutcome::Valid, {}};

    RepairResult result{RepairOutcome::Repaired, {}};
    if (char* reason = GEOSisValidReason_r(ctx, geometry.get())) {
        result.reason = reason;
        GEOSFree_r(ctx, reason);
    }
    // The default "linework" method keeps every piece of area the rings enclose (a bowtie
    // becomes two triangles), which is what a map user expects to still see.
    GeosPtr repaired(GEOSMakeValid_r(ctx, geometry.get()));
    std::vector<Polygon> fixed;
    if (repaired) appendPolygons(repaired.get(), fixed);
    if (fixed.empty()) {
        result.outcome = RepairOutcome::Failed;
        result.reason += result.reason.empty() ? "repair left no area" : "; repair left no area";
        return result;
    }
    polygons = std::move(fixed);
    return result;
}

}  // namespace gis::data
