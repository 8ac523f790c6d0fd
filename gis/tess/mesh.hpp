#pragma once
/// CPU meshes ready for upload (no GL here). Positions are floats relative to `origin`
/// (display CRS metres, double) so that metre precision survives at national scale.
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::tess {

/// A spatially compact run of a mesh's elements, so the renderer can skip what is off screen.
struct Chunk {
    Bounds bounds;            ///< display CRS
    std::uint32_t first = 0;  ///< first index (fills) / first instance (lines, points)
    std::uint32_t count = 0;  ///< number of indices / instances
};

/// Triangulated polygons. Every vertex carries the index of its feature in the layer, which the
/// fill shader uses to look its colour up in a per-layer colour texture.
struct FillMesh {
    Vec2 origin;
    std::vector<float> positions;          ///< x,y pairs relative to origin
    std::vector<std::uint32_t> featureIds; ///< one per vertex
    /// Two signed bytes per vertex: its outward miter (fill_outward.hpp), which the fill shader
    /// follows to grow the fill by half a pixel. May be empty (no growth), e.g. in hand-made meshes.
    std::vector<std::int8_t> outwardMiters;
    std::vector<std::uint32_t> indices;    ///< triangles
    std::vector<Chunk> chunks;
};

/// Line segments drawn as screen-space capsules of constant pixel width (instanced: one
/// instance per segment). Used for polygon outlines and for line layers.
struct SegmentMesh {
    Vec2 origin;
    std::vector<float> segments;           ///< x0,y0,x1,y1 per segment, relative to origin
    std::vector<std::uint32_t> featureIds; ///< one per segment
    /// Line layers only (empty for polygon outlines): metres along its line where each segment
    /// starts, so dashes run on across vertices instead of restarting at each one.
    std::vector<float> startDistances;
    std::vector<Chunk> chunks;
    /// Per feature (indexed by featureId): its bounds and its contiguous run of segments, so the
    /// hovered feature's outline can be drawn on its own and hit tests can skip far features.
    std::vector<Chunk> featureRanges;
};

/// Point symbols (instanced quads).
struct PointMesh {
    Vec2 origin;
    std::vector<float> positions;          ///< x,y per point, relative to origin
    std::vector<std::uint32_t> featureIds; ///< one per point
    std::vector<Chunk> chunks;
};

/// One level of detail of a layer: geometry simplified to `toleranceMeters` (0 = full detail).
struct LodLevel {
    double toleranceMeters = 0.0;
    FillMesh fill;
    SegmentMesh outline;  ///< polygon rings, or the lines of a line layer
    PointMesh points;
};

/// Polygons smaller than this many pixels on screen get no outline: a commune of a few pixels
/// is mostly its outline, so the dense wards of a city on a national map drew as a white blot
/// instead of their colours. The map document applies it to a layer's median size (no outlines
/// at all), a level to each feature it is certainly that small for (see buildLodLevel).
inline constexpr double kOutlineMinFeaturePx = 6.0;

/// The renderer draws the coarsest level whose tolerance is at most this many pixels: QGIS's
/// default on-the-fly simplification threshold, invisible on a choropleth and it halves the
/// triangles of a national view compared with 3/4 px.
inline constexpr double kLodMaxTolerancePx = 1.0;

/// Every level of detail of one layer, coarsest last. The renderer picks the coarsest level
/// whose tolerance is below about one pixel at the current scale.
struct LayerMeshes {
    std::vector<LodLevel> levels;  ///< levels[0] is full detail
    std::uint32_t featureCount = 0;
    Bounds bounds;
};

}  // namespace gis::tess
