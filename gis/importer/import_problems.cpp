#include "gis/importer/import_problems.hpp"

#include <algorithm>

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
    add(p);
}

void ProblemList::addGeneral(const std::string& where, const std::string& message) { add(Problem{where, "", "", message, false}); }

void ProblemList::add(const Problem& p) {
    constexpr std::size_t kBlock = 1 << 20;
    const std::size_t bytes = p.where.size() + p.column.size() + p.value.size() + p.message.size() + 5;
    if (m_blocks.empty() || m_blocks.back().size() + bytes > m_blocks.back().capacity()) {
        m_blocks.emplace_back();
        m_blocks.back().reserve(std::max(kBlock, bytes));
    }
    std::string& block = m_blocks.back();
    m_index.push_back(static_cast<std::uint64_t>(m_blocks.size() - 1) << 32 | block.size());
    for (const std::string* text : {&p.where, &p.column, &p.value, &p.message}) {
        block.append(text->data(), text->size());  // a cell's text never holds a '\0' (GDAL gives C strings)
        block.push_back('\0');
    }
    block.push_back(p.unmatched ? 'u' : '-');
    if (p.unmatched) ++m_unmatched;
}

Problem ProblemList::at(std::size_t i) const {
    const std::uint64_t at = m_index[i];
    const char* text = m_blocks[static_cast<std::size_t>(at >> 32)].data() + (at & 0xffffffffu);
    Problem p;
    for (std::string* field : {&p.where, &p.column, &p.value, &p.message}) {
        *field = text;
        text += field->size() + 1;
    }
    p.unmatched = *text == 'u';
    return p;
}

std::string formatProblem(const Problem& p) {
    std::string line = p.where;
    if (!p.column.empty()) line += ", column '" + p.column + "'";
    if (!p.value.empty()) line += " = '" + p.value + "'";
    return line + ": " + p.message;
}

std::vector<std::string> ProblemList::lines() const {
    std::vector<std::string> out;
    out.reserve(size());
    for (std::size_t i = 0; i < size(); ++i) out.push_back(formatProblem(at(i)));
    return out;
}

Error ProblemList::toError(const std::string& what, std::size_t shown, const std::string& reportNote) const {
    const std::size_t count = size();
    std::string message = what + ": " + std::to_string(count) + (count == 1 ? " problem" : " problems") +
                          ", nothing was imported (the project is unchanged):";
    for (std::size_t i = 0; i < count && i < shown; ++i) message += "\n  " + formatProblem(at(i));  // only the lines shown
    if (count > shown) {
        const std::size_t rest = count - shown;
        message += "\n  … and " + std::to_string(rest) + (rest == 1 ? " more problem" : " more problems") + " (" +
                   std::to_string(shown) + " of " + std::to_string(count) + " shown)";
        if (!reportNote.empty()) message += "\n" + reportNote;
    }
    if (m_unmatched > 0 && onlyUnmatched())
        message += "\n(use --skip-unmatched to import the other rows and list these as skipped)";
    return makeError(ErrorCode::BadInput, message);
}

}  // namespace gis::importer
