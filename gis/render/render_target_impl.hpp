#pragma once
/// RenderTarget's GL objects, shared with the renderer (which binds the framebuffer).
#include "gis/render/gl_handle.hpp"
#include "gis/render/renderer.hpp"

namespace gis::render {

struct RenderTarget::Impl {
    GlFramebuffer framebuffer;
    GlTexture color;  ///< RGBA8, premultiplied alpha (opaque when the background is)
    /// 16-bit depth, made the first time a line layer with a casing is drawn into the target
    /// (Renderer's drawLines): no other draw uses it, and it would cost 2 bytes a pixel.
    GlRenderbuffer depth;
    int width = 0;
    int height = 0;
    bool topFirst = false;  ///< drawn with glClipControl(GL_UPPER_LEFT): row 0 is the top row

    /// (Re)allocates the colour storage, and the depth storage once made; the texture and FBO
    /// names stay the same.
    void allocate(int widthPx, int heightPx);
    /// Makes and attaches the depth storage if the target has none yet. Call with the target's
    /// framebuffer bound.
    void ensureDepth();
};

}  // namespace gis::render
