// The open map: re-colouring leaves geometry alone, levels are built per scale, hit tests and
// tooltips name the right commune. Uses the real demo generator (no mocks).
#include <catch2/catch.hpp>

#include <cmath>

#include "gis/demo/demo_district.hpp"
#include "gis/scene/layer_look.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/tess/mesh_builder.hpp"

using namespace gis;

namespace {

scene::MapDocument openDemo() {
    auto document = scene::MapDocument::open(scene::MapSourceSpec{});
    REQUIRE(document);
    return std::move(document.value());
}

const scene::MapLayer& mainLayer(const scene::MapDocument& document) { return document.layers()[document.mainLayerIndex()]; }

}  // namespace

TEST_CASE("map document: the demo opens on the communes coloured by criteria met", "[unit][scene]") {
    const scene::MapDocument document = openDemo();
    CHECK(document.isDemo());
    const scene::MapLayer& communes = mainLayer(document);
    CHECK(communes.data.name == "communes");
    CHECK(communes.kind == GeometryKind::Polygon);
    CHECK(communes.colorField == "criteria_met");
    REQUIRE(communes.colors);
    CHECK(communes.colors->size() == communes.data.features.size());
    CHECK_FALSE(communes.legend.entries.empty());
}

TEST_CASE("map document: re-colouring replaces colours only, never geometry", "[unit][scene]") {
    scene::MapDocument document = openDemo();
    document.ensureLevelsFor(50.0);
    const auto meshesBefore = mainLayer(document).meshes;
    const auto geometryVersion = mainLayer(document).geometryVersion;
    const auto colorVersion = mainLayer(document).colorVersion;
    const auto colorsBefore = *mainLayer(document).colors;

    REQUIRE(document.colorBy("poverty_rate"));
    CHECK(mainLayer(document).meshes == meshesBefore);  // same shared mesh object
    CHECK(mainLayer(document).geometryVersion == geometryVersion);
    CHECK(mainLayer(document).colorVersion != colorVersion);
    CHECK(*mainLayer(document).colors != colorsBefore);

    auto missing = document.colorBy("no_such_field");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("no_such_field") != std::string::npos);
}

TEST_CASE("map document: levels of detail are built once per scale band", "[unit][scene]") {
    scene::MapDocument document = openDemo();
    CHECK(scene::levelToleranceFor(0.5) == 0.0);
    const double coarse = tess::defaultLodTolerances().back();
    CHECK(scene::levelToleranceFor(coarse / tess::kLodMaxTolerancePx * 10) == coarse);

    CHECK_FALSE(document.missingLevelsFor(1.0).empty());
    CHECK(document.ensureLevelsFor(1.0));
    CHECK(document.missingLevelsFor(1.0).empty());
    CHECK_FALSE(document.ensureLevelsFor(1.0));  // nothing left to build at that scale

    const auto version = mainLayer(document).geometryVersion;
    CHECK(document.ensureLevelsFor(coarse / tess::kLodMaxTolerancePx * 2));
    CHECK(mainLayer(document).geometryVersion != version);
    const auto& levels = mainLayer(document).meshes->levels;
    REQUIRE(levels.size() == 2);
    CHECK(levels.front().toleranceMeters < levels.back().toleranceMeters);  // finest first
}

