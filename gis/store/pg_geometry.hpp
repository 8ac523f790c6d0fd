#pragma once
/// GeoPackage geometry blobs ⇄ PostGIS EWKB, so the PostgreSQL backend hands callers the same
/// blobs the GeoPackage stores (readers, writers and copy are then the same for both).
#include <cstdint>
#include <string_view>
#include <vector>

namespace gis::store::detail {

/// Starts with the GeoPackage magic "GP" and a whole header.
bool isGpkgBlob(const std::vector<std::uint8_t>& blob);
/// The blob's WKB with its srs_id as the EWKB SRID (empty when the blob is malformed).
std::vector<std::uint8_t> gpkgToEwkb(const std::vector<std::uint8_t>& blob);
/// PostGIS's text output (hex EWKB) as a GeoPackage blob with an xy envelope, as the GeoPackage
/// store writes it (empty when the input is malformed).
std::vector<std::uint8_t> hexEwkbToGpkg(std::string_view hex);

}  // namespace gis::store::detail
