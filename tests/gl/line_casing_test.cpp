// A line layer draws each segment's casing and line in one quad, the depth buffer keeping every
// casing off every line (shaders/segment.frag). What two passes (all casings, then all lines)
// gave must still hold: where roads cross or a road bends, no casing covers a line; a later
// line goes over an earlier one; a later layer's casing goes over an earlier layer's lines.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>

#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

using gis::Rgba8;
using gis::Vec2;
using gis::scene::FeatureSymbol;
using gis::scene::LayerDraw;
using gis::scene::PointSymbol;
using gis::scene::WorkStatus;

namespace {

constexpr int kFrame = 200;  // px; 1 m a pixel, kTestOrigin in the middle
constexpr Rgba8 kGround{60, 60, 60, 255};
constexpr Rgba8 kCasing{255, 255, 255, 255};
constexpr Rgba8 kBlue{30, 90, 200, 255};
constexpr Rgba8 kRed{200, 40, 30, 255};

/// Roads 6 px wide with a 3 px casing each side, in the given colours and status.
LayerDraw roads(std::uint64_t id, std::vector<std::vector<Vec2>> lines, std::initializer_list<Rgba8> colors,
                WorkStatus status = WorkStatus::Completed) {
    LayerDraw draw;
    draw.layerId = id;
    draw.meshes = test::polylineMeshes(lines);
    draw.featureColors = test::colors(colors);
    draw.featureSymbols = std::make_shared<const std::vector<FeatureSymbol>>(
        std::vector<FeatureSymbol>(lines.size(), FeatureSymbol{PointSymbol::Bar, status, 0, 0}));
    draw.style.outlineWidthPx = 6.0f;
    draw.style.lineCasingPx = 3.0f;
    draw.style.lineCasingColor = kCasing;
    return draw;
}

gis::render::Image draw(std::vector<LayerDraw> layers) {
    gis::scene::RenderScene scene;
    scene.camera.frameWidthPx = kFrame;
    scene.camera.frameHeightPx = kFrame;
    scene.camera.metersPerPixel = 1.0;
    scene.camera.center = test::kTestOrigin;
    scene.background = kGround;
    scene.layers = std::move(layers);
    auto renderer = test::makeRenderer();
    gis::render::RenderTarget target(kFrame, kFrame);
    renderer->render(scene, target);
    return target.readPixels();
}

/// The pixel whose lower-left corner is `dx`, `dy` metres from the frame's centre (y up).
Rgba8 at(const gis::render::Image& image, int dx, int dy) {
    const std::size_t i = (static_cast<std::size_t>(kFrame / 2 - 1 - dy) * image.width + (kFrame / 2 + dx)) * 4;
    return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2], image.rgba[i + 3]};
}

bool near(Rgba8 a, Rgba8 b, int tolerance = 2) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

const std::vector<Vec2> kAcross{{-90, 0.5}, {90, 0.5}};  // through the middle of the row above dy = 0
const std::vector<Vec2> kUp{{0.5, -90}, {0.5, 90}};

}  // namespace

TEST_CASE("render: where two roads cross, no casing covers a line and the later line goes over", "[gl][render][lines]") {
    NTM_REQUIRE_GL_OR_SKIP();
    const gis::render::Image image = draw({roads(1, {kAcross, kUp}, {kBlue, kRed})});
    CHECK(at(image, 0, 0) == kRed);   // the later road's line over the earlier one's
    // The first road's line, inside the second road's casing band: still its line.
    for (int dx : {4, 5, -4, -5}) {
        INFO("dx " << dx);
        CHECK(near(at(image, dx, 0), kBlue));
    }
    // The second road's line inside the first road's casing band.
    for (int dy : {4, 5, -4, -5}) {
        INFO("dy " << dy);
        CHECK(near(at(image, 0, dy), kRed));
    }
    CHECK(near(at(image, 20, 4), kCasing));   // the first road's casing away from the crossing
    CHECK(near(at(image, 4, 20), kCasing));
    CHECK(near(at(image, 20, 20), kGround));
}

TEST_CASE("render: a road bending sharply has no casing notch at its vertex", "[gl][render][lines]") {
    NTM_REQUIRE_GL_OR_SKIP();
    const std::vector<Vec2> bend{{-80, 0.5}, {0.5, 0.5}, {0.5, 80}};
    const gis::render::Image image = draw({roads(1, {bend}, {kBlue})});
    int checked = 0;
    for (int dy = -6; dy <= 6; ++dy) {
        for (int dx = -6; dx <= 6; ++dx) {
            // Distance of the pixel's centre to the polyline: within 2 px the line covers it fully.
            const double x = dx + 0.5, y = dy + 0.5;
            const double toFirst = x <= 0.5 ? std::abs(y - 0.5) : std::hypot(x - 0.5, y - 0.5);
            const double toSecond = y >= 0.5 ? std::abs(x - 0.5) : std::hypot(x - 0.5, y - 0.5);
            if (std::min(toFirst, toSecond) > 2.0) continue;
            INFO("dx " << dx << " dy " << dy);
            CHECK(near(at(image, dx, dy), kBlue));
            ++checked;
        }
    }
    CHECK(checked > 40);
}

TEST_CASE("render: a later line layer's casing goes over an earlier layer's lines", "[gl][render][lines]") {
    NTM_REQUIRE_GL_OR_SKIP();
    const gis::render::Image image = draw({roads(1, {kAcross}, {kBlue}), roads(2, {kUp}, {kRed})});
    CHECK(near(at(image, 5, 0), kCasing));   // the second layer's casing over the first layer's line
    CHECK(near(at(image, 0, 5), kRed));
    CHECK(near(at(image, 20, 0), kBlue));
}

TEST_CASE("render: a road under construction shows its casing in the gaps of its dashes", "[gl][render][lines]") {
    NTM_REQUIRE_GL_OR_SKIP();
    const gis::render::Image image = draw({roads(1, {kAcross}, {kBlue}, WorkStatus::UnderConstruction)});
    int line = 0, casing = 0;
    for (int dx = -80; dx < 80; ++dx) {
        const Rgba8 c = at(image, dx, 0);
        if (near(c, kBlue)) ++line;
        if (near(c, kCasing)) ++casing;
    }
    INFO("line " << line << ", casing " << casing);
    CHECK(line > 60);
    CHECK(casing > 30);
    CHECK(near(at(image, 0, 5), kCasing));   // the casing along the side stays continuous
}
