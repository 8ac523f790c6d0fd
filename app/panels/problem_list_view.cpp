#include "app/panels/problem_list_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/panels/ui_helpers.hpp"
#include "app/panels/widget_probe.hpp"
#include "gis/importer/import_problems.hpp"
#include "gis/importer/problem_report.hpp"

namespace panels {
namespace {

const char* pick(gis::Language language, const char* vi, const char* en) { return language == gis::Language::En ? en : vi; }

/// The inverse of gis::importer::formatProblem for a line it wrote: where[, column 'C'][ = 'V']: message.
gis::importer::Problem parseProblemLine(const std::string& line) {
    gis::importer::Problem p;
    std::size_t head = line.size();
    const std::size_t columnAt = line.find(", column '");
    std::size_t cursor = 0;
    if (columnAt != std::string::npos) {
        const std::size_t close = line.find('\'', columnAt + 10);
        if (close != std::string::npos) {
            p.where = line.substr(0, columnAt);
            p.column = line.substr(columnAt + 10, close - columnAt - 10);
            cursor = close + 1;
        }
    }
    if (line.compare(cursor, 4, " = '") == 0) {
        const std::size_t close = line.find("': ", cursor + 4);
        if (close != std::string::npos) {
            p.value = line.substr(cursor + 4, close - cursor - 4);
            cursor = close + 1;
        }
    }
    const std::size_t colon = line.find(": ", cursor);
    if (colon != std::string::npos) head = colon;
    if (p.where.empty()) p.where = line.substr(0, head);
    p.message = colon != std::string::npos ? line.substr(colon + 2) : line;
    return p;
}

}  // namespace

gis::Status writeProblemLines(const std::vector<std::string>& lines, const std::vector<std::string>& unmatchedProblems,
                              const std::string& reportPath) {
    gis::importer::ProblemList list;
    for (const std::string& line : lines) {
        gis::importer::Problem p = parseProblemLine(line);
        p.unmatched = std::any_of(unmatchedProblems.begin(), unmatchedProblems.end(),
                                  [&](const std::string& u) { return !u.empty() && line.find(u) != std::string::npos; });
        list.add(std::move(p));
    }
    return gis::importer::writeProblemReport(list, reportPath);
}

std::string moreProblemsLine(std::size_t total, gis::Language language) {
    const std::size_t rest = total > kProblemLinesShown ? total - kProblemLinesShown : 0;
    if (language == gis::Language::En)
        return "… and " + std::to_string(rest) + (rest == 1 ? " more problem" : " more problems") + " (" + std::to_string(kProblemLinesShown) +
               " of " + std::to_string(total) + " shown)";
    return "… và " + std::to_string(rest) + " vấn đề nữa (hiện " + std::to_string(kProblemLinesShown) + " trên tổng số " + std::to_string(total) + ")";
}

void ProblemListView::draw(const std::vector<std::string>& lines, const std::vector<std::string>& unmatchedProblems,
                           const std::string& reportPath, gis::Language language) {
    // The lines scroll in a box; the count and the button stay in sight below it.
    ImGui::BeginChild("problem lines", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 7), true);
    for (std::size_t i = 0; i < lines.size() && i < kProblemLinesShown; ++i) ImGui::TextWrapped("%s", lines[i].c_str());
    ImGui::EndChild();
    if (lines.size() <= kProblemLinesShown) return;
    ImGui::TextColored(kMutedColor, "%s", moreProblemsLine(lines.size(), language).c_str());
    recordWidget("problems:more");
    if (ImGui::Button(pick(language, "Ghi toàn bộ danh sách ra tệp CSV", "Write the whole list to a CSV file"))) {
        m_written.clear();
        m_error.clear();
        if (auto written = writeProblemLines(lines, unmatchedProblems, reportPath)) m_written = reportPath;
        else m_error = written.error().message;
    }
    recordWidget("problems:write");
    if (!m_written.empty())
        ImGui::TextWrapped("%s %s", pick(language, "Toàn bộ danh sách (mở bằng Excel):", "The whole list (opens in Excel):"), m_written.c_str());
    if (!m_error.empty()) ImGui::TextColored(kWarningColor, "%s", m_error.c_str());
}

}  // namespace panels
