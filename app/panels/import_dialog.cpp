#include "app/panels/import_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "app/panels/ui_helpers.hpp"
#include "app/panels/widget_probe.hpp"
#include "gis/importer/column_catalog.hpp"
#include "gis/importer/importer.hpp"
#include "gis/importer/problem_report.hpp"

namespace panels {

using gis::Text;

namespace {

constexpr const char* kLevels[] = {"province", "district", "commune", "village"};

std::vector<gis::importer::CanonicalColumn> canonicalColumnsOf(const std::string& kind, const std::string& level) {
    using namespace gis::importer;
    if (kind == "units") return unitColumns(level);
    if (kind == "criteria") return criteriaColumns();
    if (kind == "disbursement") return moneyColumns();
    if (kind == "infrastructure") return infrastructureColumns();
    if (kind == "tasks") return taskColumns();
    if (kind == "criteria-set") return criteriaSetColumns();
    if (kind == "work-types") return workTypeColumns();
    return {};
}

}  // namespace

void ImportDialog::openWith(shell::Controller& controller, const std::string& file) {
    std::snprintf(m_file.data(), m_file.size(), "%s", file.c_str());
    m_columnMap.clear();
    m_candidateChoice.clear();
    controller.push(shell::OpenImport{});
    requestPreview(controller);
}

void ImportDialog::requestPreview(shell::Controller& controller) {
    gis::importer::ImportOptions options;
    const std::string kind = m_kind == 0 ? std::string() : gis::importer::kImportKinds[m_kind - 1];
    options.level = kLevels[m_level];
    options.setId = m_setId.data();
    options.programme = m_programme.data();
    options.asOf = m_asOf.data();
    options.columnMap = m_columnMap;
    m_problems.reset();  // a report written for the earlier preview is not this one's
    controller.push(shell::PreviewImport{m_file.data(), kind, options});
}

void ImportDialog::drawBindings(shell::Controller& controller, const gis::importer::ImportPreview& preview) {
    const auto language = controller.language();
    const auto canonical = canonicalColumnsOf(preview.kind, kLevels[m_level]);
    const int columns = static_cast<int>(preview.columns.size());
    if (columns == 0) return;
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
    const float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(preview.firstRows.size(), 10) + 4);
    if (!ImGui::BeginTable("preview", std::min(columns, 64), kFlags, ImVec2(0, height))) return;
    for (int c = 0; c < std::min(columns, 64); ++c)
        ImGui::TableSetupColumn(preview.columns[static_cast<std::size_t>(c)].header.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() * 9.5f);
    // First row: the binding of each column, changeable (it becomes a --map of the import).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < std::min(columns, 64); ++c) {
        ImGui::TableSetColumnIndex(c);
        const gis::importer::PreviewColumn& column = preview.columns[static_cast<std::size_t>(c)];
        ImGui::PushID(c);
        ImGui::TextUnformatted(column.header.c_str());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        const char* current = column.canonical.empty() ? T(Text::ImportNotBound, language) : column.canonical.c_str();
        if (ImGui::BeginCombo("##bind", current)) {
            if (ImGui::Selectable(T(Text::ImportNotBound, language), column.canonical.empty()) && !column.canonical.empty()) {
                m_columnMap.erase(column.canonical);
                requestPreview(controller);
            }
            for (const gis::importer::CanonicalColumn& choice : canonical) {
                if (!ImGui::Selectable(choice.key.c_str(), choice.key == column.canonical)) continue;
                m_columnMap[choice.key] = column.header;
                requestPreview(controller);
            }
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) {
            for (const auto& choice : canonical)
                if (choice.key == column.canonical) ImGui::SetTooltip("%s", choice.description.c_str());
        }
        ImGui::PopID();
    }
    for (const std::vector<std::string>& row : preview.firstRows) {
        ImGui::TableNextRow();
        for (int c = 0; c < std::min(columns, 64) && c < static_cast<int>(row.size()); ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TextUnformatted(row[static_cast<std::size_t>(c)].c_str());
        }
    }
    ImGui::EndTable();
}

void ImportDialog::drawUnmatched(shell::Controller& controller, const gis::importer::ImportPreview& preview) {
    if (preview.unmatched.empty()) return;
    const auto language = controller.language();
    ImGui::TextColored(kWarningColor, "%s (%zu)", T(Text::ImportUnmatched, language), preview.unmatched.size());
    if (preview.unmatched.size() > kProblemLinesShown)
        ImGui::TextColored(kMutedColor, "%s", moreProblemsLine(preview.unmatched.size(), language).c_str());
    int shown = 0;
    for (const gis::importer::UnmatchedName& name : preview.unmatched) {
        if (shown++ == static_cast<int>(kProblemLinesShown)) break;
        ImGui::PushID(shown);
        ImGui::Text("%s — \"%s\"", name.location.c_str(), name.value.c_str());
        if (!name.candidateCodes.empty()) {
            int& choice = m_candidateChoice[name.value];
            choice = std::clamp(choice, 0, static_cast<int>(name.candidateCodes.size()) - 1);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
            const std::string preview0 = name.candidateNames[static_cast<std::size_t>(choice)] + " (" + name.candidateCodes[static_cast<std::size_t>(choice)] + ")";
            if (ImGui::BeginCombo("##candidate", preview0.c_str())) {
                for (std::size_t i = 0; i < name.candidateCodes.size(); ++i)
                    if (ImGui::Selectable((name.candidateNames[i] + " (" + name.candidateCodes[i] + ")").c_str(), static_cast<int>(i) == choice))
                        choice = static_cast<int>(i);
                ImGui::EndCombo();
            }
            ImGui::SameLine();
            if (ImGui::Button(T(Text::ImportRemember, language)))
                controller.push(shell::AddImportAlias{name.value, name.candidateCodes[static_cast<std::size_t>(choice)]});
            recordWidget("import:alias:" + name.value);
        }
        ImGui::PopID();
    }
}

