#include "gis/render/renderer.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "gis/render/gpu_cache.hpp"
#include "gis/render/gpu_sync.hpp"
#include "gis/render/mesh_transform.hpp"
#include "gis/render/overlay_batch.hpp"
#include "gis/render/overlay_painter.hpp"
#include "gis/render/overlay_renderer.hpp"
#include "gis/render/render_target_impl.hpp"
#include "gis/render/shader_library.hpp"
#include "gis/render/text_atlas.hpp"

namespace gis::render {

namespace {

/// How far opaque fills grow outward: half a pixel closes cracks up to a pixel wide between
/// neighbours simplified on their own, and the overlap it makes is too small to see.
constexpr float kFillGrowPx = 0.5f;

/// Upper bound on a render target side: beyond it, export tiles (bounds memory on llvmpipe).
constexpr int kTargetSizeCap = 4096;

/// How segment.vert colours and shapes a pass (its NTM_LINE_MODE, or u_lineMode in the general program).
enum class LinePass : GLint { PlainColor = 0, FeatureColor = 1, LineLayer = 2 };
constexpr int kLinePassCount = 3;

/// scene::PointSymbol's shapes (Circle … Bar).
constexpr int kPointShapeCount = static_cast<int>(scene::PointSymbol::Bar) + 1;

/// A linked program and the locations of the uniforms we set.
struct Program {
    GlProgram handle;
    GLint shift = -1, scale = -1, offset = -1, targetSize = -1, colors = -1, opacity = -1;
    GLint highlightId = -1, growPx = -1;                       // fill
    GLint symbols = -1;                                        // segment, point
    GLint halfWidth = -1, lineMode = -1, casingPx = -1, color = -1;  // segment
    GLint quadData = -1, quadFeatures = -1, quadStarts = -1, hasStarts = -1;  // segment, point
    GLint radius = -1, strokeColor = -1, halo = -1;            // point

