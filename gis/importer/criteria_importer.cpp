// `import criteria`: assessments of communes against a criteria set, per criterion or as a count.
#include <map>

#include "gis/importer/cell_values.hpp"
#include "gis/importer/importer_kinds.hpp"

namespace gis::importer {
namespace {

const model::CriteriaSet* findSet(const ImportContext& ctx, const std::string& id) {
    const auto it = ctx.project.criteriaSets.find(id);
    return it == ctx.project.criteriaSets.end() ? nullptr : &it->second;
}

std::string knownSets(const ImportContext& ctx) {
    std::string names;
    for (const auto& [id, set] : ctx.project.criteriaSets)
        if (set.size() > 0) names += (names.empty() ? "" : ", ") + id;
    return names;
}

}  // namespace

void planCriteria(ImportContext& ctx, ImportBatch& batch) {
    const std::string level = ctx.options.level.empty() ? "commune" : ctx.options.level;
    const bool detailed = !ctx.binding.criteria.empty();
    if (!detailed && !ctx.binding.has("criteria_met")) {
        ctx.problems.addGeneral(ctx.table.label(), "no criterion columns (Tiêu chí 1 … 19) and no count column (Số tiêu chí đạt)");
        return;
    }
    if (!ctx.binding.has("set") && ctx.options.setId.empty()) {
        ctx.problems.addGeneral(ctx.table.label(), "which criteria set? give --set (" + knownSets(ctx) + ") or a 'Bộ tiêu chí' column");
        return;
    }
    if (!ctx.options.setId.empty()) {
        const model::CriteriaSet* set = findSet(ctx, ctx.options.setId);
        if (set == nullptr || set->size() == 0) {
            ctx.problems.addGeneral("--set " + ctx.options.setId, "no criteria set with that id and a known criteria list in the project (" +
                                                                      knownSets(ctx) + ")");
            return;
        }
    }
    std::map<std::string, std::string> seen;  // unit|set|date → row, to catch a commune listed twice
    for (const SourceRow& row : ctx.table.rows) {
        RowScope scope(ctx, row);
        model::Assessment a;
        a.source = ctx.table.file;
        a.note = scope.text("note");
        a.setId = scope.text("set").empty() ? ctx.options.setId : scope.text("set");
        const model::CriteriaSet* set = findSet(ctx, a.setId);
        if (set == nullptr || set->size() == 0) {
            scope.problem("set", "unknown criteria set '" + a.setId + "' (known: " + knownSets(ctx) + ")");
            scope.finish();
            continue;
        }
        a.asOf = scope.date("as_of", ctx.options.asOf, true);
        const model::Unit* unit = scope.matchUnit(level, true);
        if (unit != nullptr) a.unitCode = unit->code;
        // The commune criteria are for rural communes: a ward or township is assessed differently.
        if (unit != nullptr && set->level == "xa" && unit->type != "xa")
            scope.problem(ctx.binding.has("unit_name") ? "unit_name" : "unit_code",
                          unit->name + " is not a xã: the NTM commune criteria (" + set->id + ") apply to rural communes only");
        a.criteriaTotal = set->size();

        if (detailed) {
            a.detailed = true;
            for (const auto& [number, column] : ctx.binding.criteria) {
                if (number > set->size()) {
                    scope.problemAtColumn(column, "criterion " + std::to_string(number) + " does not exist: set " + set->id +
                                                      " has " + std::to_string(set->size()) + " criteria");
                    continue;
                }
                const auto parsed = parseCriterionCell(row.cells[static_cast<std::size_t>(column)]);
                if (!parsed) {
                    scope.problemAtColumn(column, "not a criterion result (Đạt / Chưa đạt / x / 1 / 0 / TRUE / FALSE / Đang thực hiện)");
                    continue;
                }
                a.results.push_back({number, parsed->status, parsed->note});
                if (parsed->status == model::CriterionStatus::Met) ++a.criteriaMet;
            }
            if (static_cast<int>(ctx.binding.criteria.size()) < set->size()) {
                std::string missing;
                for (int n = 1; n <= set->size(); ++n)
                    if (ctx.binding.criteria.count(n) == 0) missing += (missing.empty() ? "" : ", ") + std::to_string(n);
                scope.problem("", "the sheet has no column for criteria " + missing + " of set " + set->id +
                                      " (a detailed sheet needs all " + std::to_string(set->size()) + ")");
            }
        }
        if (const Cell& countCell = scope.cell("criteria_met"); !countCell.empty()) {
            const auto count = parseCount(countCell);
            if (!count) {
                scope.problem("criteria_met", "not a count of criteria (e.g. 14 or 14/19)");
            } else if (count->second != 0 && count->second != set->size()) {
                scope.problem("criteria_met", "counts out of " + std::to_string(count->second) + " but set " + set->id + " has " +
                                                  std::to_string(set->size()) + " criteria");
            } else if (count->first > set->size()) {
                scope.problem("criteria_met", "count " + std::to_string(count->first) + " is larger than the " +
                                                  std::to_string(set->size()) + " criteria of set " + set->id);
            } else if (detailed && count->first != a.criteriaMet) {
                scope.problem("criteria_met", "says " + std::to_string(count->first) + " criteria met, but " +
                                                  std::to_string(a.criteriaMet) + " criterion cells read as met");
            } else {
                a.criteriaMet = count->first;
            }
        } else if (!detailed) {
            scope.problem("criteria_met", "empty count of criteria met");
        }
        if (const Cell& totalCell = scope.cell("criteria_total"); !totalCell.empty()) {
            const auto total = parseCount(totalCell);
            if (!total || total->first != set->size())
                scope.problem("criteria_total", "set " + set->id + " has " + std::to_string(set->size()) + " criteria");
        }
        if (unit != nullptr && !a.asOf.empty()) {
            const std::string key = a.unitCode + "|" + a.setId + "|" + a.asOf;
            if (const auto it = seen.find(key); it != seen.end())
                scope.problem("unit_name", unit->name + " is assessed twice for " + a.setId + " at " + a.asOf + " (also at " + it->second + ")");
            else
                seen[key] = row.location;
        }
        if (scope.finish()) batch.assessments.push_back(std::move(a));
    }
}

}  // namespace gis::importer
