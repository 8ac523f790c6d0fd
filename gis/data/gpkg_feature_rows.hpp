#pragma once
/// A GeoPackage feature table's rows read straight through SQLite, their geometry blobs decoded by
/// store::decodeGpkgBlob: the fast path of readVectorLayer for plain GeoPackage layers. Building an
/// OGRFeature and an OGRGeometry for each row only to copy them into ours again was the largest
/// part of reading the national layer (24 of 60 ms).
///
/// It gives what the OGR path gives for the same rows (tests compare the two on real files), or
/// nothing: a blob its decoder leaves to OGR (damaged, curves, a collection that mixes
/// dimensions, another binary format), or a statement that fails, and the caller reads the layer
/// through OGR instead, with OGR's messages. It never decides anything OGR would report.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gis/data/vector_layer.hpp"

namespace gis::data {

/// What OGR says of a table, which this reader then reads itself.
struct GpkgTable {
    std::string path;
    std::string table;
    std::string fidColumn;
    std::string geometryColumn;
    struct Column {
        std::string name;
        FieldKind kind = FieldKind::Other;  ///< Integer, Real or Text only
        bool int32 = false;                 ///< OGR's OFTInteger: read as SQLite's 32-bit int, as OGR does
    };
    std::vector<Column> fields;  ///< in the layer's field order
};

/// Every row of a table: its feature (geometry in the source CRS, attributes as OGR reads them),
/// and, for a row whose geometry has more than the vertex limit, the vertices it stores (its
/// geometry is then not decoded). Two vectors, so that the caller can keep `features` as its own.
struct GpkgRows {
    std::vector<Feature> features;
    std::vector<std::size_t> refusedVertices;  ///< per row; 0 when its geometry was read
};

/// Every row of `table` in the order OGR reads them (the table's own), or nullopt: read it with OGR.
std::optional<GpkgRows> readGpkgRows(const GpkgTable& table, std::size_t vertexLimit);

}  // namespace gis::data
