// Camera maths the map view and the export rely on: fit, pixel ↔ world, zoom around the cursor.
#include <catch2/catch.hpp>

#include <cmath>

#include "gis/scene/camera.hpp"

using gis::Bounds;
using gis::Vec2;
using gis::scene::Camera;

TEST_CASE("camera: fit shows the whole box centred, with the margin on the tighter side", "[unit][scene]") {
    Bounds box;
    box.expand(Vec2{1000, 2000});
    box.expand(Vec2{3000, 3000});  // 2000 × 1000 m
    const Camera camera = Camera::fit(box, 440, 440, 20.0);
    CHECK(camera.metersPerPixel == Approx(2000.0 / 400.0));
    const Vec2 topLeft = camera.toPixel({1000, 3000});
    const Vec2 bottomRight = camera.toPixel({3000, 2000});
    CHECK(topLeft.x == Approx(20.0));
    CHECK(bottomRight.x == Approx(420.0));
    CHECK(topLeft.y == Approx(220.0 - 100.0));  // 1000 m tall = 200 px, centred vertically
    CHECK(bottomRight.y == Approx(220.0 + 100.0));
}

TEST_CASE("camera: toWorld inverts toPixel, pixel y grows downwards", "[unit][scene]") {
    Camera camera;
    camera.center = {11800000.0, 2300000.0};
    camera.metersPerPixel = 37.5;
    camera.frameWidthPx = 1920;
    camera.frameHeightPx = 1080;
    const Vec2 world{11812345.6, 2298765.4};
    const Vec2 back = camera.toWorld(camera.toPixel(world));
    CHECK(back.x == Approx(world.x).margin(1e-6));
    CHECK(back.y == Approx(world.y).margin(1e-6));
    CHECK(camera.toPixel({camera.center.x, camera.center.y + 100}).y < 540.0);
}

TEST_CASE("camera: zooming keeps the point under the cursor fixed, panning follows the mouse", "[unit][scene]") {
    Camera camera;
    camera.center = {0, 0};
    camera.metersPerPixel = 10;
    camera.frameWidthPx = 800;
    camera.frameHeightPx = 600;
    const Vec2 cursor{123, 456};
    const Vec2 before = camera.toWorld(cursor);
    camera.zoomAround(cursor, 2.0);
    CHECK(camera.metersPerPixel == Approx(5.0));
    const Vec2 after = camera.toWorld(cursor);
    CHECK(after.x == Approx(before.x));
    CHECK(after.y == Approx(before.y));

    const Vec2 grabbed = camera.toWorld({400, 300});
    camera.panByPixels(30, -20);
    const Vec2 moved = camera.toPixel(grabbed);
    CHECK(moved.x == Approx(430));
    CHECK(moved.y == Approx(280));
}

TEST_CASE("camera: a left reserve keeps the data right of the legend", "[unit][scene]") {
    Bounds box;
    box.expand(Vec2{0, 0});
    box.expand(Vec2{1000, 1000});
    const Camera camera = Camera::fit(box, 1600, 1000, 24.0, 300.0);
    CHECK(camera.toPixel({0, 500}).x >= 324.0 - 1e-6);
    CHECK(camera.toPixel({1000, 500}).x <= 1600.0 - 24.0 + 1e-6);
    CHECK(camera.toPixel({500, 1000}).y == Approx(24.0));
}

TEST_CASE("camera: fitting nothing gives a finite view", "[unit][scene]") {
    const Camera camera = Camera::fit(Bounds{}, 800, 600);
    CHECK(std::isfinite(camera.center.x));
    CHECK(std::isfinite(camera.center.y));
    CHECK(camera.metersPerPixel > 0.0);
}
