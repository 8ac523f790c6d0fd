#pragma once
/// The shapes real district sheets take around their data: a title block above the header row
/// ("UBND HUYỆN …", "BÁO CÁO KẾT QUẢ …") and a total row at the bottom ("Tổng cộng").
#include <string>
#include <vector>

#include "gis/importer/column_binding.hpp"
#include "gis/importer/source_table.hpp"

namespace gis::importer {

/// When the first row GDAL took as the header is really a title, finds the row among the first
/// ten that reads as the most canonical columns and makes it the header (rows above it are
/// dropped). Only for spreadsheets; returns the new header's location ("row 4"), "" when unchanged.
std::string promoteHeaderRow(SourceTable& table, const std::vector<CanonicalColumn>& known, bool recogniseCriteria);

/// Whether a row is a sheet's total line: its unit name reads "Tổng cộng", "Tổng", "Cộng", "Toàn huyện"…
/// and it has no code.
bool isTotalRow(const SourceRow& row, const ColumnBinding& binding);

}  // namespace gis::importer
