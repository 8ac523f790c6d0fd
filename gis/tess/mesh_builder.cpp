#include "gis/tess/mesh_builder.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "gis/tess/polygon_triangulator.hpp"
#include "gis/tess/simplify.hpp"
#include "gis/tess/spatial_order.hpp"

namespace gis::tess {
namespace {

/// One feature's contribution to a level, built independently so features can be processed in
/// parallel and concatenated afterwards in a fixed (spatial) order.
struct FeatureParts {
    std::vector<Vec2> vertices;
    std::vector<std::uint32_t> indices;  ///< into `vertices`
    std::vector<Vec2> segments;          ///< endpoint pairs
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

FeatureParts buildFeature(const Geometry& source, double tolerance) {
    FeatureParts parts;
    if (source.kind == GeometryKind::None) return parts;
    const Geometry simplified = tolerance > 0.0 ? simplifyGeometry(source, tolerance) : Geometry{};
    const Geometry& g = tolerance > 0.0 ? simplified : source;
    parts.bounds = g.bounds();
    switch (g.kind) {
        case GeometryKind::Polygon:
            for (const Polygon& polygon : g.polygons) {
                triangulatePolygon(polygon, parts.vertices, parts.indices);
                for (const Ring& ring : polygon.rings) addRingSegments(ring, true, parts.segments);
            }
            break;
        case GeometryKind::Line:
            for (const LineString& line : g.lines) addRingSegments(line, false, parts.segments);
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

}  // namespace

std::vector<double> defaultLodTolerances() {
    // One pixel of a 256-px Web Mercator tile at zoom z is 156543.03 / 2^z display metres. The
    // levels are 1 px at zoom 12 (38 m, district scale), 10 (153 m, province), 8 (611 m, region)
    // and 6 (2446 m, whole country on a ~1000 px window), so for any view a level with at most
    // ~1 px of error is at most a factor 4 finer than needed. 3857 metres exceed ground metres by
    // 1/cos(lat) ≈ 1.01–1.09 in Vietnam, which does not matter at this granularity.
    return {38.0, 153.0, 611.0, 2446.0};
}

LodLevel buildLodLevel(const data::VectorLayer& layer, double toleranceMeters, unsigned threads) {
    LodLevel level;
    level.toleranceMeters = toleranceMeters;
    const Vec2 origin = layer.bounds.valid() ? layer.bounds.center() : Vec2{};
    level.fill.origin = level.outline.origin = level.points.origin = origin;

    const std::size_t featureCount = layer.features.size();
    std::vector<Bounds> featureBounds(featureCount);
    for (std::size_t i = 0; i < featureCount; ++i) featureBounds[i] = layer.features[i].geometry.bounds();
    const std::vector<std::uint32_t> order = mortonOrder(featureBounds, layer.bounds);

    // Parallel: each worker takes blocks of the spatial order; results are stored per slot.
    std::vector<FeatureParts> parts(featureCount);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        constexpr std::size_t kBlock = 64;
        for (;;) {
            const std::size_t begin = next.fetch_add(kBlock);
            if (begin >= featureCount) return;
            const std::size_t end = std::min(begin + kBlock, featureCount);
            for (std::size_t k = begin; k < end; ++k) parts[k] = buildFeature(layer.features[order[k]].geometry, toleranceMeters);
        }
    };
    threads = featureCount > 256 ? std::max(1u, threads) : 1u;  // threads only pay off on big layers
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    for (std::thread& t : helpers) t.join();

    // Sequential assembly in spatial order, cutting chunks as it goes.
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
        for (const std::uint32_t i : p.indices) level.fill.indices.push_back(base + i);

        Chunk& range = level.outline.featureRanges[featureId];
        range.bounds = p.bounds;
        range.first = static_cast<std::uint32_t>(level.outline.featureIds.size());
        range.count = static_cast<std::uint32_t>(p.segments.size() / 2);
        for (const Vec2& v : p.segments) pushRelative(level.outline.segments, v, origin);
        level.outline.featureIds.insert(level.outline.featureIds.end(), range.count, featureId);

        for (const Vec2& v : p.points) pushRelative(level.points.positions, v, origin);
        level.points.featureIds.insert(level.points.featureIds.end(), p.points.size(), featureId);

        chunkBounds.expand(p.bounds);
        ++chunkFeatures;
        p = FeatureParts{};  // release memory as we go
    }
    if (chunkFeatures > 0) closeChunk();
    return level;
}

LayerMeshes buildLayerMeshes(const data::VectorLayer& layer, const std::vector<double>& lodTolerances) {
    LayerMeshes meshes;
    meshes.featureCount = static_cast<std::uint32_t>(layer.features.size());
    meshes.bounds = layer.bounds;
    meshes.levels.push_back(buildLodLevel(layer, 0.0));
    for (const double tolerance : lodTolerances)
        if (tolerance > 0.0) meshes.levels.push_back(buildLodLevel(layer, tolerance));
    return meshes;
}

}  // namespace gis::tess
