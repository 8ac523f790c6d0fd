#pragma once
/// RenderTarget's GL objects, shared with the renderer (which binds the framebuffer).
#include "gis/render/gl_handle.hpp"
#include "gis/render/renderer.hpp"

namespace gis::render {

struct RenderTarget::Impl {
    GlFramebuffer framebuffer;
    GlTexture color;  ///< RGBA8, premultiplied alpha (opaque when the background is)
    int width = 0;
    int height = 0;
    bool topFirst = false;  ///< drawn with glClipControl(GL_UPPER_LEFT): row 0 is the top row

    /// (Re)allocates the colour storage; the texture and FBO names stay the same.
    void allocate(int widthPx, int heightPx);
};

}  // namespace gis::render
