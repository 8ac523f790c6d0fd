#pragma once
/// A plain GeoPackage layer described from the file's own tables (gpkg_contents,
/// gpkg_geometry_columns, gpkg_spatial_ref_sys, the table's columns), read through SQLite: what
/// readVectorLayer otherwise asks OGR for before it reads the rows itself (gpkg_feature_rows.hpp).
/// Opening the file through OGR cost the export more than its own reading: registering GDAL's
/// drivers and opening its GeoPackage driver took 9-15 ms alone and 34-76 ms beside the GL
/// worker (both wait on the dynamic loader's lock while that worker loads llvmpipe), and it is
/// what made the export load libgdal at all (see gdal_library.hpp).
///
/// It describes a layer exactly as OGR does (tests compare the two on real files), or not at all:
/// anything it is not sure of — a name OGR would match only case-insensitively, a column type
/// outside the plain ones, a CRS not given by an EPSG code, a view, a table without an integer
/// primary key — leaves the whole layer to OGR.
#include <optional>
#include <string>

#include "gis/data/gpkg_feature_rows.hpp"

namespace gis::data {

struct GpkgLayerDescription {
    GpkgTable table;
    std::string crs;  ///< "EPSG:4326": the PROJ input and the user's name for the CRS alike
};

/// The layer `layerName` (exact table name) of the GeoPackage at `path`, or nullopt: ask OGR.
/// The path must already have passed checkUserPath.
std::optional<GpkgLayerDescription> describePlainGpkgLayer(const std::string& path, const std::string& layerName);

}  // namespace gis::data
