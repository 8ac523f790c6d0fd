// One symbol of every infrastructure type in every status on a plain background, read back
// pixel by pixel: the fill follows the status, the overdue ring is red, no two shapes coincide.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>

#include "gis/render/renderer.hpp"
#include "gis/scene/work_symbols.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

using gis::Rgba8;
using gis::render::Image;
using gis::render::RenderTarget;
using gis::scene::FeatureSymbol;
using gis::scene::LayerDraw;
using gis::scene::RenderScene;
using gis::scene::WorkStatus;

namespace {

constexpr int kCell = 64;
constexpr float kSizePx = 32.0f;  // radius 16: every probe below is several pixels inside its region
constexpr Rgba8 kBackground{242, 239, 233, 255};

struct Variant {
    WorkStatus status;
    bool overdue;
};
constexpr Variant kRows[] = {{WorkStatus::Completed, false},
                             {WorkStatus::UnderConstruction, false},
                             {WorkStatus::Planned, false},
                             {WorkStatus::UnderConstruction, true},
                             {WorkStatus::Planned, true}};
constexpr int kRowCount = 5;

int columns() { return static_cast<int>(gis::scene::workTypeLooks().size()); }

/// Pixel centre of the symbol in column `c`, row `r` (frame pixels, y down).
std::pair<int, int> cellCentre(int c, int r) { return {c * kCell + kCell / 2, r * kCell + kCell / 2}; }

RenderScene symbolGrid() {
    RenderScene scene;
    scene.background = kBackground;
    const int width = columns() * kCell, height = kRowCount * kCell;
    scene.camera.frameWidthPx = width;
    scene.camera.frameHeightPx = height;
    scene.camera.metersPerPixel = 1.0;
    // Centre the camera so that metre (x, y) from kTestOrigin is pixel (x, height - y).
    scene.camera.center = {test::kTestOrigin.x + width / 2.0, test::kTestOrigin.y + height / 2.0};
    std::uint64_t id = 100;
    for (int r = 0; r < kRowCount; ++r) {
        for (int c = 0; c < columns(); ++c) {
            const gis::scene::WorkTypeLook& look = gis::scene::workTypeLooks()[static_cast<std::size_t>(c)];
            const auto [px, py] = cellCentre(c, r);
            LayerDraw draw;
            draw.layerId = id++;
            draw.meshes = test::pointMeshes({{static_cast<double>(px), static_cast<double>(height - py)}});
            draw.featureColors = test::colors({look.color});
            auto symbols = std::make_shared<std::vector<FeatureSymbol>>(1);
            (*symbols)[0].shape = look.shape;
            (*symbols)[0].status = kRows[r].status;
            (*symbols)[0].overdue = kRows[r].overdue ? 1 : 0;
            draw.featureSymbols = symbols;
            draw.symbolVersion = 1;
            draw.style.pointSizePx = kSizePx;
            scene.layers.push_back(std::move(draw));
        }
    }
    return scene;
}

Rgba8 pixel(const Image& image, int x, int y) {
    const std::size_t i = (static_cast<std::size_t>(y) * image.width + x) * 4;
    return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2], image.rgba[i + 3]};
}

bool near(Rgba8 a, Rgba8 b, int tolerance = 6) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

bool isOverdueRed(Rgba8 c) { return c.r > 190 && c.g < 50 && c.b < 50; }

/// Background and type-coloured pixels on the vertical line through the centre, above and
/// below it, within 0.3 r: inside every shape, so background there means "hollow". The
/// hourglass is two triangles touching at the centre: its line runs through their middles.
struct Column {
    int backgroundAbove = 0, backgroundBelow = 0, fillAbove = 0, fillBelow = 0;
};
Column centreColumn(const Image& image, int cx, int cy, Rgba8 fill, gis::scene::PointSymbol shape) {
    Column column;
    const float r = kSizePx * 0.5f;
    const bool hourglass = shape == gis::scene::PointSymbol::Hourglass;
    const int from = hourglass ? static_cast<int>(r * 0.65f) : 1;  // 0: the half-fill edge runs through the centre row
    const int to = static_cast<int>(r * (hourglass ? 0.85f : 0.3f));
    for (int dy = -to; dy <= to; ++dy) {
        if (std::abs(dy) < from) continue;
        const Rgba8 c = pixel(image, cx, cy + dy);
        (dy < 0 ? column.backgroundAbove : column.backgroundBelow) += near(c, kBackground, 2) ? 1 : 0;
        (dy < 0 ? column.fillAbove : column.fillBelow) += near(c, fill) ? 1 : 0;
    }
    return column;
}

