#pragma once
/// Options shared by every importer kind; the CLI fills them from its flags, the GUI from a dialog.
#include <cstddef>
#include <functional>
#include <map>
#include <string>

namespace gis::importer {

struct ImportOptions {
    std::string layer;        ///< --layer / --sheet: layer or sheet name; empty = the first one
    std::string where;        ///< --where: OGR SQL filter on the source
    std::string level;        ///< --level: province | district | commune | village
    std::string sourceSrs;    ///< --s-srs: CRS for a source without one (e.g. "EPSG:9209")
    std::string encoding;     ///< --encoding: UTF-8 (default), CP1258, TCVN3, VNI
    std::string setId;        ///< --set: criteria set id
    std::string asOf;         ///< --as-of: YYYY-MM-DD for rows without a date
    std::string programme;    ///< --programme: programme id for a sheet about one programme
    std::string moneyUnit;    ///< --money-unit: dong | nghin | trieu | ty (default: from the header, else dong)
    std::string fallbackCodeField;  ///< --fallback-code: column used when the code column is empty (units)
    /// --map canonical=column, plus --code/--name/--parent-code (code=, name=, parent_code=).
    std::map<std::string, std::string> columnMap;
    bool skipUnmatched = false;  ///< --skip-unmatched: import the rest, list the skipped rows
    bool cumulative = false;     ///< --cumulative: disbursement figures are running totals (lũy kế)
    /// Called during the row planning and the write of importFile (and the planning of previewImport),
    /// for a progress bar: `done` rises strictly from 1 to `total`; the planning is the first half of
    /// `total` (one step per row) and the write the second. nullptr = none. Called on the importing thread.
    std::function<void(int done, int total)> progress;
    /// Rows planned (and written) at a time by the kinds read in chunks (criteria, tasks); 0 = kChunkRows.
    /// Only tests set it, to make many chunks of a small sheet.
    std::size_t chunkRows = 0;
};

/// Rows a chunked import (criteria, tasks) reads, plans and writes at a time.
inline constexpr std::size_t kChunkRows = 4096;
/// The most rows a chunked import reads from one sheet (its duplicate check keeps 16 bytes a row;
/// an XLSX sheet, which GDAL holds whole, cannot have more than 1,048,576 anyway).
inline constexpr std::size_t kMaxChunkedRows = 2'000'000;
/// The most rows the other kinds (units, infrastructure, disbursement, criteria-set, work-types)
/// read: they keep every row and record until the write (about 1 KB a row, more with geometry).
inline constexpr std::size_t kMaxWholeSheetRows = 500'000;

}  // namespace gis::importer
