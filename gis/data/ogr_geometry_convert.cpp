#include "gis/data/ogr_geometry_convert.hpp"

#include <ogr_geometry.h>

#include <cmath>
#include <memory>

namespace gis::data {
namespace {

/// Curve vertices in one strided copy, then consecutive duplicates removed.
std::vector<Vec2> readCurve(const OGRSimpleCurve& curve) {
    std::vector<Vec2> pts(static_cast<std::size_t>(curve.getNumPoints()));
    if (pts.empty()) return pts;
    curve.getPoints(&pts[0].x, sizeof(Vec2), &pts[0].y, sizeof(Vec2));
    std::size_t w = 1;
    for (std::size_t r = 1; r < pts.size(); ++r)
        if (pts[r].x != pts[w - 1].x || pts[r].y != pts[w - 1].y) pts[w++] = pts[r];
    pts.resize(w);
    return pts;
}

/// Ring with the closing vertex dropped; empty when fewer than 3 distinct vertices remain.
Ring readRing(const OGRLinearRing& ring) {
    Ring pts = readCurve(ring);
    if (pts.size() >= 2 && pts.front().x == pts.back().x && pts.front().y == pts.back().y) pts.pop_back();
    if (pts.size() < 3) pts.clear();
    return pts;
}

void collect(const OGRGeometry* g, Geometry& out) {
    if (g == nullptr || g->IsEmpty()) return;
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            const auto* p = g->toPoint();
            if (std::isfinite(p->getX()) && std::isfinite(p->getY())) out.points.push_back({p->getX(), p->getY()});
            return;
        }
        case wkbLineString: {
            LineString line = readCurve(*g->toLineString());
            if (line.size() >= 2) out.lines.push_back(std::move(line));
            return;
        }
        case wkbPolygon: {
            const OGRPolygon* poly = g->toPolygon();
            Polygon polygon;
            const OGRLinearRing* shell = poly->getExteriorRing();
            if (shell == nullptr) return;
            Ring outer = readRing(*shell);
            if (outer.empty()) {
                // Keep the degenerate shell so validation can report the feature by name
                // instead of it silently disappearing.
                out.polygons.push_back(Polygon{{readCurve(*shell)}});
                return;
            }
            polygon.rings.push_back(std::move(outer));
            for (int i = 0; i < poly->getNumInteriorRings(); ++i) {
                Ring hole = readRing(*poly->getInteriorRing(i));
                if (!hole.empty()) polygon.rings.push_back(std::move(hole));
            }
            out.polygons.push_back(std::move(polygon));
            return;
        }
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection: {
            const OGRGeometryCollection* c = g->toGeometryCollection();
            for (int i = 0; i < c->getNumGeometries(); ++i) collect(c->getGeometryRef(i), out);
            return;
        }
        default: {
            // Curves, surfaces, TIN…: linearise with GDAL's default step, then convert that.
            std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
            if (linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(g->getGeometryType())) collect(linear.get(), out);
            return;
        }
    }
}

}  // namespace

Geometry convertOgrGeometry(const OGRGeometry* geometry, std::string* note) {
    Geometry out;
    collect(geometry, out);
    if (!out.polygons.empty()) {
        out.kind = GeometryKind::Polygon;
        if (note != nullptr && (!out.lines.empty() || !out.points.empty()))
            *note = "lines/points mixed with polygons in a collection were dropped";
        out.lines.clear();
        out.points.clear();
    } else if (!out.lines.empty()) {
        out.kind = GeometryKind::Line;
        if (note != nullptr && !out.points.empty()) *note = "points mixed with lines in a collection were dropped";
        out.points.clear();
    } else if (!out.points.empty()) {
        out.kind = GeometryKind::Point;
    }
    return out;
}

std::size_t countOgrVertices(const OGRGeometry* geometry) {
    if (geometry == nullptr || geometry->IsEmpty()) return 0;
    const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbPoint) return 1;
    if (OGR_GT_IsCurve(type)) return static_cast<std::size_t>(geometry->toCurve()->getNumPoints());
    if (OGR_GT_IsSubClassOf(type, wkbCurvePolygon)) {
        const OGRCurvePolygon* polygon = geometry->toCurvePolygon();
        std::size_t count = countOgrVertices(polygon->getExteriorRingCurve());
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i) count += countOgrVertices(polygon->getInteriorRingCurve(i));
        return count;
    }
    if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
        const OGRGeometryCollection* collection = geometry->toGeometryCollection();
        std::size_t count = 0;
        for (int i = 0; i < collection->getNumGeometries(); ++i) count += countOgrVertices(collection->getGeometryRef(i));
        return count;
    }
    if (OGR_GT_IsSubClassOf(type, wkbPolyhedralSurface)) {
        const OGRPolyhedralSurface* surface = geometry->toPolyhedralSurface();
        std::size_t count = 0;
        for (int i = 0; i < surface->getNumGeometries(); ++i) count += countOgrVertices(surface->getGeometryRef(i));
        return count;
    }
    return 0;
}

}  // namespace gis::data
