// A point layer too crowded to read at the view's scale is left out, and the legend says so;
// closer in, the same layer draws again. (At the country's extent 100,000 works drew as one
// red carpet over every commune.)
#include <catch2/catch.hpp>

#include <algorithm>

#include "gis/data/layer_builder.hpp"
#include "gis/scene/map_document.hpp"

using namespace gis;

namespace {

constexpr double kCommuneSide = 1000.0;  // metres
constexpr int kCommunesAcross = 60;

Geometry square(double x, double y) {
    Geometry g;
    g.kind = GeometryKind::Polygon;
    g.polygons.push_back(Polygon{{Ring{{x, y}, {x + kCommuneSide, y}, {x + kCommuneSide, y + kCommuneSide}, {x, y + kCommuneSide}, {x, y}}}});
    return g;
}

Geometry pointAt(double x, double y) {
    Geometry g;
    g.kind = GeometryKind::Point;
    g.points.push_back({x, y});
    return g;
}

/// 60 × 60 communes of 1 km, each with `worksPerCommune` planned schools spread over it.
scene::LoadedSource communesWithWorks(int worksPerCommune) {
    using data::FieldKind;
    scene::LoadedSource source;
    data::VectorLayer communes = data::makeLayer("communes", "test", "EPSG:3857", {{"name", FieldKind::Text}});
    data::VectorLayer works = data::makeLayer("infrastructure", "test", "EPSG:3857",
                                              {{"type", FieldKind::Text}, {"status", FieldKind::Text}, {"overdue", FieldKind::Integer}});
    for (int row = 0; row < kCommunesAcross; ++row) {
        for (int col = 0; col < kCommunesAcross; ++col) {
            const double x = col * kCommuneSide, y = row * kCommuneSide;
            data::appendFeature(communes, square(x, y), {std::string("Xã ") + std::to_string(row * kCommunesAcross + col)});
            for (int k = 0; k < worksPerCommune; ++k) {
                const double offset = kCommuneSide * (k + 0.5) / worksPerCommune;
                data::appendFeature(works, pointAt(x + offset, y + kCommuneSide - offset),
                                    {std::string("school"), std::string("planned"), std::int64_t{0}});
            }
        }
    }
    source.layers.push_back(std::move(communes));
    source.layers.push_back(std::move(works));
    source.title = "test";
    return source;
}

bool legendHasNote(const scene::Legend& legend) {
    return std::any_of(legend.entries.begin(), legend.entries.end(),
                       [](const scene::LegendEntry& e) { return e.swatch == scene::LegendEntry::Swatch::Note; });
}

bool legendHasSchool(const scene::Legend& legend) {
    return std::any_of(legend.entries.begin(), legend.entries.end(), [](const scene::LegendEntry& e) { return e.text == "Trường học"; });
}

}  // namespace

TEST_CASE("crowded symbols: left out at the whole extent, shown again when zoomed in", "[unit][scene][legend]") {
    auto document = scene::MapDocument::fromLayers(communesWithWorks(8));  // 28,800 works
    REQUIRE(document);

    const scene::Camera whole = document->fitCamera(1200, 900);
    const scene::RenderScene far = document->buildScene(whole);
    REQUIRE(far.layers.size() == 2);
    CHECK(far.layers[0].visible);
    CHECK_FALSE(far.layers[1].visible);
    CHECK(legendHasNote(far.legend));
    CHECK_FALSE(legendHasSchool(far.legend));  // the legend lists only what the map shows
    // The user's choice is untouched: the layer is still switched on, only not drawn here.
    CHECK(document->layers()[1].visible);

    scene::Camera close = whole;
    close.metersPerPixel = whole.metersPerPixel / 12.0;  // five communes across
    const scene::RenderScene near = document->buildScene(close);
    CHECK(near.layers[1].visible);
    CHECK_FALSE(legendHasNote(near.legend));
    CHECK(legendHasSchool(near.legend));
}

