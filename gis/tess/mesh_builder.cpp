#include "gis/tess/mesh_builder.hpp"

#include <algorithm>
#include <cmath>

#include "gis/tess/fill_outward.hpp"
#include "gis/tess/parallel_for.hpp"
#include "gis/tess/polygon_triangulator.hpp"
#include "gis/tess/simplify.hpp"
#include "gis/tess/spatial_order.hpp"

namespace gis::tess {
namespace {

/// One feature's contribution to a level, built independently so features can be processed in
/// parallel and concatenated afterwards in a fixed (spatial) order.
struct FeatureParts {
    std::vector<Vec2> vertices;
    std::vector<std::int8_t> outwardMiters;  ///< two per vertex
    std::vector<std::uint32_t> indices;  ///< into `vertices`
    std::vector<Vec2> segments;          ///< endpoint pairs
    std::vector<float> startDistances;   ///< lines only: one per segment
    std::vector<Vec2> points;
    Bounds bounds;
};

void addRingSegments(const Ring& ring, bool closed, std::vector<Vec2>& segments) {
    const std::size_t n = ring.size();
    if (n < 2) return;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        segments.push_back(ring[i]);
        segments.push_back(ring[i + 1]);
    }
    if (closed && n >= 3) {
        segments.push_back(ring[n - 1]);
        segments.push_back(ring[0]);
    }
}

/// A line's segments with the distance along the line at which each starts.
void addLineSegments(const LineString& line, std::vector<Vec2>& segments, std::vector<float>& startDistances) {
    double along = 0.0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        segments.push_back(line[i]);
        segments.push_back(line[i + 1]);
        startDistances.push_back(static_cast<float>(along));
        along += std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y);
    }
}

/// Meshes one feature's geometry, already simplified to the level's tolerance; a polygon's rings
/// become outline segments only when `outlined`.
FeatureParts buildFeature(const Geometry& g, bool outlined = true) {
    FeatureParts parts;
    if (g.kind == GeometryKind::None) return parts;
    parts.bounds = g.bounds();
    switch (g.kind) {
        case GeometryKind::Polygon: {
            std::size_t ringVertices = 0;
            for (const Polygon& polygon : g.polygons)
                for (const Ring& ring : polygon.rings) ringVertices += ring.size();
            parts.segments.reserve(2 * ringVertices);
            parts.vertices.reserve(ringVertices);
            parts.indices.reserve(3 * ringVertices);
            for (const Polygon& polygon : g.polygons) {
                triangulatePolygon(polygon, parts.vertices, parts.indices);
                if (outlined)
                    for (const Ring& ring : polygon.rings) addRingSegments(ring, true, parts.segments);
            }
            appendOutwardMiters(parts.vertices, parts.indices, parts.outwardMiters);
            break;
        }
        case GeometryKind::Line:
            for (const LineString& line : g.lines) addLineSegments(line, parts.segments, parts.startDistances);
            break;
        case GeometryKind::Point: parts.points = g.points; break;
        case GeometryKind::None: break;
    }
    return parts;
}

void pushRelative(std::vector<float>& out, Vec2 p, Vec2 origin) {
    out.push_back(static_cast<float>(p.x - origin.x));
    out.push_back(static_cast<float>(p.y - origin.y));
}

/// Every feature simplified to `tolerance`, indexed like layer.features.
std::vector<Geometry> simplifyLayer(const data::VectorLayer& layer, double tolerance, unsigned threads) {
    std::vector<Geometry> out(layer.features.size());
    parallelFor(out.size(), threads, [&](std::size_t i) { out[i] = simplifyGeometry(layer.features[i].geometry, tolerance); });
    return out;
}

std::size_t totalVertices(const std::vector<Geometry>& geometries) {
    std::size_t n = 0;
    for (const Geometry& g : geometries) n += vertexCount(g);
    return n;
}

