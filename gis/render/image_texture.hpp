#pragma once
/// A CPU image shown in the window (the export dialog's page preview): uploaded once into a GL
/// texture the UI draws. GL lives here, not in app/.
#include <cstdint>

#include "gis/render/gl_handle.hpp"
#include "gis/render/image.hpp"

namespace gis::render {

class ImageTexture {
public:
    /// Replaces the texture's contents with `image` (RGBA8, top row first).
    void upload(const Image& image);
    /// The GL texture name for ImGui::Image, or 0 when nothing is uploaded.
    std::uint32_t id() const { return m_texture.get(); }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    GlTexture m_texture;
    int m_width = 0, m_height = 0;
};

}  // namespace gis::render