TEST_CASE("map document: a one-frame export builds the level its scale wants, without measuring first", "[unit][scene]") {
    // Squares of 4 vertices: no tolerance removes any, so across scales no simplified level is
    // worth building and full detail is drawn; one frame builds the scale's own level instead.
    data::VectorLayer squares;
    squares.name = "communes";
    squares.fields = {{"name", data::FieldKind::Text}};
    for (int i = 0; i < 50; ++i) {
        data::Feature feature;
        feature.fid = i + 1;
        const double x = 11'500'000.0 + 2000.0 * i, y = 2'400'000.0;
        feature.geometry.kind = GeometryKind::Polygon;
        feature.geometry.polygons.push_back({{{{x, y}, {x + 1500, y}, {x + 1500, y + 1500}, {x, y + 1500}}}});
        feature.attributes = {std::string("Xã ") + std::to_string(i)};
        squares.bounds.expand(feature.geometry.bounds());
        squares.features.push_back(std::move(feature));
    }
    const double metersPerPixel = 200.0;
    const double wanted = scene::levelToleranceFor(metersPerPixel);
    REQUIRE(wanted > 0.0);
    auto levelsAfter = [&](scene::LevelUse use) {
        auto document = scene::MapDocument::fromLayers(scene::LoadedSource{{squares}, "squares", false, {}});
        REQUIRE(document);
        CHECK(document->ensureLevelsFor(metersPerPixel, use));
        std::vector<double> tolerances;
        for (const tess::LodLevel& level : document->layers()[0].meshes->levels) tolerances.push_back(level.toleranceMeters);
        return tolerances;
    };
    CHECK(levelsAfter(scene::LevelUse::AcrossScales) == std::vector<double>{0.0});
    CHECK(levelsAfter(scene::LevelUse::OneFrame) == std::vector<double>{wanted});
}

TEST_CASE("map document: lines are drawn at full width on a district, at half width on an overview", "[unit][scene]") {
    const scene::MapDocument document = openDemo();
    std::size_t roads = document.layers().size();
    for (std::size_t i = 0; i < document.layers().size(); ++i)
        if (document.layers()[i].kind == GeometryKind::Line) roads = i;
    REQUIRE(roads < document.layers().size());
    const scene::LayerStyle& own = document.layers()[roads].style;
    REQUIRE(own.lineCasingPx > 0.0f);
    const scene::Camera district = scene::Camera::fit(document.bounds(), 1600, 1000);
    const scene::RenderScene near = document.buildScene(district);
    REQUIRE(near.layers.size() == document.layers().size());
    CHECK(near.layers[roads].style.outlineWidthPx == own.outlineWidthPx);
    CHECK(near.layers[roads].style.lineCasingPx == own.lineCasingPx);
    scene::Camera country = district;
    country.metersPerPixel *= 30.0;  // the district a few dozen pixels across: communes of a few pixels
    const scene::RenderScene overview = document.buildScene(country);
    CHECK(overview.layers[roads].style.outlineWidthPx == Approx(own.outlineWidthPx * 0.5f));
    CHECK(overview.layers[roads].style.lineCasingPx == Approx(own.lineCasingPx * 0.5f));
}

TEST_CASE("map document: the commune under a label point is found and described", "[unit][scene]") {
    const scene::MapDocument document = openDemo();
    const scene::MapLayer& communes = mainLayer(document);
    const int nameField = communes.data.fieldIndex("name");
    REQUIRE(nameField >= 0);
    for (std::size_t f = 0; f < communes.data.features.size(); ++f) {
        const std::optional<Vec2> anchor = document.labelPoint(f);
        REQUIRE(anchor);
        const auto hit = document.hitTest(*anchor, 1.0, 0.0);
        REQUIRE(hit);
        // A village or infrastructure symbol may sit on top; otherwise it is this commune.
        if (hit->layerIndex != document.mainLayerIndex()) continue;
        CHECK(hit->featureIndex == f);
        const std::string name = data::attributeAsText(communes.data.features[f].attributes[static_cast<std::size_t>(nameField)]);
        CHECK(document.describe(*hit).rfind(name, 0) == 0);
    }
    // Far outside the district nothing is hit.
    CHECK_FALSE(document.hitTest({0.0, 0.0}, 1.0));
}

TEST_CASE("map document: the tooltip quotes criteria as a committee would", "[unit][scene]") {
    data::VectorLayer layer;
    layer.name = "communes";
    layer.fields = {{"name", data::FieldKind::Text}, {"criteria_met", data::FieldKind::Integer}, {"criteria_total", data::FieldKind::Integer}};
    data::Feature feature;
    feature.attributes = {std::string("Xã Thành Sơn"), std::int64_t{14}, std::int64_t{19}};
    layer.features.push_back(feature);
    CHECK(scene::describeFeature(layer, 0, "criteria_met") == "Xã Thành Sơn — 14/19 tiêu chí (73,7 %)");
}