TEST_CASE("crowded symbols: a district's usual handful of works per commune is drawn at its whole extent", "[unit][scene][legend]") {
    auto document = scene::MapDocument::fromLayers(communesWithWorks(1));  // 3,600 works, one a commune
    REQUIRE(document);
    const scene::RenderScene scene = document->buildScene(document->fitCamera(1920, 1080));
    CHECK(scene.layers[1].visible);
    CHECK_FALSE(legendHasNote(scene.legend));
}

TEST_CASE("crowded symbols: a switched-off layer is not announced as left out", "[unit][scene][legend]") {
    auto document = scene::MapDocument::fromLayers(communesWithWorks(8));
    REQUIRE(document);
    document->setLayerVisible(1, false);
    CHECK_FALSE(legendHasNote(document->buildScene(document->fitCamera(1200, 900)).legend));
}

TEST_CASE("crowded symbols: drawn without their halos where they cover much of the frame, with them closer in",
          "[unit][scene]") {
    // One work a commune over 3,600 communes: at the whole extent each symbol is a few pixels
    // and together they cover about a tenth of the frame, where each halo would cover its
    // neighbours (a town's cluster drew as a white blot).
    auto document = scene::MapDocument::fromLayers(communesWithWorks(1));
    REQUIRE(document);
    const scene::Camera whole = document->fitCamera(1920, 1080);
    const scene::RenderScene far = document->buildScene(whole);
    REQUIRE(far.layers[1].visible);
    const float size = far.layers[1].style.pointSizePx;
    const double cover = 3600.0 * size * size / (1920.0 * 1080.0);
    INFO("symbols of " << size << " px cover " << cover << " of the frame");
    REQUIRE(cover > 0.05);
    CHECK_FALSE(far.layers[1].style.pointHalo);

    // Five communes across: a hundred symbols or so in view, each with its halo.
    scene::Camera close = whole;
    close.metersPerPixel = whole.metersPerPixel / 12.0;
    const scene::RenderScene near = document->buildScene(close);
    REQUIRE(near.layers[1].visible);
    CHECK(near.layers[1].style.pointHalo);
}

TEST_CASE("crowded symbols: shrink until they cover a tenth of the frame, by a third of their size at most", "[unit][scene]") {
    // At both frames below a commune is some 20-40 px, so the symbol is the same size before
    // shrinking whatever the density: 0.6 of the layer's (symbolScaleFor). The sizes drawn show
    // the rule, with cover = works × size² / frame.
    auto drawnSize = [](int worksPerCommune, int width, int height) {
        auto document = scene::MapDocument::fromLayers(communesWithWorks(worksPerCommune));
        REQUIRE(document);
        const scene::RenderScene scene = document->buildScene(document->fitCamera(width, height));
        REQUIRE(scene.layers[1].visible);
        CHECK_FALSE(scene.layers[1].style.pointHalo);
        return static_cast<double>(scene.layers[1].style.pointSizePx);
    };
    const double frame = 3840.0 * 2160.0;
    const double one = drawnSize(1, 3840, 2160), two = drawnSize(2, 3840, 2160), three = drawnSize(3, 3840, 2160);
    INFO("sizes " << one << ", " << two << ", " << three);
    const double coverOne = 3600.0 * one * one / frame;
    REQUIRE(coverOne > 0.05);  // crowded: no halo
    REQUIRE(coverOne < 0.10);  // but not shrunk: `one` is the size before shrinking
    // Two and three a commune would cover 2 and 3 × coverOne, over a tenth: shrunk to a tenth.
    CHECK(7200.0 * two * two / frame == Approx(0.10).epsilon(0.001));
    CHECK(10800.0 * three * three / frame == Approx(0.10).epsilon(0.001));
    // On a frame of 1920 × 1150 one a commune would cover 23 %: a tenth needs more than a third
    // off, so a third off it is, and the symbols cover more than a tenth.
    const double smallFrame = drawnSize(1, 1920, 1150);
    CHECK(smallFrame == Approx(one * 2.0 / 3.0).epsilon(0.001));
    CHECK(3600.0 * smallFrame * smallFrame / (1920.0 * 1150.0) > 0.10);
}
