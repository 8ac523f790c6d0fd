#pragma once
/// Shared plumbing of the importer kinds: reading a row's canonical cells, matching its unit,
/// and collecting its problems (skippable ones apart when --skip-unmatched is given).
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "gis/importer/column_binding.hpp"
#include "gis/importer/import_batch.hpp"
#include "gis/importer/import_options.hpp"
#include "gis/importer/import_preview.hpp"
#include "gis/importer/import_problems.hpp"
#include "gis/importer/source_table.hpp"
#include "gis/importer/unit_matcher.hpp"
#include "gis/store/project_reader.hpp"

namespace gis::importer {

/// Reports ImportOptions::progress with strictly rising counts, at most about 200 times a run.
class ProgressMeter {
public:
    /// `total` steps; `alreadyDone` of them count as reported (a later phase of the same run).
    ProgressMeter(const std::function<void(int, int)>& report, int total, int alreadyDone = 0)
        : m_report(report), m_total(total), m_last(alreadyDone) {}
    void advance(int done) {
        if (!m_report || m_total <= 0) return;
        done = std::min(done, m_total);
        const int step = std::max(1, m_total / 200);
        if (done <= m_last || (done < m_total && done - m_last < step)) return;
        m_last = done;
        m_report(done, m_total);
    }
    int total() const { return m_total; }

private:
    const std::function<void(int, int)>& m_report;
    int m_total = 0;
    int m_last = 0;
};

/// Everything a kind needs to plan its rows.
struct ImportContext {
    const SourceTable& table;
    const ColumnBinding& binding;
    const ImportOptions& options;
    const store::ProjectData& project;
    const UnitMatcher& matcher;
    ProblemList& problems;
    std::vector<std::string>& skipped;  ///< formatted problems of rows left out under --skip-unmatched
    std::vector<UnmatchedName>& unmatched;  ///< every unit name that matched no unit, with its closest units
    ProgressMeter* progress = nullptr;      ///< one step per row planned (the first half of the import's total)
};

/// One row being read; problems stay local until finish() decides their fate.
class RowScope {
public:
    RowScope(ImportContext& context, const SourceRow& row);

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
    /// A unit name of the column of `key` that `match` failed on: a problem (skippable) and an UnmatchedName.
    void unmatchedUnit(const std::string& key, const UnitMatch& match);

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
