#pragma once
/// GeoPackage geometry blobs (GPKG header + ISO WKB), so the store can write feature rows over its
/// own SQLite connection inside the import transaction instead of opening a second (GDAL) one.
#include <cstdint>
#include <memory>
#include <vector>

#include <ogr_geometry.h>

namespace gis::store {

/// Encodes a 2D geometry as a GeoPackage StandardGeoPackageBinary blob (little-endian, xy envelope).
std::vector<std::uint8_t> encodeGpkgGeometry(const OGRGeometry& geometry, std::int32_t srsId);

/// Decodes a GeoPackage blob; nullptr when the blob is empty or malformed.
std::unique_ptr<OGRGeometry> decodeGpkgGeometry(const std::vector<std::uint8_t>& blob);

}  // namespace gis::store
