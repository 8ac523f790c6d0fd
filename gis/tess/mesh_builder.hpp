#pragma once
/// Turns a VectorLayer into CPU meshes at several levels of detail (no GL).
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

}  // namespace gis::tess
