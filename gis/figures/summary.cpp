#include "gis/figures/summary.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <set>

#include "gis/core/utc_now.hpp"
#include "gis/figures/unit_tree.hpp"
#include "gis/model/iso_date.hpp"

namespace gis::figures {
using namespace gis::model;  // the domain types the figures are computed from
namespace {

double round1(double v) { return std::round(v * 10.0) / 10.0; }
double round2(double v) { return std::round(v * 100.0) / 100.0; }

/// Tier order for choosing the assessment that decides "meets the standard": the base NTM set first.
int tierRank(const std::string& tier) {
    if (tier == "ntm") return 0;
    if (tier == "ntm_nang_cao") return 1;
    if (tier == "ntm_kieu_mau") return 2;
    return 3;
}

/// Disbursed amount of one (unit, programme, year, capital type) series at `asOf`: the latest
/// cumulative figure plus the increments after it.
std::int64_t disbursedAt(const std::vector<const Disbursement*>& series, const std::string& asOf) {
    std::string cumulativeDate;
    std::int64_t cumulative = 0;
    for (const Disbursement* d : series)
        if (d->cumulative && d->date <= asOf && d->date >= cumulativeDate) {
            cumulativeDate = d->date;
            cumulative = d->amountVnd;
        }
    std::int64_t total = cumulative;
    for (const Disbursement* d : series)
        if (!d->cumulative && d->date <= asOf && d->date > cumulativeDate) total += d->amountVnd;
    return total;
}

void summariseAssessment(UnitSummary& s, const std::vector<const Assessment*>& assessments, const store::ProjectData& project,
                         const std::string& asOf) {
    const Assessment* chosen = nullptr;
    std::map<std::string, const Assessment*> latestPerSet;
    auto tierOf = [&](const Assessment* a) {
        const auto it = project.criteriaSets.find(a->setId);
        return it == project.criteriaSets.end() ? std::string() : it->second.tier;
    };
    for (const Assessment* a : assessments) {
        if (a->asOf > asOf) continue;
        auto& latest = latestPerSet[a->setId];
        if (latest == nullptr || a->asOf >= latest->asOf) latest = a;
    }
    for (const auto& [set, a] : latestPerSet) {
        if (chosen == nullptr) {
            chosen = a;
            continue;
        }
        const int rank = tierRank(tierOf(a)), chosenRank = tierRank(tierOf(chosen));
        if (rank < chosenRank || (rank == chosenRank && a->asOf > chosen->asOf)) chosen = a;
    }
    if (chosen == nullptr) return;
    s.assessed = true;
    s.criteriaSet = chosen->setId;
    s.criteriaMet = chosen->criteriaMet;
    s.criteriaTotal = chosen->criteriaTotal;
    s.criteriaPct = s.criteriaTotal > 0 ? round1(100.0 * s.criteriaMet / s.criteriaTotal) : 0.0;
    s.meetsStandard = s.criteriaTotal > 0 && s.criteriaMet == s.criteriaTotal;
    s.detailed = chosen->detailed;
    s.assessmentAsOf = chosen->asOf;
    if (chosen->detailed)
        for (const CriterionResult& r : chosen->results)
            if (r.status != CriterionStatus::Met) s.unmet.push_back(r.number);
    // Tier: the highest tier whose latest assessment is fully met ("NTM nâng cao" needs NTM too).
    int best = 99;
    for (const auto& [set, a] : latestPerSet) {
        if (a->criteriaTotal == 0 || a->criteriaMet != a->criteriaTotal) continue;
        const int rank = tierRank(tierOf(a));
        if (rank < 3 && (best == 99 || rank > best)) best = rank;
    }
    if (best == 0) s.tier = "ntm";
    if (best == 1) s.tier = "ntm_nang_cao";
    if (best == 2) s.tier = "ntm_kieu_mau";
}

/// For each programme, the latest plan year not after the as-of year.
std::map<std::string, int> planYears(const store::ProjectData& project, const std::string& asOf) {
    const int asOfYear = std::atoi(asOf.substr(0, 4).c_str());
    std::map<std::string, int> years;
    for (const CapitalPlan& p : project.plans)
        if (p.year <= asOfYear && p.year > years[p.programmeId]) years[p.programmeId] = p.year;
    for (const Disbursement& d : project.disbursements)  // money disbursed without a plan row still shows
        if (d.year <= asOfYear && d.date <= asOf && years.count(d.programmeId) == 0) years[d.programmeId] = d.year;
    return years;
}

}  // namespace

std::string todayIso() { return utcNowFormatted("%Y-%m-%d"); }

std::string tierLabel(const std::string& tier) {
    if (tier == "ntm") return "Đạt chuẩn NTM";
    if (tier == "ntm_nang_cao") return "NTM nâng cao";
    if (tier == "ntm_kieu_mau") return "NTM kiểu mẫu";
    return "Chưa đạt chuẩn";
}

Result<std::vector<UnitSummary>> computeSummary(const store::ProjectData& project, const SummaryOptions& options) {
    const std::string asOf = options.asOf.empty() ? todayIso() : options.asOf;
    if (!isIsoDate(asOf)) return makeError(ErrorCode::BadInput, "--as-of " + asOf + ": not a date (YYYY-MM-DD)");
    const std::vector<Unit>& units = project.units;
    const UnitTree tree(units);
    std::string wanted = options.unitCode;
    if (!wanted.empty() && !tree.find(wanted)) {
        // "--unit 6331": the code as a spreadsheet shows it; accept it when one zero-padding fits.
        std::vector<std::string> padded;
        for (const std::size_t width : {2u, 3u, 5u})
            if (wanted.size() < width && wanted.find_first_not_of("0123456789") == std::string::npos &&
                tree.find(std::string(width - wanted.size(), '0') + wanted))
                padded.push_back(std::string(width - wanted.size(), '0') + wanted);
        if (padded.size() != 1) return makeError(ErrorCode::NotFound, "--unit " + options.unitCode + ": no unit with that code in the project");
        wanted = padded.front();
    }

    std::vector<UnitSummary> out(units.size());
    // Per unit index, not per code in a map: the country's summary of 111,927 units spent most of
    // its time comparing code strings in std::map lookups.
    std::vector<std::vector<const Assessment*>> assessmentsByUnit(units.size());
    for (const Assessment& a : project.assessments)
        if (const auto u = tree.find(a.unitCode)) assessmentsByUnit[*u].push_back(&a);

    // 1. Own figures of every unit.
    const auto years = options.planYears ? *options.planYears : planYears(project, asOf);
    // Money per programme (in the order of `years`) and unit index.
    std::map<std::string, std::size_t> programmeIndex;
    for (const auto& [programme, year] : years) {
        (void)year;
        programmeIndex.emplace(programme, programmeIndex.size());
    }
    std::vector<std::vector<std::int64_t>> plan(years.size(), std::vector<std::int64_t>(units.size(), 0));
    std::vector<std::vector<std::int64_t>> disbursed(years.size(), std::vector<std::int64_t>(units.size(), 0));
    for (const CapitalPlan& p : project.plans) {
        const auto u = tree.find(p.unitCode);
        const auto y = years.find(p.programmeId);
        if (u && y != years.end() && p.year == y->second) plan[programmeIndex.at(p.programmeId)][*u] += p.planVnd;
    }
    std::map<std::tuple<std::string, std::string, int, std::string>, std::vector<const Disbursement*>> series;
    for (const Disbursement& d : project.disbursements) series[{d.unitCode, d.programmeId, d.year, d.capitalType}].push_back(&d);
    for (const auto& [key, rows] : series) {
        const auto& [unitCode, programme, year, capitalType] = key;
        (void)capitalType;
        const auto u = tree.find(unitCode);
        const auto y = years.find(programme);
        if (!u || y == years.end() || year != y->second) continue;
        disbursed[programmeIndex.at(programme)][*u] += disbursedAt(rows, asOf);
    }

    for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        UnitSummary& s = out[i];
        s.code = u.code;
        s.name = u.name;
        s.level = u.level;
        s.type = u.type;
        s.parentCode = u.parentCode;
        s.summaryDate = asOf;
        if (!assessmentsByUnit[i].empty()) summariseAssessment(s, assessmentsByUnit[i], project, asOf);
    }
    auto unitIndex = [&](const std::string& code) { return tree.find(code); };
    for (const InfrastructureItem& item : project.infrastructure)
        if (const auto i = unitIndex(item.unitCode)) ++out[*i].infrastructure[item.type][item.status];
    for (const Task& t : project.tasks) {
        const auto i = unitIndex(t.unitCode);
        if (!i) continue;
        const bool open = t.status == "open" || (t.status == "done" && !t.doneDate.empty() && t.doneDate > asOf);
        if (!open) continue;
        ++out[*i].tasksOpen;
        if (!t.deadline.empty() && t.deadline < asOf) ++out[*i].tasksOverdue;
    }
    const int asOfYear = std::atoi(asOf.substr(0, 4).c_str());
    std::map<std::pair<std::size_t, std::string>, int> indicatorYear;
    for (const Indicator& ind : project.indicators) {
        const auto i = unitIndex(ind.unitCode);
        if (!i || ind.year > asOfYear) continue;
        auto& year = indicatorYear[{*i, ind.name}];
        if (ind.year >= year) {
            year = ind.year;
            out[*i].indicators[ind.name] = ind.value;
        }
    }

