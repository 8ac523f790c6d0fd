#include "app/panels/filter_panel.hpp"

#include <imgui.h>

#include <set>
#include <string>

#include "app/panels/ui_helpers.hpp"
#include "app/panels/widget_probe.hpp"
#include "gis/dashboard/commune_card.hpp"
#include "gis/dashboard/criteria_names.hpp"

namespace panels {

using gis::Text;

namespace {

/// A combo over optional text values; returns true when the choice changed.
bool optionalCombo(const char* id, const char* anyLabel, std::optional<std::string>& value,
                   const std::vector<std::pair<std::string, std::string>>& choices) {
    std::string preview = anyLabel;
    for (const auto& [key, label] : choices)
        if (value && *value == key) preview = label;
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(id, preview.c_str())) {
        if (ImGui::Selectable(anyLabel, !value)) {
            value.reset();
            changed = true;
        }
        for (const auto& [key, label] : choices)
            if (ImGui::Selectable(label.c_str(), value && *value == key)) {
                value = key;
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

void drawFilters(shell::Controller& controller, const platform::UiFonts& fonts) {
    const shell::DashboardSession* session = controller.dashboard();
    if (session == nullptr) return;
    const auto language = controller.language();
    gis::dashboard::UnitFilter filter = session->state.filter;
    bool changed = false;
    sectionHeading(T(Text::Filters, language), fonts.strong);

    // Criterion not met: the criteria of the set the ranking compares.
    ImGui::TextUnformatted(T(Text::FilterCriterionUnmet, language));
    std::vector<std::pair<std::string, std::string>> criteria;
    if (const auto* set = controller.figures()->criteriaSet(session->view.ranking.setId))
        for (const gis::model::Criterion& c : set->criteria)
            criteria.push_back({std::to_string(c.number), std::to_string(c.number) + ". " +
                                                               gis::dashboard::criterionName(*controller.figures(), set->id, c.number, language)});
    std::optional<std::string> criterion;
    if (filter.unmetCriterion) criterion = std::to_string(*filter.unmetCriterion);
    if (optionalCombo("##criterion", T(Text::FilterAny, language), criterion, criteria)) {
        filter.unmetCriterion = criterion ? std::optional<int>(std::stoi(*criterion)) : std::nullopt;
        changed = true;
    }

    ImGui::TextUnformatted(T(Text::FilterTier, language));
    changed |= optionalCombo("##tier", T(Text::FilterAny, language), filter.tier,
                             {{"", T(Text::TierNone, language)},
                              {"ntm", T(Text::TierNtm, language)},
                              {"ntm_nang_cao", T(Text::TierAdvanced, language)},
                              {"ntm_kieu_mau", T(Text::TierModel, language)}});

    bool below = filter.disbursedBelowPct.has_value();
    if (ImGui::Checkbox(T(Text::FilterDisbursedBelow, language), &below)) {
        filter.disbursedBelowPct = below ? std::optional<double>(40.0) : std::nullopt;
        changed = true;
    }
    if (filter.disbursedBelowPct) {
        float threshold = static_cast<float>(*filter.disbursedBelowPct);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##below", &threshold, 0.0f, 100.0f, "%.0f %%")) {
            filter.disbursedBelowPct = threshold;
            changed = true;
        }
    }

    std::set<std::string> types;
    for (const gis::model::InfrastructureItem& item : controller.figures()->data().infrastructure) types.insert(item.type);
    if (!types.empty()) {
        std::vector<std::pair<std::string, std::string>> typeChoices;
        for (const std::string& t : types) typeChoices.push_back({t, gis::dashboard::workTypeWord(t, language)});
        ImGui::TextUnformatted(T(Text::FilterWorkType, language));
        changed |= optionalCombo("##worktype", T(Text::FilterAny, language), filter.workType, typeChoices);
        ImGui::TextUnformatted(T(Text::FilterWorkStatus, language));
        std::vector<std::pair<std::string, std::string>> statusChoices;
        for (const char* s : {"planned", "under_construction", "completed"}) statusChoices.push_back({s, gis::dashboard::statusWord(s, language)});
        changed |= optionalCombo("##workstatus", T(Text::FilterAny, language), filter.workStatus, statusChoices);
    }
    if (!controller.figures()->data().tasks.empty()) {
        changed |= ImGui::Checkbox(T(Text::FilterOverdueTasks, language), &filter.overdueTasksOnly);
        recordWidget("filter:overdue");
    }
    if (filter.active() && ImGui::Button(T(Text::ClearFilters, language), ImVec2(-1, 0))) {
        filter = {};
        changed = true;
    }
    if (changed) controller.push(shell::SetFilter{filter});
}

}  // namespace panels
