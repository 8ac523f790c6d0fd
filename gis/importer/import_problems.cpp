#include "gis/importer/import_problems.hpp"

namespace gis::importer {

void ProblemList::add(const SourceTable& table, const SourceRow& row, int column, const std::string& message, bool unmatched) {
    Problem p;
    p.where = table.label() + ", " + row.location;
    if (column >= 0) {
        p.column = table.columns[static_cast<std::size_t>(column)];
        p.value = row.cells[static_cast<std::size_t>(column)].text;
    }
    p.message = message;
    p.unmatched = unmatched;
    m_problems.push_back(std::move(p));
}

void ProblemList::addGeneral(const std::string& where, const std::string& message) {
    m_problems.push_back(Problem{where, "", "", message, false});
}

bool ProblemList::onlyUnmatched() const {
    for (const Problem& p : m_problems)
        if (!p.unmatched) return false;
    return true;
}

std::string formatProblem(const Problem& p) {
    std::string line = p.where;
    if (!p.column.empty()) line += ", column '" + p.column + "'";
    if (!p.value.empty()) line += " = '" + p.value + "'";
    return line + ": " + p.message;
}

std::vector<std::string> ProblemList::lines() const {
    std::vector<std::string> out;
    for (const Problem& p : m_problems) out.push_back(formatProblem(p));
    return out;
}

Error ProblemList::toError(const std::string& what, std::size_t shown, const std::string& reportNote) const {
    std::string message = what + ": " + std::to_string(m_problems.size()) +
                          (m_problems.size() == 1 ? " problem" : " problems") + ", nothing was imported (the project is unchanged):";
    const std::vector<std::string> all = lines();
    for (std::size_t i = 0; i < all.size() && i < shown; ++i) message += "\n  " + all[i];
    if (all.size() > shown) {
        const std::size_t rest = all.size() - shown;
        message += "\n  … and " + std::to_string(rest) + (rest == 1 ? " more problem" : " more problems") + " (" +
                   std::to_string(shown) + " of " + std::to_string(all.size()) + " shown)";
        if (!reportNote.empty()) message += "\n" + reportNote;
    }
    bool anyUnmatched = false;
    for (const Problem& p : m_problems) anyUnmatched = anyUnmatched || p.unmatched;
    if (anyUnmatched && onlyUnmatched())
        message += "\n(use --skip-unmatched to import the other rows and list these as skipped)";
    return makeError(ErrorCode::BadInput, message);
}

}  // namespace gis::importer
