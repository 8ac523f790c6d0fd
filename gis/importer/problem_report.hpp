#pragma once
/// The full problem list of a rejected import as a CSV file beside the project, for lists too
/// long to read in a terminal or a window (a 6,000-row sheet once gave 559 lines).
#include <string>

#include "gis/core/result.hpp"
#include "gis/importer/import_problems.hpp"

namespace gis::importer {

/// How many problem lines a message shows before it points to the report.
inline constexpr std::size_t kProblemsShown = 20;

/// "<dir of project>/<project stem>.import-<kind>-<file stem>.problems.csv": named after the
/// import, so two rejected imports of different files do not overwrite each other's report.
std::string problemReportPath(const std::string& projectPath, const std::string& kind, const std::string& file);

/// Writes every problem as CSV (UTF-8 with a BOM so Excel shows Vietnamese; columns where,
/// column, value, problem, unmatched) through a temporary file renamed into place.
Status writeProblemReport(const ProblemList& problems, const std::string& reportPath);

}  // namespace gis::importer
