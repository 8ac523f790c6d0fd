#pragma once
/// Where a map comes from: the embedded demo, an NTM project file, or any vector file.
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/data/vector_layer.hpp"

namespace gis::scene {

struct MapSourceSpec {
    std::string path;          ///< project (.gpkg with ntm_meta) or vector file; empty = the demo
    std::string layerName;     ///< which layer(s), comma-separated, bottom first (empty: a vector file's first, all of a project's); unknown = error
    std::string sourceCrs;     ///< override for vector files without a CRS
    std::string asOf;          ///< projects: figures as of this date (YYYY-MM-DD), empty = latest
};

struct LoadedSource {
    std::vector<data::VectorLayer> layers;  ///< display CRS, bottom → top
    std::string title;                      ///< for the map title / window title
    bool isDemo = false;
    std::vector<std::string> asOfChoices;   ///< projects: the dates figures exist for (YYYY-MM-DD)
};

/// Reads every layer a map of this source shows. Errors name the file.
Result<LoadedSource> loadMapSource(const MapSourceSpec& spec);

}  // namespace gis::scene
