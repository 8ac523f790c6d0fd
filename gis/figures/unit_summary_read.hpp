#pragma once
/// One unit's summary read from the store with only what its figures need: the unit and
/// everything under it row by row, and of its siblings (same level and parent) only their money
/// per programme and plan year, added up by the database at the as-of date; the plan year of each
/// programme is worked out by the database over the whole project. The figures are those
/// computeSummary gives from the whole project (tests/store/unit_summary_read_test.cpp holds the
/// two side by side); a province of the national project reads 6,000 rows instead of 30,000.
#include "gis/core/result.hpp"
#include "gis/figures/summary.hpp"
#include "gis/store/database.hpp"

namespace gis::figures {

/// The summary of `options.unitCode` (which must be set) at `options.asOf`. A code no unit has
/// (a spreadsheet's "6331" for 06331) is looked up as computeSummary does, over the whole project.
Result<UnitSummary> readUnitSummary(store::Database& db, const SummaryOptions& options);

}  // namespace gis::figures