    void locate() {
        const GLuint p = handle.get();
        const auto at = [p](const char* name) { return glGetUniformLocation(p, name); };
        shift = at("u_shift"); scale = at("u_scale"); offset = at("u_offset"); targetSize = at("u_targetSize");
        colors = at("u_colors"); opacity = at("u_opacity"); highlightId = at("u_highlightId"); growPx = at("u_growPx");
        symbols = at("u_symbols");
        halfWidth = at("u_halfWidth"); lineMode = at("u_lineMode"); casingPx = at("u_casingPx"); color = at("u_color");
        quadData = at("u_quadData"); quadFeatures = at("u_quadFeatures"); quadStarts = at("u_quadStarts");
        hasStarts = at("u_hasStarts");
        radius = at("u_radius");
        strokeColor = at("u_strokeColor");
        halo = at("u_halo");
    }
};

/// A program built from its shader pair and defines the first time it is asked for.
class LazyProgram {
public:
    void define(std::string name, std::string defines) {
        m_name = std::move(name);
        m_defines = std::move(defines);
    }
    Status build(const ShaderLibrary& shaders) {
        if (m_program) return Ok{};
        auto built = shaders.build(m_name, m_defines);
        if (!built) {
            m_failed = true;
            return built.error();
        }
        m_program.emplace();
        m_program->handle = std::move(*built);
        m_program->locate();
        return Ok{};
    }
    /// The program, or nullptr when it does not build (tried once).
    const Program* get(const ShaderLibrary& shaders) {
        if (!m_program && !m_failed) (void)build(shaders);
        return m_program ? &*m_program : nullptr;
    }

private:
    std::string m_name, m_defines;
    std::optional<Program> m_program;
    bool m_failed = false;
};

void setColor(GLint location, Rgba8 c) {
    glUniform4f(location, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
}

/// Contiguous element runs of the chunks that intersect `view`; adjacent chunks are merged so a
/// fully visible mesh costs one draw call. A mesh without chunks is one run.
std::vector<std::pair<std::uint32_t, std::uint32_t>> visibleRuns(const GpuMesh& mesh, const Bounds& view) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> runs;
    if (mesh.chunks.empty()) {
        runs.emplace_back(0, mesh.count);
        return runs;
    }
    for (const tess::Chunk& chunk : mesh.chunks) {
        if (chunk.count == 0 || chunk.first >= mesh.count) continue;
        // A chunk without bounds cannot be culled safely: draw it.
        if (chunk.bounds.valid() && !chunk.bounds.intersects(view)) continue;
        const std::uint32_t count = std::min(chunk.count, mesh.count - chunk.first);
        if (!runs.empty() && runs.back().first + runs.back().second == chunk.first)
            runs.back().second += count;
        else
            runs.emplace_back(chunk.first, count);
    }
    return runs;
}

/// The world box a target shows, grown by `marginPx` so wide lines and symbols at the edge survive.
Bounds tileBounds(const scene::Camera& camera, int widthPx, int heightPx, double marginPx) {
    Bounds b;
    b.expand(camera.toWorld({camera.tileOffsetXPx - marginPx, camera.tileOffsetYPx - marginPx}));
    b.expand(camera.toWorld({camera.tileOffsetXPx + widthPx + marginPx, camera.tileOffsetYPx + heightPx + marginPx}));
    return b;
}

/// Quads (segments, point symbols) one indexed draw covers: 4 vertices each, so the indices fit 16 bits.
constexpr std::uint32_t kQuadsPerDraw = 16384;

/// Two triangles a quad over its 4 vertices (the order of the triangle strip 0-1-2-3), for
/// kQuadsPerDraw quads; a draw's base vertex picks the first quad.
std::vector<std::uint16_t> quadIndices() {
    std::vector<std::uint16_t> indices;
    indices.reserve(6 * kQuadsPerDraw);
    for (std::uint32_t k = 0; k < kQuadsPerDraw; ++k)
        for (const std::uint32_t corner : {0u, 1u, 2u, 2u, 1u, 3u}) indices.push_back(static_cast<std::uint16_t>(4 * k + corner));
    return indices;
}

/// Index of the coarsest LOD level whose tolerance is at most tess::kLodMaxTolerancePx pixels.
int pickLevel(const GpuLayer& layer, double metersPerPixel) {
    int chosen = 0;
    double best = -1.0;
    for (std::size_t i = 0; i < layer.levels.size(); ++i) {
        const double tolerance = layer.levels[i].toleranceMeters;
        if (tolerance <= tess::kLodMaxTolerancePx * metersPerPixel && tolerance > best) {
            best = tolerance;
            chosen = static_cast<int>(i);
        }
    }
    return chosen;
}

}  // namespace

struct Renderer::Impl {
    ShaderLibrary shaders;
    Program fill;
    /// Segment programs: [pass] with the pass compiled in (shaders/segment.vert), [kLinePassCount]
    /// the general one with the pass as a uniform. Point programs: [shape] for layers whose
    /// symbols all share one shape (shaders/point.frag), [kPointShapeCount] the general one.
    /// Each is built when first drawn: every program llvmpipe compiles costs some memory, and an
    /// export draws three or four of them.
    std::array<LazyProgram, kLinePassCount + 1> segmentPrograms;
    std::array<LazyProgram, kPointShapeCount + 1> pointPrograms;
    bool referencePrograms = false;  ///< draw with the general programs only (setReferencePrograms)

    const Program* segmentProgram(LinePass pass) {
        return segmentPrograms[referencePrograms ? kLinePassCount : static_cast<std::size_t>(pass)].get(shaders);
    }

    /// The point program of the layer's one shape, else the general one.
    const Program* pointProgram(const GpuLayer& layer) {
        const bool single = !referencePrograms && layer.singleShape >= 0 && layer.singleShape < kPointShapeCount;
        return pointPrograms[single ? static_cast<std::size_t>(layer.singleShape) : kPointShapeCount].get(shaders);
    }
    GpuCache cache;
    std::unique_ptr<TextAtlas> atlas;
    OverlayBatch overlayBatch;
    std::vector<TextRun> textRuns;
    std::optional<OverlayRenderer> overlay;
    GlVertexArray quadVao;  ///< no attributes: the shared quad indices (quadIndices)
    GlBuffer quadIndexBuffer;
    int maxTargetSize = 0;
    std::uint32_t maxTexelBuffer = 0;  ///< GL_MAX_TEXTURE_BUFFER_SIZE: quads past it are not drawn
    std::uint32_t quadsPerBatch = 0;  ///< 0: draw each run whole, never wait
    GpuBatchQueue batches;

