#pragma once
/// What an import would do, shown before it is done: the window's import dialog (kind guessed from
/// the headers, the column bindings, the first rows, every problem, the unmatched names with their
/// closest units). The same read-bind-plan code as importFile, on the project opened read-only.
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/importer/import_options.hpp"

namespace gis::importer {

struct PreviewColumn {
    std::string header;     ///< as written in the file
    std::string canonical;  ///< "unit_code", "criterion_3" …; "" = not bound
};

struct UnmatchedName {
    std::string location;  ///< "sheet 'Xã', row 7" as problem lines name it after the file ("row 7" in a CSV, "layer 'x', feature 12")
    std::string value;     ///< the name as written
    std::vector<std::string> candidateCodes, candidateNames;  ///< closest units, best first (up to 5)
    std::string column;    ///< the header of the column it is in
    std::string level;     ///< the level looked up (commune, district, province, village; "" = any)
    bool ambiguous = false;  ///< several units have this name: the candidates are those units
    std::string problem;   ///< the problem line's message
};

struct ImportPreview {
    std::string kind;   ///< the kind previewed: the one given, or the guessed one ("" when none could be guessed)
    std::string sheet;
    std::vector<PreviewColumn> columns;               ///< in the file's order
    std::vector<std::vector<std::string>> firstRows;  ///< up to 10 data rows, one text per column
    int rowCount = 0;
    int recordsToWrite = 0;             ///< what importFile would write now (0 when there are problems)
    std::vector<std::string> problems;  ///< every problem line, worded as the CLI prints them
    std::vector<UnmatchedName> unmatched;  ///< unit names that matched no unit, with their closest candidates
    std::vector<std::string> notes, warnings;
    std::vector<std::string> skipped;   ///< rows importFile would leave out under skipUnmatched
};

/// The kind whose canonical columns the file's headers bind best ("" when none binds its required columns).
std::string guessImportKind(const std::string& file, const ImportOptions& options);

/// Everything importFile would do up to the write, on the project opened READ-ONLY (nothing written,
/// the file byte-for-byte unchanged); `kind` "" = guessed. Errors only for an unreadable file or bad options;
/// problems of the rows come back in `problems`, not as an error.
Result<ImportPreview> previewImport(const std::string& projectPath, const std::string& kind, const std::string& file,
                                    const ImportOptions& options);

}  // namespace gis::importer
