// Triangulation correctness (area, holes, degenerate input), LOD and chunking.
#include <catch2/catch.hpp>

#include <cmath>

#include "gis/data/vector_reader.hpp"
#include "gis/tess/mesh_builder.hpp"
#include "gis/tess/polygon_triangulator.hpp"
#include "tests/support/test_paths.hpp"

namespace {

using gis::Polygon;
using gis::Vec2;

double meshArea(const std::vector<Vec2>& v, const std::vector<std::uint32_t>& idx) {
    double area = 0.0;
    for (std::size_t i = 0; i + 2 < idx.size(); i += 3) {
        const Vec2 a = v[idx[i]], b = v[idx[i + 1]], c = v[idx[i + 2]];
        area += std::abs(0.5 * ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)));
    }
    return area;
}

gis::data::Feature polygonFeature(Polygon p) {
    gis::data::Feature f;
    f.geometry.kind = gis::GeometryKind::Polygon;
    f.geometry.polygons.push_back(std::move(p));
    return f;
}

gis::data::VectorLayer layerOf(std::vector<gis::data::Feature> features) {
    gis::data::VectorLayer layer;
    layer.features = std::move(features);
    for (const auto& f : layer.features) layer.bounds.expand(f.geometry.bounds());
    return layer;
}

const gis::data::VectorLayer& anhSon() {
    static const gis::data::VectorLayer layer = [] {
        gis::data::ReadOptions o;
        o.layerName = "communes";
        o.attributeFilter = "district_vn = 'Huyện Anh Sơn'";
        auto r = gis::data::readVectorLayer(test::nationalCommunesGpkg().string(), o);
        REQUIRE(r.ok());
        return std::move(*r);
    }();
    return layer;
}

}  // namespace

TEST_CASE("polygon with holes: triangle area equals polygon area, nothing in the holes", "[tess]") {
    // A concave "C" shape with two square holes.
    Polygon p;
    p.rings.push_back({{0, 0}, {100, 0}, {100, 30}, {40, 30}, {40, 70}, {100, 70}, {100, 100}, {0, 100}});
    p.rings.push_back({{10, 10}, {10, 20}, {20, 20}, {20, 10}});
    p.rings.push_back({{10, 60}, {30, 60}, {30, 90}, {10, 90}});
    std::vector<Vec2> v;
    std::vector<std::uint32_t> idx;
    REQUIRE(gis::tess::triangulatePolygon(p, v, idx));
    const double expected = 100 * 100 - 60 * 40 - 100 - 600;
    CHECK(gis::polygonArea(p) == Approx(expected));
    CHECK(std::abs(meshArea(v, idx) - expected) / expected < 1e-6);
    for (std::size_t i = 0; i + 2 < idx.size(); i += 3) {
        const Vec2 c{(v[idx[i]].x + v[idx[i + 1]].x + v[idx[i + 2]].x) / 3, (v[idx[i]].y + v[idx[i + 1]].y + v[idx[i + 2]].y) / 3};
        CHECK(gis::pointInPolygon(p, c));
        CHECK_FALSE((c.x > 10 && c.x < 20 && c.y > 10 && c.y < 20));
        CHECK_FALSE((c.x > 10 && c.x < 30 && c.y > 60 && c.y < 90));
        CHECK_FALSE((c.x > 40 && c.y > 30 && c.y < 70));  // the notch of the C
    }
    CHECK(v.size() == 16);  // shared vertices, not three per triangle
}

