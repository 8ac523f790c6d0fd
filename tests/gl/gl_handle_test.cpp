#include <catch2/catch.hpp>

#include "gis/render/gl_handle.hpp"
#include "tests/gl/support/gl_test_support.hpp"

using gis::render::GlTexture;
using gis::render::makeGl;
using gis::render::TextureTraits;

TEST_CASE("GlHandle: move transfers ownership, move-assign releases the old object", "[gl][handle]") {
    NTM_REQUIRE_GL_OR_SKIP();
    GlTexture a = makeGl<TextureTraits>();
    const GLuint idA = a.get();
    REQUIRE(idA != 0);
    glBindTexture(GL_TEXTURE_2D, idA);  // a name becomes a texture object on first bind
    glBindTexture(GL_TEXTURE_2D, 0);
    REQUIRE(glIsTexture(idA) == GL_TRUE);

    GlTexture b(std::move(a));
    CHECK(a.get() == 0);  // NOLINT(bugprone-use-after-move): checking the moved-from state
    CHECK(b.get() == idA);

    GlTexture c = makeGl<TextureTraits>();
    const GLuint idC = c.get();
    glBindTexture(GL_TEXTURE_2D, idC);
    glBindTexture(GL_TEXTURE_2D, 0);
    c = std::move(b);  // must delete idC first
    CHECK(c.get() == idA);
    CHECK(glIsTexture(idC) == GL_FALSE);
    CHECK(glIsTexture(idA) == GL_TRUE);
}

TEST_CASE("GlHandle: self-move keeps the object, reset deletes it", "[gl][handle]") {
    NTM_REQUIRE_GL_OR_SKIP();
    GlTexture t = makeGl<TextureTraits>();
    const GLuint id = t.get();
    glBindTexture(GL_TEXTURE_2D, id);
    glBindTexture(GL_TEXTURE_2D, 0);

    GlTexture& alias = t;
    t = std::move(alias);
    CHECK(t.get() == id);
    CHECK(glIsTexture(id) == GL_TRUE);

    t.reset();
    CHECK(t.get() == 0);
    CHECK_FALSE(t);
    CHECK(glIsTexture(id) == GL_FALSE);
    t.reset();  // resetting an empty handle is a no-op
    CHECK(t.get() == 0);
}

TEST_CASE("GlHandle: going out of scope deletes the object", "[gl][handle]") {
    NTM_REQUIRE_GL_OR_SKIP();
    GLuint id = 0;
    {
        GlTexture t = makeGl<TextureTraits>();
        id = t.get();
        glBindTexture(GL_TEXTURE_2D, id);
        glBindTexture(GL_TEXTURE_2D, 0);
        REQUIRE(glIsTexture(id) == GL_TRUE);
    }
    CHECK(glIsTexture(id) == GL_FALSE);
}