    // Per-frame state while drawing one target.
    const scene::Camera* camera = nullptr;
    RenderTarget* target = nullptr;
    float targetW = 1, targetH = 1;
    RenderStats* stats = nullptr;

    void useMeshProgram(const Program& p, const GpuMesh& mesh, const GpuLayer& layer, float opacity) const {
        glUseProgram(p.handle.get());
        const MeshTransform t = meshTransform(mesh.origin, *camera);
        glUniform2f(p.shift, t.shift[0], t.shift[1]);
        glUniform2f(p.scale, t.scale[0], t.scale[1]);
        glUniform2f(p.offset, t.offset[0], t.offset[1]);
        glUniform2f(p.targetSize, targetW, targetH);
        glUniform1f(p.opacity, opacity);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, layer.colors.get());
        glUniform1i(p.colors, 0);
        if (p.symbols >= 0) {
            glActiveTexture(GL_TEXTURE1);
            glBindTexture(GL_TEXTURE_2D, layer.symbols.get());  // 0 for polygon layers: never fetched
            glUniform1i(p.symbols, 1);
            glActiveTexture(GL_TEXTURE0);
        }
    }

    void drawFill(const GpuMesh& mesh, const GpuLayer& layer, const scene::LayerDraw& draw, const Bounds& view) {
        useMeshProgram(fill, mesh, layer, draw.style.opacity);
        const bool highlight = draw.highlightedFeature >= 0 && draw.highlightedFeature < 0x7FFFFFFF;
        glUniform1i(fill.highlightId, highlight ? static_cast<GLint>(draw.highlightedFeature) : -1);
        // Opaque fills grow by half a pixel so neighbours meet (tess/fill_outward.hpp); translucent
        // ones do not, as the overlap would show as a darker seam along every border.
        glUniform1f(fill.growPx, draw.style.opacity >= 1.0f ? kFillGrowPx : 0.0f);
        glBindVertexArray(mesh.vao.get());
        for (const auto& [first, count] : visibleRuns(mesh, view)) {
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * sizeof(std::uint32_t)));
            ++stats->drawCalls;
            stats->trianglesSubmitted += count / 3;
        }
    }

    /// Segments and point symbols are not instanced: each is 4 vertices of one large indexed
    /// draw, whose vertex shader reads its quad from buffer textures by gl_VertexID / 4. llvmpipe
    /// ran its whole vertex pipeline once per instance (an allocation and some 3,000 instructions
    /// for a 4-vertex quad); one draw of many vertices is shaded in full SIMD batches. With a
    /// bound set, a run is drawn in batches, at most two of them queued (see
    /// Renderer::setQuadsPerBatch); the order of the quads is unchanged.
    void drawQuads(const Program& p, const GpuMesh& mesh, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& runs) {
        const std::pair<const GlTexture*, GLint> buffers[] = {
            {&mesh.vertexTexels, p.quadData}, {&mesh.featureIdTexels, p.quadFeatures}, {&mesh.startDistanceTexels, p.quadStarts}};
        GLenum unit = 2;  // 0 and 1: the colour and symbol tables
        for (const auto& [texture, location] : buffers) {
            if (location < 0) continue;
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_BUFFER, texture->get());
            glUniform1i(location, static_cast<GLint>(unit++));
        }
        glActiveTexture(GL_TEXTURE0);
        if (p.hasStarts >= 0) glUniform1i(p.hasStarts, mesh.startDistanceTexels ? 1 : 0);

        glBindVertexArray(quadVao.get());
        const std::uint32_t perDraw = quadsPerBatch > 0 ? std::min(quadsPerBatch, kQuadsPerDraw) : kQuadsPerDraw;
        for (const auto& [runFirst, runCount] : runs) {
            // A quad past the driver's buffer-texture size would read zeros (a dot at the origin).
            if (runFirst >= maxTexelBuffer) continue;
            for (std::uint32_t first = runFirst, left = std::min(runCount, maxTexelBuffer - runFirst); left > 0;) {
                const std::uint32_t count = std::min(perDraw, left);
                glDrawElementsBaseVertex(GL_TRIANGLES, static_cast<GLsizei>(6 * count), GL_UNSIGNED_SHORT, nullptr,
                                         static_cast<GLint>(4 * first));
                if (quadsPerBatch > 0) batches.batchSubmitted();
                ++stats->drawCalls;
                stats->trianglesSubmitted += 2ull * count;
                first += count;
                left -= count;
            }
        }
    }

    void drawSegments(const GpuMesh& mesh, const GpuLayer& layer, float widthPx, LinePass pass, Rgba8 color,
                      float opacity, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& runs,
                      float casingPx = 0.0f) {
        const Program* program = segmentProgram(pass);
        if (program == nullptr) return;  // it did not build: Renderer::create reports that for the common ones
        const Program& p = *program;
        useMeshProgram(p, mesh, layer, opacity);
        glUniform1f(p.halfWidth, widthPx * 0.5f);
        if (p.lineMode >= 0) glUniform1i(p.lineMode, static_cast<GLint>(pass));
        glUniform1f(p.casingPx, casingPx);
        setColor(p.color, color);
        drawQuads(p, mesh, runs);
    }

    /// A line layer: each segment draws its casing and its line in one quad (shaders/segment.vert).
    /// The depth buffer keeps a casing from covering a line where two roads cross or a road's
    /// segments meet (segment.frag's ntmLineLayerDepth); it is cleared for each line layer, so
    /// a later layer's casing still goes over an earlier layer's lines.
    void drawLines(const GpuMesh& mesh, const GpuLayer& layer, const scene::LayerStyle& style,
                   const std::vector<std::pair<std::uint32_t, std::uint32_t>>& runs) {
        const bool casing = style.lineCasingPx > 0.0f;
        if (casing) {
            target->impl().ensureDepth();
            glDepthMask(GL_TRUE);  // before the clear, which it masks
            glClearDepth(1.0);
            glClear(GL_DEPTH_BUFFER_BIT);
            glEnable(GL_DEPTH_TEST);
            glDepthFunc(GL_LEQUAL);
        }
        drawSegments(mesh, layer, style.outlineWidthPx, LinePass::LineLayer, style.lineCasingColor, style.opacity, runs,
                     casing ? style.lineCasingPx : 0.0f);
        if (casing) glDisable(GL_DEPTH_TEST);
    }

    void drawPoints(const GpuMesh& mesh, const GpuLayer& layer, const scene::LayerStyle& style, const Bounds& view) {
        const Program* program = pointProgram(layer);
        if (program == nullptr) return;
        const Program& p = *program;
        useMeshProgram(p, mesh, layer, style.opacity);
        glUniform1f(p.radius, style.pointSizePx * 0.5f);
        setColor(p.strokeColor, style.pointStrokeColor);
        glUniform1f(p.halo, style.pointHalo ? 1.0f : 0.0f);
        drawQuads(p, mesh, visibleRuns(mesh, view));
    }

    void drawLayer(const scene::LayerDraw& draw, bool& firstPolygonLayer) {
        GpuLayer& layer = cache.sync(draw, *stats);
        if (layer.levels.empty()) return;
        const int levelIndex = pickLevel(layer, camera->metersPerPixel);
        const GpuLevel& level = layer.levels[static_cast<std::size_t>(levelIndex)];
        const scene::LayerStyle& style = draw.style;
        // Symbols reach past their size (casing, halo, overdue ring): about 1.9 × the radius.
        const double marginPx = std::max({style.outlineWidthPx + 2.0f * style.lineCasingPx + 4.0f, style.pointSizePx + 8.0f, 8.0f});
        const Bounds view = tileBounds(*camera, static_cast<int>(targetW), static_cast<int>(targetH), marginPx);

        if (!level.fill.empty()) {
            if (firstPolygonLayer) {
                stats->lodLevelUsed = levelIndex;
                firstPolygonLayer = false;
            }
            drawFill(level.fill, layer, draw, view);
            if (!level.outline.empty()) {
                const auto runs = visibleRuns(level.outline, view);
                if (style.outlineWidthPx > 0.0f)
                    drawSegments(level.outline, layer, style.outlineWidthPx, LinePass::PlainColor, style.outlineColor, style.opacity, runs);
                else if (style.antialiasFillEdges)  // no MSAA: a hairline in each feature's own colour anti-aliases the fill edges
                    drawSegments(level.outline, layer, 0.5f, LinePass::FeatureColor, {}, style.opacity, runs);
            }
        } else if (!level.outline.empty() && style.outlineWidthPx > 0.0f) {
            drawLines(level.outline, layer, style, visibleRuns(level.outline, view));
        }
        if (!level.points.empty() && style.pointSizePx > 0.0f) drawPoints(level.points, layer, style, view);

        // Hover: the feature's own run of segments, drawn after every layer (on top of all).
        const auto& ranges = level.outline.featureRanges;
        if (draw.highlightedFeature >= 0 && static_cast<std::uint64_t>(draw.highlightedFeature) < ranges.size()) {
            const tess::Chunk& range = ranges[static_cast<std::size_t>(draw.highlightedFeature)];
            if (range.count > 0 && range.first < level.outline.count)
                highlights.push_back({&level.outline, &layer, &draw.style, range.first,
                                      std::min(range.count, level.outline.count - range.first)});
        }
    }

    /// A hovered feature's outline run, drawn once all layers are down.
    struct Highlight {
        const GpuMesh* outline;
        const GpuLayer* layer;
        const scene::LayerStyle* style;
        std::uint32_t first, count;
    };
    std::vector<Highlight> highlights;

    void drawHighlights() {
        for (const Highlight& h : highlights)
            drawSegments(*h.outline, *h.layer, std::max(h.style->outlineWidthPx, 1.0f) + 2.5f, LinePass::PlainColor,
                         h.style->highlightColor, 1.0f, {{h.first, h.count}});
        highlights.clear();
    }

    void drawOverlay(const scene::RenderScene& scene) {
        textRuns.clear();
        stats->labelsPlaced = OverlayPainter(*atlas).build(scene, overlayBatch, scene.textAsRuns ? &textRuns : nullptr);
        stats->drawCalls += overlay->draw(overlayBatch, *atlas, static_cast<float>(scene.camera.tileOffsetXPx),
                                          static_cast<float>(scene.camera.tileOffsetYPx), targetW, targetH);
        stats->trianglesSubmitted += overlayBatch.vertices().size() / 3;
    }

    void createQuadVao() {
        quadVao = makeGl<VertexArrayTraits>();
        quadIndexBuffer = makeGl<BufferTraits>();
        glBindVertexArray(quadVao.get());
        const std::vector<std::uint16_t> indices = quadIndices();
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, quadIndexBuffer.get());  // recorded in the VAO
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint16_t)), indices.data(),
                     GL_STATIC_DRAW);
        glBindVertexArray(0);
    }
};