/// Builds a level from the layer. `simplified` (indexed like layer.features) is used when given;
/// otherwise each feature is simplified on the fly (tolerance > 0) or taken as is.
LodLevel assembleLevel(const data::VectorLayer& layer, double toleranceMeters, unsigned threads,
                       const std::vector<Geometry>* simplified) {
    LodLevel level;
    level.toleranceMeters = toleranceMeters;
    const Vec2 origin = layer.bounds.valid() ? layer.bounds.center() : Vec2{};
    level.fill.origin = level.outline.origin = level.points.origin = origin;

    const std::size_t featureCount = layer.features.size();
    std::vector<Bounds> featureBounds(featureCount);
    for (std::size_t i = 0; i < featureCount; ++i) featureBounds[i] = data::boundsOf(layer.features[i]);
    const std::vector<std::uint32_t> order = mortonOrder(featureBounds, layer.bounds);

    // Parallel over the spatial order; results are stored per slot, so the output is the same
    // for any thread count.
    // A level is drawn where a pixel is at least its tolerance, so a feature under
    // kOutlineMinFeaturePx tolerances across is under that many pixels wherever it is drawn.
    const double outlinedFromMeters = toleranceMeters * kOutlineMinFeaturePx;
    std::vector<FeatureParts> parts(featureCount);
    parallelFor(featureCount, threads, [&](std::size_t k) {
        const Geometry& source = layer.features[order[k]].geometry;
        const Bounds& bounds = featureBounds[order[k]];
        const bool outlined = !(std::max(bounds.width(), bounds.height()) < outlinedFromMeters);
        if (simplified != nullptr)
            parts[k] = buildFeature((*simplified)[order[k]], outlined);
        else if (toleranceMeters > 0.0)
            parts[k] = buildFeature(simplifyGeometry(source, toleranceMeters), outlined);
        else
            parts[k] = buildFeature(source);
    });

    // Sequential assembly in spatial order, cutting chunks as it goes. Sizes are known, so
    // reserve once instead of regrowing multi-megabyte vectors.
    std::size_t totalVertices = 0, totalIndices = 0, totalSegments = 0, totalPoints = 0;
    for (const FeatureParts& p : parts) {
        totalVertices += p.vertices.size();
        totalIndices += p.indices.size();
        totalSegments += p.segments.size() / 2;
        totalPoints += p.points.size();
    }
    level.fill.positions.reserve(2 * totalVertices);
    level.fill.featureIds.reserve(totalVertices);
    level.fill.outwardMiters.reserve(2 * totalVertices);
    level.fill.indices.reserve(totalIndices);
    level.outline.segments.reserve(4 * totalSegments);
    level.outline.featureIds.reserve(totalSegments);
    level.points.positions.reserve(2 * totalPoints);
    level.points.featureIds.reserve(totalPoints);
    level.outline.featureRanges.assign(featureCount, Chunk{});
    Bounds chunkBounds;
    std::uint32_t chunkFeatures = 0;
    std::uint32_t fillStart = 0, segStart = 0, pointStart = 0;
    auto closeChunk = [&] {
        const auto fillEnd = static_cast<std::uint32_t>(level.fill.indices.size());
        const auto segEnd = static_cast<std::uint32_t>(level.outline.featureIds.size());
        const auto pointEnd = static_cast<std::uint32_t>(level.points.featureIds.size());
        if (fillEnd > fillStart) level.fill.chunks.push_back({chunkBounds, fillStart, fillEnd - fillStart});
        if (segEnd > segStart) level.outline.chunks.push_back({chunkBounds, segStart, segEnd - segStart});
        if (pointEnd > pointStart) level.points.chunks.push_back({chunkBounds, pointStart, pointEnd - pointStart});
        fillStart = fillEnd;
        segStart = segEnd;
        pointStart = pointEnd;
        chunkBounds = Bounds{};
        chunkFeatures = 0;
    };
    for (std::size_t k = 0; k < featureCount; ++k) {
        FeatureParts& p = parts[k];
        const std::uint32_t featureId = order[k];
        const auto pendingIndices = static_cast<std::uint32_t>(level.fill.indices.size()) - fillStart;
        if (chunkFeatures > 0 &&
            (chunkFeatures >= kChunkMaxFeatures || pendingIndices + p.indices.size() > kChunkMaxIndices))
            closeChunk();

        const auto base = static_cast<std::uint32_t>(level.fill.featureIds.size());
        for (const Vec2& v : p.vertices) pushRelative(level.fill.positions, v, origin);
        level.fill.featureIds.insert(level.fill.featureIds.end(), p.vertices.size(), featureId);
        level.fill.outwardMiters.insert(level.fill.outwardMiters.end(), p.outwardMiters.begin(), p.outwardMiters.end());
        for (const std::uint32_t i : p.indices) level.fill.indices.push_back(base + i);

        Chunk& range = level.outline.featureRanges[featureId];
        range.bounds = p.bounds;
        range.first = static_cast<std::uint32_t>(level.outline.featureIds.size());
        range.count = static_cast<std::uint32_t>(p.segments.size() / 2);
        for (const Vec2& v : p.segments) pushRelative(level.outline.segments, v, origin);
        level.outline.featureIds.insert(level.outline.featureIds.end(), range.count, featureId);
        level.outline.startDistances.insert(level.outline.startDistances.end(), p.startDistances.begin(), p.startDistances.end());

        for (const Vec2& v : p.points) pushRelative(level.points.positions, v, origin);
        level.points.featureIds.insert(level.points.featureIds.end(), p.points.size(), featureId);

        chunkBounds.expand(p.bounds);
        ++chunkFeatures;
        p = FeatureParts{};  // release memory as we go
    }
    if (chunkFeatures > 0) closeChunk();
    return level;
}

}  // namespace

