#include "gis/importer/row_context.hpp"

#include <cmath>
#include <utility>

#include "gis/importer/cell_values.hpp"

namespace gis::importer {

RowScope::RowScope(ImportContext& context, const SourceRow& row) : m_ctx(context), m_row(row) {
    // Every kind plans its rows in order, one RowScope each: the row's index is the progress.
    if (m_ctx.progress != nullptr && !m_ctx.table.rows.empty() && &row >= m_ctx.table.rows.data() &&
        &row < m_ctx.table.rows.data() + m_ctx.table.rows.size())
        m_ctx.progress->advance(static_cast<int>(&row - m_ctx.table.rows.data()) + 1);
}

const Cell& RowScope::cell(const std::string& key) const {
    static const Cell kEmpty;
    const int index = m_ctx.binding.column(key);
    if (index < 0) return kEmpty;
    return m_row.cells[static_cast<std::size_t>(index)];
}

void RowScope::problem(const std::string& key, const std::string& message, bool unmatched) {
    Problem p;
    p.where = m_ctx.table.label() + ", " + m_row.location;
    const int index = key.empty() ? -1 : m_ctx.binding.column(key);
    if (index >= 0) {
        p.column = m_ctx.table.columns[static_cast<std::size_t>(index)];
        p.value = m_row.cells[static_cast<std::size_t>(index)].text;
    }
    p.message = message;
    p.unmatched = unmatched;
    m_problems.push_back(std::move(p));
}

void RowScope::problemAtColumn(int column, const std::string& message) {
    Problem p;
    p.where = m_ctx.table.label() + ", " + m_row.location;
    p.column = m_ctx.table.columns[static_cast<std::size_t>(column)];
    p.value = m_row.cells[static_cast<std::size_t>(column)].text;
    p.message = message;
    m_problems.push_back(std::move(p));
}

const model::Unit* RowScope::matchUnit(const std::string& level, bool required) {
    UnitQuery query;
    query.code = text("unit_code");
    query.name = text("unit_name");
    query.districtCode = text("district_code");
    query.districtName = text("district_name");
    query.provinceCode = text("province_code");
    query.provinceName = text("province_name");
    query.level = level;
    // A provincial sheet lists districts in a "Huyện" / "Mã huyện" column and has no commune
    // column at all: then the district is the row's unit (and likewise a province).
    const bool hasUnitColumns = m_ctx.binding.has("unit_code") || m_ctx.binding.has("unit_name");
    if (!hasUnitColumns && (level.empty() || level == "district") && (!query.districtCode.empty() || !query.districtName.empty())) {
        query.code = std::exchange(query.districtCode, "");
        query.name = std::exchange(query.districtName, "");
        query.level = "district";
    } else if (!hasUnitColumns && (level.empty() || level == "province") && query.districtCode.empty() && query.districtName.empty() &&
               (!query.provinceCode.empty() || !query.provinceName.empty())) {
        query.code = std::exchange(query.provinceCode, "");
        query.name = std::exchange(query.provinceName, "");
        query.level = "province";
    }
    if (query.code.empty() && query.name.empty()) {
        if (required) problem("", "the row names no unit (no code and no name)");
        return nullptr;
    }
    const UnitMatch match = m_ctx.matcher.match(query);
    if (match.unit == nullptr) {
        std::string key = match.byName ? "unit_name" : "unit_code";
        if (!hasUnitColumns) key = query.level == "district" ? (match.byName ? "district_name" : "district_code")
                                                            : (match.byName ? "province_name" : "province_code");
        if (match.blameParent) key = !query.districtCode.empty() || !query.districtName.empty()
                                         ? (!query.districtCode.empty() ? "district_code" : "district_name")
                                         : (!query.provinceCode.empty() ? "province_code" : "province_name");
        unmatchedUnit(key, match);
    }
    return match.unit;
}

void RowScope::unmatchedUnit(const std::string& key, const UnitMatch& match) {
    problem(key, match.problem, true);
    if (match.failedName.empty()) return;  // a code that is not in the project: no name to alias
    UnmatchedName name;
    // As the problem line names it, after the file: "sheet 'Xã', row 7" (a CSV: "row 7").
    std::string where = m_ctx.table.label();
    where = where.size() > m_ctx.table.file.size() + 2 ? where.substr(m_ctx.table.file.size() + 2) + ", " : std::string();
    name.location = where + m_row.location;
    name.value = match.failedName;
    name.level = match.failedLevel;
    name.ambiguous = match.ambiguous;
    name.problem = match.problem;
    if (const int index = m_ctx.binding.column(key); index >= 0) name.column = m_ctx.table.columns[static_cast<std::size_t>(index)];
    for (const model::Unit* unit : match.candidates) {
        name.candidateCodes.push_back(unit->code);
        name.candidateNames.push_back(unit->name);
    }
    m_ctx.unmatched.push_back(std::move(name));
}

std::string RowScope::date(const std::string& key, const std::string& fallback, bool required) {
    const Cell& c = cell(key);
    if (c.empty()) {
        if (fallback.empty() && required)
            problem(key, std::string("no date: add a date column or give --as-of YYYY-MM-DD"));
        return fallback;
    }
    const auto parsed = parseDate(c);
    if (!parsed) {
        problem(key, "not a date (expected DD/MM/YYYY or YYYY-MM-DD)");
        return {};
    }
    return *parsed;
}

std::optional<std::int64_t> RowScope::money(const std::string& key) {
    const Cell& c = cell(key);
    if (c.empty()) return std::nullopt;
    const auto value = parseNumber(c);
    if (!value) {
        problem(key, "not an amount of money");
        return std::nullopt;
    }
    if (*value < 0) {
        problem(key, "negative money: plans, disbursements and budgets cannot be below zero");
        return std::nullopt;
    }
    const auto dong = moneyInDong(*value, moneyScale(m_ctx, key));
    if (!dong) problem(key, "amount too large: above 1.000.000 tỷ đồng (check the unit in the header or --money-unit)");
    return dong;
}

bool RowScope::finish() {
    if (m_problems.empty()) return true;
    bool allUnmatched = true;
    for (const Problem& p : m_problems) allUnmatched = allUnmatched && p.unmatched;
    if (allUnmatched && m_ctx.options.skipUnmatched) {
        for (const Problem& p : m_problems) m_ctx.skipped.push_back(formatProblem(p));
        return false;
    }
    for (Problem& p : m_problems) m_ctx.problems.add(std::move(p));
    return false;
}

double moneyScale(const ImportContext& context, const std::string& key) {
    if (!context.options.moneyUnit.empty()) return moneyUnitScale(context.options.moneyUnit);
    const auto it = context.binding.headerScale.find(key);
    return it == context.binding.headerScale.end() ? 1.0 : it->second;
}

}  // namespace gis::importer
