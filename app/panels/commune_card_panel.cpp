#include "app/panels/commune_card_panel.hpp"

#include <imgui.h>

#include "app/panels/ui_helpers.hpp"

namespace panels {

using gis::Text;

namespace {

void drawCriteria(const gis::dashboard::CommuneCard& card, gis::Language language) {
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
        switch (c.status) {
        case gis::model::CriterionStatus::Met: ImGui::TextColored(kGoodColor, "%s", T(Text::Met, language)); break;
        case gis::model::CriterionStatus::NotMet: ImGui::TextColored(kWarningColor, "%s", T(Text::NotMet, language)); break;
        case gis::model::CriterionStatus::InProgress: ImGui::TextUnformatted(T(Text::InProgress, language)); break;
        }
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

void drawWorks(const gis::dashboard::CommuneCard& card, gis::Language language) {
    for (const gis::dashboard::CardWork& w : card.works) {
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
        ImGui::Unindent();
    }
}

void drawTasks(const gis::dashboard::CommuneCard& card, gis::Language language) {
    for (const gis::dashboard::CardTask& t : card.tasks) {
        const ImVec4 color = t.overdue ? kWarningColor : t.done ? kMutedColor : ImGui::GetStyleColorVec4(ImGuiCol_Text);
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextWrapped("%s%s", t.overdue ? "! " : t.done ? "" : "• ", t.text.c_str());
        ImGui::PopStyleColor();
        ImGui::Indent();
        ImGui::TextColored(kMutedColor, "%s%s%s%s%s%s", t.responsible.c_str(), t.deadline.empty() ? "" : " · ", t.deadline.c_str(),
                           t.source.empty() ? "" : " · ", t.source.c_str(), t.done ? (std::string(" · ") + T(Text::Done, language)).c_str() : "");
        ImGui::Unindent();
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

    if (card.assessed && ImGui::CollapsingHeader(T(Text::CardCriteria, language), ImGuiTreeNodeFlags_DefaultOpen)) drawCriteria(card, language);
    if (card.history.size() > 1 && ImGui::CollapsingHeader(T(Text::CardHistory, language))) {
        for (const gis::dashboard::CardAssessment& a : card.history) ImGui::Text("%s  %s", a.date.c_str(), a.result.c_str());
    }
    if (!card.money.empty() && ImGui::CollapsingHeader(T(Text::CardMoney, language), ImGuiTreeNodeFlags_DefaultOpen)) drawMoney(card, language);
    if (!card.works.empty() && ImGui::CollapsingHeader(T(Text::CardWorks, language), ImGuiTreeNodeFlags_DefaultOpen)) drawWorks(card, language);
    if (!card.tasks.empty() && ImGui::CollapsingHeader(T(Text::CardTasks, language), ImGuiTreeNodeFlags_DefaultOpen)) drawTasks(card, language);
}

}  // namespace panels
