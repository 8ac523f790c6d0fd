#include "gis/export/report_text.hpp"

#include <filesystem>

#include "gis/dashboard/display_format.hpp"
#include "gis/figures/summary.hpp"

namespace gis::exporting {

namespace {

using gis::Language;
using gis::Text;
using gis::tr;
using scene::PageLine;
using scene::PageLineRole;

constexpr Rgba8 kMetMarker{46, 140, 70, 255};
constexpr Rgba8 kNotMetMarker{205, 45, 45, 255};
constexpr Rgba8 kInProgressMarker{235, 160, 30, 255};

Rgba8 criterionMarker(model::CriterionStatus status) {
    switch (status) {
        case model::CriterionStatus::Met: return kMetMarker;
        case model::CriterionStatus::InProgress: return kInProgressMarker;
        default: return kNotMetMarker;
    }
}

const char* criterionWord(model::CriterionStatus status, Language language) {
    switch (status) {
        case model::CriterionStatus::Met: return tr(Text::Met, language);
        case model::CriterionStatus::InProgress: return tr(Text::InProgress, language);
        default: return tr(Text::NotMet, language);
    }
}

std::string joined(std::initializer_list<std::string> parts, const char* separator = " · ") {
    std::string out;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

}  // namespace

std::vector<PageLine> kpiLines(const std::vector<dashboard::Kpi>& kpis, Language language) {
    std::vector<PageLine> lines{{tr(Text::PrintKeyFigures, language), PageLineRole::Heading, std::nullopt}};
    for (const dashboard::Kpi& kpi : kpis) {
        if (!kpi.available) continue;
        lines.push_back({kpi.title + ": " + kpi.value, kpi.behind ? PageLineRole::Warning : PageLineRole::Body, std::nullopt});
        if (const std::string more = joined({kpi.detail, kpi.reference, kpi.change}); !more.empty())
            lines.push_back({"   " + more, PageLineRole::Muted, std::nullopt});
    }
    return lines;
}

std::vector<PageLine> communeCardLines(const dashboard::CommuneCard& card, Language language, std::size_t maxWorks,
                                       std::size_t maxTasks) {
    std::vector<PageLine> lines;
    lines.push_back({card.name, PageLineRole::Heading, std::nullopt});
    lines.push_back({card.headline, card.assessed ? PageLineRole::Body : PageLineRole::Muted, std::nullopt});
    if (!card.setName.empty()) lines.push_back({joined({card.setName, card.assessedOn}), PageLineRole::Muted, std::nullopt});

    lines.push_back({tr(Text::CardCriteria, language), PageLineRole::Heading, std::nullopt});
    if (card.detailed) {
        for (const dashboard::CardCriterion& c : card.criteria)
            lines.push_back({std::to_string(c.number) + ". " + c.name + " — " + criterionWord(c.status, language),
                             PageLineRole::Body, criterionMarker(c.status)});
    } else if (!card.countOnly.empty()) {
        lines.push_back({card.countOnly + " " + tr(Text::CriteriaUnit, language), PageLineRole::Body, std::nullopt});
        lines.push_back({tr(Text::CardCountOnly, language), PageLineRole::Muted, std::nullopt});
    } else {
        lines.push_back({tr(Text::NotAssessed, language), PageLineRole::Muted, std::nullopt});
    }

    if (!card.money.empty()) {
        lines.push_back({tr(Text::CardMoney, language), PageLineRole::Heading, std::nullopt});
        for (const dashboard::CardProgramme& p : card.money) {
            lines.push_back({p.name + ": " + p.disbursed + " / " + p.plan + (p.rate.empty() ? "" : " (" + p.rate + ")"),
                             PageLineRole::Body, std::nullopt});
            for (const dashboard::CardMilestone& m : p.milestones)
                lines.push_back({"   " + std::string(tr(Text::Milestone, language)) + " " + m.text + (m.gap.empty() ? "" : " — " + m.gap),
                                 m.met ? PageLineRole::Good : PageLineRole::Warning, std::nullopt});
        }
    }

    if (!card.works.empty()) {
        lines.push_back({tr(Text::CardWorks, language), PageLineRole::Heading, std::nullopt});
        for (std::size_t i = 0; i < card.works.size() && i < maxWorks; ++i) {
            const dashboard::CardWork& w = card.works[i];
            const std::string status = w.overdue ? w.status + ", " + tr(Text::Overdue, language) : w.status;
            lines.push_back({w.type + ": " + w.name + " — " + status + (w.deadline.empty() ? "" : " (" + w.deadline + ")"),
                             w.overdue ? PageLineRole::Warning : PageLineRole::Body, std::nullopt});
        }
        if (card.works.size() > maxWorks)
            lines.push_back({"… " + std::to_string(card.works.size() - maxWorks) + " " + tr(Text::PrintMoreItems, language),
                             PageLineRole::Muted, std::nullopt});
    }

    std::vector<const dashboard::CardTask*> overdue;
    for (const dashboard::CardTask& t : card.tasks)
        if (t.overdue) overdue.push_back(&t);
    lines.push_back({tr(Text::PrintOverdueTasks, language), PageLineRole::Heading, std::nullopt});
    if (overdue.empty()) lines.push_back({tr(Text::PrintNoOverdueTasks, language), PageLineRole::Good, std::nullopt});
    for (std::size_t i = 0; i < overdue.size() && i < maxTasks; ++i) {
        const dashboard::CardTask& t = *overdue[i];
        lines.push_back({t.text, PageLineRole::Warning, std::nullopt});
        if (const std::string more = joined({t.responsible, t.deadline, t.source}); !more.empty())
            lines.push_back({"   " + more, PageLineRole::Muted, std::nullopt});
    }
    if (overdue.size() > maxTasks)
        lines.push_back({"… " + std::to_string(overdue.size() - maxTasks) + " " + tr(Text::PrintMoreItems, language),
                         PageLineRole::Muted, std::nullopt});
    return lines;
}

std::string sourceLine(const std::string& sourcePath, bool demo, Language language) {
    const std::string what = demo ? std::string(tr(Text::PrintDemoSource, language))
                                  : std::filesystem::path(sourcePath).filename().string() + " (NTM Atlas)";
    return std::string(tr(Text::PrintDataSource, language)) + " " + what;
}

std::string exportedLine(const std::string& isoDate, Language language) {
    return std::string(tr(Text::PrintExportedOn, language)) + " " + dashboard::formatDate(isoDate.empty() ? figures::todayIso() : isoDate);
}

}  // namespace gis::exporting
