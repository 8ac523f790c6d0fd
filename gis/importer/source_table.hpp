#pragma once
/// Any GDAL-readable source (vector file, XLSX/ODS sheet, CSV) read into rows of text/number
/// cells, each with the location a user can find again ("sheet 'TC', row 7" / "feature 12").
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "gis/core/result.hpp"
#include "gis/importer/geometry_checks.hpp"
#include "gis/importer/import_options.hpp"

namespace gis::importer {

/// One cell. Text is UTF-8 NFC (legacy encodings decoded); numeric cells keep their number.
struct Cell {
    std::string text;               ///< as a user would read it ("6331", "Xã Thành Sơn", "2024-06-30")
    std::optional<double> number;   ///< set for numeric cells
    bool isDate = false;            ///< a typed date cell; text is YYYY-MM-DD
    bool empty() const { return text.empty() && !number; }
};

struct SourceRow {
    std::int64_t fid = 0;
    std::string location;  ///< "row 7" (spreadsheets, CSV) or "feature 12" (vector files)
    std::vector<Cell> cells;
    std::shared_ptr<OGRGeometry> geometry;  ///< in EPSG:4326 (lon/lat), null when none
    std::string geometryProblem;            ///< why the feature's geometry could not be read or reprojected ("" when fine)
};

struct SourceTable {
    std::string file;
    std::string sheet;  ///< layer or sheet name
    bool spreadsheet = false;
    std::vector<std::string> columns;
    std::vector<SourceRow> rows;  ///< empty rows already dropped
    bool hasGeometryField = false;  ///< a layer with geometry (read with wantGeometry): a row without one has none
    std::optional<CrsAreaOfUse> crsArea;  ///< the source CRS's area of use, when EPSG gives one

    /// "file.xlsx, sheet 'TC'" — the prefix of every message about this table.
    std::string label() const;
};

/// Reads `path` through GDAL. Rows whose cells are all empty are skipped. With `wantGeometry`,
/// geometries are reprojected to EPSG:4326 from the layer's CRS or options.sourceSrs.
Result<SourceTable> readSourceTable(const std::string& path, const ImportOptions& options, bool wantGeometry);

/// Text decoding for one cell: UTF-8 → NFC, or a legacy encoding → UTF-8 NFC. Legacy bytes that a
/// reader already widened to Latin-1 code points (the usual DBF/CSV damage) are narrowed first.
Result<std::string> decodeCellText(const std::string& raw, const std::string& encoding);

}  // namespace gis::importer
