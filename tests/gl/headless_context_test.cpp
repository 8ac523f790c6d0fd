#include <catch2/catch.hpp>

#include <epoxy/gl.h>

#include "gis/render/renderer.hpp"
#include "tests/gl/support/gl_test_support.hpp"
#include "tests/gl/support/test_scenes.hpp"

TEST_CASE("HeadlessContext: gives an OpenGL 3.3+ core context", "[gl][context]") {
    NTM_REQUIRE_GL_OR_SKIP();
    CHECK_FALSE(test::headlessGl()->rendererName().empty());
    CHECK(epoxy_gl_version() >= 33);
    INFO("GL_RENDERER: " << test::headlessGl()->rendererName());
}

TEST_CASE("Renderer: reports a bounded maximum target size", "[gl][render]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    CHECK(renderer->maxTargetSize() >= 1024);
    CHECK(renderer->maxTargetSize() <= 4096);
}

TEST_CASE("Renderer: render() leaves framebuffer 0, no VAO and no program bound", "[gl][render]") {
    NTM_REQUIRE_GL_OR_SKIP();
    auto renderer = test::makeRenderer();
    gis::render::RenderTarget target(64, 64);
    renderer->render(test::basicMapScene(), target);
    GLint fbo = -1, vao = -1, program = -1;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &fbo);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao);
    glGetIntegerv(GL_CURRENT_PROGRAM, &program);
    CHECK(fbo == 0);
    CHECK(vao == 0);
    CHECK(program == 0);
    if (target.rowsTopFirst()) {  // drawn upside down: the window's GL way is restored after
        GLint origin = 0;
        glGetIntegerv(GL_CLIP_ORIGIN, &origin);
        CHECK(origin == GL_LOWER_LEFT);
    }
    CHECK(glGetError() == GL_NO_ERROR);
}

TEST_CASE("RenderTarget: resize keeps the texture name and changes the read-back size", "[gl][render]") {
    NTM_REQUIRE_GL_OR_SKIP();
    gis::render::RenderTarget target(32, 16);
    const auto texture = target.colorTexture();
    CHECK(target.readPixels().rgba.size() == 32u * 16u * 4u);
    target.resize(40, 20);
    CHECK(target.colorTexture() == texture);
    const auto image = target.readPixels();
    CHECK(image.width == 40);
    CHECK(image.height == 20);
    CHECK(image.rgba.size() == 40u * 20u * 4u);
}
