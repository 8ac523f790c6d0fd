#include "gis/render/gpu_cache.hpp"

#include <algorithm>

namespace gis::render {

namespace {

// Layers unused for this many frames are released (e.g. removed from the project).
constexpr std::uint64_t kEvictAfterFrames = 240;

template <class T>
GlBuffer makeBuffer(GLenum target, const std::vector<T>& data) {
    GlBuffer buffer = makeGl<BufferTraits>();
    glBindBuffer(target, buffer.get());
    glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.empty() ? nullptr : data.data(),
                 GL_STATIC_DRAW);
    return buffer;
}

// Vertex layout: see shaders/README.md (location 0 = position/segment, 1 = feature id).
void setupAttributes(GpuMesh& mesh, int components, GLuint divisor) {
    glBindBuffer(GL_ARRAY_BUFFER, mesh.vertices.get());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, components, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, divisor);
    glBindBuffer(GL_ARRAY_BUFFER, mesh.featureIds.get());
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 0, nullptr);
    glVertexAttribDivisor(1, divisor);
}

GpuMesh uploadFill(const tess::FillMesh& fill) {
    GpuMesh mesh;
    mesh.origin = fill.origin;
    mesh.chunks = fill.chunks;
    mesh.count = static_cast<std::uint32_t>(fill.indices.size());
    if (mesh.count == 0) return mesh;
    mesh.vao = makeGl<VertexArrayTraits>();
    glBindVertexArray(mesh.vao.get());
    mesh.vertices = makeBuffer(GL_ARRAY_BUFFER, fill.positions);
    mesh.featureIds = makeBuffer(GL_ARRAY_BUFFER, fill.featureIds);
    setupAttributes(mesh, 2, 0);
    mesh.indices = makeBuffer(GL_ELEMENT_ARRAY_BUFFER, fill.indices);  // recorded in the VAO
    glBindVertexArray(0);
    return mesh;
}

/// Per-instance data (segments: 4 floats each, points: 2) with one feature id per instance.
GpuMesh uploadInstances(Vec2 origin, const std::vector<tess::Chunk>& chunks, const std::vector<float>& data,
                        const std::vector<std::uint32_t>& featureIds, int components) {
    GpuMesh mesh;
    mesh.origin = origin;
    mesh.chunks = chunks;
    mesh.count = static_cast<std::uint32_t>(std::min(data.size() / static_cast<std::size_t>(components), featureIds.size()));
    if (mesh.count == 0) return mesh;
    mesh.vao = makeGl<VertexArrayTraits>();
    glBindVertexArray(mesh.vao.get());
    mesh.vertices = makeBuffer(GL_ARRAY_BUFFER, data);
    mesh.featureIds = makeBuffer(GL_ARRAY_BUFFER, featureIds);
    setupAttributes(mesh, components, 1);
    glBindVertexArray(0);
    return mesh;
}

GpuMesh uploadSegments(const tess::SegmentMesh& segments) {
    GpuMesh mesh = uploadInstances(segments.origin, segments.chunks, segments.segments, segments.featureIds, 4);
    mesh.featureRanges = segments.featureRanges;
    return mesh;
}

GpuMesh uploadPoints(const tess::PointMesh& points) {
    return uploadInstances(points.origin, points.chunks, points.positions, points.featureIds, 2);
}

}  // namespace

GpuLayer& GpuCache::sync(const scene::LayerDraw& draw, RenderStats& stats) {
    GpuLayer& layer = m_layers[draw.layerId];
    layer.lastUsedFrame = m_frame;
    if (draw.meshes && (!layer.hasGeometry || layer.geometryVersion != draw.geometryVersion)) {
        uploadGeometry(layer, *draw.meshes);
        layer.geometryVersion = draw.geometryVersion;
        layer.hasGeometry = true;
        layer.hasColors = false;  // the feature count may have changed
        ++stats.geometryUploads;
    }
    if (!layer.hasColors || layer.colorVersion != draw.colorVersion) {
        uploadColors(layer, draw);
        layer.colorVersion = draw.colorVersion;
        layer.hasColors = true;
        ++stats.colorUploads;
    }
    return layer;
}

void GpuCache::uploadGeometry(GpuLayer& layer, const tess::LayerMeshes& meshes) {
    layer.levels.clear();
    layer.levels.reserve(meshes.levels.size());
    for (const tess::LodLevel& level : meshes.levels) {
        GpuLevel gpu;
        gpu.toleranceMeters = level.toleranceMeters;
        gpu.fill = uploadFill(level.fill);
        gpu.outline = uploadSegments(level.outline);
        gpu.points = uploadPoints(level.points);
        layer.levels.push_back(std::move(gpu));
    }
    layer.featureCount = meshes.featureCount;
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void GpuCache::uploadColors(GpuLayer& layer, const scene::LayerDraw& draw) {
    static_assert(sizeof(Rgba8) == 4, "Rgba8 is uploaded as packed RGBA bytes");
    const std::size_t given = draw.featureColors ? draw.featureColors->size() : 0;
    const std::size_t features = std::max<std::size_t>({layer.featureCount, given, 1});
    const int rows = static_cast<int>((features + kColorTableWidth - 1) / kColorTableWidth);

    // Features without a colour (a short table) show neutral grey rather than garbage.
    std::vector<Rgba8> table(static_cast<std::size_t>(rows) * kColorTableWidth, Rgba8{160, 160, 160, 255});
    if (given > 0) std::copy(draw.featureColors->begin(), draw.featureColors->end(), table.begin());

    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (!layer.colors || layer.colorRows != rows) {
        layer.colors = makeGl<TextureTraits>();
        glBindTexture(GL_TEXTURE_2D, layer.colors.get());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kColorTableWidth, rows, 0, GL_RGBA, GL_UNSIGNED_BYTE, table.data());
        layer.colorRows = rows;
    } else {
        // Re-colour: only the table changes; geometry stays on the GPU untouched.
        glBindTexture(GL_TEXTURE_2D, layer.colors.get());
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kColorTableWidth, rows, GL_RGBA, GL_UNSIGNED_BYTE, table.data());
    }
    glBindTexture(GL_TEXTURE_2D, 0);
}

void GpuCache::touch(std::uint64_t layerId) {
    if (const auto it = m_layers.find(layerId); it != m_layers.end()) it->second.lastUsedFrame = m_frame;
}

void GpuCache::endFrame() {
    std::erase_if(m_layers, [&](const auto& entry) { return entry.second.lastUsedFrame + kEvictAfterFrames < m_frame; });
    ++m_frame;
}

}  // namespace gis::render