    // 2. Bottom-up: a parent's money, works, tasks and commune counts include its children's.
    std::vector<double> criteriaSum(units.size(), 0.0);
    for (std::size_t i : tree.postOrder()) {
        UnitSummary& s = out[i];
        if (units[i].level == "commune" && units[i].type == "xa") {
            s.communesTotal = 1;
            s.communesAssessed = s.assessed ? 1 : 0;
            s.communesMeetingStandard = s.meetsStandard ? 1 : 0;
            criteriaSum[i] = s.assessed ? s.criteriaMet : 0;
        }
        for (std::size_t c : tree.children(i)) {
            const UnitSummary& child = out[c];
            s.communesTotal += child.communesTotal;
            s.communesAssessed += child.communesAssessed;
            s.communesMeetingStandard += child.communesMeetingStandard;
            criteriaSum[i] += criteriaSum[c];
            for (const auto& [type, statuses] : child.infrastructure)
                for (const auto& [status, count] : statuses) s.infrastructure[type][status] += count;
            s.tasksOpen += child.tasksOpen;
            s.tasksOverdue += child.tasksOverdue;
            for (std::size_t p = 0; p < years.size(); ++p) {
                plan[p][i] += plan[p][c];
                disbursed[p][i] += disbursed[p][c];
            }
        }
        if ((units[i].level == "district" || units[i].level == "province") && s.communesAssessed > 0)
            s.avgCriteriaMet = round2(criteriaSum[i] / s.communesAssessed);
    }

