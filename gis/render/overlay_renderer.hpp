#pragma once
/// Draws an OverlayBatch (labels, legend, title, watermark) over the bound render target: one
/// draw per run of the batch, each with the build of overlay.frag for its kind (OverlayKind).
#include <array>

#include "gis/core/result.hpp"
#include "gis/render/gl_handle.hpp"
#include "gis/render/overlay_batch.hpp"
#include "gis/render/shader_library.hpp"
#include "gis/render/text_atlas.hpp"

namespace gis::render {

class OverlayRenderer {
public:
    /// Builds the programs and the vertex array. Needs a current context.
    static Result<OverlayRenderer> create(const ShaderLibrary& shaders);

    /// Draws `batch` in insertion order. Blending (premultiplied) and the framebuffer are the
    /// caller's; `tileOffset` is the target's top-left corner in frame pixels. Leaves the atlas
    /// bound to GL_TEXTURE_2D. Returns the number of draw calls made.
    unsigned draw(const OverlayBatch& batch, TextAtlas& atlas, float tileOffsetX, float tileOffsetY, float targetW,
                  float targetH);

    /// Draws every run with the one program of every mode (overlay.frag built without
    /// NTM_OVERLAY_KIND), as the overlay was drawn before the programs were split: the reference
    /// the tests compare the split programs with. Off by default.
    void setSingleProgram(bool single) { m_singleProgram = single; }

private:
    struct Program {
        GlProgram handle;
        GLint tileOffset = -1, targetSize = -1, atlas = -1, sdfOnEdge = -1, sdfPxPerUnit = -1;
    };
    static Result<Program> buildProgram(const ShaderLibrary& shaders, const char* defines);
    void use(const Program& program, float tileOffsetX, float tileOffsetY, float targetW, float targetH) const;

    std::array<Program, 3> m_byKind;  ///< indexed by OverlayKind
    Program m_single;                 ///< every mode in one program (setSingleProgram)
    bool m_singleProgram = false;
    GlVertexArray m_vao;
    GlBuffer m_vbo;
};

}  // namespace gis::render