Renderer::Renderer() : m_impl(std::make_unique<Impl>()) {}
Renderer::~Renderer() = default;

Result<std::unique_ptr<Renderer>> Renderer::create() {
    std::unique_ptr<Renderer> renderer(new Renderer());
    Impl& impl = *renderer->m_impl;
    auto fill = impl.shaders.build("fill");
    if (!fill) return fill.error();
    impl.fill.handle = std::move(*fill);
    impl.fill.locate();
    for (int pass = 0; pass <= kLinePassCount; ++pass)
        impl.segmentPrograms[static_cast<std::size_t>(pass)].define(
            "segment", pass < kLinePassCount ? "#define NTM_LINE_MODE " + std::to_string(pass) + "\n" : "");
    for (int shape = 0; shape <= kPointShapeCount; ++shape)
        impl.pointPrograms[static_cast<std::size_t>(shape)].define(
            "point", shape < kPointShapeCount ? "#define NTM_POINT_SHAPE " + std::to_string(shape) + "\n" : "");
    // What every map draws is built now, so that a broken shader is reported here rather than by
    // a map without its lines or symbols; the rest (the general programs, the other shapes) only
    // when a layer needs them, as each costs llvmpipe memory (1.2 MB for the two general ones).
    for (LazyProgram* common : {&impl.segmentPrograms[static_cast<std::size_t>(LinePass::PlainColor)],
                                &impl.segmentPrograms[static_cast<std::size_t>(LinePass::LineLayer)],
                                &impl.pointPrograms[static_cast<std::size_t>(scene::PointSymbol::Circle)]})
        if (Status built = common->build(impl.shaders); !built) return built.error();
    auto atlas = TextAtlas::create();
    if (!atlas) return atlas.error();
    impl.atlas = std::move(*atlas);
    auto overlay = OverlayRenderer::create(impl.shaders);
    if (!overlay) return overlay.error();
    impl.overlay = std::move(*overlay);
    impl.createQuadVao();

    GLint textureSize = 0, renderbufferSize = 0;
    GLint viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &textureSize);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbufferSize);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    impl.maxTargetSize = std::min({textureSize, renderbufferSize, viewport[0], viewport[1], kTargetSizeCap});
    if (impl.maxTargetSize <= 0)
        return makeError(ErrorCode::GlUnavailable, "The OpenGL context reports no usable render target size.");
    // Segments and symbols are read from buffer textures (drawQuads), one texel each: a layer's
    // level must fit. GL 3.3 only promises 65,536 texels; drivers give 2^27 and more.
    GLint texelBufferSize = 0;
    glGetIntegerv(GL_MAX_TEXTURE_BUFFER_SIZE, &texelBufferSize);
    constexpr GLint kTexelsNeeded = 1 << 22;
    impl.maxTexelBuffer = static_cast<std::uint32_t>(std::max(texelBufferSize, 0));
    if (texelBufferSize < kTexelsNeeded)
        return makeError(ErrorCode::GlUnavailable, "The OpenGL driver's buffer textures hold " + std::to_string(texelBufferSize) +
                                                       " texels; drawing a country's lines needs " + std::to_string(kTexelsNeeded) + ".");
    return renderer;
}

