#include <catch2/catch.hpp>

#include <filesystem>

#include "gis/export/png_export.hpp"
#include "gis/export/strip_helper.hpp"
#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"
#include "tests/support/test_paths.hpp"

TEST_CASE("Export: a frame rendered in 100 px tiles equals the single render", "[gl][export]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto scene = test::basicMapScene();
    scene.camera.frameWidthPx = 300;
    scene.camera.frameHeightPx = 200;
    scene.title = "Thành Sơn";
    scene.watermark = "DỮ LIỆU MẪU · demo data";

    const auto whole = gis::exporting::renderFrame(*renderer, scene);
    REQUIRE(whole);
    const auto tiled = gis::exporting::renderFrame(*renderer, scene, 100);
    REQUIRE(tiled);
    REQUIRE(tiled->width == 300);
    REQUIRE(tiled->height == 200);
    const auto diff = test::compareImages(*whole, *tiled, 2);
    INFO("differing pixels " << diff.differingPixels << ", max delta " << diff.maxChannelDelta);
    if (diff.differingPixels > 0) {
        const auto out = test::renderOutDir("tiled_vs_whole");
        (void)gis::exporting::writePng(*whole, (out / "whole.png").string());
        (void)gis::exporting::writePng(*tiled, (out / "tiled.png").string());
        (void)gis::exporting::writePng(diff.diff, (out / "diff.png").string());
    }
    // Geometry and placement are identical; only sub-texel uv rounding on glyph edges may differ
    // (llvmpipe interpolates in each tile's own clip space): a handful of pixels, by a few levels.
    CHECK(diff.ratio <= 0.0005);
    CHECK(diff.maxChannelDelta <= 24);
}

TEST_CASE("Export: writePng round-trips through GDAL and names the path on failure", "[gl][export]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    const auto image = gis::exporting::renderFrame(*renderer, test::basicMapScene());
    REQUIRE(image);
    const auto dir = test::scratchDir("png_export");
    const auto path = dir / "map.png";
    const auto written = gis::exporting::writePng(*image, path.string());
    REQUIRE(written);
    const auto read = test::readPng(path);
    REQUIRE(read.width == image->width);
    CHECK(read.rgba == image->rgba);

    const std::string bad = (dir / "no-such-dir" / "map.png").string();
    const auto failed = gis::exporting::writePng(*image, bad);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message.find(bad) != std::string::npos);
}

TEST_CASE("Export: a PNG streamed in strips equals the single render, and a blank one is refused", "[gl][export]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto scene = test::basicMapScene();
    scene.camera.frameWidthPx = 300;
    scene.camera.frameHeightPx = 600;  // a 300 px tile: strips of 256 rows (256, 256, 88)
    scene.title = "Thành Sơn";
    REQUIRE(gis::exporting::canStreamPng(*renderer, scene, 300));
    const auto whole = gis::exporting::renderFrame(*renderer, scene);
    REQUIRE(whole);
    const auto dir = test::scratchDir("png_strips");
    const auto path = dir / "map.png";
    const auto streamed = gis::exporting::exportPngStrips(*renderer, scene, path.string(), 150, 300);
    REQUIRE(streamed);
    const auto read = test::readPng(path);
    REQUIRE(read.width == 300);
    REQUIRE(read.height == 600);
    const auto diff = test::compareImages(*whole, read, 2);
    INFO("differing pixels " << diff.differingPixels << ", max delta " << diff.maxChannelDelta);
    CHECK(diff.ratio <= 0.0005);
    CHECK(diff.maxChannelDelta <= 24);

    // Transparent backgrounds keep the whole-frame path (the file may need alpha).
    auto transparent = scene;
    transparent.background.a = 0;
    CHECK_FALSE(gis::exporting::canStreamPng(*renderer, transparent, 0));

    // Nothing drawn: one colour everywhere is refused and no file is written.
    auto empty = scene;
    empty.layers.clear();
    empty.labels.clear();
    empty.title.clear();
    empty.legend = {};
    empty.watermark.clear();
    const auto blankPath = dir / "blank.png";
    const auto blank = gis::exporting::exportPngStrips(*renderer, empty, blankPath.string(), 0, 300);
    REQUIRE_FALSE(blank);
    CHECK(blank.error().message.find("blank") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(blankPath));
}

