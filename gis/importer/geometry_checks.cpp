#include "gis/importer/geometry_checks.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "gis/data/ogr_geometry_convert.hpp"
#include "gis/data/polygon_repair.hpp"
#include "gis/data/vector_reader.hpp"

namespace gis::importer {
namespace {

/// Vietnam with its islands, generously: the mainland spans about lon 102.1–109.5, lat 8.4–23.4;
/// Hoàng Sa and Trường Sa reach about lat 6–17.5 and lon 117.9. A margin of about half a degree
/// keeps border communes and survey slop in, while a swapped pair (latitude ≈ 105) is far out.
struct Box {
    double west, south, east, north;
};
constexpr Box kVietnam{101.5, 5.5, 118.5, 24.0};
/// A source CRS's area of use is a province or "onshore" box; data a little outside is normal.
constexpr double kAreaOfUseMarginDeg = 0.5;

std::string degrees(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

std::string describeBox(const OGREnvelope& e) {
    return "lon " + degrees(e.MinX) + "…" + degrees(e.MaxX) + ", lat " + degrees(e.MinY) + "…" + degrees(e.MaxY);
}

bool inside(const OGREnvelope& e, const Box& box, double margin = 0) {
    return e.MinX >= box.west - margin && e.MaxX <= box.east + margin && e.MinY >= box.south - margin && e.MaxY <= box.north + margin;
}

bool kindFits(OGRwkbGeometryType type, ShapeKind kind) {
    const bool area = type == wkbPolygon || type == wkbMultiPolygon;
    const bool point = type == wkbPoint || type == wkbMultiPoint;
    const bool line = type == wkbLineString || type == wkbMultiLineString;
    switch (kind) {
        case ShapeKind::Area: return area;
        case ShapeKind::AreaOrPoint: return area || point;
        case ShapeKind::PointOrLine: return point || line;
    }
    return false;
}

/// The polygons as an OGR multipolygon (closing each open ring again).
std::unique_ptr<OGRGeometry> toOgrMultiPolygon(const std::vector<Polygon>& polygons) {
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& polygon : polygons) {
        OGRPolygon part;
        for (const Ring& ring : polygon.rings) {
            OGRLinearRing linear;
            linear.setNumPoints(static_cast<int>(ring.size()));  // sized once: addPoint one by one is quadratic on huge rings
            for (std::size_t i = 0; i < ring.size(); ++i) linear.setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
            linear.closeRings();
            part.addRing(&linear);
        }
        multi->addGeometry(&part);
    }
    return multi;
}

/// Validity and area of polygonal geometry: repaired when GEOS can, refused when no area is left.
void checkPolygons(GeometryVerdict& verdict) {
    Geometry plain = data::convertOgrGeometry(verdict.geometry.get());
    if (plain.kind != GeometryKind::Polygon) {
        verdict.problem = "the polygon has no area (a ring of fewer than 3 distinct points)";
        return;
    }
    const data::RepairResult repair = data::validateAndRepair(plain.polygons);
    if (repair.outcome == data::RepairOutcome::Failed) {
        verdict.problem = "invalid polygon with no area that can be kept (" + repair.reason + "): a zero-area or collapsed ring";
        return;
    }
    if (repair.outcome == data::RepairOutcome::Repaired) {
        verdict.geometry = toOgrMultiPolygon(plain.polygons);
        verdict.warning = "invalid polygon (" + repair.reason + ") repaired with GEOS MakeValid; check its outline";
    }
    // A ring that goes out and back along a line is "valid" to GEOS when rounding leaves it a
    // sliver of 1e-15 deg²: no real unit covers a millionth of its own bounding box.
    OGREnvelope envelope;
    verdict.geometry->getEnvelope(&envelope);
    const double box = (envelope.MaxX - envelope.MinX) * (envelope.MaxY - envelope.MinY);
    const double area = wkbFlatten(verdict.geometry->getGeometryType()) == wkbPolygon ? verdict.geometry->toPolygon()->get_Area()
                                                                                      : verdict.geometry->toMultiPolygon()->get_Area();
    if (!(area > 1e-6 * box) || area <= 0) {
        verdict.warning.clear();
        verdict.problem = "the polygon has no area (a zero-area or collapsed ring)";
    }
}

}  // namespace

// Vertex by vertex: a NaN never fails a comparison, so an envelope alone would not tell. Lines and
// rings are read from their coordinate arrays: as an OGRPoint, a vertex at (NaN, NaN) counts as
// an empty point and would be passed over.
bool hasOnlyFiniteCoordinates(const OGRGeometry& geometry) {
    // By type, not with an OGR geometry visitor: a class of ours derived from one of GDAL's needs
    // its typeinfo when the program starts, and GDAL is loaded only when first used (gdal_library.hpp).
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPoint) {
        const OGRPoint* p = geometry.toPoint();
        return p->IsEmpty() || (std::isfinite(p->getX()) && std::isfinite(p->getY()));
    }
    if (type == wkbLineString || type == wkbLinearRing || type == wkbCircularString) {
        const OGRSimpleCurve* curve = geometry.toSimpleCurve();
        for (int i = 0; i < curve->getNumPoints(); ++i)
            if (!std::isfinite(curve->getX(i)) || !std::isfinite(curve->getY(i))) return false;
        return true;
    }
    if (type == wkbCompoundCurve) {
        for (const OGRCurve* part : *geometry.toCompoundCurve())
            if (!hasOnlyFiniteCoordinates(*part)) return false;
        return true;
    }
    if (OGR_GT_IsSubClassOf(type, wkbCurvePolygon)) {  // polygons and triangles too
        for (const OGRCurve* ring : *geometry.toCurvePolygon())
            if (!hasOnlyFiniteCoordinates(*ring)) return false;
        return true;
    }
    if (OGR_GT_IsSubClassOf(type, wkbPolyhedralSurface)) {  // TINs too
        for (const OGRPolygon* polygon : *geometry.toPolyhedralSurface())
            if (!hasOnlyFiniteCoordinates(*polygon)) return false;
        return true;
    }
    if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
        for (const OGRGeometry* part : *geometry.toGeometryCollection())
            if (!hasOnlyFiniteCoordinates(*part)) return false;
        return true;
    }
    return true;
}

