#pragma once
/// Turns a VectorLayer into CPU meshes at several levels of detail (no GL).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gis/data/vector_layer.hpp"
#include "gis/tess/mesh.hpp"

namespace gis::tess {

/// Tolerances (display CRS metres) of the simplified levels built after full detail.
/// Chosen so that each level is about 1 px at a typical scale band (see mesh_builder.cpp).
std::vector<double> defaultLodTolerances();

/// A simplified level is skipped when it keeps more than this fraction of the vertices of the next
/// finer level that was built: it would cost memory and upload for nothing (the renderer then
/// draws the finer level, which is at most ~11 % heavier).
inline constexpr double kLodMaxKeptFraction = 0.9;

/// The level-skip rule, in one place for the eager builder and the map document's lazy one: a
/// level is worth building only when it keeps at most kLodMaxKeptFraction of the vertices of the
/// next finer level that exists.
inline bool levelWorthBuilding(std::size_t keptVertices, std::size_t finerVertices) {
    return static_cast<double>(keptVertices) <= kLodMaxKeptFraction * static_cast<double>(finerVertices);
}

/// Builds fill + outline + point meshes for full detail and for each tolerance that passes the
/// kLodMaxKeptFraction test (so a point layer, or a layer already generalised, gets fewer
/// levels). Features keep their index in `layer.features` as featureId. Degenerate parts are
/// dropped, never a crash.
LayerMeshes buildLayerMeshes(const data::VectorLayer& layer, const std::vector<double>& lodTolerances = defaultLodTolerances());

/// Builds a single level (toleranceMeters 0 = full detail) with `threads` workers (output does
/// not depend on the thread count). Lets a caller show the cheap coarse levels first and build
/// full detail later, e.g. on a worker thread. Always builds the level, for any tolerance (no
/// kLodMaxKeptFraction test: see simplifiedVertexCount).
LodLevel buildLodLevel(const data::VectorLayer& layer, double toleranceMeters, unsigned threads = 2);

/// Vertices the layer keeps at `toleranceMeters` (simplification only, no triangulation: a few
/// ms on the national layer), so a lazy caller can apply the kLodMaxKeptFraction test itself.
std::size_t simplifiedVertexCount(const data::VectorLayer& layer, double toleranceMeters, unsigned threads = 2);

/// simplifiedVertexCount for several tolerances at once: one Douglas–Peucker descent per ring
/// (down to the smallest tolerance) answers all of them, where one call per tolerance simplifies
/// the layer again each time.
std::vector<std::size_t> simplifiedVertexCounts(const data::VectorLayer& layer, const std::vector<double>& tolerancesMeters,
                                                unsigned threads = 2);

/// Chunking limits: a chunk closes when it reaches either limit (see buildLodLevel).
inline constexpr std::uint32_t kChunkMaxFeatures = 64;
inline constexpr std::uint32_t kChunkMaxIndices = 16384;

}  // namespace gis::tess