const std::vector<TextRun>& Renderer::lastTextRuns() const { return m_impl->textRuns; }

void Renderer::saveCaches() {
    if (m_impl->atlas) m_impl->atlas->saveGlyphCache();
}

int Renderer::maxTargetSize() const { return m_impl->maxTargetSize; }

void Renderer::setQuadsPerBatch(std::uint32_t quads) { m_impl->quadsPerBatch = quads; }

std::uint32_t Renderer::quadsPerBatch() const { return m_impl->quadsPerBatch; }

void Renderer::setReferencePrograms(bool reference) {
    m_impl->referencePrograms = reference;
    m_impl->overlay->setSingleProgram(reference);
}

void Renderer::warmUp() {
    // Ids no real layer gets (the scene's are small counters); the cache drops them once unused.
    constexpr std::uint64_t kWarmUpLayerId = ~std::uint64_t{0} - 16;
    const auto colors = std::make_shared<const std::vector<Rgba8>>(1, Rgba8{200, 80, 60, 255});
    const auto symbols = std::make_shared<const std::vector<scene::FeatureSymbol>>(1);
    auto polygon = std::make_shared<tess::LayerMeshes>();
    auto line = std::make_shared<tess::LayerMeshes>();
    auto point = std::make_shared<tess::LayerMeshes>();
    Bounds box;
    box.expand(Vec2{0, 0});
    box.expand(Vec2{100, 100});
    for (auto* meshes : {polygon.get(), line.get(), point.get()}) {
        meshes->featureCount = 1;
        meshes->bounds = box;
        meshes->levels.emplace_back();
    }
    tess::LodLevel& fillLevel = polygon->levels[0];
    fillLevel.fill.positions = {10, 10, 90, 10, 50, 90};
    fillLevel.fill.featureIds = {0, 0, 0};
    fillLevel.fill.indices = {0, 1, 2};
    fillLevel.outline.segments = {10, 10, 90, 10, 90, 10, 50, 90, 50, 90, 10, 10};
    fillLevel.outline.featureIds = {0, 0, 0};
    tess::LodLevel& lineLevel = line->levels[0];
    lineLevel.outline.segments = {5, 50, 95, 50};
    lineLevel.outline.featureIds = {0};
    lineLevel.outline.startDistances = {0};
    tess::LodLevel& pointLevel = point->levels[0];
    pointLevel.points.positions = {50, 50};
    pointLevel.points.featureIds = {0};

    scene::RenderScene scene;
    scene.camera = scene::Camera::fit(box, 32, 32, 0.0);
    scene.title = "Aa";
    const scene::LayerStyle polygonStyle;
    scene::LayerStyle lineStyle;
    lineStyle.lineCasingPx = 1.0f;
    scene::LayerStyle pointStyle;
    for (auto [meshes, style, id] : {std::tuple{polygon, polygonStyle, 0}, std::tuple{line, lineStyle, 1}, std::tuple{point, pointStyle, 2}}) {
        scene::LayerDraw draw;
        draw.layerId = kWarmUpLayerId + static_cast<std::uint64_t>(id);
        draw.meshes = meshes;
        draw.geometryVersion = 1;
        draw.featureColors = colors;
        draw.colorVersion = 1;
        draw.featureSymbols = id == 0 ? nullptr : symbols;
        draw.symbolVersion = 1;
        draw.style = style;
        scene.layers.push_back(draw);
    }
    RenderTarget target(32, 32);
    render(scene, target);
    glFinish();
}

