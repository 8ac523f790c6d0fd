#pragma once
/// A project's stored geometry (GeoPackage blobs in EPSG:4326) made ready for the map: decoded
/// into our plain Geometry and transformed to EPSG:3857, many blobs at once on every core.
#include <cstdint>
#include <string>
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/core/result.hpp"

namespace gis::proj {
class Transformer;
}

namespace gis::figures {

/// One blob's outcome: kind None when missing, empty, unreadable, not transformable or past the
/// vertex limit; `whyNot` says which when there was something stored (the map names what it left out).
struct DisplayGeometry {
    Geometry geometry;
    std::string whyNot;
};

/// One blob → EPSG:3857 with `toMercator` (EPSG:4326 → EPSG:3857).
DisplayGeometry toDisplay(const std::vector<std::uint8_t>& blob, const proj::Transformer& toMercator);

/// Every blob in order (the i-th result is blobs[i]'s), on up to `threads` threads, each with a
/// transformer of its own (PROJ objects are tied to one thread). The blobs are taken and each is
/// freed once decoded, so the decoded geometry does not come on top of all the stored one (the
/// national project's map held 23 MB more at its peak while both were kept).
Result<std::vector<DisplayGeometry>> toDisplayAll(std::vector<std::vector<std::uint8_t>> blobs, unsigned threads);

}  // namespace gis::figures
