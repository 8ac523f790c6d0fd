#include <algorithm>
#include <cstring>
#include <vector>

#include "gis/render/render_target_impl.hpp"

namespace gis::render {

namespace {

/// The framebuffer holds premultiplied colour; Image (and PNG) use straight alpha. A map's
/// pixels are nearly all opaque (its background is): sixteen at a time are tested for that.
void unpremultiplyPixel(std::uint8_t* p) {
    const unsigned a = p[3];
    if (a == 0 || a == 255) return;
    for (std::size_t c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(std::min(255u, (p[c] * 255u + a / 2) / a));
}

void unpremultiplyRow(std::uint8_t* row, std::size_t pixels) {
    constexpr std::uint64_t kBothAlphas = 0xFF000000FF000000ull;  // little-endian RGBA pairs
    constexpr std::size_t kBlock = 16;                              // pixels tested at once
    std::size_t i = 0;
    for (; i + kBlock <= pixels; i += kBlock) {
        std::uint64_t words[kBlock / 2];
        std::memcpy(words, row + i * 4, sizeof words);
        std::uint64_t all = kBothAlphas;
        for (const std::uint64_t word : words) all &= word;
        if ((all & kBothAlphas) == kBothAlphas) continue;  // sixteen opaque pixels: nothing to do
        for (std::size_t k = 0; k < kBlock; ++k) unpremultiplyPixel(row + (i + k) * 4);
    }
    for (; i < pixels; ++i) unpremultiplyPixel(row + i * 4);
}

}  // namespace

void RenderTarget::Impl::allocate(int widthPx, int heightPx) {
    width = std::max(1, widthPx);
    height = std::max(1, heightPx);
    GLint previousTexture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previousTexture);
    glBindTexture(GL_TEXTURE_2D, color.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previousTexture));
    if (depth) {
        glBindRenderbuffer(GL_RENDERBUFFER, depth.get());
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT16, width, height);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
    }
}

void RenderTarget::Impl::ensureDepth() {
    if (depth) return;
    depth = makeGl<RenderbufferTraits>();
    glBindRenderbuffer(GL_RENDERBUFFER, depth.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT16, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth.get());
}

RenderTarget::RenderTarget(int widthPx, int heightPx, TargetUse use) : m_impl(std::make_unique<Impl>()) {
    m_impl->topFirst = use == TargetUse::ReadBack && (epoxy_gl_version() >= 45 || epoxy_has_gl_extension("GL_ARB_clip_control"));
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
bool RenderTarget::rowsTopFirst() const { return m_impl->topFirst; }

Image RenderTarget::readPixels() const {
    Image image;
    image.width = m_impl->width;
    image.height = m_impl->height;
    image.rgba.resize(static_cast<std::size_t>(image.width) * image.height * 4);
    readPixelsInto(image, 0, 0);
    return image;
}

void RenderTarget::readPixelsInto(Image& image, int x0, int y0) const {
    const int w = std::min(m_impl->width, image.width - x0);
    const int h = std::min(m_impl->height, image.height - y0);
    if (w <= 0 || h <= 0) return;
    const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
    std::uint8_t* first = image.rgba.data() + static_cast<std::size_t>(y0) * stride + static_cast<std::size_t>(x0) * 4;

    GLint previousFbo = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previousFbo);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_impl->framebuffer.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glPixelStorei(GL_PACK_ROW_LENGTH, image.width);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, first);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previousFbo));

    // GL's row 0 is the bottom one unless the target was drawn upside down; Image wants the
    // top row first.
    const std::size_t rowBytes = static_cast<std::size_t>(w) * 4;
    if (!m_impl->topFirst) {
        std::vector<std::uint8_t> spare(rowBytes);
        for (int top = 0, bottom = h - 1; top < bottom; ++top, --bottom) {
            std::uint8_t* a = first + static_cast<std::size_t>(top) * stride;
            std::uint8_t* b = first + static_cast<std::size_t>(bottom) * stride;
            std::memcpy(spare.data(), a, rowBytes);
            std::memcpy(a, b, rowBytes);
            std::memcpy(b, spare.data(), rowBytes);
        }
    }
    for (int y = 0; y < h; ++y) unpremultiplyRow(first + static_cast<std::size_t>(y) * stride, static_cast<std::size_t>(w));
}

}  // namespace gis::render
