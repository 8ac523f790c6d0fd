#include "gis/dashboard/commune_card.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "gis/dashboard/criteria_names.hpp"
#include "gis/dashboard/display_format.hpp"
#include "gis/dashboard/milestones.hpp"
#include "gis/figures/summary.hpp"

namespace gis::dashboard {
namespace {

struct Words {
    const char* slug;
    const char* vi;
    const char* en;
};
constexpr Words kWorkTypes[] = {
    {"waste_site", "Điểm tập kết rác thải", "Waste collection point"},
    {"road", "Đường giao thông", "Road"},
    {"cultural_house", "Nhà văn hóa", "Cultural house"},
    {"school", "Trường học", "School"},
    {"health_station", "Trạm y tế", "Health station"},
    {"clean_water", "Nước sạch", "Clean water"},
    {"market", "Chợ", "Market"},
    {"irrigation", "Thủy lợi", "Irrigation"},
    {"sports", "Thể thao", "Sports ground"},
    {"bridge", "Cầu", "Bridge"},
};

std::string percentOf(int part, int whole, Language language) {
    if (whole <= 0) return "";
    return formatPercent(std::round(1000.0 * part / whole) / 10.0, language);
}

std::string resultText(int met, int total, Language language) {
    return formatCount(met, total) + " " + tr(Text::CriteriaUnit, language) + " (" + percentOf(met, total, language) + ")";
}

}  // namespace

std::string statusWord(const std::string& status, Language language) {
    if (status == "planned") return tr(Text::Planned, language);
    if (status == "under_construction") return tr(Text::UnderConstruction, language);
    if (status == "completed") return tr(Text::Completed, language);
    return status;
}

std::string workTypeWord(const std::string& type, Language language) {
    for (const Words& w : kWorkTypes)
        if (type == w.slug) return language == Language::Vi ? w.vi : w.en;
    return type;
}

std::optional<CommuneCard> buildCommuneCard(const ProjectFigures& figures, const std::string& code, const std::string& asOf,
                                            Language language) {
    const auto unit = figures.tree().find(code);
    if (!unit) return std::nullopt;
    const store::ProjectData& data = figures.data();
    const figures::UnitSummary& s = figures.summaryAt(asOf)[*unit];
    CommuneCard card;
    card.code = code;
    card.name = data.units[*unit].name;
    std::vector<std::size_t> path = figures.tree().pathTo(*unit);
    path.pop_back();
    for (auto it = path.rbegin(); it != path.rend(); ++it) card.parents += (card.parents.empty() ? "" : ", ") + data.units[*it].name;

    // The assessment in force (the summary's choice: the base NTM set first), with its checklist.
    card.assessed = s.assessed;
    if (s.assessed) {
        card.setName = criteriaSetName(figures, s.criteriaSet, language);
        card.assessedOn = formatDate(s.assessmentAsOf);
        card.detailed = s.detailed;
        card.headline = resultText(s.criteriaMet, s.criteriaTotal, language) + " · " + tierName(s.tier, language);
        const model::Assessment* shown = nullptr;
        for (const model::Assessment& a : data.assessments)
            if (a.unitCode == code && a.setId == s.criteriaSet && a.asOf == s.assessmentAsOf) shown = &a;
        if (shown != nullptr && shown->detailed) {
            for (const model::CriterionResult& r : shown->results)
                card.criteria.push_back({r.number, criterionName(figures, s.criteriaSet, r.number, language), r.status, r.note});
        } else {
            card.countOnly = formatCount(s.criteriaMet, s.criteriaTotal);
        }
    } else {
        card.headline = tr(Text::NotAssessed, language);
    }
    for (const model::Assessment& a : data.assessments) {
        if (a.unitCode != code || a.asOf > asOf) continue;
        card.history.push_back({formatDate(a.asOf), criteriaSetName(figures, a.setId, language),
                                resultText(a.criteriaMet, a.criteriaTotal, language), a.detailed});
    }

    for (const figures::ProgrammeFigures& p : s.programmes) {
        CardProgramme money;
        money.name = figures.programmeName(p.programme) + " " + std::to_string(p.year);
        money.plan = formatMoney(p.plan, language);
        money.disbursed = formatMoney(p.disbursed, language);
        if (p.disbursedPct) money.rate = formatPercent(*p.disbursedPct, language);
        if (p.rankOf > 1) money.rank = std::string(tr(Text::Rank, language)) + " " + formatCount(p.rank, p.rankOf);
        const MilestonePlan plan = milestonesFor(data, p.programme, p.year);
        money.defaultMilestones = plan.isDefault;
        for (const Milestone& m : plan.milestones) {
            CardMilestone line;
            line.text = formatDate(m.date) + ": " + formatPercent(m.targetPct, language);
            const auto target = static_cast<std::int64_t>(std::llround(static_cast<double>(p.plan) * m.targetPct / 100.0));
            line.met = p.disbursed >= target;
            if (!line.met) line.gap = std::string(tr(Text::Gap, language)) + " " + formatMillions(target - p.disbursed, language);
            money.milestones.push_back(std::move(line));
        }
        card.money.push_back(std::move(money));
    }

    for (const model::InfrastructureItem& item : data.infrastructure) {
        if (item.unitCode != code) continue;
        CardWork w;
        w.type = workTypeWord(item.type, language);
        w.name = item.name;
        w.status = statusWord(item.status, language);
        w.statusCode = item.status;
        if (item.budgetVnd) w.budget = formatMoney(*item.budgetVnd, language);
        w.deadline = formatDate(item.deadline);
        w.department = item.department;
        w.overdue = !item.deadline.empty() && item.deadline < asOf && item.status != "completed";
        w.id = item.id;
        card.works.push_back(std::move(w));
    }
    std::stable_sort(card.works.begin(), card.works.end(), [](const CardWork& a, const CardWork& b) { return a.overdue > b.overdue; });

    struct Keyed {
        int order;
        std::string deadline;
        CardTask task;
    };
    std::vector<Keyed> tasks;
    for (const model::Task& t : data.tasks) {
        if (t.unitCode != code) continue;
        const bool done = t.status == "done" && (t.doneDate.empty() || t.doneDate <= asOf);
        const bool overdue = !done && !t.deadline.empty() && t.deadline < asOf;
        CardTask task{t.text, t.responsible, formatDate(t.deadline), t.sourceDocument, done, overdue, t.id};
        tasks.push_back({overdue ? 0 : done ? 2 : 1, t.deadline.empty() ? "9999" : t.deadline, std::move(task)});
    }
    std::stable_sort(tasks.begin(), tasks.end(), [](const Keyed& a, const Keyed& b) {
        return a.order != b.order ? a.order < b.order : a.deadline < b.deadline;
    });
    for (Keyed& k : tasks) card.tasks.push_back(std::move(k.task));
    return card;
}

}  // namespace gis::dashboard
