// The renderer draws each segment pass and each single-shape point layer with a program that has
// the pass or the shape compiled in (llvmpipe runs every branch of a shader, so the general
// programs paid for all of them). Those programs must draw exactly the general ones' pixels.
#include <catch2/catch.hpp>

#include <cmath>

#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

using gis::scene::FeatureSymbol;
using gis::scene::LayerDraw;
using gis::scene::PointSymbol;
using gis::scene::WorkStatus;

namespace {

constexpr int kShapeCount = static_cast<int>(PointSymbol::Bar) + 1;

/// Every segment pass and every shape in every status: polygons with outlines (plain colour) and
/// without (hairlines in the feature's colour), roads planned, under construction and overdue
/// (casing, dashes), and per shape a layer of four symbols: completed, under construction,
/// planned, overdue.
gis::scene::RenderScene everyPassAndShape() {
    gis::scene::RenderScene scene;
    scene.camera.frameWidthPx = 480;
    scene.camera.frameHeightPx = 400;
    scene.camera.metersPerPixel = 1.0;
    scene.camera.center = {test::kTestOrigin.x + 100.0, test::kTestOrigin.y};

    LayerDraw outlined;
    outlined.layerId = 1;
    outlined.meshes = test::twoPolygonMeshes();
    outlined.featureColors = test::colors({{230, 126, 34, 255}, {39, 174, 96, 255}});
    outlined.style.outlineWidthPx = 1.5f;
    scene.layers.push_back(outlined);

    LayerDraw hairlined = outlined;  // the same squares moved down, edges anti-aliased by hairlines
    hairlined.layerId = 2;
    auto moved = std::make_shared<gis::tess::LayerMeshes>(*outlined.meshes);
    for (gis::tess::LodLevel& level : moved->levels) {
        level.fill.origin.y -= 150.0;
        level.outline.origin.y -= 150.0;
    }
    hairlined.meshes = moved;
    hairlined.style.outlineWidthPx = 0.0f;
    hairlined.style.antialiasFillEdges = true;
    scene.layers.push_back(hairlined);

    LayerDraw roads;
    roads.layerId = 3;
    auto roadMeshes = test::lineMeshes();
    gis::tess::SegmentMesh& segments = roadMeshes->levels[0].outline;
    float along = 0.0f;  // metres along each line where its segment starts, for the dashes
    for (std::size_t i = 0; i < segments.featureIds.size(); ++i) {
        if (i > 0 && segments.featureIds[i] != segments.featureIds[i - 1]) along = 0.0f;
        segments.startDistances.push_back(along);
        const float* s = &segments.segments[4 * i];
        along += std::hypot(s[2] - s[0], s[3] - s[1]);
    }
    roads.meshes = roadMeshes;
    roads.featureColors = test::colors({{41, 128, 185, 255}, {192, 57, 43, 255}});
    roads.featureSymbols = std::make_shared<const std::vector<FeatureSymbol>>(std::vector<FeatureSymbol>{
        {PointSymbol::Bar, WorkStatus::Planned, 0, 0}, {PointSymbol::Bar, WorkStatus::UnderConstruction, 1, 0}});
    roads.style.outlineWidthPx = 4.0f;
    roads.style.lineCasingPx = 1.5f;
    roads.style.lineCasingColor = {250, 250, 240, 255};
    scene.layers.push_back(roads);

    for (int shape = 0; shape < kShapeCount; ++shape) {
        LayerDraw points;
        points.layerId = 10 + static_cast<std::uint64_t>(shape);
        const double y = -180.0 + 32.0 * shape;
        points.meshes = test::pointMeshes({{240.0, y}, {270.0, y}, {300.0, y}, {330.0, y}});
        points.featureColors = test::colors({{142, 68, 173, 255}, {142, 68, 173, 255}, {20, 120, 200, 255}, {200, 90, 20, 255}});
        const auto s = static_cast<PointSymbol>(shape);
        points.featureSymbols = std::make_shared<const std::vector<FeatureSymbol>>(std::vector<FeatureSymbol>{
            {s, WorkStatus::Completed, 0, 0}, {s, WorkStatus::UnderConstruction, 0, 0}, {s, WorkStatus::Planned, 0, 0},
            {s, WorkStatus::Completed, 1, 0}});
        points.style.pointSizePx = 18.0f;
        points.style.pointStrokeColor = {255, 255, 255, 255};
        scene.layers.push_back(points);
    }
    return scene;
}

}  // namespace

TEST_CASE("render: programs with the segment pass or the point shape compiled in draw the general programs' pixels",
          "[gl][render][symbols]") {
    NTM_REQUIRE_GL_OR_SKIP();
    const auto scene = everyPassAndShape();
    auto renderer = test::makeRenderer();
    gis::render::RenderTarget target(scene.camera.frameWidthPx, scene.camera.frameHeightPx);
    renderer->render(scene, target);
    const gis::render::Image specialised = target.readPixels();
    renderer->setReferencePrograms(true);
    renderer->render(scene, target);
    const gis::render::Image general = target.readPixels();

    // The scene draws what it should: the casing, dashes and every shape leave many colours.
    std::size_t painted = 0;
    for (std::size_t i = 0; i < specialised.rgba.size(); i += 4)
        if (specialised.rgba[i] != specialised.rgba[0] || specialised.rgba[i + 1] != specialised.rgba[1] ||
            specialised.rgba[i + 2] != specialised.rgba[2])
            ++painted;
    CHECK(painted > 20000);
    const auto diff = test::compareImages(general, specialised, 0);
    CHECK(diff.sameSize);
    CHECK(diff.differingPixels == 0);
}
