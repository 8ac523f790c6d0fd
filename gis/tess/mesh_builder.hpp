#pragma once
/// Turns a VectorLayer into CPU meshes at several levels of detail (no GL).
#include <cstdint>
#include <vector>

#include "gis/data/vector_layer.hpp"
#include "gis/tess/mesh.hpp"

namespace gis::tess {

/// Tolerances (display CRS metres) of the simplified levels built after full detail.
/// Chosen so that each level is about 1 px at a typical scale band (see mesh_builder.cpp).
std::vector<double> defaultLodTolerances();

/// Builds fill + outline + point meshes for every level. Features keep their index in
/// `layer.features` as featureId. Degenerate parts are dropped, never a crash.
LayerMeshes buildLayerMeshes(const data::VectorLayer& layer, const std::vector<double>& lodTolerances = defaultLodTolerances());

/// Builds a single level (toleranceMeters 0 = full detail) with `threads` workers (output does
/// not depend on the thread count). Lets a caller show the cheap coarse levels first and build
/// full detail later, e.g. on a worker thread.
LodLevel buildLodLevel(const data::VectorLayer& layer, double toleranceMeters, unsigned threads = 2);

/// Chunking limits: a chunk closes when it reaches either limit (see buildLodLevel).
inline constexpr std::uint32_t kChunkMaxFeatures = 512;
inline constexpr std::uint32_t kChunkMaxIndices = 65536;

}  // namespace gis::tess
