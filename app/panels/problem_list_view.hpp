#pragma once
/// A long problem list in a dialog: the first 20 lines, the count of the rest, and the full list
/// written on request to the CSV report beside the project (the same file and columns as a
/// rejected `ntm-atlas import` writes), whose path is then shown. A 6,000-row sheet can give
/// hundreds of lines; the dialog must stay usable and the user must still get all of them.
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/core/translation.hpp"

namespace panels {

/// How many lines the dialog lists before it counts the rest.
inline constexpr std::size_t kProblemLinesShown = 20;

/// Writes problem lines as worded by the importer ("WHERE, column 'C' = 'V': MESSAGE") to the
/// problem report at `reportPath`, split back into its where / column / value / problem columns.
gis::Status writeProblemLines(const std::vector<std::string>& lines, const std::vector<std::string>& unmatchedProblems,
                              const std::string& reportPath);

/// "… and 123 more problems (20 of 143 shown)" in the language.
std::string moreProblemsLine(std::size_t total, gis::Language language);

class ProblemListView {
public:
    /// Draws the list (in a scrolling box) and below it the count and the button; `reportPath` is where the full list goes.
    void draw(const std::vector<std::string>& lines, const std::vector<std::string>& unmatchedProblems, const std::string& reportPath,
              gis::Language language);
    /// The report written from here ("" until the user asked), or why it could not be.
    const std::string& written() const { return m_written; }
    const std::string& error() const { return m_error; }
    void reset() { m_written.clear(), m_error.clear(); }

private:
    std::string m_written, m_error;
};

}  // namespace panels
