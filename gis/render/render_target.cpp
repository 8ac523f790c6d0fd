#include <algorithm>
#include <cstring>

#include "gis/render/render_target_impl.hpp"

namespace gis::render {

void RenderTarget::Impl::allocate(int widthPx, int heightPx) {
    width = std::max(1, widthPx);
    height = std::max(1, heightPx);
    GLint previousTexture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previousTexture);
    glBindTexture(GL_TEXTURE_2D, color.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previousTexture));
}

RenderTarget::RenderTarget(int widthPx, int heightPx) : m_impl(std::make_unique<Impl>()) {
    m_impl->color = makeGl<TextureTraits>();
    GLint previousTexture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previousTexture);
    glBindTexture(GL_TEXTURE_2D, m_impl->color.get());
    // Linear so the window may show the map scaled (e.g. HiDPI); nearest would shimmer.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previousTexture));
    m_impl->allocate(widthPx, heightPx);

    m_impl->framebuffer = makeGl<FramebufferTraits>();
    GLint previousFbo = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFbo);
    glBindFramebuffer(GL_FRAMEBUFFER, m_impl->framebuffer.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_impl->color.get(), 0);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
}

RenderTarget::~RenderTarget() = default;
RenderTarget::RenderTarget(RenderTarget&&) noexcept = default;
RenderTarget& RenderTarget::operator=(RenderTarget&&) noexcept = default;

void RenderTarget::resize(int widthPx, int heightPx) {
    if (std::max(1, widthPx) == m_impl->width && std::max(1, heightPx) == m_impl->height) return;
    m_impl->allocate(widthPx, heightPx);
}

int RenderTarget::width() const { return m_impl->width; }
int RenderTarget::height() const { return m_impl->height; }
std::uint32_t RenderTarget::colorTexture() const { return m_impl->color.get(); }

Image RenderTarget::readPixels() const {
    Image image;
    image.width = m_impl->width;
    image.height = m_impl->height;
    const std::size_t rowBytes = static_cast<std::size_t>(image.width) * 4;
    std::vector<std::uint8_t> bottomUp(rowBytes * static_cast<std::size_t>(image.height));

    GLint previousFbo = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previousFbo);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_impl->framebuffer.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE, bottomUp.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previousFbo));

    // GL's row 0 is the bottom one; Image wants the top row first.
    image.rgba.resize(bottomUp.size());
    for (int y = 0; y < image.height; ++y)
        std::memcpy(image.rgba.data() + static_cast<std::size_t>(y) * rowBytes,
                    bottomUp.data() + static_cast<std::size_t>(image.height - 1 - y) * rowBytes, rowBytes);

    // The framebuffer holds premultiplied colour; Image (and PNG) use straight alpha.
    for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
        const unsigned a = image.rgba[i + 3];
        if (a == 0 || a == 255) continue;
        for (std::size_t c = 0; c < 3; ++c)
            image.rgba[i + c] = static_cast<std::uint8_t>(std::min(255u, (image.rgba[i + c] * 255u + a / 2) / a));
    }
    return image;
}

}  // namespace gis::render
