#include "gis/dashboard/scope_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "gis/dashboard/criteria_names.hpp"
#include "gis/dashboard/display_format.hpp"
#include "gis/dashboard/kpis.hpp"
#include "gis/dashboard/scope.hpp"
#include "gis/scene/layer_look.hpp"

namespace gis::dashboard {
namespace {

/// The latest assessment of `unitCode` in `setId` at `asOf`, or nullptr.
const model::Assessment* latestIn(const std::vector<const model::Assessment*>& ofUnit, const std::string& setId, const std::string& asOf) {
    const model::Assessment* latest = nullptr;
    for (const model::Assessment* a : ofUnit)
        if (a->setId == setId && a->asOf <= asOf && (latest == nullptr || a->asOf >= latest->asOf)) latest = a;
    return latest;
}

std::optional<double> sortValue(const RankingRow& row, RankColumn column) {
    switch (column) {
    case RankColumn::Criteria: return row.criteria;
    case RankColumn::AtStandard: return row.atStandard;
    case RankColumn::Disbursed: return row.disbursedPct;
    case RankColumn::Overdue: return static_cast<double>(row.overdueTasks);
    case RankColumn::Name: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

RankingTable rankScope(const ProjectFigures& figures, const RankingQuery& query, Language language) {
    RankingTable table;
    const std::vector<std::size_t> children = scopeChildren(figures, query.scope);
    const std::vector<figures::UnitSummary>& summary = figures.summaryAt(query.asOf);
    const auto& units = figures.data().units;
    table.communes = !children.empty() && std::all_of(children.begin(), children.end(),
                                                       [&](std::size_t c) { return units[c].level == "commune"; });

    std::map<std::string, std::vector<const model::Assessment*>> byUnit;
    if (table.communes) {
        // One set at a time: communes assessed against different sets are not comparable.
        std::map<std::string, int> setUse;
        for (const model::Assessment& a : figures.data().assessments)
            if (a.asOf <= query.asOf) byUnit[a.unitCode].push_back(&a);
        for (std::size_t c : children) {
            std::map<std::string, bool> seen;
            for (const model::Assessment* a : byUnit[units[c].code])
                if (!seen[a->setId]) {
                    seen[a->setId] = true;
                    ++setUse[a->setId];
                }
        }
        for (const auto& [set, count] : setUse) table.setChoices.push_back(set);
        table.setId = query.setId;
        if (table.setId.empty() || setUse.count(table.setId) == 0) {
            int best = -1;
            for (const auto& [set, count] : setUse)
                if (count > best) {
                    best = count;
                    table.setId = set;
                }
        }
        table.setName = criteriaSetName(figures, table.setId, language);
    }

    for (std::size_t c : children) {
        if (c >= summary.size() || !passes(query.filter, summary[c])) continue;
        const figures::UnitSummary& s = summary[c];
        RankingRow row;
        row.code = units[c].code;
        row.name = units[c].name;
        row.shortName = scene::shortLabel(row.name);
        if (table.communes) {
            if (const model::Assessment* a = latestIn(byUnit[row.code], table.setId, query.asOf)) {
                row.criteria = a->criteriaMet;
                row.criteriaText = formatCount(a->criteriaMet, a->criteriaTotal);
                const bool met = a->criteriaTotal > 0 && a->criteriaMet == a->criteriaTotal;
                row.atStandard = met ? 1.0 : 0.0;
                row.atStandardText = met ? tr(Text::Met, language) : tr(Text::NotMet, language);
            }
        } else {
            const ScopeTotals totals = scopeTotals(figures, row.code, query.asOf);
            if (totals.avgCriteriaMet) {
                row.criteria = *totals.avgCriteriaMet;
                row.criteriaText = formatNumber(*totals.avgCriteriaMet, 1, language);
            }
            if (totals.communesTotal > 0 && totals.communesAssessed > 0) {
                row.atStandard = static_cast<double>(totals.communesAtStandard) / totals.communesTotal;
                row.atStandardText = formatCount(totals.communesAtStandard, totals.communesTotal);
            }
        }
        if (const figures::ProgrammeFigures* ntm = ntmProgramme(s); ntm != nullptr && ntm->disbursedPct) {
            row.disbursedPct = *ntm->disbursedPct;
            row.disbursedText = formatPercent(*ntm->disbursedPct, language);
        }
        row.overdueTasks = s.tasksOverdue;
        table.rows.push_back(std::move(row));
    }

    // Sort: rows without a figure last whichever the direction; names in code order on ties.
    const RankColumn column = query.sortBy;
    std::stable_sort(table.rows.begin(), table.rows.end(), [&](const RankingRow& a, const RankingRow& b) {
        if (column == RankColumn::Name) return query.descending ? a.name > b.name : a.name < b.name;
        const auto va = sortValue(a, column), vb = sortValue(b, column);
        if (va.has_value() != vb.has_value()) return va.has_value();
        if (!va || *va == *vb) return a.code < b.code;
        return query.descending ? *va > *vb : *va < *vb;
    });
    const RankColumn rankBy = column == RankColumn::Name ? RankColumn::Criteria : column;
    for (RankingRow& row : table.rows) {
        const auto v = sortValue(row, rankBy);
        if (!v) continue;
        int better = 0;  // ties share a rank (1, 2, 2, 4); "better" follows the sort direction
        for (const RankingRow& other : table.rows) {
            const auto o = sortValue(other, rankBy);
            if (o && (query.descending || column == RankColumn::Name ? *o > *v : *o < *v)) ++better;
        }
        row.rank = better + 1;
    }
    return table;
}

}  // namespace gis::dashboard
