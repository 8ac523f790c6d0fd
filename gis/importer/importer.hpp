#pragma once
/// `ntm-atlas import PROJECT KIND FILE [options]`, as a library call the GUI uses too.
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/importer/import_options.hpp"

namespace gis::importer {

/// The import kinds, as typed on the command line.
inline constexpr const char* kImportKinds[] = {"units", "criteria-set", "criteria", "disbursement", "infrastructure", "tasks", "work-types"};

struct ImportReport {
    std::string kind;
    std::string file;
    std::string sheet;
    int rowsRead = 0;
    int recordsWritten = 0;
    std::vector<std::string> skipped;  ///< rows left out under --skip-unmatched, one line each
    std::vector<std::string> notes;
    std::vector<std::string> warnings;  ///< geometry repaired, left without a shape, outside its CRS's area: one line each
};

/// Reads FILE, validates every row, and writes everything in one transaction — or nothing, with an
/// error listing every problem (file, sheet, row, column, value, candidates). The project file is
/// byte-for-byte unchanged after a failed import.
Result<ImportReport> importFile(const std::string& projectPath, const std::string& kind, const std::string& file,
                                const ImportOptions& options);

}  // namespace gis::importer
