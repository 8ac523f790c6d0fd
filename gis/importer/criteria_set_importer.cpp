// `import criteria-set`: a provincial criteria set (e.g. Hà Tĩnh's 20 advanced criteria) from a table.
#include <algorithm>
#include <map>

#include "gis/importer/cell_values.hpp"
#include "gis/importer/importer_kinds.hpp"

namespace gis::importer {

void planCriteriaSet(ImportContext& ctx, ImportBatch& batch) {
    if (!ctx.binding.has("number") || !ctx.binding.has("criterion_name")) {
        ctx.problems.addGeneral(ctx.table.label(), "a criteria set table needs a criterion number column (STT / Tiêu chí số) and a name "
                                                   "column (Tên tiêu chí)");
        return;
    }
    std::map<std::string, model::CriteriaSet> sets;
    std::map<std::string, std::map<int, std::string>> seen;  // set → number → row
    for (const SourceRow& row : ctx.table.rows) {
        RowScope scope(ctx, row);
        const std::string id = scope.text("set").empty() ? ctx.options.setId : scope.text("set");
        if (id.empty()) scope.problem("set", "no set id: add a 'Mã bộ tiêu chí' column or give --set");
        const auto existing = ctx.project.criteriaSets.find(id);
        if (existing != ctx.project.criteriaSets.end() && !existing->second.criteria.empty() && id.rfind("ntm_", 0) == 0)
            scope.problem("set", "'" + id + "' is a national set shipped with NTM Atlas; give the provincial set its own id");
        const auto number = parseCount(scope.cell("number"));
        if (!number || number->first < 1 || number->second != 0) scope.problem("number", "not a criterion number (1, 2, …)");
        const std::string name = scope.text("criterion_name");
        if (name.empty()) scope.problem("criterion_name", "empty criterion name");
        if (number && !id.empty()) {
            if (const auto it = seen[id].find(number->first); it != seen[id].end())
                scope.problem("number", "criterion " + std::to_string(number->first) + " of " + id + " is listed twice (also at " + it->second + ")");
            else
                seen[id][number->first] = row.location;
        }
        if (!scope.finish()) continue;
        model::CriteriaSet& set = sets[id];
        set.id = id;
        if (!scope.text("set_name").empty()) set.name = scope.text("set_name");
        if (!scope.text("tier").empty()) set.tier = scope.text("tier");
        if (!scope.text("level").empty()) set.level = scope.text("level");
        set.criteria.push_back({number->first, name});
    }
    for (auto& [id, set] : sets) {
        std::sort(set.criteria.begin(), set.criteria.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
        for (int i = 0; i < set.size(); ++i)
            if (set.criteria[static_cast<std::size_t>(i)].number != i + 1) {
                ctx.problems.addGeneral(ctx.table.label(), "set " + id + ": criteria must be numbered 1…" + std::to_string(set.size()) +
                                                               " without gaps; " + std::to_string(i + 1) + " is missing");
                break;
            }
        if (set.name.empty()) set.name = id;
        if (set.level.empty()) set.level = "xa";
        batch.criteriaSets.push_back(std::move(set));
    }
}

}  // namespace gis::importer