TEST_CASE("map labels drop the unit-type prefix", "[unit][scene]") {
    CHECK(scene::shortLabel("Xã Thành Sơn") == "Thành Sơn");
    CHECK(scene::shortLabel("Thị trấn Hòa Bình") == "TT. Hòa Bình");
    CHECK(scene::shortLabel("Phường Điện Biên") == "P. Điện Biên");
    CHECK(scene::shortLabel("Thôn Đông") == "Thôn Đông");
}

TEST_CASE("scene: labels only for communes big enough on screen, legend combines layers", "[unit][scene]") {
    scene::MapDocument document = openDemo();
    const scene::Camera fitted = scene::Camera::fit(document.bounds(), 1600, 1000);
    const scene::RenderScene scene = document.buildScene(fitted);
    CHECK(scene.labels.size() == mainLayer(document).data.features.size());
    CHECK_FALSE(scene.watermark.empty());
    CHECK(scene.legend.entries.size() > mainLayer(document).legend.entries.size());

    scene::Camera tiny = scene::Camera::fit(document.bounds(), 120, 80);
    CHECK(document.buildScene(tiny).labels.empty());
}

TEST_CASE("map document: reopening the same features at another date keeps the meshes", "[unit][scene]") {
    const demo::DemoDistrict district = demo::generateDemoDistrict();
    auto first = scene::MapDocument::fromLayers(scene::LoadedSource{demo::demoMapLayers(district), "demo", true, {}});
    REQUIRE(first);
    first->ensureLevelsFor(50.0);
    auto second = scene::MapDocument::fromLayers(scene::LoadedSource{demo::demoMapLayers(district), "demo", true, {}});
    REQUIRE(second);
    second->adoptGeometryFrom(*first);
    for (std::size_t i = 0; i < first->layers().size(); ++i) {
        CHECK(second->layers()[i].meshes == first->layers()[i].meshes);
        CHECK(second->layers()[i].layerId == first->layers()[i].layerId);
        CHECK(second->layers()[i].geometryVersion == first->layers()[i].geometryVersion);
        CHECK(second->layers()[i].colorVersion != first->layers()[i].colorVersion);  // colours re-uploaded
    }
    CHECK(second->missingLevelsFor(50.0).empty());  // nothing to re-triangulate

    // Different features (one commune fewer) are never adopted.
    auto layers = demo::demoMapLayers(district);
    layers[0].features.pop_back();
    auto third = scene::MapDocument::fromLayers(scene::LoadedSource{std::move(layers), "demo", true, {}});
    REQUIRE(third);
    third->adoptGeometryFrom(*first);
    CHECK(third->layers()[0].layerId != first->layers()[0].layerId);
}

TEST_CASE("map document: a one-frame export's release frees geometry and builds nothing after", "[unit][scene]") {
    scene::MapDocument document = openDemo();
    REQUIRE(document.ensureLevelsFor(50.0));
    const std::weak_ptr<const tess::LayerMeshes> meshes = mainLayer(document).meshes;
    const std::size_t features = mainLayer(document).data.features.size();
    std::vector<Vec2> labelPoints;  // asked before the release: they stay
    for (std::size_t f = 0; f < features; ++f) labelPoints.push_back(document.labelPoint(f).value());
    const auto colors = *mainLayer(document).colors;

    document.releaseGeometry();
    CHECK(meshes.expired());  // the document held the only reference
    const scene::MapLayer& communes = mainLayer(document);
    REQUIRE(communes.data.features.size() == features);  // attributes stay
    for (const data::Feature& feature : communes.data.features) {
        CHECK(feature.geometry.polygons.empty());
        CHECK(feature.geometry.kind == GeometryKind::Polygon);
    }
    for (std::size_t i = 0; i < labelPoints.size(); ++i) {
        const std::optional<Vec2> kept = document.labelPoint(i);
        REQUIRE(kept);
        CHECK(kept->x == labelPoints[i].x);
        CHECK(kept->y == labelPoints[i].y);
    }
    CHECK(*communes.colors == colors);
    // Another scale would need the geometry: nothing is asked for and nothing built.
    CHECK(document.missingLevelsFor(5.0).empty());
    CHECK_FALSE(document.ensureLevelsFor(5.0));
    CHECK(communes.meshes->levels.empty());
}
