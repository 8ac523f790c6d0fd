#pragma once
/// Shared plumbing of the importer kinds: reading a row's canonical cells, matching its unit,
/// and collecting its problems (skippable ones apart when --skip-unmatched is given).
#include <string>
#include <vector>

#include "gis/importer/column_binding.hpp"
#include "gis/importer/import_batch.hpp"
#include "gis/importer/import_options.hpp"
#include "gis/importer/import_problems.hpp"
#include "gis/importer/source_table.hpp"
#include "gis/importer/unit_matcher.hpp"
#include "gis/store/project_reader.hpp"

namespace gis::importer {

/// Everything a kind needs to plan its rows.
struct ImportContext {
    const SourceTable& table;
    const ColumnBinding& binding;
    const ImportOptions& options;
    const store::ProjectData& project;
    const UnitMatcher& matcher;
    ProblemList& problems;
    std::vector<std::string>& skipped;  ///< formatted problems of rows left out under --skip-unmatched
};

/// One row being read; problems stay local until finish() decides their fate.
class RowScope {
public:
    RowScope(ImportContext& context, const SourceRow& row) : m_ctx(context), m_row(row) {}

    /// The cell of a canonical column, or an empty cell when the sheet has no such column.
    const Cell& cell(const std::string& key) const;
    const std::string& text(const std::string& key) const { return cell(key).text; }
    int column(const std::string& key) const { return m_ctx.binding.column(key); }
    const SourceRow& row() const { return m_row; }

    /// A problem in the column of `key` ("" or an unmapped key: the row as a whole).
    void problem(const std::string& key, const std::string& message, bool unmatched = false);
    void problemAtColumn(int column, const std::string& message);

    /// The row's unit through the unit-reference columns (unit_code, unit_name, district_*, province_*).
    /// `required`: a row without any unit reference is a problem. nullptr when unmatched.
    const model::Unit* matchUnit(const std::string& level, bool required);

    /// A date from the column of `key`, else `fallback` (already validated); problem when it does not parse.
    std::string date(const std::string& key, const std::string& fallback, bool required);
    /// Money in đồng from the column of `key`; problem when unreadable or negative. nullopt when empty.
    std::optional<std::int64_t> money(const std::string& key);

    /// true when the row is clean and should be imported.
    bool finish();

private:
    ImportContext& m_ctx;
    const SourceRow& m_row;
    std::vector<Problem> m_problems;
};

/// The scale of money columns: --money-unit, else the unit in the header "(triệu đồng)", else đồng.
double moneyScale(const ImportContext& context, const std::string& key);

}  // namespace gis::importer