RenderStats Renderer::upload(const scene::RenderScene& scene) {
    RenderStats stats;
    for (const scene::LayerDraw& draw : scene.layers)
        if (draw.visible && draw.meshes) m_impl->cache.sync(draw, stats);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindVertexArray(0);
    return stats;
}

RenderStats Renderer::render(const scene::RenderScene& scene, RenderTarget& target) {
    RenderStats stats;
    Impl& impl = *m_impl;
    impl.camera = &scene.camera;
    impl.target = &target;
    impl.stats = &stats;
    impl.targetW = static_cast<float>(target.width());
    impl.targetH = static_cast<float>(target.height());

    // Own every piece of state we depend on; the ImGui backend sets its own afterwards.
    glBindFramebuffer(GL_FRAMEBUFFER, target.impl().framebuffer.get());
    glViewport(0, 0, target.width(), target.height());
    // A read-back target is drawn upside down, so its rows come back top first (TargetUse).
    if (target.rowsTopFirst()) glClipControl(GL_UPPER_LEFT, GL_NEGATIVE_ONE_TO_ONE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied alpha everywhere

    const Rgba8 bg = scene.background;
    const float bgAlpha = bg.a / 255.0f;
    glClearColor(bg.r / 255.0f * bgAlpha, bg.g / 255.0f * bgAlpha, bg.b / 255.0f * bgAlpha, bgAlpha);
    glClear(GL_COLOR_BUFFER_BIT);

    if (scene.camera.metersPerPixel > 0.0) {
        bool firstPolygonLayer = true;
        for (const scene::LayerDraw& draw : scene.layers) {
            if (draw.visible && draw.meshes)
                impl.drawLayer(draw, firstPolygonLayer);
            else
                impl.cache.touch(draw.layerId);  // toggling visibility must not cost a re-upload
        }
        impl.drawHighlights();
        impl.drawOverlay(scene);
    }
    impl.cache.endFrame();
    impl.batches.clear();

    glBindVertexArray(0);
    glUseProgram(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, 0);
    for (GLenum unit = 2; unit <= 4; ++unit) {  // the quads' buffer textures (drawQuads)
        glActiveTexture(GL_TEXTURE0 + unit);
        glBindTexture(GL_TEXTURE_BUFFER, 0);
    }
    glActiveTexture(GL_TEXTURE0);
    glDisable(GL_BLEND);
    if (target.rowsTopFirst()) glClipControl(GL_LOWER_LEFT, GL_NEGATIVE_ONE_TO_ONE);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    impl.camera = nullptr;
    impl.target = nullptr;
    impl.stats = nullptr;
    return stats;
}

}  // namespace gis::render
