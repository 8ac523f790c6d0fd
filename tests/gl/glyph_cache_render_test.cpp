#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/gl/support/gl_test_support.hpp"
#include "gis/render/renderer.hpp"
#include "tests/gl/support/test_scenes.hpp"

namespace fs = std::filesystem;

namespace {

/// The golden scene (title, legend, a Vietnamese label) drawn by a fresh renderer, whose atlas
/// reads the glyph cache when made and writes it when destroyed.
gis::render::Image drawWithFreshRenderer() {
    const gis::scene::RenderScene scene = test::basicMapScene();
    gis::render::Image image;
    {
        auto renderer = test::makeRenderer();
        gis::render::RenderTarget target(scene.camera.frameWidthPx, scene.camera.frameHeightPx);
        renderer->render(scene, target);
        image = target.readPixels();
    }
    return image;
}

std::size_t filesIn(const fs::path& dir) {
    if (!fs::is_directory(dir)) return 0;
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("Text drawn from the glyph cache is pixel for pixel the text drawn from fresh glyphs", "[gl][text]") {
    NTM_REQUIRE_GL_OR_SKIP();
    const fs::path cacheHome = fs::temp_directory_path() / ("ntm_glyph_render_" + std::to_string(::getpid()));
    fs::remove_all(cacheHome);
    const char* savedXdg = std::getenv("XDG_CACHE_HOME");
    const std::string saved = savedXdg ? savedXdg : "";
    ::setenv("XDG_CACHE_HOME", cacheHome.c_str(), 1);
    const fs::path folder = cacheHome / "ntm-atlas";

    ::setenv("NTM_GLYPH_CACHE", "off", 1);
    const gis::render::Image fresh = drawWithFreshRenderer();
    CHECK(filesIn(folder) == 0);  // turned off: nothing written
    ::unsetenv("NTM_GLYPH_CACHE");

    const gis::render::Image firstRun = drawWithFreshRenderer();  // makes the glyphs, writes the file
    REQUIRE(filesIn(folder) == 1);
    const fs::path file = fs::directory_iterator(folder)->path();
    const auto writtenAt = fs::last_write_time(file);
    const gis::render::Image fromCache = drawWithFreshRenderer();  // every glyph from the file
    CHECK(fs::last_write_time(file) == writtenAt);                   // nothing new: not rewritten

    const auto differences = [&](const gis::render::Image& image) {
        return test::compareImages(fresh, image, 0).differingPixels;
    };
    CHECK(differences(firstRun) == 0);
    CHECK(differences(fromCache) == 0);

    // A damaged file is ignored: the glyphs are made again, the text is the same, the file is mended.
    const auto size = fs::file_size(file);
    fs::resize_file(file, size / 2);
    CHECK(differences(drawWithFreshRenderer()) == 0);
    CHECK(fs::file_size(file) == size);

    if (savedXdg) ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_CACHE_HOME");
    fs::remove_all(cacheHome);
}
