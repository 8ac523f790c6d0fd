// `import work-types`: which infrastructure types can fix which criterion, for the gap analysis.
// Each set the sheet lists gets exactly the sheet's rows (its earlier mapping is replaced).
#include <algorithm>

#include "gis/importer/cell_values.hpp"
#include "gis/importer/importer_kinds.hpp"
#include "gis/importer/value_vocabulary.hpp"

namespace gis::importer {
namespace {

/// "road, bridge", "Đường; Cầu" → the cell's pieces, trimmed.
std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> parts;
    std::string current;
    auto flush = [&] {
        const auto first = current.find_first_not_of(' ');
        const auto last = current.find_last_not_of(' ');
        if (first != std::string::npos) parts.push_back(current.substr(first, last - first + 1));
        current.clear();
    };
    for (char c : text) {
        if (c == ',' || c == ';' || c == '\n')
            flush();
        else
            current += c;
    }
    flush();
    return parts;
}

/// The types the importers and the map know; another slug is kept, with a warning (a typo would
/// otherwise map a criterion to a type no work ever has).
bool knownWorkType(const std::string& type) {
    static const char* const kKnown[] = {"waste_site", "road", "cultural_house", "school", "health_station",
                                         "clean_water", "market", "irrigation", "sports", "bridge"};
    return std::find_if(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return type == k; }) != std::end(kKnown);
}

}  // namespace

void planWorkTypes(ImportContext& ctx, ImportBatch& batch) {
    if (!ctx.binding.has("number")) {
        ctx.problems.addGeneral(ctx.table.label(), "no criterion number column ('Tiêu chí số' / 'STT'; or --map number=FIELD)");
        return;
    }
    std::map<std::string, std::map<int, std::string>> seen;  // set → number → row
    for (const SourceRow& row : ctx.table.rows) {
        RowScope scope(ctx, row);
        const std::string set = scope.text("set").empty() ? ctx.options.setId : scope.text("set");
        const auto known = ctx.project.criteriaSets.find(set);
        if (set.empty())
            scope.problem("set", "no set id: add a 'Mã bộ tiêu chí' column or give --set");
        else if (known == ctx.project.criteriaSets.end())
            scope.problem("set", "no criteria set '" + set + "' in the project (import it with 'import criteria-set' first)");
        const auto number = parseCount(scope.cell("number"));
        if (!number || number->first < 1 || number->second != 0) {
            scope.problem("number", "not a criterion number (1, 2, …)");
        } else if (known != ctx.project.criteriaSets.end()) {
            const auto& criteria = known->second.criteria;
            if (std::none_of(criteria.begin(), criteria.end(), [&](const model::Criterion& c) { return c.number == number->first; }))
                scope.problem("number", "set " + set + " has no criterion " + std::to_string(number->first));
            else if (const auto it = seen[set].find(number->first); it != seen[set].end())
                scope.problem("number", "criterion " + std::to_string(number->first) + " of " + set + " is listed twice (also at " + it->second + ")");
            else
                seen[set][number->first] = row.location;
        }
        std::vector<std::string> types;
        for (const std::string& word : splitList(scope.text("work_type"))) {
            const std::string type = infrastructureTypeOf(word);
            if (type.empty())
                scope.problem("work_type", "'" + word + "' is not a work type");
            else
                types.push_back(type);
            if (!type.empty() && !knownWorkType(type))
                batch.warnings.push_back(ctx.table.label() + ", " + row.location + ": '" + word + "' is not a known work type; kept as '" +
                                         type + "'");
        }
        if (!scope.finish()) continue;
        auto& rows = batch.workTypesBySet[set];
        for (const std::string& type : types) rows.push_back({set, number->first, type});
    }
}

}  // namespace gis::importer
