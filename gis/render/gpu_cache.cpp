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

// Vertex layout of fills: see shaders/README.md (location 0 = position, 1 = feature id,
// 2 = outward miter). Without miters, location 2 stays disabled and reads (0, 0): no growth.
void setupFillAttributes(GpuMesh& mesh) {
    glBindBuffer(GL_ARRAY_BUFFER, mesh.vertices.get());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, mesh.featureIds.get());
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 0, nullptr);
    if (mesh.outwardMiters) {
        glBindBuffer(GL_ARRAY_BUFFER, mesh.outwardMiters.get());
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 2, GL_BYTE, GL_TRUE, 0, nullptr);
    }
}

/// A per-feature RGBA8 (normalized or integer) table, 1024 texels wide: created, or updated in place.
void uploadFeatureTable(GlTexture& texture, int& rowsUploaded, int rows, GLenum internalFormat, GLenum format,
                        const void* texels) {
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (!texture || rowsUploaded != rows) {
        texture = makeGl<TextureTraits>();
        glBindTexture(GL_TEXTURE_2D, texture.get());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(internalFormat), kColorTableWidth, rows, 0, format,
                     GL_UNSIGNED_BYTE, texels);
        rowsUploaded = rows;
    } else {
        // Re-colour: only the table changes; geometry stays on the GPU untouched.
        glBindTexture(GL_TEXTURE_2D, texture.get());
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kColorTableWidth, rows, format, GL_UNSIGNED_BYTE, texels);
    }
    glBindTexture(GL_TEXTURE_2D, 0);
}

int tableRows(std::size_t features) {
    return static_cast<int>((std::max<std::size_t>(features, 1) + kColorTableWidth - 1) / kColorTableWidth);
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
    if (fill.outwardMiters.size() == fill.featureIds.size() * 2)
        mesh.outwardMiters = makeBuffer(GL_ARRAY_BUFFER, fill.outwardMiters);
    setupFillAttributes(mesh);
    mesh.indices = makeBuffer(GL_ELEMENT_ARRAY_BUFFER, fill.indices);  // recorded in the VAO
    glBindVertexArray(0);
    return mesh;
}

/// A buffer texture over `buffer` (texel i = element i), for a vertex shader to read by index.
GlTexture makeBufferTexture(const GlBuffer& buffer, GLenum internalFormat) {
    GlTexture texture = makeGl<TextureTraits>();
    glBindTexture(GL_TEXTURE_BUFFER, texture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, internalFormat, buffer.get());
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    return texture;
}

/// Quads read from buffer textures: `components` floats each (segments: x0, y0, x1, y1 as
/// RGBA32F; points: x, y as RG32F), a feature id each and, for line layers' segments, the
/// distance along the line where each starts. No vertex array.
GpuMesh uploadQuads(Vec2 origin, const std::vector<tess::Chunk>& chunks, const std::vector<float>& data, int components,
                    const std::vector<std::uint32_t>& featureIds, const std::vector<float>* startDistances) {
    GpuMesh mesh;
    mesh.origin = origin;
    mesh.chunks = chunks;
    mesh.count = static_cast<std::uint32_t>(std::min(data.size() / static_cast<std::size_t>(components), featureIds.size()));
    if (mesh.count == 0) return mesh;
    mesh.vertices = makeBuffer(GL_TEXTURE_BUFFER, data);
    mesh.featureIds = makeBuffer(GL_TEXTURE_BUFFER, featureIds);
    mesh.vertexTexels = makeBufferTexture(mesh.vertices, components == 4 ? GL_RGBA32F : GL_RG32F);
    mesh.featureIdTexels = makeBufferTexture(mesh.featureIds, GL_R32UI);
    if (startDistances != nullptr) {
        mesh.startDistances = makeBuffer(GL_TEXTURE_BUFFER, *startDistances);
        mesh.startDistanceTexels = makeBufferTexture(mesh.startDistances, GL_R32F);
    }
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    return mesh;
}

GpuMesh uploadSegments(const tess::SegmentMesh& segments) {
    const bool dashable = !segments.startDistances.empty() && segments.startDistances.size() == segments.featureIds.size();
    GpuMesh mesh = uploadQuads(segments.origin, segments.chunks, segments.segments, 4, segments.featureIds,
                               dashable ? &segments.startDistances : nullptr);
    mesh.featureRanges = segments.featureRanges;
    return mesh;
}

GpuMesh uploadPoints(const tess::PointMesh& points) {
    return uploadQuads(points.origin, points.chunks, points.positions, 2, points.featureIds, nullptr);
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
        layer.hasSymbols = false;
        ++stats.geometryUploads;
    }
    if (!layer.hasColors || layer.colorVersion != draw.colorVersion) {
        uploadColors(layer, draw);
        layer.colorVersion = draw.colorVersion;
        layer.hasColors = true;
        ++stats.colorUploads;
    }
    // Only points and line layers read a symbol table; polygon layers never pay for one.
    const bool needsSymbols = !layer.levels.empty() && layer.levels.front().fill.empty();
    const bool defaultChanged = !draw.featureSymbols && layer.defaultShape != draw.style.pointSymbol;
    if (needsSymbols && (!layer.hasSymbols || layer.symbolVersion != draw.symbolVersion || defaultChanged)) {
        uploadSymbols(layer, draw);
        layer.symbolVersion = draw.symbolVersion;
        layer.defaultShape = draw.style.pointSymbol;
        layer.hasSymbols = true;
        ++stats.symbolUploads;
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
    const int rows = tableRows(features);

    // Features without a colour (a short table) show neutral grey rather than garbage.
    std::vector<Rgba8> table(static_cast<std::size_t>(rows) * kColorTableWidth, Rgba8{160, 160, 160, 255});
    if (given > 0) std::copy(draw.featureColors->begin(), draw.featureColors->end(), table.begin());

    uploadFeatureTable(layer.colors, layer.colorRows, rows, GL_RGBA8, GL_RGBA, table.data());
}

void GpuCache::uploadSymbols(GpuLayer& layer, const scene::LayerDraw& draw) {
    const std::size_t given = draw.featureSymbols ? draw.featureSymbols->size() : 0;
    const int rows = tableRows(std::max<std::size_t>(layer.featureCount, given));
    // Without a table every feature is the layer's own shape, completed (filled, solid line).
    scene::FeatureSymbol plain;
    plain.shape = draw.style.pointSymbol;
    std::vector<scene::FeatureSymbol> table(static_cast<std::size_t>(rows) * kColorTableWidth, plain);
    if (given > 0) std::copy(draw.featureSymbols->begin(), draw.featureSymbols->end(), table.begin());
    uploadFeatureTable(layer.symbols, layer.symbolRows, rows, GL_RGBA8UI, GL_RGBA_INTEGER, table.data());
    // Only the entries features use: ids past them are never drawn.
    const auto used = table.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>({layer.featureCount, given, 1}));
    const scene::PointSymbol first = table.front().shape;
    layer.singleShape = std::all_of(table.begin(), used, [first](const scene::FeatureSymbol& s) { return s.shape == first; })
                            ? static_cast<int>(first)
                            : -1;
}

void GpuCache::touch(std::uint64_t layerId) {
    if (const auto it = m_layers.find(layerId); it != m_layers.end()) it->second.lastUsedFrame = m_frame;
}

void GpuCache::endFrame() {
    std::erase_if(m_layers, [&](const auto& entry) { return entry.second.lastUsedFrame + kEvictAfterFrames < m_frame; });
    ++m_frame;
}

}  // namespace gis::render
