#include "tests/gl/support/test_scenes.hpp"

#include <cmath>

namespace test {

using gis::Bounds;
using gis::Rgba8;
using gis::Vec2;
using gis::tess::Chunk;

namespace {

Bounds box(double x0, double y0, double x1, double y1) {
    Bounds b;
    b.expand(Vec2{kTestOrigin.x + x0, kTestOrigin.y + y0});
    b.expand(Vec2{kTestOrigin.x + x1, kTestOrigin.y + y1});
    return b;
}

void addSegment(gis::tess::SegmentMesh& mesh, Vec2 a, Vec2 b, std::uint32_t feature) {
    mesh.segments.insert(mesh.segments.end(), {float(a.x), float(a.y), float(b.x), float(b.y)});
    mesh.featureIds.push_back(feature);
}

void addRing(gis::tess::SegmentMesh& mesh, const std::vector<Vec2>& ring, std::uint32_t feature) {
    for (std::size_t i = 0; i < ring.size(); ++i) addSegment(mesh, ring[i], ring[(i + 1) % ring.size()], feature);
}

}  // namespace

std::shared_ptr<gis::tess::LayerMeshes> twoPolygonMeshes() {
    auto meshes = std::make_shared<gis::tess::LayerMeshes>();
    meshes->featureCount = 2;
    meshes->bounds = box(0, 0, 200, 100);
    gis::tess::LodLevel level;
    gis::tess::FillMesh& fill = level.fill;
    fill.origin = kTestOrigin;
    // Feature 0: outer 0..3, hole 4..7; the ring between them as 8 triangles.
    const std::vector<Vec2> outer{{0, 0}, {100, 0}, {100, 100}, {0, 100}};
    const std::vector<Vec2> hole{{30, 30}, {70, 30}, {70, 70}, {30, 70}};
    for (const Vec2& p : outer) fill.positions.insert(fill.positions.end(), {float(p.x), float(p.y)});
    for (const Vec2& p : hole) fill.positions.insert(fill.positions.end(), {float(p.x), float(p.y)});
    for (std::uint32_t i = 0; i < 4; ++i) {
        const std::uint32_t j = (i + 1) % 4;
        fill.indices.insert(fill.indices.end(), {i, j, 4 + j, i, 4 + j, 4 + i});
    }
    fill.featureIds.assign(8, 0);
    // Feature 1: a plain square.
    const std::vector<Vec2> second{{100, 0}, {200, 0}, {200, 100}, {100, 100}};
    for (const Vec2& p : second) fill.positions.insert(fill.positions.end(), {float(p.x), float(p.y)});
    fill.featureIds.insert(fill.featureIds.end(), 4, 1);
    fill.indices.insert(fill.indices.end(), {8, 9, 10, 8, 10, 11});
    fill.chunks = {Chunk{box(0, 0, 100, 100), 0, 24}, Chunk{box(100, 0, 200, 100), 24, 6}};

    gis::tess::SegmentMesh& outline = level.outline;
    outline.origin = kTestOrigin;
    addRing(outline, outer, 0);
    addRing(outline, hole, 0);
    addRing(outline, second, 1);
    outline.chunks = {Chunk{box(0, 0, 100, 100), 0, 8}, Chunk{box(100, 0, 200, 100), 8, 4}};
    outline.featureRanges = outline.chunks;

    meshes->levels.push_back(std::move(level));
    return meshes;
}

std::shared_ptr<gis::tess::LayerMeshes> lineMeshes() {
    auto meshes = std::make_shared<gis::tess::LayerMeshes>();
    meshes->featureCount = 2;
    gis::tess::LodLevel level;
    gis::tess::SegmentMesh& lines = level.outline;
    lines.origin = kTestOrigin;
    const std::vector<Vec2> river{{-20, 120}, {40, 105}, {80, 112}, {150, 90}, {220, 112}};
    for (std::size_t i = 0; i + 1 < river.size(); ++i) addSegment(lines, river[i], river[i + 1], 0);
    const std::vector<Vec2> road{{150, -20}, {130, 40}, {165, 80}, {160, 130}};
    for (std::size_t i = 0; i + 1 < road.size(); ++i) addSegment(lines, road[i], road[i + 1], 1);
    lines.chunks = {Chunk{box(-20, 90, 220, 120), 0, 4}, Chunk{box(130, -20, 165, 130), 4, 3}};
    lines.featureRanges = lines.chunks;
    meshes->bounds = box(-20, -20, 220, 130);
    meshes->levels.push_back(std::move(level));
    return meshes;
}

std::shared_ptr<gis::tess::LayerMeshes> polylineMeshes(const std::vector<std::vector<Vec2>>& polylines) {
    auto meshes = std::make_shared<gis::tess::LayerMeshes>();
    meshes->featureCount = static_cast<std::uint32_t>(polylines.size());
    gis::tess::LodLevel level;
    gis::tess::SegmentMesh& lines = level.outline;
    lines.origin = kTestOrigin;
    Bounds all;
    for (std::size_t f = 0; f < polylines.size(); ++f) {
        const auto first = static_cast<std::uint32_t>(lines.featureIds.size());
        Bounds bounds;
        float along = 0.0f;
        for (std::size_t i = 0; i + 1 < polylines[f].size(); ++i) {
            const Vec2 a = polylines[f][i], b = polylines[f][i + 1];
            addSegment(lines, a, b, static_cast<std::uint32_t>(f));
            lines.startDistances.push_back(along);
            along += static_cast<float>(std::hypot(b.x - a.x, b.y - a.y));
        }
        for (const Vec2& p : polylines[f]) bounds.expand(Vec2{kTestOrigin.x + p.x, kTestOrigin.y + p.y});
        all.expand(bounds);
        lines.chunks.push_back(Chunk{bounds, first, static_cast<std::uint32_t>(lines.featureIds.size()) - first});
    }
    lines.featureRanges = lines.chunks;
    meshes->bounds = all;
    meshes->levels.push_back(std::move(level));
    return meshes;
}

std::shared_ptr<gis::tess::LayerMeshes> pointMeshes(const std::vector<Vec2>& positions) {
    auto meshes = std::make_shared<gis::tess::LayerMeshes>();
    meshes->featureCount = static_cast<std::uint32_t>(positions.size());
    gis::tess::LodLevel level;
    gis::tess::PointMesh& points = level.points;
    points.origin = kTestOrigin;
    Bounds all;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        points.positions.insert(points.positions.end(), {float(positions[i].x), float(positions[i].y)});
        points.featureIds.push_back(static_cast<std::uint32_t>(i));
        all.expand(Vec2{kTestOrigin.x + positions[i].x, kTestOrigin.y + positions[i].y});
    }
    points.chunks = {Chunk{all, 0, static_cast<std::uint32_t>(positions.size())}};
    meshes->bounds = all;
    meshes->levels.push_back(std::move(level));
    return meshes;
}

