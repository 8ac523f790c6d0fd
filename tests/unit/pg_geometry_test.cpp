// PostGIS's hex EWKB as GeoPackage blobs (gis/store/pg_geometry): every geometry the map reads
// from PostgreSQL goes through hexEwkbToGpkg, so a blob the GeoPackage store writes, sent to
// the server as EWKB and read back as hex, must come back byte for byte; bad hex is refused.
#include <catch2/catch.hpp>

#include <ogr_geometry.h>

#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/pg_geometry.hpp"

using namespace gis::store;

namespace {

std::vector<std::uint8_t> blobOf(const char* wkt) {
    OGRGeometry* geometry = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(wkt, nullptr, &geometry) == OGRERR_NONE);
    std::unique_ptr<OGRGeometry> owned(geometry);
    return encodeGpkgGeometry(*owned, 4326);
}

std::string hexOf(const std::vector<std::uint8_t>& bytes, bool upper) {
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string hex;
    for (std::uint8_t b : bytes) hex += std::string{digits[b >> 4], digits[b & 15]};
    return hex;
}

}  // namespace

TEST_CASE("hex EWKB from PostGIS comes back as the GeoPackage blob it was sent as", "[store][geometry]") {
    for (const char* wkt : {"POINT (105.85 21.03)", "LINESTRING (105 21, 105.5 21.2, 106 20.9)",
                            "POLYGON ((105 20, 106 20, 106 21, 105 21, 105 20), (105.2 20.2, 105.4 20.2, 105.4 20.4, 105.2 20.2))",
                            "MULTIPOLYGON (((105 20, 106 20, 106 21, 105 20)), ((107 22, 108 22, 108 23, 107 22)))",
                            "MULTIPOINT ((105 20), (106 21))", "GEOMETRYCOLLECTION (POINT (105 20), LINESTRING (105 20, 106 21))"}) {
        INFO(wkt);
        const std::vector<std::uint8_t> blob = blobOf(wkt);
        REQUIRE(detail::isGpkgBlob(blob));
        const std::vector<std::uint8_t> ewkb = detail::gpkgToEwkb(blob);
        REQUIRE(!ewkb.empty());
        CHECK(detail::hexEwkbToGpkg(hexOf(ewkb, true)) == blob);
        CHECK(detail::hexEwkbToGpkg(hexOf(ewkb, false)) == blob);
    }
}

TEST_CASE("hex EWKB that is cut short, odd or not hex is refused, not misread", "[store][geometry]") {
    const std::string hex = hexOf(detail::gpkgToEwkb(blobOf("LINESTRING (105 21, 106 20.9)")), true);
    CHECK(detail::hexEwkbToGpkg(hex.substr(0, hex.size() - 1)).empty());   // odd length
    CHECK(detail::hexEwkbToGpkg(hex.substr(0, hex.size() - 16)).empty());  // a point short
    std::string bad = hex;
    bad[40] = 'G';
    CHECK(detail::hexEwkbToGpkg(bad).empty());
    CHECK(detail::hexEwkbToGpkg("0101").empty());
}
