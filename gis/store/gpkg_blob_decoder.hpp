#pragma once
/// GeoPackage geometry blobs (StandardGeoPackageBinary header + ISO WKB) read straight into our
/// plain Geometry, without OGR objects. Opening a national project decodes 200,000 blobs; building
/// an OGRGeometry for each only to copy its coordinates out again was most of the map's build.
///
/// The result is what data::convertOgrGeometry makes of OGR's decoding of the same blob (the
/// tests and fuzz/gpkg_blob_fuzz.cpp compare the two): parts flattened, rings opened, repeated
/// vertices dropped, Z and M dropped, ring orientation left as stored. What this decoder does not
/// read (curves, ExtendedGeoPackageBinary, type codes outside the plain ISO/EWKB forms) it reports
/// as Unsupported, and the caller asks OGR.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::store {

enum class BlobOutcome : std::uint8_t {
    Decoded,          ///< `geometry` holds it (kind None when the stored geometry is empty)
    Malformed,        ///< not a GeoPackage geometry: bad magic, cut short, a count past its end, nested too deep
    TooManyVertices,  ///< well formed, but more vertices than allowed (`vertices` says how many); nothing allocated
    Unsupported,      ///< valid as far as read, but not what this decoder reads: decode it with OGR
};

struct DecodedBlob {
    BlobOutcome outcome = BlobOutcome::Malformed;
    Geometry geometry;
    /// Vertices as stored (closing vertices included, an empty point not counted): what
    /// data::countOgrVertices counts on OGR's copy. Set for Decoded and TooManyVertices.
    std::size_t vertices = 0;
    std::int32_t srsId = 0;  ///< from the header (not used to transform: the caller knows its CRS)
    /// A collection mixed dimensions and the lower ones were dropped (convertOgrGeometry's rule):
    /// a reader that reports such a drop (its `note`) asks OGR for this blob.
    bool droppedLowerDimensions = false;
};

/// Decodes one blob. The whole blob is walked and every count checked against the bytes left
/// before anything is allocated, so a blob from a hand-edited project cannot make it read past
/// the end, recurse without bound or allocate more than the blob's own size implies.
DecodedBlob decodeGpkgBlob(const std::uint8_t* data, std::size_t size, std::size_t maxVertices);

inline DecodedBlob decodeGpkgBlob(const std::vector<std::uint8_t>& blob, std::size_t maxVertices) {
    return decodeGpkgBlob(blob.data(), blob.size(), maxVertices);
}

}  // namespace gis::store