GeometryVerdict checkImportGeometry(const OGRGeometry& wgs84, ShapeKind kind, const std::optional<CrsAreaOfUse>& area) {
    GeometryVerdict verdict;
    const OGRwkbGeometryType type = wkbFlatten(wgs84.getGeometryType());
    if (wgs84.IsEmpty()) {
        verdict.problem = "empty geometry";
        return verdict;
    }
    if (!kindFits(type, kind)) {
        verdict.problem = std::string("geometry is a ") + OGRGeometryTypeToName(wgs84.getGeometryType()) +
                          (kind == ShapeKind::Area          ? "; it must be a polygon"
                           : kind == ShapeKind::AreaOrPoint ? "; it must be a point or polygon"
                                                            : "; infrastructure must be a point or a line");
        return verdict;
    }
    if (!hasOnlyFiniteCoordinates(wgs84)) {
        verdict.problem = "coordinates that are not numbers (NaN or infinite)";
        return verdict;
    }
    if (const std::size_t vertices = data::countOgrVertices(&wgs84); vertices > data::kMaxFeatureVertices) {
        verdict.problem = "the shape has " + std::to_string(vertices) + " vertices; at most " + std::to_string(data::kMaxFeatureVertices) +
                          " per feature are accepted: simplify it first (e.g. ogr2ogr -simplify 0.00001)";
        return verdict;
    }
    OGREnvelope envelope;
    wgs84.getEnvelope(&envelope);
    // Latitudes where Vietnam's longitudes should be and the other way round: the classic
    // lat/lon column mix-up, or a CRS axis order read the wrong way.
    const bool swapped = envelope.MinY >= kVietnam.west && envelope.MaxY <= kVietnam.east && envelope.MinX >= kVietnam.south &&
                         envelope.MaxX <= kVietnam.north;
    if (swapped) {
        verdict.problem = "longitude and latitude look swapped (" + describeBox(envelope) +
                          "): Vietnam is at lon 102…117.9, lat 6…23.4; swap the columns or fix the layer's CRS";
        return verdict;
    }
    if (!inside(envelope, kVietnam)) {
        verdict.problem = "geometry lies outside Vietnam (" + describeBox(envelope) + "; Vietnam with its islands is within lon " +
                          degrees(kVietnam.west) + "…" + degrees(kVietnam.east) + ", lat " + degrees(kVietnam.south) + "…" +
                          degrees(kVietnam.north) + "): wrong CRS (--s-srs) or damaged coordinates?";
        return verdict;
    }
    verdict.geometry.reset(wgs84.clone());
    if (type == wkbPolygon || type == wkbMultiPolygon) {
        checkPolygons(verdict);
        if (!verdict.problem.empty()) {
            verdict.geometry.reset();
            return verdict;
        }
    } else if (type == wkbLineString || type == wkbMultiLineString) {
        const Geometry plain = data::convertOgrGeometry(verdict.geometry.get());
        if (plain.kind != GeometryKind::Line) {
            verdict.geometry.reset();
            verdict.problem = "the line has no length (fewer than 2 distinct points)";
            return verdict;
        }
    }
    if (area && !inside(envelope, Box{area->west, area->south, area->east, area->north}, kAreaOfUseMarginDeg)) {
        const std::string note = "lies outside the area of use of " + area->crsName + " (lon " + degrees(area->west) + "…" +
                                 degrees(area->east) + ", lat " + degrees(area->south) + "…" + degrees(area->north) +
                                 "): check that the CRS is right";
        verdict.warning += (verdict.warning.empty() ? "" : "; ") + note;
    }
    return verdict;
}

bool isGoodStoredGeometry(const OGRGeometry* wgs84) {
    if (wgs84 == nullptr) return false;
    const OGRwkbGeometryType type = wkbFlatten(wgs84->getGeometryType());
    const ShapeKind kind = (type == wkbLineString || type == wkbMultiLineString) ? ShapeKind::PointOrLine : ShapeKind::AreaOrPoint;
    const GeometryVerdict verdict = checkImportGeometry(*wgs84, kind, std::nullopt);
    return verdict.problem.empty() && verdict.warning.empty();
}

}  // namespace gis::importer