    // 3. Money per programme, and the rank among siblings (same level and parent) that have a plan.
    for (std::size_t i = 0; i < units.size(); ++i)
        for (const auto& [programme, year] : years) {
            const std::size_t index = programmeIndex.at(programme);
            const std::int64_t p = plan[index][i];
            const std::int64_t d = disbursed[index][i];
            if (p == 0 && d == 0) continue;
            ProgrammeFigures f;
            f.programme = programme;
            f.year = year;
            f.plan = p;
            f.disbursed = d;
            if (p > 0) f.disbursedPct = round1(100.0 * static_cast<double>(d) / static_cast<double>(p));
            out[i].programmes.push_back(f);
        }
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> siblings;  // (level|parent, programme) → units
    for (std::size_t i = 0; i < units.size(); ++i)
        for (const ProgrammeFigures& f : out[i].programmes)
            if (f.plan > 0) siblings[{units[i].level + "|" + units[i].parentCode, f.programme}].push_back(i);
    for (const auto& [key, members] : siblings) {
        // A named copy: clang 14 cannot capture a structured binding in a lambda (the sanitized build is clang).
        const std::string& programme = key.second;
        auto pctOf = [&](std::size_t i) {
            for (const ProgrammeFigures& f : out[i].programmes)
                if (f.programme == programme) return *f.disbursedPct;
            return 0.0;
        };
        for (std::size_t i : members) {
            int better = 0;
            for (std::size_t j : members) better += pctOf(j) > pctOf(i) ? 1 : 0;  // ties share a rank
            for (ProgrammeFigures& f : out[i].programmes)
                if (f.programme == key.second) {
                    f.rank = better + 1;
                    f.rankOf = static_cast<int>(members.size());
                }
        }
    }

    if (!wanted.empty()) return std::vector<UnitSummary>{out[*tree.find(wanted)]};
    return out;
}

}  // namespace gis::figures
