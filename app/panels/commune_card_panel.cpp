#include "app/panels/commune_card_panel.hpp"

#include <imgui.h>

#include "app/panels/ui_helpers.hpp"
#include "app/panels/widget_probe.hpp"
#include "gis/dashboard/commune_card.hpp"

namespace panels {

using gis::Text;

namespace {

/// `editable`: a planner's window (not a briefing) may set a criterion met or not met; the edit
/// makes a new assessment at today's date and can be undone.
void drawCriteria(shell::Controller& controller, const gis::dashboard::CommuneCard& card, gis::Language language, bool editable) {
    if (!card.countOnly.empty()) {
        // A count-only result is shown as the notice gives it, never as invented ticks.
        ImGui::Text("%s %s", card.countOnly.c_str(), T(Text::CriteriaUnit, language));
        ImGui::TextColored(kMutedColor, "%s", T(Text::CardCountOnly, language));
        return;
    }
    if (!ImGui::BeginTable("criteria", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("status");
    for (const gis::dashboard::CardCriterion& c : card.criteria) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::Text("%d", c.number);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextWrapped("%s", c.name.c_str());
        if (!c.note.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.note.c_str());
        ImGui::TableSetColumnIndex(2);
        const bool met = c.status == gis::model::CriterionStatus::Met;
        const char* word = met ? T(Text::Met, language)
                           : c.status == gis::model::CriterionStatus::NotMet ? T(Text::NotMet, language) : T(Text::InProgress, language);
        ImGui::PushStyleColor(ImGuiCol_Text, met ? kGoodColor : c.status == gis::model::CriterionStatus::NotMet ? kWarningColor
                                                                                                           : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        if (editable) {
            ImGui::PushID(c.number);
            if (ImGui::SmallButton(word))
                controller.push(shell::EditCriterion{card.code, c.number, met ? gis::model::CriterionStatus::NotMet : gis::model::CriterionStatus::Met});
            recordWidget("criterion:" + std::to_string(c.number));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(met ? Text::MarkNotMet : Text::MarkMet, language));
            ImGui::PopID();
        } else {
            ImGui::TextUnformatted(word);
        }
        ImGui::PopStyleColor();
    }
    ImGui::EndTable();
}

void drawMoney(const gis::dashboard::CommuneCard& card, gis::Language language) {
    for (const gis::dashboard::CardProgramme& p : card.money) {
        ImGui::TextUnformatted(p.name.c_str());
        ImGui::Text("%s: %s · %s: %s", T(Text::Plan, language), p.plan.c_str(), T(Text::Disbursed, language), p.disbursed.c_str());
        if (!p.rate.empty()) ImGui::Text("%s%s%s", p.rate.c_str(), p.rank.empty() ? "" : " · ", p.rank.c_str());
        for (const gis::dashboard::CardMilestone& m : p.milestones) {
            if (m.met) ImGui::TextColored(kGoodColor, "%s %s", T(Text::Milestone, language), m.text.c_str());
            else ImGui::TextColored(kWarningColor, "%s %s — %s", T(Text::Milestone, language), m.text.c_str(), m.gap.c_str());
        }
        if (p.defaultMilestones) ImGui::TextColored(kMutedColor, "(%s)", T(Text::DefaultMilestones, language));
    }
}

void drawWorks(shell::Controller& controller, const gis::dashboard::CommuneCard& card, gis::Language language, bool editable) {
    for (const gis::dashboard::CardWork& w : card.works) {
        ImGui::PushID(static_cast<int>(w.id));
        const ImVec4 color = w.overdue ? kWarningColor : ImGui::GetStyleColorVec4(ImGuiCol_Text);
        ImGui::TextColored(color, "%s — %s", w.type.c_str(), w.name.c_str());
        ImGui::Indent();
        ImGui::TextColored(kMutedColor, "%s%s%s%s%s", w.status.c_str(), w.budget.empty() ? "" : " · ", w.budget.c_str(),
                           w.deadline.empty() ? "" : " · ", w.deadline.c_str());
        if (w.overdue) {
            ImGui::SameLine();
            ImGui::TextColored(kWarningColor, "(%s)", T(Text::Overdue, language));
        }
        if (!w.department.empty()) ImGui::TextColored(kMutedColor, "%s: %s", T(Text::Department, language), w.department.c_str());
        if (editable) {
            // The planner moves a work along: planned → under construction → completed.
            for (const char* status : {"planned", "under_construction", "completed"}) {
                ImGui::SameLine();
                const std::string label = gis::dashboard::statusWord(status, language);
                if (w.statusCode != status && ImGui::SmallButton(label.c_str())) controller.push(shell::EditWorkStatus{w.id, status});
            }
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
}

void drawTasks(shell::Controller& controller, const gis::dashboard::CommuneCard& card, gis::Language language, bool editable) {
    for (const gis::dashboard::CardTask& t : card.tasks) {
        ImGui::PushID(static_cast<int>(t.id));
        if (editable) {
            bool done = t.done;
            if (ImGui::Checkbox("##done", &done)) controller.push(shell::MarkTaskDone{t.id, done});
            recordWidget("task:" + std::to_string(t.id));
            ImGui::SameLine();
        }
        const ImVec4 color = t.overdue ? kWarningColor : t.done ? kMutedColor : ImGui::GetStyleColorVec4(ImGuiCol_Text);
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextWrapped("%s%s", t.overdue ? "! " : t.done ? "" : "• ", t.text.c_str());
        ImGui::PopStyleColor();
        ImGui::Indent();
        ImGui::TextColored(kMutedColor, "%s%s%s%s%s%s", t.responsible.c_str(), t.deadline.empty() ? "" : " · ", t.deadline.c_str(),
                           t.source.empty() ? "" : " · ", t.source.c_str(), t.done ? (std::string(" · ") + T(Text::Done, language)).c_str() : "");
        ImGui::Unindent();
        ImGui::PopID();
    }
}

}  // namespace

void drawCommuneCard(shell::Controller& controller, const platform::UiFonts& fonts) {
    const shell::DashboardSession* session = controller.dashboard();
    if (session == nullptr || !session->view.card) return;
    const gis::dashboard::CommuneCard& card = *session->view.card;
    const auto language = controller.language();
    if (fonts.strong != nullptr) ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(card.name.c_str());
    if (fonts.strong != nullptr) ImGui::PopFont();
    ImGui::TextColored(kMutedColor, "%s", card.parents.c_str());
    ImGui::TextWrapped("%s", card.headline.c_str());
    if (card.assessed) ImGui::TextColored(kMutedColor, "%s · %s", card.setName.c_str(), card.assessedOn.c_str());

    const bool readOnly = controller.dashboard() != nullptr && controller.dashboard()->readOnly;
    const bool editable = !controller.view().briefingMode && !card.code.empty() && !readOnly;
    if (card.assessed && ImGui::CollapsingHeader(T(Text::CardCriteria, language), ImGuiTreeNodeFlags_DefaultOpen))
        drawCriteria(controller, card, language, editable);
    if (card.history.size() > 1 && ImGui::CollapsingHeader(T(Text::CardHistory, language))) {
        for (const gis::dashboard::CardAssessment& a : card.history) ImGui::Text("%s  %s", a.date.c_str(), a.result.c_str());
    }
    if (!card.money.empty() && ImGui::CollapsingHeader(T(Text::CardMoney, language), ImGuiTreeNodeFlags_DefaultOpen)) drawMoney(card, language);
    if (!card.works.empty() && ImGui::CollapsingHeader(T(Text::CardWorks, language), ImGuiTreeNodeFlags_DefaultOpen))
        drawWorks(controller, card, language, editable);
    if (!card.tasks.empty() && ImGui::CollapsingHeader(T(Text::CardTasks, language), ImGuiTreeNodeFlags_DefaultOpen))
        drawTasks(controller, card, language, editable);
    if (!session->unitHistory.empty() && ImGui::CollapsingHeader(T(Text::CardChanges, language))) {
        for (const gis::store::HistoryEntry& h : session->unitHistory) {
            ImGui::TextColored(kMutedColor, "%s · %s · %s", h.atUtc.substr(0, 10).c_str(), h.user.c_str(), h.action.c_str());
            ImGui::Indent();
            ImGui::TextWrapped("%s%s%s%s%s", h.subject.c_str(), h.field.empty() ? "" : ": ", h.oldValue.c_str(),
                               h.field.empty() ? "" : " → ", h.newValue.c_str());
            ImGui::Unindent();
        }
    }
}

}  // namespace panels