void ImportDialog::draw(shell::Controller& controller, const platform::UiFonts& fonts) {
    const shell::ImportSession* session = controller.importSession();
    if (session == nullptr || !controller.importOpen()) return;
    const auto language = controller.language();
    // Tall enough for the preview, the problem box and the count with its button below it.
    ImGui::SetNextWindowSize(ImVec2(900, std::clamp(ImGui::GetMainViewport()->WorkSize.y * 0.9f, 620.0f, 900.0f)), ImGuiCond_FirstUseEver);
    bool open = true;
    if (!ImGui::Begin(T(Text::Import, language), &open)) {
        ImGui::End();
        return;
    }
    if (fonts.strong != nullptr) ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(T(Text::ImportFile, language));
    if (fonts.strong != nullptr) ImGui::PopFont();
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
    ImGui::InputText("##file", m_file.data(), m_file.size());
    ImGui::SameLine();
    if (ImGui::Button(T(Text::ImportPreviewButton, language), ImVec2(-1, 0))) requestPreview(controller);
    recordWidget("import:preview");

    // The kind: guessed from the headers unless chosen; and what some kinds need to know.
    std::string kindLabel = m_kind == 0 ? std::string(T(Text::ImportGuess, language)) : gis::importer::kImportKinds[m_kind - 1];
    if (m_kind == 0 && session->lastPreview()) kindLabel += ": " + session->lastPreview()->kind;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo(T(Text::ImportKind, language), kindLabel.c_str())) {
        if (ImGui::Selectable(T(Text::ImportGuess, language), m_kind == 0)) {
            m_kind = 0;
            requestPreview(controller);
        }
        for (std::size_t k = 0; k < std::size(gis::importer::kImportKinds); ++k)
            if (ImGui::Selectable(gis::importer::kImportKinds[k], m_kind == static_cast<int>(k) + 1)) {
                m_kind = static_cast<int>(k) + 1;
                m_columnMap.clear();
                requestPreview(controller);
            }
        ImGui::EndCombo();
    }
    const std::string kind = session->kind();
    if (kind == "units") {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (ImGui::Combo(T(Text::ImportLevel, language), &m_level, kLevels, 4)) requestPreview(controller);
    } else if (kind == "criteria") {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        if (ImGui::InputText(T(Text::ImportSet, language), m_setId.data(), m_setId.size(), ImGuiInputTextFlags_EnterReturnsTrue))
            requestPreview(controller);
    } else if (kind == "disbursement") {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        if (ImGui::InputText(T(Text::ImportProgramme, language), m_programme.data(), m_programme.size(), ImGuiInputTextFlags_EnterReturnsTrue))
            requestPreview(controller);
    }

    if (!session->error().empty()) {
        // A rejected import's message lists up to 20 problems and names the CSV with all of them: wrapped, scrollable.
        ImGui::BeginChild("import error", ImVec2(0, std::min(ImGui::GetTextLineHeightWithSpacing() * 8,
                                                              ImGui::CalcTextSize(session->error().c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y +
                                                                  ImGui::GetStyle().WindowPadding.y * 2)),
                          false);
        ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
        ImGui::TextWrapped("%s", session->error().c_str());
        ImGui::PopStyleColor();
        ImGui::EndChild();
        recordWidget("import:error");
    }
    if (const auto& preview = session->lastPreview()) {
        ImGui::TextColored(kMutedColor, "%s · %d %s", preview->sheet.c_str(), preview->rowCount, T(Text::ImportRows, language));
        drawBindings(controller, *preview);
        drawUnmatched(controller, *preview);
        if (!preview->problems.empty()) {
            ImGui::TextColored(kWarningColor, "%s (%zu)", T(Text::ImportProblems, language), preview->problems.size());
            std::vector<std::string> unmatched;
            for (const auto& name : preview->unmatched) unmatched.push_back(name.problem);
            const std::string reportPath = controller.figures() != nullptr
                                               ? gis::importer::problemReportPath(controller.figures()->path(), session->kind(), session->file())
                                               : std::string();
            m_problems.draw(preview->problems, unmatched, reportPath, language);
        }
        for (const std::string& note : preview->notes) ImGui::TextColored(kMutedColor, "%s", note.c_str());
        const bool ready = preview->problems.empty() && preview->recordsToWrite > 0 && !session->running();
        ImGui::BeginDisabled(!ready);
        const std::string label = std::string(T(Text::ImportCommit, language)) + " (" + std::to_string(preview->recordsToWrite) + ")";
        if (ImGui::Button(label.c_str())) controller.push(shell::CommitImport{});
        recordWidget("import:commit");
        ImGui::EndDisabled();
    }
    if (session->running()) ImGui::ProgressBar(session->progress());
    if (const auto& report = session->report())
        ImGui::TextColored(kGoodColor, "%s: %d / %d", T(Text::ImportDone, language), report->recordsWritten, report->rowsRead);
    ImGui::End();
    if (!open) controller.push(shell::CloseImport{});
}

}  // namespace panels
