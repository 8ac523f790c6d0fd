#include "gis/render/overlay_renderer.hpp"

#include <cstddef>
#include <utility>

namespace gis::render {

Result<OverlayRenderer::Program> OverlayRenderer::buildProgram(const ShaderLibrary& shaders, const char* defines) {
    auto built = shaders.build("overlay", defines);
    if (!built) return built.error();
    Program p;
    p.handle = std::move(*built);
    const GLuint id = p.handle.get();
    p.tileOffset = glGetUniformLocation(id, "u_tileOffset");
    p.targetSize = glGetUniformLocation(id, "u_targetSize");
    p.atlas = glGetUniformLocation(id, "u_atlas");
    p.sdfOnEdge = glGetUniformLocation(id, "u_sdfOnEdge");
    p.sdfPxPerUnit = glGetUniformLocation(id, "u_sdfPxPerUnit");
    return p;
}

Result<OverlayRenderer> OverlayRenderer::create(const ShaderLibrary& shaders) {
    OverlayRenderer r;
    // Index = OverlayKind; the define picks the branch of overlay.frag that kind needs.
    const char* defines[] = {"#define NTM_OVERLAY_KIND 0\n", "#define NTM_OVERLAY_KIND 1\n", "#define NTM_OVERLAY_KIND 2\n"};
    for (std::size_t kind = 0; kind < r.m_byKind.size(); ++kind) {
        auto program = buildProgram(shaders, defines[kind]);
        if (!program) return program.error();
        r.m_byKind[kind] = std::move(*program);
    }
    auto single = buildProgram(shaders, "");
    if (!single) return single.error();
    r.m_single = std::move(*single);

    r.m_vao = makeGl<VertexArrayTraits>();
    r.m_vbo = makeGl<BufferTraits>();
    glBindVertexArray(r.m_vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, r.m_vbo.get());
    constexpr auto stride = static_cast<GLsizei>(sizeof(OverlayVertex));
    const auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(OverlayVertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(OverlayVertex, u)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(OverlayVertex, color)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, stride, at(offsetof(OverlayVertex, mode)));
    glEnableVertexAttribArray(4);
    glVertexAttribPointer(4, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(OverlayVertex, haloColor)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return r;
}

void OverlayRenderer::use(const Program& p, float tileOffsetX, float tileOffsetY, float targetW, float targetH) const {
    glUseProgram(p.handle.get());
    glUniform2f(p.tileOffset, tileOffsetX, tileOffsetY);
    glUniform2f(p.targetSize, targetW, targetH);
    // Locations the compiler dropped (no glyphs in the plain and symbol builds) are -1: GL ignores them.
    glUniform1i(p.atlas, 0);
    glUniform1f(p.sdfOnEdge, TextAtlas::kOnEdge / 255.0f);
    glUniform1f(p.sdfPxPerUnit, 255.0f / TextAtlas::kValuePerPx);
}

unsigned OverlayRenderer::draw(const OverlayBatch& batch, TextAtlas& atlas, float tileOffsetX, float tileOffsetY,
                               float targetW, float targetH) {
    if (batch.empty()) return 0;
    glActiveTexture(GL_TEXTURE0);
    atlas.uploadPending();

    const auto& vertices = batch.vertices();
    glBindVertexArray(m_vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(OverlayVertex)), vertices.data(),
                 GL_STREAM_DRAW);
    if (m_singleProgram) {
        use(m_single, tileOffsetX, tileOffsetY, targetW, targetH);
        glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices.size()));
        return 1;
    }
    // A run per change of kind (a district frame: the labels in one, the legend in a dozen);
    // switching programs between them is cheap next to what a glyph pixel saves.
    const Program* current = nullptr;
    unsigned draws = 0;
    for (const OverlayRun& run : batch.runs()) {
        const Program& program = m_byKind[static_cast<std::size_t>(run.kind)];
        if (&program != current) {
            use(program, tileOffsetX, tileOffsetY, targetW, targetH);
            current = &program;
        }
        glDrawArrays(GL_TRIANGLES, static_cast<GLint>(run.first), static_cast<GLsizei>(run.count));
        ++draws;
    }
    return draws;
}

}  // namespace gis::render
