#pragma once
/// Hand-built meshes and scenes for [gl] tests (independent of gis/tess's builder).
#include <memory>

#include "gis/scene/render_scene.hpp"
#include "gis/tess/mesh.hpp"

namespace test {

/// World origin of the test meshes: somewhere over northern Vietnam in EPSG:3857 metres, so the
/// double-origin/float-offset path is exercised with realistic magnitudes.
inline constexpr gis::Vec2 kTestOrigin{11'760'000.0, 2'380'000.0};

/// Two adjacent squares 100 m wide (feature 0 has a 40 m hole), with outlines, chunks and
/// featureRanges. Extent: x 0..200, y 0..100 relative to kTestOrigin.
std::shared_ptr<gis::tess::LayerMeshes> twoPolygonMeshes();

/// Two polylines (features 0 and 1) crossing the polygons.
std::shared_ptr<gis::tess::LayerMeshes> lineMeshes();

/// One feature per polyline (vertices relative to kTestOrigin), one chunk each, in the order given.
std::shared_ptr<gis::tess::LayerMeshes> polylineMeshes(const std::vector<std::vector<gis::Vec2>>& polylines);

/// `count` points at the given positions (relative to kTestOrigin), one feature each.
std::shared_ptr<gis::tess::LayerMeshes> pointMeshes(const std::vector<gis::Vec2>& positions);

/// A grid of `cols` x `rows` unit squares of `cellMeters`, one feature per square, one chunk
/// per row, with two LOD levels (the second with tolerance `coarseTolerance`).
std::shared_ptr<gis::tess::LayerMeshes> gridMeshes(int cols, int rows, double cellMeters, double coarseTolerance);

/// Commune-like density for benchmarks: `cols` x `rows` features, each a square of `cellMeters`
/// triangulated as `subdiv` x `subdiv` sub-squares, its outline split into 4 * `subdiv` segments.
/// Chunks per row of features, one LOD level.
std::shared_ptr<gis::tess::LayerMeshes> denseGridMeshes(int cols, int rows, double cellMeters, int subdiv);

std::shared_ptr<std::vector<gis::Rgba8>> colors(std::initializer_list<gis::Rgba8> list);

/// The 256 x 256 golden scene: polygons coloured by featureId, outlines, a line layer, one
/// point of each symbol, a Vietnamese label and a legend.
gis::scene::RenderScene basicMapScene();

}  // namespace test