TEST_CASE("self-touching and degenerate polygons survive", "[tess]") {
    std::vector<Vec2> v;
    std::vector<std::uint32_t> idx;
    SECTION("hole touching the shell at a vertex") {
        Polygon p;
        p.rings.push_back({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
        p.rings.push_back({{0, 5}, {5, 7}, {5, 3}});
        REQUIRE(gis::tess::triangulatePolygon(p, v, idx));
        CHECK(meshArea(v, idx) == Approx(100 - 10).epsilon(1e-6));
    }
    SECTION("collinear spike and repeated vertices") {
        Polygon p;
        p.rings.push_back({{0, 0}, {10, 0}, {10, 0}, {10, 10}, {10, 15}, {10, 10}, {0, 10}});
        gis::tess::triangulatePolygon(p, v, idx);  // must not crash; result may be partial
        CHECK(meshArea(v, idx) <= 100.0 + 1e-9);
    }
    SECTION("zero-area ring") {
        Polygon p;
        p.rings.push_back({{0, 0}, {5, 0}, {10, 0}});
        CHECK_FALSE(gis::tess::triangulatePolygon(p, v, idx));
        CHECK(v.empty());
    }
    SECTION("empty polygon") { CHECK_FALSE(gis::tess::triangulatePolygon(Polygon{}, v, idx)); }
}

TEST_CASE("real district: triangle area per feature equals polygon area at full detail", "[tess][real]") {
    const auto& layer = anhSon();
    const gis::tess::LodLevel level = gis::tess::buildLodLevel(layer, 0.0, 2);
    std::vector<double> area(layer.features.size(), 0.0);
    const auto& pos = level.fill.positions;
    for (std::size_t i = 0; i + 2 < level.fill.indices.size(); i += 3) {
        const std::uint32_t a = level.fill.indices[i], b = level.fill.indices[i + 1], c = level.fill.indices[i + 2];
        const Vec2 pa{pos[2 * a], pos[2 * a + 1]}, pb{pos[2 * b], pos[2 * b + 1]}, pc{pos[2 * c], pos[2 * c + 1]};
        REQUIRE(level.fill.featureIds[a] == level.fill.featureIds[b]);
        area[level.fill.featureIds[a]] += std::abs(0.5 * ((pb.x - pa.x) * (pc.y - pa.y) - (pc.x - pa.x) * (pb.y - pa.y)));
    }
    for (std::size_t f = 0; f < layer.features.size(); ++f) {
        double expected = 0.0;
        for (const auto& p : layer.features[f].geometry.polygons) expected += gis::polygonArea(p);
        INFO("feature " << f);
        // positions are floats relative to the district centre: ~1e-7 relative per coordinate
        CHECK(std::abs(area[f] - expected) / expected < 1e-5);
    }
}

TEST_CASE("LOD levels get coarser, nothing vanishes, chunks cover every index once", "[tess][real]") {
    const auto& layer = anhSon();
    const gis::tess::LayerMeshes meshes = gis::tess::buildLayerMeshes(layer, {100.0, 400.0, 1600.0, 6400.0});
    // A level that would keep more than 90 % of the previous level's vertices is skipped
    // (kLodMaxKeptFraction); the district's data is already generalised, so not all are built.
    REQUIRE(meshes.levels.size() >= 3);
    REQUIRE(meshes.levels.size() <= 5);
    CHECK(meshes.levels[0].toleranceMeters == 0.0);
    CHECK(meshes.levels.back().toleranceMeters == 6400.0);
    CHECK(meshes.featureCount == layer.features.size());
    for (std::size_t l = 1; l < meshes.levels.size(); ++l) {
        CHECK(meshes.levels[l].toleranceMeters > meshes.levels[l - 1].toleranceMeters);
        // polygon outlines have one segment per ring vertex
        CHECK(meshes.levels[l].outline.featureIds.size() <=
              gis::tess::kLodMaxKeptFraction * meshes.levels[l - 1].outline.featureIds.size());
        CHECK(meshes.levels[l].fill.positions.size() <= meshes.levels[l - 1].fill.positions.size());
    }
    for (const auto& level : meshes.levels) {
        INFO("tolerance " << level.toleranceMeters);
        // every feature keeps some fill, and its outline exactly when it is at least
        // kOutlineMinFeaturePx tolerances across (smaller, it is under that many pixels wherever
        // the level is drawn)
        std::vector<int> hasFill(layer.features.size(), 0);
        for (std::uint32_t id : level.fill.featureIds) hasFill[id] = 1;
        for (std::size_t f = 0; f < layer.features.size(); ++f) {
            const gis::Bounds b = layer.features[f].geometry.bounds();
            const bool large = std::max(b.width(), b.height()) >= gis::tess::kOutlineMinFeaturePx * level.toleranceMeters;
            CHECK((level.outline.featureRanges[f].count > 0) == large);
            CHECK(hasFill[f] == 1);
        }
        // chunks: contiguous, disjoint, covering
        std::vector<int> covered(level.fill.indices.size(), 0);
        for (const auto& c : level.fill.chunks) {
            CHECK(c.count <= gis::tess::kChunkMaxIndices);
            for (std::uint32_t i = c.first; i < c.first + c.count; ++i) ++covered.at(i);
            // chunk bounds contain their vertices
            for (std::uint32_t i = c.first; i < c.first + c.count; ++i) {
                const std::uint32_t v = level.fill.indices[i];
                const Vec2 p{level.fill.positions[2 * v] + level.fill.origin.x, level.fill.positions[2 * v + 1] + level.fill.origin.y};
                CHECK(p.x >= c.bounds.minX - 1.0);
                CHECK(p.x <= c.bounds.maxX + 1.0);
            }
        }
        CHECK(std::count(covered.begin(), covered.end(), 1) == static_cast<std::ptrdiff_t>(covered.size()));
        std::vector<int> segCovered(level.outline.featureIds.size(), 0);
        for (const auto& c : level.outline.chunks)
            for (std::uint32_t i = c.first; i < c.first + c.count; ++i) ++segCovered.at(i);
        CHECK(std::count(segCovered.begin(), segCovered.end(), 1) == static_cast<std::ptrdiff_t>(segCovered.size()));
        // feature ranges: each feature's segments are contiguous and carry its id
        for (std::size_t f = 0; f < layer.features.size(); ++f) {
            const auto& r = level.outline.featureRanges[f];
            for (std::uint32_t i = r.first; i < r.first + r.count; ++i) CHECK(level.outline.featureIds[i] == f);
        }
    }
}

TEST_CASE("chunks are spatially compact and the output does not depend on the thread count", "[tess][real]") {
    const auto& layer = anhSon();
    const gis::tess::LodLevel one = gis::tess::buildLodLevel(layer, 0.0, 1);
    const gis::tess::LodLevel two = gis::tess::buildLodLevel(layer, 0.0, 2);
    CHECK(one.fill.indices == two.fill.indices);
    CHECK(one.fill.positions == two.fill.positions);
    CHECK(one.outline.segments == two.outline.segments);
}

TEST_CASE("line and point layers", "[tess]") {
    gis::data::Feature line;
    line.geometry.kind = gis::GeometryKind::Line;
    line.geometry.lines.push_back({{0, 0}, {100, 0}, {100, 100}});
    gis::data::Feature points;
    points.geometry.kind = gis::GeometryKind::Point;
    points.geometry.points = {{5, 5}, {50, 50}};
    gis::data::Feature empty;  // GeometryKind::None
    const auto layer = layerOf({line, points, empty});
    const auto meshes = gis::tess::buildLayerMeshes(layer, {10.0});
    // At 10 m nothing is removed (3 line vertices, 2 points), so the level is skipped
    // (kLodMaxKeptFraction): full detail only.
    REQUIRE(meshes.levels.size() == 1);
    const auto& l0 = meshes.levels[0];
    CHECK(l0.outline.featureIds == std::vector<std::uint32_t>{0, 0});
    CHECK(l0.points.featureIds == std::vector<std::uint32_t>{1, 1});
    CHECK(l0.fill.indices.empty());
    CHECK(l0.outline.featureRanges.size() == 3);
    CHECK(l0.outline.featureRanges[2].count == 0);
    // positions are relative to the origin (layer centre)
    CHECK(l0.points.positions[0] + l0.points.origin.x == Approx(5.0));
}

TEST_CASE("a feature much smaller than the tolerance keeps a filled shape, without an outline", "[tess]") {
    Polygon tiny;
    tiny.rings.push_back({{0, 0}, {3, 0}, {4, 1}, {3, 3}, {1, 4}, {0, 3}});
    Polygon big;
    big.rings.push_back({{0, 0}, {10000, 0}, {10000, 10000}, {0, 10000}});
    const auto layer = layerOf({polygonFeature(tiny), polygonFeature(big)});
    const auto level = gis::tess::buildLodLevel(layer, 500.0, 1);
    CHECK(std::count(level.fill.featureIds.begin(), level.fill.featureIds.end(), 0u) >= 3);
    // Under kOutlineMinFeaturePx tolerances across, so under that many pixels wherever the level is
    // drawn: an outline would cover its colour. At full detail it has one.
    CHECK(level.outline.featureRanges[0].count == 0);
    CHECK(level.outline.featureRanges[1].count == 4);
    CHECK(gis::tess::buildLodLevel(layer, 0.0, 1).outline.featureRanges[0].count == 6);
}
