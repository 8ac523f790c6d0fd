#pragma once
/// One owning, move-only wrapper for every kind of GL object (buffers, VAOs, textures, FBOs,
/// shaders, programs). GL objects must be owned by Renderer / RenderTarget / GpuCache, which are
/// destroyed before the context: never make a GlHandle static or global.
#include <utility>

#include <epoxy/gl.h>

namespace gis::render {

/// Move-only owner of one GL object name. `Traits::destroy(GLuint)` deletes it.
template <class Traits>
class GlHandle {
public:
    GlHandle() = default;
    /// Takes ownership of `id` (0 means "nothing").
    explicit GlHandle(GLuint id) noexcept : m_id(id) {}
    GlHandle(GlHandle&& other) noexcept : m_id(std::exchange(other.m_id, 0)) {}
    /// Releases the currently owned object *before* taking the other one (no leak on reassignment).
    GlHandle& operator=(GlHandle&& other) noexcept {
        if (this != &other) {
            reset();
            m_id = std::exchange(other.m_id, 0);
        }
        return *this;
    }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;
    ~GlHandle() { reset(); }

    /// Deletes the owned object (if any) and becomes empty.
    void reset() noexcept {
        if (m_id != 0) {
            Traits::destroy(m_id);
            m_id = 0;
        }
    }
    /// Gives up ownership without deleting.
    [[nodiscard]] GLuint release() noexcept { return std::exchange(m_id, 0); }
    [[nodiscard]] GLuint get() const noexcept { return m_id; }
    explicit operator bool() const noexcept { return m_id != 0; }

private:
    GLuint m_id = 0;
};

struct BufferTraits {
    static void destroy(GLuint id) noexcept { glDeleteBuffers(1, &id); }
    static GLuint create() noexcept { GLuint id = 0; glGenBuffers(1, &id); return id; }
};
struct VertexArrayTraits {
    static void destroy(GLuint id) noexcept { glDeleteVertexArrays(1, &id); }
    static GLuint create() noexcept { GLuint id = 0; glGenVertexArrays(1, &id); return id; }
};
struct TextureTraits {
    static void destroy(GLuint id) noexcept { glDeleteTextures(1, &id); }
    static GLuint create() noexcept { GLuint id = 0; glGenTextures(1, &id); return id; }
};
struct FramebufferTraits {
    static void destroy(GLuint id) noexcept { glDeleteFramebuffers(1, &id); }
    static GLuint create() noexcept { GLuint id = 0; glGenFramebuffers(1, &id); return id; }
};
struct RenderbufferTraits {
    static void destroy(GLuint id) noexcept { glDeleteRenderbuffers(1, &id); }
    static GLuint create() noexcept { GLuint id = 0; glGenRenderbuffers(1, &id); return id; }
};
struct ShaderTraits {
    static void destroy(GLuint id) noexcept { glDeleteShader(id); }
};
struct ProgramTraits {
    static void destroy(GLuint id) noexcept { glDeleteProgram(id); }
};

using GlBuffer = GlHandle<BufferTraits>;
using GlVertexArray = GlHandle<VertexArrayTraits>;
using GlTexture = GlHandle<TextureTraits>;
using GlFramebuffer = GlHandle<FramebufferTraits>;
using GlRenderbuffer = GlHandle<RenderbufferTraits>;
using GlShader = GlHandle<ShaderTraits>;
using GlProgram = GlHandle<ProgramTraits>;

/// Creates a fresh object of a kind that has a glGen* function.
template <class Traits>
GlHandle<Traits> makeGl() {
    return GlHandle<Traits>(Traits::create());
}

}  // namespace gis::render
