// `import disbursement`: capital plans and disbursements by unit, programme, year and capital type.
#include <map>
#include <tuple>

#include "gis/importer/importer_kinds.hpp"
#include "gis/importer/value_vocabulary.hpp"

namespace gis::importer {

void planDisbursement(ImportContext& ctx, ImportBatch& batch) {
    if (!ctx.binding.has("plan") && !ctx.binding.has("disbursed")) {
        ctx.problems.addGeneral(ctx.table.label(), "no money columns: expected 'Kế hoạch vốn' and/or 'Giải ngân' (or --map plan=… disbursed=…)");
        return;
    }
    std::string fixedProgramme;
    if (!ctx.options.programme.empty()) {
        fixedProgramme = programmeIdOf(ctx.options.programme, ctx.project.programmes);
        if (fixedProgramme.empty()) {
            std::string ids;
            for (const auto& p : ctx.project.programmes) ids += (ids.empty() ? "" : ", ") + p.id;
            ctx.problems.addGeneral("--programme " + ctx.options.programme, "unknown programme (known: " + ids + ", or ntm / gnbv / dtts)");
            return;
        }
    } else if (!ctx.binding.has("programme")) {
        ctx.problems.addGeneral(ctx.table.label(), "which programme? give --programme (ntm, gnbv, dtts) or a 'Chương trình' column");
        return;
    }
    using PlanKey = std::tuple<std::string, std::string, int, std::string>;
    std::map<PlanKey, std::pair<std::int64_t, std::string>> plans;  // → value, row
    std::map<std::tuple<std::string, std::string, int, std::string, std::string>, std::size_t> disbursementIndex;
    for (const SourceRow& row : ctx.table.rows) {
        RowScope scope(ctx, row);
        const model::Unit* unit = scope.matchUnit("", true);
        std::string programme = fixedProgramme;
        if (!scope.text("programme").empty()) {
            programme = programmeIdOf(scope.text("programme"), ctx.project.programmes);
            if (programme.empty()) scope.problem("programme", "unknown programme (ntm, gnbv, dtts or an id from programmes.json)");
        } else if (programme.empty()) {
            scope.problem("programme", "empty programme and no --programme");
        }
        const std::string capitalType = capitalTypeOf(scope.text("capital_type"));
        if (capitalType == "?") scope.problem("capital_type", "unknown capital type (đầu tư phát triển / sự nghiệp)");
        const auto plan = scope.money("plan");
        const auto disbursed = scope.money("disbursed");
        const std::string date = scope.date("date", ctx.options.asOf, disbursed.has_value());
        int year = 0;
        if (!scope.text("year").empty()) {
            year = std::atoi(scope.text("year").c_str());
            if (year < 1990 || year > 2100) scope.problem("year", "not a plan year");
        } else if (!date.empty()) {
            year = std::atoi(date.substr(0, 4).c_str());
        } else {
            scope.problem("year", "no plan year: add a 'Năm' column, a date column or --as-of");
        }
        if (!plan && !disbursed && scope.cell("plan").empty() && scope.cell("disbursed").empty())
            scope.problem("", "the row has neither a plan nor a disbursement figure");
        if (!scope.finish() || unit == nullptr) continue;
        if (plan) {
            const PlanKey key{unit->code, programme, year, capitalType == "?" ? "" : capitalType};
            if (const auto it = plans.find(key); it != plans.end()) {
                if (it->second.first != *plan) {
                    Problem p;
                    p.where = ctx.table.label() + ", " + row.location;
                    p.column = ctx.table.columns[static_cast<std::size_t>(ctx.binding.column("plan"))];
                    p.value = scope.text("plan");
                    p.message = "a different plan for " + unit->name + " " + std::to_string(year) + " than at " + it->second.second;
                    ctx.problems.add(std::move(p));
                }
            } else {
                plans[key] = {*plan, row.location};
                batch.plans.push_back({unit->code, programme, year, capitalType, *plan, ctx.table.file});
            }
        }
        if (disbursed) {
            const auto key = std::make_tuple(unit->code, programme, year, capitalType, date);
            if (const auto it = disbursementIndex.find(key); it != disbursementIndex.end() && !ctx.options.cumulative) {
                batch.disbursements[it->second].amountVnd += *disbursed;  // two payments on one day
            } else if (it != disbursementIndex.end()) {
                Problem p;
                p.where = ctx.table.label() + ", " + row.location;
                p.message = "a second cumulative disbursement for " + unit->name + " at " + date;
                ctx.problems.add(std::move(p));
            } else {
                disbursementIndex[key] = batch.disbursements.size();
                batch.disbursements.push_back({unit->code, programme, year, capitalType, date, *disbursed, ctx.options.cumulative, ctx.table.file});
            }
        }
    }
}

}  // namespace gis::importer
