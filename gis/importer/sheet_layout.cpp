#include "gis/importer/sheet_layout.hpp"

#include <algorithm>

#include "gis/data/text_encoding.hpp"

namespace gis::importer {
namespace {

/// How many columns of `headers` read as canonical columns (criterion columns count too).
int recognised(const std::vector<std::string>& headers, const std::vector<CanonicalColumn>& known, bool recogniseCriteria) {
    int count = 0;
    for (const std::string& header : headers) {
        const std::string key = headerKey(header);
        if (key.empty()) continue;
        bool hit = recogniseCriteria && criterionNumberOfHeader(header) > 0;
        for (const CanonicalColumn& c : known)
            for (const std::string& alias : c.aliases) hit = hit || alias == key;
        count += hit ? 1 : 0;
    }
    return count;
}

}  // namespace

std::string promoteHeaderRow(SourceTable& table, const std::vector<CanonicalColumn>& known, bool recogniseCriteria) {
    if (!table.spreadsheet) return {};
    int best = recognised(table.columns, known, recogniseCriteria);
    int bestRow = -1;
    const std::size_t limit = std::min<std::size_t>(10, table.rows.size());
    for (std::size_t i = 0; i < limit; ++i) {
        std::vector<std::string> headers;
        for (const Cell& c : table.rows[i].cells) headers.push_back(c.text);
        const int score = recognised(headers, known, recogniseCriteria);
        if (score > best) {
            best = score;
            bestRow = static_cast<int>(i);
        }
    }
    if (bestRow < 0) return {};
    std::string location = table.rows[static_cast<std::size_t>(bestRow)].location;
    std::vector<std::string> headers;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const std::string& text = table.rows[static_cast<std::size_t>(bestRow)].cells[c].text;
        headers.push_back(text.empty() ? table.columns[c] : text);  // keep GDAL's name for unlabelled columns
    }
    table.columns = std::move(headers);
    table.rows.erase(table.rows.begin(), table.rows.begin() + bestRow + 1);
    return location;
}

bool isTotalRow(const SourceRow& row, const ColumnBinding& binding) {
    const int codeColumn = binding.column(binding.has("unit_code") ? "unit_code" : "code");
    if (codeColumn >= 0 && !row.cells[static_cast<std::size_t>(codeColumn)].empty()) return false;
    const int nameColumn = binding.column(binding.has("unit_name") ? "unit_name" : "name");
    if (nameColumn < 0) return false;
    const std::string key = gis::data::foldDiacritics(row.cells[static_cast<std::size_t>(nameColumn)].text);
    for (const char* total : {"tong cong", "tong", "cong", "tong so", "toan huyen", "toan tinh", "toan xa", "total"})
        if (key == total) return true;
    return false;
}

}  // namespace gis::importer
