#pragma once
/// Any GDAL-readable source (vector file, XLSX/ODS sheet, CSV) read into rows of text/number
/// cells, each with the location a user can find again ("sheet 'TC', row 7" / "feature 12").
#include <cstdint>
#include <cstddef>
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
    std::int64_t locationNumber = 0;  ///< the number in `location` (see SourceTable::locationOf)
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
    /// The location of a row from its locationNumber: "row 7" or "feature 12".
    std::string locationOf(std::int64_t number) const { return (spreadsheet ? "row " : "feature ") + std::to_string(number); }
};

/// A source read one row at a time: only the current row is held (the GDAL dataset stays open),
/// so a 1,000,000-row CSV costs no more memory than a 100-row one. The XLSX and ODS drivers
/// parse the whole sheet into memory when it is opened; that part is GDAL's and not bounded here.
class SourceReader {
public:
    ~SourceReader();
    SourceReader(const SourceReader&) = delete;
    SourceReader& operator=(const SourceReader&) = delete;

    /// Opens `path` (the same checks and messages as readSourceTable). With `wantGeometry`,
    /// geometries are reprojected to EPSG:4326 from the layer's CRS or options.sourceSrs.
    static Result<std::unique_ptr<SourceReader>> open(const std::string& path, const ImportOptions& options, bool wantGeometry);

    /// The table's file, sheet, columns, CRS…; its `rows` stay empty (the reader never fills them).
    const SourceTable& header() const { return m_header; }
    /// The next row whose cells are not all empty into `row`: true, or false at the end of the
    /// source. An error for a cell that cannot be decoded, or at the end when GDAL reported a
    /// failure on the way (a damaged or truncated file).
    Result<bool> next(SourceRow& row);
    /// Rows returned by next() so far.
    std::int64_t rowsRead() const { return m_rowsRead; }
    /// The number of features of the layer, counting blank rows too (for a progress bar; a CSV
    /// is scanned once for it, so only ask when it is shown). Only before the first next(); -1 after.
    std::int64_t featureCountHint();

private:
    struct Impl;
    explicit SourceReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
    SourceTable m_header;
    std::int64_t m_rowsRead = 0;
};

/// Reads `path` through GDAL. Rows whose cells are all empty are skipped. With `wantGeometry`,
/// geometries are reprojected to EPSG:4326 from the layer's CRS or options.sourceSrs.
/// `keepRows`: only the first ones are kept in `rows` (the rest are still read and checked), and
/// `rowCount` (when given) is told how many there were; `maxRows`: more non-empty rows than that
/// is tooManyRowsError(…, `kind`).
Result<SourceTable> readSourceTable(const std::string& path, const ImportOptions& options, bool wantGeometry,
                                    std::size_t keepRows = SIZE_MAX, std::size_t maxRows = SIZE_MAX,
                                    const std::string& kind = {}, std::size_t* rowCount = nullptr);

/// The error for a sheet of more than `limit` rows in an import of `kind`:
/// "FILE: more than 500,000 rows, the most an import of units reads from one sheet; split the sheet …".
Error tooManyRowsError(const SourceTable& table, std::size_t limit, const std::string& kind);

/// Text decoding for one cell: UTF-8 → NFC, or a legacy encoding → UTF-8 NFC. Legacy bytes that a
/// reader already widened to Latin-1 code points (the usual DBF/CSV damage) are narrowed first.
Result<std::string> decodeCellText(const std::string& raw, const std::string& encoding);

}  // namespace gis::importer
