#pragma once
/// Options shared by every importer kind; the CLI fills them from its flags, the GUI from a dialog.
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
};

}  // namespace gis::importer