std::vector<double> defaultLodTolerances() {
    // One pixel of a 256-px Web Mercator tile at zoom z is 156543.03 / 2^z display metres. The
    // levels are 1 px at zooms 12 down to 5 in half-zoom steps (38, 54, 76 m at district scale,
    // … 4892 m, the whole country on a small window): a factor-√2 ladder, so the level drawn is
    // between 0.71 and 1 px of the scale. With a factor-2 ladder it could be half a pixel, and
    // was at the national 4000 × 3000 export (306 m at 577 m/px): 35 % more vertices than the
    // 432 m level for detail no one can see, and the render costs per vertex. Levels are built
    // lazily per scale, so a long ladder costs nothing until used. 3857 metres exceed ground
    // metres by 1/cos(lat) ≈ 1.01–1.09 in Vietnam, which does not matter at this granularity.
    constexpr double kZoom0PixelMeters = 156543.03392804097;
    std::vector<double> tolerances;
    for (int halfZoom = 24; halfZoom >= 10; --halfZoom) tolerances.push_back(std::round(kZoom0PixelMeters / std::pow(2.0, halfZoom / 2.0)));
    return tolerances;
}

LodLevel buildLodLevel(const data::VectorLayer& layer, double toleranceMeters, unsigned threads) {
    return assembleLevel(layer, toleranceMeters, threads, nullptr);
}

std::vector<std::size_t> simplifiedVertexCounts(const data::VectorLayer& layer, const std::vector<double>& tolerancesMeters,
                                                unsigned threads) {
    std::vector<std::vector<std::size_t>> perFeature(layer.features.size());
    parallelFor(perFeature.size(), threads,
                [&](std::size_t i) { perFeature[i] = simplifiedVertexCounts(layer.features[i].geometry, tolerancesMeters); });
    std::vector<std::size_t> totals(tolerancesMeters.size(), 0);
    for (const std::vector<std::size_t>& counts : perFeature)
        for (std::size_t t = 0; t < totals.size(); ++t) totals[t] += counts[t];
    return totals;
}

std::size_t simplifiedVertexCount(const data::VectorLayer& layer, double toleranceMeters, unsigned threads) {
    return simplifiedVertexCounts(layer, {toleranceMeters}, threads)[0];
}

LayerMeshes buildLayerMeshes(const data::VectorLayer& layer, const std::vector<double>& lodTolerances) {
    constexpr unsigned kThreads = 2;
    LayerMeshes meshes;
    meshes.featureCount = static_cast<std::uint32_t>(layer.features.size());
    meshes.bounds = layer.bounds;
    meshes.levels.push_back(buildLodLevel(layer, 0.0, kThreads));
    std::size_t finerVertices = 0;
    for (const data::Feature& f : layer.features) finerVertices += vertexCount(f.geometry);
    std::vector<double> tolerances = lodTolerances;
    std::sort(tolerances.begin(), tolerances.end());
    for (const double tolerance : tolerances) {
        if (!(tolerance > 0.0)) continue;
        // Simplify first (cheap) and triangulate only if the level is worth it: a level that keeps
        // more than kLodMaxKeptFraction of the next finer level's vertices would cost memory and
        // upload for nothing, since the renderer then simply draws the finer level (it picks the
        // coarsest level below its pixel threshold, whichever levels exist).
        const std::vector<Geometry> simplified = simplifyLayer(layer, tolerance, kThreads);
        const std::size_t kept = totalVertices(simplified);
        if (!levelWorthBuilding(kept, finerVertices)) continue;
        meshes.levels.push_back(assembleLevel(layer, tolerance, kThreads, &simplified));
        finerVertices = kept;
    }
    return meshes;
}

}  // namespace gis::tess
