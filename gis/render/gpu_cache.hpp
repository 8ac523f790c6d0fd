#pragma once
/// Retained GPU copies of the layers' meshes and colour tables, keyed by layerId and versioned:
/// geometry is uploaded once per geometryVersion (all LOD levels), the colour table once per
/// colorVersion, the symbol table once per symbolVersion; every other frame costs only uniforms and draw calls.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/render/gl_handle.hpp"
#include "gis/render/renderer.hpp"
#include "gis/scene/render_scene.hpp"
#include "gis/tess/mesh.hpp"

namespace gis::render {

/// Width of the per-layer colour table texture (texel (id % width, id / width) = feature id).
inline constexpr int kColorTableWidth = 1024;

/// One uploaded mesh kind of one LOD level.
struct GpuMesh {
    GlVertexArray vao;   ///< fills only
    GlBuffer vertices;   ///< positions (fill, points) or segments
    GlBuffer featureIds;
    GlBuffer outwardMiters;   ///< fills only: two signed bytes per vertex (tess/fill_outward.hpp)
    GlBuffer startDistances;  ///< line layers' segments only (dashes); empty otherwise
    GlBuffer indices;    ///< fills only
    /// Segments and points: the buffers above seen as buffer textures, which segment.vert and
    /// point.vert read by gl_VertexID / 4 (Renderer: one indexed draw of 4 vertices a quad, not
    /// instances). Element i of `vertices`, `featureIds`, `startDistances` is texel i.
    GlTexture vertexTexels, featureIdTexels, startDistanceTexels;
    Vec2 origin;
    std::uint32_t count = 0;               ///< indices (fill), segments or points
    std::vector<tess::Chunk> chunks;       ///< copied so culling needs no CPU mesh
    std::vector<tess::Chunk> featureRanges;  ///< segments only
    bool empty() const { return count == 0; }
};

struct GpuLevel {
    double toleranceMeters = 0.0;
    GpuMesh fill;
    GpuMesh outline;
    GpuMesh points;
};

struct GpuLayer {
    bool hasGeometry = false;
    std::uint64_t geometryVersion = 0;
    std::vector<GpuLevel> levels;
    std::uint32_t featureCount = 0;

    bool hasColors = false;
    std::uint64_t colorVersion = 0;
    GlTexture colors;
    int colorRows = 0;

    /// Shape, status and overdue per feature (RGBA8UI, laid out like the colour table).
    bool hasSymbols = false;
    std::uint64_t symbolVersion = 0;
    scene::PointSymbol defaultShape = scene::PointSymbol::Circle;  ///< what a layer without a table drew
    /// The shape every feature has (scene::PointSymbol), or -1 when they differ: such a layer is
    /// drawn with a point program that has the shape compiled in (Renderer).
    int singleShape = -1;
    GlTexture symbols;
    int symbolRows = 0;

    std::uint64_t lastUsedFrame = 0;
};

class GpuCache {
public:
    /// Makes the GPU copy of `draw` current (uploading what changed, counted in `stats`) and returns it.
    GpuLayer& sync(const scene::LayerDraw& draw, RenderStats& stats);
    /// Keeps a hidden layer's GPU data alive without drawing or uploading it.
    void touch(std::uint64_t layerId);
    /// Drops layers not drawn for a while (closed layers) and advances the frame counter.
    void endFrame();
    std::size_t layerCount() const { return m_layers.size(); }

private:
    void uploadGeometry(GpuLayer& layer, const tess::LayerMeshes& meshes);
    void uploadColors(GpuLayer& layer, const scene::LayerDraw& draw);
    void uploadSymbols(GpuLayer& layer, const scene::LayerDraw& draw);

    std::unordered_map<std::uint64_t, GpuLayer> m_layers;
    std::uint64_t m_frame = 0;
};

}  // namespace gis::render
