#include <catch2/catch.hpp>

#include "gis/render/label_placer.hpp"
#include "gis/render/utf8.hpp"

using gis::render::LabelExtent;
using gis::render::PixelBox;

namespace {

gis::scene::Camera frame(int w, int h) {
    gis::scene::Camera camera;
    camera.frameWidthPx = w;
    camera.frameHeightPx = h;
    camera.center = {w * 0.5, h * 0.5};  // world == pixel x, y flipped
    camera.metersPerPixel = 1.0;
    return camera;
}

LabelExtent fixedExtent(const std::string& text) { return {static_cast<float>(text.size()) * 8.0f, 10.0f, 3.0f}; }

}  // namespace

TEST_CASE("Labels: higher priority wins a collision, ties keep input order", "[gl][labels]") {
    const auto camera = frame(400, 200);
    const std::vector<gis::scene::Label> labels{
        {"low", {200, 100}, 1.0f}, {"high", {205, 100}, 5.0f}, {"far", {60, 40}, 1.0f}, {"tie", {62, 40}, 1.0f}};
    const auto placed = gis::render::placeLabels(labels, camera, fixedExtent, 3.0f, {});
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].labelIndex == 1);  // "high"
    CHECK(placed[1].labelIndex == 2);  // "far" beats "tie" (same priority, earlier)
}

TEST_CASE("Labels: boxes leaving the frame or hitting reserved areas are dropped", "[gl][labels]") {
    const auto camera = frame(200, 100);
    const std::vector<gis::scene::Label> labels{{"edge-label", {5, 50}, 1.0f}, {"legend", {100, 50}, 1.0f},
                                                {"ok", {160, 50}, 1.0f}};
    const std::vector<PixelBox> reserved{{80, 40, 120, 60}};
    const auto placed = gis::render::placeLabels(labels, camera, fixedExtent, 2.0f, reserved);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].labelIndex == 2);
}

TEST_CASE("Labels: placement is deterministic and independent of the tile offset", "[gl][labels]") {
    auto camera = frame(300, 300);
    std::vector<gis::scene::Label> labels;
    for (int i = 0; i < 200; ++i)
        labels.push_back({"L" + std::to_string(i), {double((i * 37) % 300), double((i * 91) % 300)}, float(i % 7)});
    const auto a = gis::render::placeLabels(labels, camera, fixedExtent, 3.0f, {});
    camera.tileOffsetXPx = 100;
    camera.tileOffsetYPx = 200;
    const auto b = gis::render::placeLabels(labels, camera, fixedExtent, 3.0f, {});
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].labelIndex == b[i].labelIndex);
        CHECK(a[i].x == b[i].x);
        CHECK(a[i].baselineY == b[i].baselineY);
    }
}

TEST_CASE("UTF-8: Vietnamese decodes to code points, malformed bytes to U+FFFD", "[gl][text]") {
    const std::string text = "Đạt ₫\xC3";
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(gis::render::nextCodepoint(text, pos));
    CHECK(out == std::u32string{U'\u0110', U'\u1EA1', U't', U' ', U'\u20AB', U'\uFFFD'});
}
