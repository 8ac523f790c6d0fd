#pragma once
/// Reading vector files through GDAL into plain VectorLayer structs, reprojected with PROJ.
#include <cstddef>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/data/vector_layer.hpp"

namespace gis::data {

/// The most vertices one feature may have (all its rings or lines), on import and on load alike.
/// Chosen from bench/huge_ring_bench: a 1,000,000-vertex wavy ring takes under a second to check
/// and to mesh at its finest level, so twice that stays within a few seconds; a commune has a few
/// thousand.
inline constexpr std::size_t kMaxFeatureVertices = 2000000;

struct ReadOptions {
    std::string layerName;                  ///< empty = the first layer
    std::string sourceCrsOverride;          ///< for files without a CRS (e.g. "EPSG:9209"); empty = use the file's
    std::string targetCrs = "EPSG:3857";    ///< display CRS
    std::string attributeFilter;            ///< OGR SQL WHERE clause, empty = all features
    std::string encoding;                   ///< text encoding override: "", "UTF-8", "CP1258", "TCVN3", "VNI"
    /// Most vertices one feature may have; a bigger one is skipped with a warning. 0 means
    /// kMaxFeatureVertices (tests pass a small one).
    std::size_t maxFeatureVertices = 0;
    /// Read the file through OGR (its layer, fields and CRS, and every row) even where the
    /// GeoPackage fast path (gpkg_catalog.hpp, gpkg_feature_rows.hpp) applies: tests and
    /// benchmarks compare the two.
    bool throughOgr = false;
};

/// Layer names of a vector file, in file order. The error names the file.
Result<std::vector<std::string>> listLayers(const std::string& path);

/// Reads one layer: every feature's geometry reprojected to options.targetCrs (normalized,
/// x = easting/longitude), multi-parts flattened, invalid polygons repaired with GEOS MakeValid
/// (or skipped with a warning naming the file and feature), text attributes as UTF-8 NFC.
/// A feature with more vertices than options.maxFeatureVertices is skipped with a warning naming
/// the file, layer, feature (fid and name), its vertex count and the limit, before any copy of it
/// is made. A layer without a CRS and no override is an error naming the file.
Result<VectorLayer> readVectorLayer(const std::string& path, const ReadOptions& options = {});

}  // namespace gis::data