TEST_CASE("Export: strips that let go of the CPU meshes after the upload write the same file", "[gl][export]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto scene = test::basicMapScene();
    scene.camera.frameWidthPx = 300;
    scene.camera.frameHeightPx = 600;
    const auto dir = test::scratchDir("png_strips_release");
    const auto kept = dir / "kept.png";
    REQUIRE(gis::exporting::exportPngStrips(*renderer, scene, kept.string(), 150, 300));

    // A second renderer, so the upload is this export's own; the scene is handed over whole.
    auto fresh = test::makeRenderer();
    std::vector<std::weak_ptr<const gis::tess::LayerMeshes>> meshes;
    for (const auto& draw : scene.layers) meshes.push_back(draw.meshes);
    const auto released = dir / "released.png";
    REQUIRE(gis::exporting::exportPngStrips(*fresh, std::move(scene), released.string(), 150, 300, true));
    for (const auto& m : meshes) CHECK(m.expired());  // nobody holds the CPU copy any more
    const auto a = test::readPng(kept), b = test::readPng(released);
    REQUIRE(a.width == b.width);
    CHECK(a.rgba == b.rgba);  // drawn from the GPU's copy: the same bytes
}

TEST_CASE("Export: a second renderer on its own display draws some strips, and the file is the same", "[gl][export]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    auto scene = test::basicMapScene();  // fills, outlines, roads, the four symbols
    scene.camera.frameWidthPx = 300;
    scene.camera.frameHeightPx = 3000;  // twelve strips of 256 rows (the last 184)
    scene.title = "Thành Sơn";
    scene.labels.push_back({"Xã Thành Sơn", scene.camera.toWorld({150, 1400}), 1.0f});
    const auto dir = test::scratchDir("png_strips_helper");
    const auto alone = dir / "alone.png";
    const auto one = gis::exporting::exportPngStrips(*renderer, scene, alone.string(), 150, 300);
    REQUIRE(one);
    CHECK(one->strips == 12);
    CHECK(one->stripsBySecondRenderer == 0);

    gis::exporting::StripHelper helper;
    INFO(helper.failure());
    REQUIRE(helper.waitReady());  // llvmpipe's software device: what every build machine has
    auto fresh = test::makeRenderer();
    const auto shared = dir / "shared.png";
    const auto two = gis::exporting::exportPngStrips(*fresh, scene, shared.string(), 150, 300, true, &helper);
    REQUIRE(two);
    CHECK(two->strips == 12);
    // The helper was ready before the first strip; it takes the next strip whenever it is free.
    CHECK(two->stripsBySecondRenderer > 0);
    CHECK(two->stripsBySecondRenderer < 12);
    const auto a = test::readPng(alone), b = test::readPng(shared);
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    CHECK(a.rgba == b.rgba);  // the same driver on both displays: the same bytes
}

TEST_CASE("Render: outlines drawn in batches, two queued at a time, give the same pixels", "[gl][export]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    const auto scene = test::basicMapScene();
    gis::render::RenderTarget target(scene.camera.frameWidthPx, scene.camera.frameHeightPx);
    REQUIRE(renderer->quadsPerBatch() == 0);  // the window's default: runs drawn whole
    const auto whole = renderer->render(scene, target);
    const auto expected = target.readPixels();

    // One instance a piece: the most pieces (and waits) a run can be cut into.
    renderer->setQuadsPerBatch(1);
    const auto pieces = renderer->render(scene, target);
    const auto actual = target.readPixels();
    renderer->setQuadsPerBatch(0);

    CHECK(pieces.drawCalls > whole.drawCalls);  // the outlines were cut into pieces
    CHECK(pieces.trianglesSubmitted == whole.trianglesSubmitted);
    CHECK(actual.rgba == expected.rgba);  // the same instances in the same order: byte for byte
}
