// A project's stored geometry blob, as a hand-edited or damaged project may hold it: our decoder
// (gis/store/gpkg_blob_decoder) against OGR's WKB reader followed by convertOgrGeometry, the way
// blobs were read before it. Beyond no crash: what ours decodes OGR decodes to the same geometry
// and vertex count; what ours calls malformed OGR cannot read either; the vertex limit agrees.
#include <cstring>
#include <memory>
#include <vector>

#include <cpl_error.h>
#include <ogr_geometry.h>

#include "fuzz/fuzz_checks.hpp"
#include "gis/core/geometry_identity.hpp"
#include "gis/data/ogr_geometry_convert.hpp"
#include "gis/store/gpkg_blob_decoder.hpp"
#include "gis/store/gpkg_geometry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    static const bool quiet = (CPLSetErrorHandler(CPLQuietErrorHandler), true);
    (void)quiet;
    // A small limit, so inputs of a few hundred bytes reach the vertex-limit branch too.
    constexpr std::size_t kLimit = 64;
    const std::vector<std::uint8_t> blob(data, data + size);
    const gis::store::DecodedBlob ours = gis::store::decodeGpkgBlob(blob, kLimit);
    if (ours.outcome == gis::store::BlobOutcome::Unsupported) return 0;  // the caller asks OGR: nothing to compare
    const std::unique_ptr<OGRGeometry> ogr = gis::store::decodeGpkgGeometry(blob);
    if (ours.outcome == gis::store::BlobOutcome::Malformed) {
        fuzz::require(ogr == nullptr, "the decoder refused a blob OGR reads");
        return 0;
    }
    fuzz::require(ogr != nullptr, "the decoder read a blob OGR refuses");
    fuzz::require(ours.vertices == gis::data::countOgrVertices(ogr.get()), "vertex counts differ from OGR's");
    if (ours.outcome == gis::store::BlobOutcome::TooManyVertices) {
        fuzz::require(ours.vertices > kLimit, "over the limit with fewer vertices than the limit");
        return 0;
    }
    fuzz::require(gis::identicalGeometry(ours.geometry, gis::data::convertOgrGeometry(ogr.get())), "the geometry differs from OGR's");
    return 0;
}
