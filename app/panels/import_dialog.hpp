#pragma once
/// File › Import (or a file dropped on the window): choose the kind or let it be guessed, see the
/// first rows with the column bindings found, change a binding, pick the right unit for a name
/// that matched none (remembered as an alias in the project), then import with a progress bar.
/// Only draws and sends commands; the controller's import session does the work.
#include <array>
#include <map>
#include <string>

#include "app/panels/problem_list_view.hpp"
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"

namespace panels {

class ImportDialog {
public:
    /// Opens the dialog on `file` (a dropped file) and previews it at once.
    void openWith(shell::Controller& controller, const std::string& file);
    void draw(shell::Controller& controller, const platform::UiFonts& fonts);

private:
    void requestPreview(shell::Controller& controller);
    void drawBindings(shell::Controller& controller, const gis::importer::ImportPreview& preview);
    void drawUnmatched(shell::Controller& controller, const gis::importer::ImportPreview& preview);
    std::array<char, 512> m_file{};
    int m_kind = 0;        ///< 0 = guess, else kImportKinds[m_kind - 1]
    int m_level = 2;       ///< units: province, district, commune, village
    std::array<char, 64> m_setId{"ntm_xa_2021_2025"};
    std::array<char, 64> m_programme{"ntp_ntm_2021_2025"};
    std::array<char, 16> m_asOf{};
    std::map<std::string, std::string> m_columnMap;  ///< canonical → header, as --map takes it
    std::map<std::string, int> m_candidateChoice;    ///< unmatched value → chosen candidate index
    ProblemListView m_problems;                      ///< the first 20 problems, the count, the CSV
};

}  // namespace panels
