#include "gis/figures/display_geometry.hpp"

#include "gis/data/ogr_geometry_convert.hpp"
#include "gis/data/vector_reader.hpp"
#include "gis/proj/transformer.hpp"
#include "gis/store/gpkg_blob_decoder.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/tess/parallel_for.hpp"

namespace gis::figures {
namespace {

std::string tooManyVertices(std::size_t vertices) {
    return "its stored geometry has " + std::to_string(vertices) + " vertices, at most " + std::to_string(data::kMaxFeatureVertices) +
           " are drawn per feature (simplify it and import it again)";
}

/// What our decoder leaves to OGR (curves, ExtendedGeoPackageBinary, unusual type codes): the
/// way every blob was read before it, so such a project draws as it did.
Geometry decodeWithOgr(const std::vector<std::uint8_t>& blob, std::string& whyNot) {
    const auto ogr = store::decodeGpkgGeometry(blob);
    if (!ogr) {
        whyNot = "its stored geometry cannot be read";
        return {};
    }
    // Counted on GDAL's copy before ours is made: a project edited by hand (or written by another
    // tool) can hold a shape the import would have refused, and one such shape must not take the
    // whole load's memory and time.
    if (const std::size_t vertices = data::countOgrVertices(ogr.get()); vertices > data::kMaxFeatureVertices) {
        whyNot = tooManyVertices(vertices);
        return {};
    }
    return data::convertOgrGeometry(ogr.get());
}

}  // namespace

DisplayGeometry toDisplay(const std::vector<std::uint8_t>& blob, const proj::Transformer& toMercator) {
    DisplayGeometry out;
    if (blob.empty()) return out;
    // The vertex limit is checked on the blob's own counts, before anything is allocated.
    store::DecodedBlob decoded = store::decodeGpkgBlob(blob, data::kMaxFeatureVertices);
    switch (decoded.outcome) {
        case store::BlobOutcome::Decoded: out.geometry = std::move(decoded.geometry); break;
        case store::BlobOutcome::Malformed: out.whyNot = "its stored geometry cannot be read"; return out;
        case store::BlobOutcome::TooManyVertices: out.whyNot = tooManyVertices(decoded.vertices); return out;
        case store::BlobOutcome::Unsupported:
            out.geometry = decodeWithOgr(blob, out.whyNot);
            if (!out.whyNot.empty()) return out;
            break;
    }
    if (!toMercator.forward(out.geometry)) {
        out.geometry = {};
        out.whyNot = "its stored geometry cannot be drawn (outside the map's coordinate range?)";
    }
    return out;
}

Result<std::vector<DisplayGeometry>> toDisplayAll(std::vector<std::vector<std::uint8_t>> blobs, unsigned threads) {
    const unsigned workers = tess::parallelWorkers(blobs.size(), threads);
    std::vector<proj::Transformer> transformers;
    for (unsigned w = 0; w < workers; ++w) {
        auto t = proj::Transformer::create("EPSG:4326", "EPSG:3857");
        if (!t) return t.error();
        transformers.push_back(std::move(*t));
    }
    // Results land per index, so the order (and every message) is the same whatever the threads do.
    std::vector<DisplayGeometry> out(blobs.size());
    tess::parallelForWorkers(blobs.size(), workers,
                             [&](unsigned worker, std::size_t i) {
                                 out[i] = toDisplay(blobs[i], transformers[worker]);
                                 std::vector<std::uint8_t>().swap(blobs[i]);
                             });
    return out;
}

}  // namespace gis::figures