std::shared_ptr<gis::tess::LayerMeshes> gridMeshes(int cols, int rows, double cell, double coarseTolerance) {
    auto meshes = std::make_shared<gis::tess::LayerMeshes>();
    meshes->featureCount = static_cast<std::uint32_t>(cols * rows);
    meshes->bounds = box(0, 0, cols * cell, rows * cell);
    for (int lod = 0; lod < 2; ++lod) {
        gis::tess::LodLevel level;
        level.toleranceMeters = lod == 0 ? 0.0 : coarseTolerance;
        level.fill.origin = kTestOrigin;
        level.outline.origin = kTestOrigin;
        for (int r = 0; r < rows; ++r) {
            const auto firstIndex = static_cast<std::uint32_t>(level.fill.indices.size());
            const auto firstSegment = static_cast<std::uint32_t>(level.outline.featureIds.size());
            for (int c = 0; c < cols; ++c) {
                const auto feature = static_cast<std::uint32_t>(r * cols + c);
                const auto base = static_cast<std::uint32_t>(level.fill.featureIds.size());
                const std::vector<Vec2> square{{c * cell, r * cell}, {(c + 1) * cell, r * cell},
                                               {(c + 1) * cell, (r + 1) * cell}, {c * cell, (r + 1) * cell}};
                for (const Vec2& p : square) level.fill.positions.insert(level.fill.positions.end(), {float(p.x), float(p.y)});
                level.fill.featureIds.insert(level.fill.featureIds.end(), 4, feature);
                level.fill.indices.insert(level.fill.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
                const auto segFirst = static_cast<std::uint32_t>(level.outline.featureIds.size());
                addRing(level.outline, square, feature);
                level.outline.featureRanges.push_back(
                    Chunk{box(c * cell, r * cell, (c + 1) * cell, (r + 1) * cell), segFirst, 4});
            }
            const Bounds rowBounds = box(0, r * cell, cols * cell, (r + 1) * cell);
            level.fill.chunks.push_back(
                Chunk{rowBounds, firstIndex, static_cast<std::uint32_t>(level.fill.indices.size()) - firstIndex});
            level.outline.chunks.push_back(
                Chunk{rowBounds, firstSegment, static_cast<std::uint32_t>(level.outline.featureIds.size()) - firstSegment});
        }
        meshes->levels.push_back(std::move(level));
    }
    return meshes;
}

std::shared_ptr<gis::tess::LayerMeshes> denseGridMeshes(int cols, int rows, double cell, int subdiv) {
    auto meshes = std::make_shared<gis::tess::LayerMeshes>();
    meshes->featureCount = static_cast<std::uint32_t>(cols * rows);
    meshes->bounds = box(0, 0, cols * cell, rows * cell);
    gis::tess::LodLevel level;
    auto& fill = level.fill;
    auto& outline = level.outline;
    fill.origin = kTestOrigin;
    outline.origin = kTestOrigin;
    const double step = cell / subdiv;
    for (int r = 0; r < rows; ++r) {
        const auto firstIndex = static_cast<std::uint32_t>(fill.indices.size());
        const auto firstSegment = static_cast<std::uint32_t>(outline.featureIds.size());
        for (int c = 0; c < cols; ++c) {
            const auto feature = static_cast<std::uint32_t>(r * cols + c);
            const auto base = static_cast<std::uint32_t>(fill.featureIds.size());
            const auto n = static_cast<std::uint32_t>(subdiv + 1);
            for (int j = 0; j <= subdiv; ++j)
                for (int i = 0; i <= subdiv; ++i)
                    fill.positions.insert(fill.positions.end(),
                                          {float(c * cell + i * step), float(r * cell + j * step)});
            fill.featureIds.insert(fill.featureIds.end(), n * n, feature);
            for (std::uint32_t j = 0; j < n - 1; ++j)
                for (std::uint32_t i = 0; i < n - 1; ++i) {
                    const std::uint32_t v = base + j * n + i;
                    fill.indices.insert(fill.indices.end(), {v, v + 1, v + n + 1, v, v + n + 1, v + n});
                }
            std::vector<Vec2> ring;
            for (int i = 0; i < subdiv; ++i) ring.push_back({c * cell + i * step, r * cell});
            for (int i = 0; i < subdiv; ++i) ring.push_back({(c + 1) * cell, r * cell + i * step});
            for (int i = subdiv; i > 0; --i) ring.push_back({c * cell + i * step, (r + 1) * cell});
            for (int i = subdiv; i > 0; --i) ring.push_back({c * cell, r * cell + i * step});
            const auto segFirst = static_cast<std::uint32_t>(outline.featureIds.size());
            addRing(outline, ring, feature);
            outline.featureRanges.push_back(Chunk{box(c * cell, r * cell, (c + 1) * cell, (r + 1) * cell), segFirst,
                                                  static_cast<std::uint32_t>(ring.size())});
        }
        const Bounds rowBounds = box(0, r * cell, cols * cell, (r + 1) * cell);
        fill.chunks.push_back(Chunk{rowBounds, firstIndex, static_cast<std::uint32_t>(fill.indices.size()) - firstIndex});
        outline.chunks.push_back(
            Chunk{rowBounds, firstSegment, static_cast<std::uint32_t>(outline.featureIds.size()) - firstSegment});
    }
    meshes->levels.push_back(std::move(level));
    return meshes;
}

std::shared_ptr<std::vector<Rgba8>> colors(std::initializer_list<Rgba8> list) {
    return std::make_shared<std::vector<Rgba8>>(list);
}

gis::scene::RenderScene basicMapScene() {
    using namespace gis::scene;
    RenderScene scene;
    // The overlay is sized for projectors; this 256-px frame is smaller than any real screen.
    scene.textScale = 0.7f;
    scene.camera.frameWidthPx = 256;
    scene.camera.frameHeightPx = 256;
    scene.camera.metersPerPixel = 1.25;
    scene.camera.center = {kTestOrigin.x + 100.0, kTestOrigin.y + 0.0};

    LayerDraw polygons;
    polygons.layerId = 1;
    polygons.meshes = twoPolygonMeshes();
    polygons.featureColors = colors({{230, 126, 34, 255}, {39, 174, 96, 255}});
    polygons.style.outlineColor = {40, 40, 40, 255};
    polygons.style.outlineWidthPx = 1.5f;
    scene.layers.push_back(polygons);

    LayerDraw lines;
    lines.layerId = 2;
    lines.meshes = lineMeshes();
    lines.featureColors = colors({{41, 128, 185, 255}, {192, 57, 43, 255}});
    lines.style.outlineWidthPx = 3.0f;
    scene.layers.push_back(lines);

    const PointSymbol symbols[] = {PointSymbol::Circle, PointSymbol::Square, PointSymbol::Triangle, PointSymbol::Diamond};
    for (int i = 0; i < 4; ++i) {
        LayerDraw points;
        points.layerId = 10 + static_cast<std::uint64_t>(i);
        points.meshes = pointMeshes({{20.0 + 40.0 * i, 15.0}});
        points.featureColors = colors({{142, 68, 173, 255}});
        points.style.pointSymbol = symbols[i];
        points.style.pointSizePx = 14.0f;
        points.style.pointStrokeColor = {255, 255, 255, 255};
        scene.layers.push_back(points);
    }

    scene.labels.push_back({"Xã Thành Sơn — Đạt 19/19", {kTestOrigin.x + 100.0, kTestOrigin.y + 50.0}, 10.0f});
    // Lower priority and overlapping the first: must be dropped.
    scene.labels.push_back({"Bị che khuất", {kTestOrigin.x + 110.0, kTestOrigin.y + 53.0}, 1.0f});

    scene.legend.title = "Tiêu chí";
    scene.legend.entries = {{{230, 126, 34, 255}, "15 – 18", LegendEntry::Swatch::Fill},
                            {{41, 128, 185, 255}, "Sông", LegendEntry::Swatch::Line},
                            {{142, 68, 173, 255}, "Trường học", LegendEntry::Swatch::Point}};
    return scene;
}

}  // namespace test
