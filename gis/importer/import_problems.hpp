#pragma once
/// Every problem of an import, collected before anything is written: the user gets the whole
/// list at once (file, sheet, row, column, value, candidates), not one error per attempt.
#include <cstdint>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/importer/source_table.hpp"

namespace gis::importer {

struct Problem {
    std::string where;   ///< "file.xlsx, sheet 'TC', row 7"
    std::string column;  ///< header as written in the file, or ""
    std::string value;   ///< the cell's text, or ""
    std::string message; ///< what is wrong and, when possible, what to do
    bool unmatched = false;  ///< an unknown/ambiguous unit: skippable with --skip-unmatched
};

/// Problems are kept packed (their four texts one after the other in 1 MB blocks, about the
/// length of their text each): a sheet whose 1,000,000 rows are all wrong keeps its whole list,
/// for the report, without the four std::strings and the Problem of each.
class ProblemList {
public:
    /// A problem in one cell of `row`; `column` < 0 for the row as a whole.
    void add(const SourceTable& table, const SourceRow& row, int column, const std::string& message, bool unmatched = false);
    void addGeneral(const std::string& where, const std::string& message);
    void add(const Problem& problem);

    bool empty() const { return m_index.empty(); }
    std::size_t size() const { return m_index.size(); }
    /// The problem `i` (0 ≤ i < size()), in the order added.
    Problem at(std::size_t i) const;
    bool onlyUnmatched() const { return m_unmatched == m_index.size(); }

    /// One line per problem.
    std::vector<std::string> lines() const;
    /// The error an import returns: "N problems, nothing was imported:" then the lines. A list
    /// longer than `shown` lines shows its first `shown`, the count of the rest and
    /// `reportNote` (where the full list went, or why it could not be written).
    Error toError(const std::string& what, std::size_t shown = SIZE_MAX, const std::string& reportNote = {}) const;

private:
    std::vector<std::string> m_blocks;        ///< each problem: where, column, value, message, each ended by '\0', then 'u' or '-'
    std::vector<std::uint64_t> m_index;       ///< block << 32 | offset of each problem
    std::size_t m_unmatched = 0;
};

std::string formatProblem(const Problem& problem);

}  // namespace gis::importer