int redPixelsAround(const Image& image, int cx, int cy) {
    int red = 0;
    for (int y = cy - kCell / 2; y < cy + kCell / 2; ++y)
        for (int x = cx - kCell / 2; x < cx + kCell / 2; ++x) red += isOverdueRed(pixel(image, x, y)) ? 1 : 0;
    return red;
}

/// Which pixels of a cell the symbol covers (differ from the background).
std::vector<bool> coverageMask(const Image& image, int cx, int cy) {
    std::vector<bool> mask;
    for (int y = cy - kCell / 2; y < cy + kCell / 2; ++y)
        for (int x = cx - kCell / 2; x < cx + kCell / 2; ++x) mask.push_back(!near(pixel(image, x, y), kBackground, 2));
    return mask;
}

}  // namespace

TEST_CASE("render: every work type in every status reads as its shape, fill and overdue ring", "[gl][render][symbols]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    const RenderScene scene = symbolGrid();
    RenderTarget target(scene.camera.frameWidthPx, scene.camera.frameHeightPx);
    renderer->render(scene, target);
    const Image image = target.readPixels();

    for (int c = 0; c < columns(); ++c) {
        const gis::scene::WorkTypeLook& look = gis::scene::workTypeLooks()[static_cast<std::size_t>(c)];
        for (int r = 0; r < kRowCount; ++r) {
            const auto [cx, cy] = cellCentre(c, r);
            INFO("type " << (look.type[0] ? look.type : "(other)") << ", status " << static_cast<int>(kRows[r].status)
                         << (kRows[r].overdue ? ", overdue" : "") << ", centre " << cx << "," << cy);
            const Column column = centreColumn(image, cx, cy, look.color, look.shape);
            switch (kRows[r].status) {
                case WorkStatus::Completed:  // filled: the type colour through the centre, no hole
                    CHECK(column.backgroundAbove + column.backgroundBelow == 0);
                    CHECK(column.fillAbove > 0);
                    CHECK(column.fillBelow > 0);
                    break;
                case WorkStatus::UnderConstruction:  // lower half filled, upper half hollow
                    CHECK(column.backgroundAbove > 0);
                    CHECK(column.backgroundBelow == 0);
                    CHECK(column.fillBelow > 0);
                    break;
                case WorkStatus::Planned:  // hollow: the map shows through the centre
                    CHECK(column.backgroundAbove > 0);
                    CHECK(column.backgroundBelow > 0);
                    CHECK(near(pixel(image, cx, cy + (look.shape == gis::scene::PointSymbol::Hourglass ? 12 : 0)), kBackground, 2));
                    break;
            }
            if (kRows[r].overdue)
                CHECK(redPixelsAround(image, cx, cy) > 40);
            else
                CHECK(redPixelsAround(image, cx, cy) == 0);
        }
    }

    // No two types share a shape: the completed symbols' footprints differ by a visible area.
    for (int a = 0; a < columns(); ++a) {
        const auto [ax, ay] = cellCentre(a, 0);
        const std::vector<bool> maskA = coverageMask(image, ax, ay);
        for (int b = a + 1; b < columns(); ++b) {
            const auto [bx, by] = cellCentre(b, 0);
            const std::vector<bool> maskB = coverageMask(image, bx, by);
            int differing = 0;
            for (std::size_t i = 0; i < maskA.size(); ++i) differing += maskA[i] != maskB[i] ? 1 : 0;
            INFO("types " << a << " and " << b);
            CHECK(differing > 60);
        }
    }
    CHECK(test::matchesGolden("symbols_grid", image));
}
