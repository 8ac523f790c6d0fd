#pragma once
/// `init --demo`: the generated demo district (gis/demo) written into a project through the same
/// batch-and-transaction path as every importer.
#include <cstdint>
#include <string>

#include "gis/core/geometry.hpp"
#include "gis/core/result.hpp"
#include "gis/importer/import_batch.hpp"
#include "gis/store/project_reader.hpp"

namespace gis::demo {
struct DemoDistrict;
}

namespace gis::importer {

/// The demo district as a batch (geometry encoded as GeoPackage blobs in EPSG:4326).
Result<ImportBatch> demoBatch(const demo::DemoDistrict& district, const std::vector<store::Programme>& programmes);

/// Generates the demo district for `seed` and writes it into the project; returns a one-line description.
Result<std::string> importDemoDistrict(const std::string& projectPath, std::uint32_t seed = 2024);

/// A plain geometry (WGS 84) as a GeoPackage blob; empty for an empty geometry.
std::vector<std::uint8_t> geometryToGpkg(const Geometry& geometry);

}  // namespace gis::importer
