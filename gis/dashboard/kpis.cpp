#include "gis/dashboard/kpis.hpp"

#include <cmath>

#include "gis/dashboard/display_format.hpp"
#include "gis/dashboard/milestones.hpp"
#include "gis/dashboard/scope.hpp"

namespace gis::dashboard {
namespace {

double round1(double v) { return std::round(v * 10.0) / 10.0; }

/// The summaries of the units that carry the scope's money: the scope itself, or every top unit.
std::vector<const figures::UnitSummary*> moneyHolders(const ProjectFigures& figures, const std::vector<figures::UnitSummary>& summary,
                                                      const std::string& scope) {
    std::vector<const figures::UnitSummary*> holders;
    if (const auto unit = figures.tree().find(scope)) {
        if (*unit < summary.size()) holders.push_back(&summary[*unit]);
        return holders;
    }
    for (std::size_t r : figures.tree().roots())
        if (r < summary.size()) holders.push_back(&summary[r]);
    return holders;
}

std::vector<figures::ProgrammeFigures> addProgrammes(const std::vector<const figures::UnitSummary*>& holders) {
    std::map<std::string, figures::ProgrammeFigures> byProgramme;
    for (const figures::UnitSummary* s : holders)
        for (const figures::ProgrammeFigures& p : s->programmes) {
            auto [it, fresh] = byProgramme.emplace(p.programme, p);
            if (fresh) continue;
            it->second.plan += p.plan;
            it->second.disbursed += p.disbursed;
            it->second.rank = it->second.rankOf = 0;  // a sum of several units has no rank
        }
    std::vector<figures::ProgrammeFigures> out;
    for (auto& [id, p] : byProgramme) {
        if (p.plan > 0) p.disbursedPct = round1(100.0 * static_cast<double>(p.disbursed) / static_cast<double>(p.plan));
        out.push_back(p);
    }
    return out;
}

const figures::ProgrammeFigures* findProgramme(const std::vector<figures::ProgrammeFigures>& all, const std::string& id) {
    for (const figures::ProgrammeFigures& p : all)
        if (p.programme == id) return &p;
    return nullptr;
}

/// The province above the scope (its reference), or nullopt at province level and above.
std::optional<std::size_t> provinceAbove(const ProjectFigures& figures, const std::string& scope) {
    const auto unit = figures.tree().find(scope);
    if (!unit) return std::nullopt;
    for (std::size_t u : figures.tree().pathTo(*unit))
        if (u != *unit && figures.data().units[u].level == "province") return u;
    return std::nullopt;
}

std::string signedNumber(double delta, int decimals, Language language) {
    return (delta > 0 ? "+" : delta < 0 ? "−" : "±") + formatNumber(std::fabs(delta), decimals, language);
}

/// "+3 so với 31/12/2023", or "" without a previous date.
std::string changeText(double delta, int decimals, const std::string& previousDate, Language language, const std::string& unit = "") {
    if (previousDate.empty()) return "";
    const std::string since = std::string(" ") + tr(Text::ChangeSince, language) + " " + formatDate(previousDate);
    if (std::fabs(delta) < 0.5 * std::pow(10.0, -decimals)) return tr(Text::NoChange, language) + since;
    return signedNumber(delta, decimals, language) + unit + since;
}

int trendOf(double delta) { return delta > 1e-9 ? 1 : delta < -1e-9 ? -1 : 0; }

}  // namespace

ScopeTotals scopeTotals(const ProjectFigures& figures, const std::string& scope, const std::string& asOf) {
    ScopeTotals totals;
    const std::vector<figures::UnitSummary>& summary = figures.summaryAt(asOf);
    double criteriaSum = 0;
    for (std::size_t c : scopeCommunes(figures, scope)) {
        if (c >= summary.size() || figures.data().units[c].type != "xa") continue;  // NTM commune criteria apply to xã only
        const figures::UnitSummary& s = summary[c];
        ++totals.communesTotal;
        if (!s.assessed) continue;
        ++totals.communesAssessed;
        criteriaSum += s.criteriaMet;
        if (s.meetsStandard) ++totals.communesAtStandard;
        if (!s.tier.empty()) ++totals.tierCounts[s.tier];
    }
    if (totals.communesAssessed > 0) totals.avgCriteriaMet = criteriaSum / totals.communesAssessed;
    const auto holders = moneyHolders(figures, summary, scope);
    totals.programmes = holders.size() == 1 ? holders.front()->programmes : addProgrammes(holders);
    for (const figures::UnitSummary* s : holders) {
        totals.tasksOpen += s->tasksOpen;
        totals.tasksOverdue += s->tasksOverdue;
        for (const auto& [type, byStatus] : s->infrastructure)
            for (const auto& [status, count] : byStatus) totals.worksByStatus[status] += count;
    }
    totals.hasTasks = !figures.data().tasks.empty();
    totals.hasWorks = !figures.data().infrastructure.empty();
    return totals;
}

std::vector<Kpi> computeKpis(const ProjectFigures& figures, const std::string& scope, const std::string& asOf, Language language) {
    const ScopeTotals now = scopeTotals(figures, scope, asOf);
    const std::string previousDate = figures.previousDate(asOf);
    const ScopeTotals before = previousDate.empty() ? ScopeTotals{} : scopeTotals(figures, scope, previousDate);
    // The province is a reference only when it is more than the scope (a one-district demo
    // province would just repeat the district's own figures).
    auto province = provinceAbove(figures, scope);
    if (province && scopeTotals(figures, figures.data().units[*province].code, asOf).communesTotal == now.communesTotal) province.reset();
    const std::string provinceWord = tr(Text::Province, language);
    std::vector<Kpi> kpis;

    const auto scopeUnit = figures.tree().find(scope);
    if (scopeUnit && figures.data().units[*scopeUnit].level == "commune") {
        // One commune: its own result as the notice words it ("14/19 tiêu chí (73,7 %)").
        const figures::UnitSummary& s = figures.summaryAt(asOf)[*scopeUnit];
        Kpi k{KpiKind::CommunesAtStandard, tr(Text::CardCriteria, language)};
        k.available = s.assessed;
        if (k.available) {
            k.value = formatCount(s.criteriaMet, s.criteriaTotal) + " " + tr(Text::CriteriaUnit, language);
            k.detail = formatPercent(s.criteriaPct, language) + " · " + tierName(s.tier, language);
            const std::string previous = figures.previousDate(asOf);
            if (!previous.empty() && figures.summaryAt(previous)[*scopeUnit].assessed) {
                const double delta = s.criteriaMet - figures.summaryAt(previous)[*scopeUnit].criteriaMet;
                k.change = changeText(delta, 0, previous, language);
                k.trend = trendOf(delta);
            }
        }
        kpis.push_back(k);
    } else {
        Kpi k{KpiKind::CommunesAtStandard, tr(Text::KpiCommunesAtStandard, language)};
        k.available = now.communesAssessed > 0;
        if (k.available) {
            k.value = formatCount(now.communesAtStandard, now.communesTotal) + " " + tr(Text::CommunesUnit, language);
            for (const char* tier : {"ntm_nang_cao", "ntm_kieu_mau"})
                if (const auto it = now.tierCounts.find(tier); it != now.tierCounts.end())
                    k.detail += (k.detail.empty() ? "" : " · ") + tierName(tier, language) + " " + std::to_string(it->second);
            if (now.communesAssessed < now.communesTotal)
                k.detail += (k.detail.empty() ? "" : " · ") + std::to_string(now.communesTotal - now.communesAssessed) + " " +
                            tr(Text::CommunesUnit, language) + " " + tr(Text::NotAssessed, language);
            if (province) {
                const ScopeTotals p = scopeTotals(figures, figures.data().units[*province].code, asOf);
                k.reference = provinceWord + " " + formatCount(p.communesAtStandard, p.communesTotal);
            }
            if (before.communesAssessed > 0) {
                const double delta = now.communesAtStandard - before.communesAtStandard;
                k.change = changeText(delta, 0, previousDate, language);
                k.trend = trendOf(delta);
            }
        }
        kpis.push_back(k);
    }
    {
        Kpi k{KpiKind::AverageCriteria, tr(Text::KpiAverageCriteria, language)};
        k.available = now.avgCriteriaMet.has_value();
        if (k.available) {
            k.value = formatNumber(*now.avgCriteriaMet, 1, language);
            if (now.communesAssessed < now.communesTotal)
                k.detail = std::to_string(now.communesAssessed) + "/" + std::to_string(now.communesTotal) + " " +
                           tr(Text::CommunesUnit, language) + " " + tr(Text::Assessed, language);
            if (province) {
                const ScopeTotals p = scopeTotals(figures, figures.data().units[*province].code, asOf);
                if (p.avgCriteriaMet) k.reference = provinceWord + " " + formatNumber(*p.avgCriteriaMet, 1, language);
            }
            if (before.avgCriteriaMet) {
                const double delta = *now.avgCriteriaMet - *before.avgCriteriaMet;
                k.change = changeText(delta, 1, previousDate, language);
                k.trend = trendOf(delta);
            }
        }
        kpis.push_back(k);
    }
    for (const figures::ProgrammeFigures& p : now.programmes) {
        Kpi k{KpiKind::Disbursement, std::string(tr(Text::KpiDisbursement, language)) + " " + figures.programmeName(p.programme) + " " +
                                         std::to_string(p.year)};
        k.available = p.disbursedPct.has_value();
        if (!k.available) {
            kpis.push_back(k);
            continue;
        }
        k.value = formatPercent(*p.disbursedPct, language);
        if (p.rankOf > 1) k.detail = std::string(tr(Text::Rank, language)) + " " + formatCount(p.rank, p.rankOf);
        if (province) {
            const ScopeTotals pt = scopeTotals(figures, figures.data().units[*province].code, asOf);
            if (const auto* pp = findProgramme(pt.programmes, p.programme); pp && pp->disbursedPct)
                k.detail += (k.detail.empty() ? "" : " · ") + provinceWord + " " + formatPercent(*pp->disbursedPct, language);
        }
        const MilestonePlan plan = milestonesFor(figures.data(), p.programme, p.year);
        if (const auto m = milestoneAt(plan, asOf)) {
            k.reference = std::string(tr(Text::Milestone, language)) + " " + formatDate(m->date) + ": " + formatPercent(m->targetPct, language);
            k.behind = *p.disbursedPct < m->targetPct && asOf >= m->date;
        }
        if (const auto* b = findProgramme(before.programmes, p.programme); b && b->disbursedPct && b->year == p.year) {
            const double delta = *p.disbursedPct - *b->disbursedPct;
            k.change = changeText(delta, 1, previousDate, language, language == Language::Vi ? " điểm %" : " pts");
            k.trend = trendOf(delta);
        }
        kpis.push_back(k);
    }
    if (now.programmes.empty()) {
        Kpi k{KpiKind::Disbursement, tr(Text::KpiDisbursement, language)};
        kpis.push_back(k);
    }
    {
        Kpi k{KpiKind::Tasks, tr(Text::KpiTasks, language)};
        k.available = now.hasTasks;
        if (k.available) {
            k.value = std::to_string(now.tasksOpen) + " " + tr(Text::Open, language);
            k.detail = std::to_string(now.tasksOverdue) + " " + tr(Text::Overdue, language);
            k.behind = now.tasksOverdue > 0;
            if (!previousDate.empty()) {
                const double delta = now.tasksOverdue - before.tasksOverdue;
                k.change = changeText(delta, 0, previousDate, language, std::string(" ") + tr(Text::Overdue, language));
                k.trend = -trendOf(delta);  // more overdue tasks is worse
            }
        }
        kpis.push_back(k);
    }
    {
        Kpi k{KpiKind::Works, tr(Text::KpiWorks, language)};
        k.available = now.hasWorks;
        if (k.available) {
            auto count = [](const ScopeTotals& t, const char* status) {
                const auto it = t.worksByStatus.find(status);
                return it == t.worksByStatus.end() ? 0 : it->second;
            };
            k.value = std::to_string(count(now, "completed")) + " " + tr(Text::Completed, language);
            k.detail = std::to_string(count(now, "under_construction")) + " " + tr(Text::UnderConstruction, language) + " · " +
                       std::to_string(count(now, "planned")) + " " + tr(Text::Planned, language);
        }
        kpis.push_back(k);
    }
    for (Kpi& k : kpis)
        if (!k.available) k.value = tr(Text::NotInProject, language);
    return kpis;
}

}  // namespace gis::dashboard
