#include "gis/importer/column_binding.hpp"

#include <cctype>
#include <cstdlib>

#include "gis/data/text_encoding.hpp"

namespace gis::importer {
namespace {

/// The money unit a header states in its parenthesis: "(triệu đồng)", "(tr.đ)", "(tỷ đồng)".
double scaleOfHeader(const std::string& header) {
    const auto open = header.find('(');
    if (open == std::string::npos) return 0;
    const std::string unit = gis::data::foldDiacritics(header.substr(open));
    if (unit.find("nghin ty") != std::string::npos) return 1e12;
    if (unit.find("ty") != std::string::npos) return 1e9;
    if (unit.find("trieu") != std::string::npos || unit.find("tr.d") != std::string::npos) return 1e6;
    if (unit.find("nghin") != std::string::npos || unit.find("ngan") != std::string::npos) return 1e3;
    if (unit.find("dong") != std::string::npos || unit.find("vnd") != std::string::npos) return 1;
    return 0;
}

}  // namespace

std::string headerKey(const std::string& header) {
    std::string text = header;
    if (const auto open = text.find('('); open != std::string::npos && open > 0) text = text.substr(0, open);
    const std::string folded = gis::data::foldDiacritics(text);
    std::string out;
    for (char c : folded) {
        const bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0 || (static_cast<unsigned char>(c) & 0x80) != 0;
        if (keep) {
            out.push_back(c);
        } else if (!out.empty() && out.back() != ' ') {
            out.push_back(' ');
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

int criterionNumberOfHeader(const std::string& header) {
    std::string key = headerKey(header);
    std::string rest;
    for (const char* prefix : {"tieu chi so ", "tieu chi ", "tc so ", "tc "}) {
        const std::string p(prefix);
        if (key.compare(0, p.size(), p) == 0) {
            rest = key.substr(p.size());
            break;
        }
    }
    if (rest.empty() && key.size() > 2 && key.compare(0, 2, "tc") == 0 && std::isdigit(static_cast<unsigned char>(key[2])))
        rest = key.substr(2);  // "TC3"
    if (rest.empty() || !std::isdigit(static_cast<unsigned char>(rest[0]))) return 0;
    std::size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
    if (digits < rest.size() && rest[digits] != ' ') return 0;  // "tc 3a" is not criterion 3
    const int number = std::atoi(rest.substr(0, digits).c_str());
    return number > 0 && number < 100 ? number : 0;
}

Status checkColumnMap(const std::vector<CanonicalColumn>& known, const std::map<std::string, std::string>& userMap,
                      bool recogniseCriteria) {
    for (const auto& [canonical, header] : userMap) {
        int criterion = 0;
        if (canonical.rfind("criterion_", 0) == 0) criterion = std::atoi(canonical.c_str() + 10);
        bool isKnown = criterion > 0 && recogniseCriteria;
        for (const CanonicalColumn& c : known) isKnown = isKnown || c.key == canonical;
        if (!isKnown) {
            std::string names;
            for (const CanonicalColumn& c : known) names += (names.empty() ? "" : ", ") + c.key;
            if (recogniseCriteria) names += ", criterion_N";
            return makeError(ErrorCode::BadInput, "--map " + canonical + "=" + header + ": '" + canonical +
                                                      "' is not a column this import reads (known: " + names + ")");
        }
    }
    return Ok{};
}

Result<ColumnBinding> bindColumns(const SourceTable& table,
                                  const std::vector<CanonicalColumn>& known,
                                  const std::map<std::string, std::string>& userMap,
                                  bool recogniseCriteria) {
    ColumnBinding binding;
    std::vector<std::string> keys;
    for (const std::string& column : table.columns) keys.push_back(headerKey(column));

    auto findColumn = [&](const std::string& header) -> int {
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            if (table.columns[i] == header) return static_cast<int>(i);
        const std::string wanted = headerKey(header);  // forgive case, diacritics and spacing
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == wanted) return static_cast<int>(i);
        return -1;
    };
    auto columnList = [&]() {
        std::string names;
        for (const std::string& c : table.columns) names += (names.empty() ? "'" : ", '") + c + "'";
        return names;
    };

    // 1. Explicit --map / --code / --name … entries.
    if (auto status = checkColumnMap(known, userMap, recogniseCriteria); !status) return status.error();
    for (const auto& [canonical, header] : userMap) {
        int criterion = 0;
        if (canonical.rfind("criterion_", 0) == 0) criterion = std::atoi(canonical.c_str() + 10);
        const int index = findColumn(header);
        if (index < 0)
            return makeError(ErrorCode::BadInput, table.label() + ": no column '" + header + "' for " + canonical +
                                                      " (columns: " + columnList() + ")");
        if (criterion > 0)
            binding.criteria[criterion] = index;
        else
            binding.columns[canonical] = index;
    }

    // 2. Recognised headers for everything not mapped explicitly.
    auto mappedIndex = [&](int index) {
        for (const auto& [k, v] : binding.columns) if (v == index) return true;
        for (const auto& [k, v] : binding.criteria) if (v == index) return true;
        return false;
    };
    for (const CanonicalColumn& canonical : known) {
        if (binding.has(canonical.key)) continue;
        int found = -1;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (mappedIndex(static_cast<int>(i))) continue;
            bool matches = false;
            for (const std::string& alias : canonical.aliases) matches = matches || keys[i] == alias;
            if (!matches) continue;
            if (found >= 0)
                return makeError(ErrorCode::BadInput, table.label() + ": columns '" + table.columns[static_cast<std::size_t>(found)] +
                                                          "' and '" + table.columns[i] + "' both read as " + canonical.key +
                                                          "; choose one with --map " + canonical.key + "=COLUMN");
            found = static_cast<int>(i);
        }
        if (found >= 0) binding.columns[canonical.key] = found;
    }
    if (recogniseCriteria) {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (mappedIndex(static_cast<int>(i))) continue;
            const int number = criterionNumberOfHeader(table.columns[i]);
            if (number == 0) continue;
            if (binding.criteria.count(number) != 0)
                return makeError(ErrorCode::BadInput, table.label() + ": two columns are criterion " + std::to_string(number) +
                                                          " ('" + table.columns[static_cast<std::size_t>(binding.criteria[number])] +
                                                          "' and '" + table.columns[i] + "')");
            binding.criteria[number] = static_cast<int>(i);
        }
    }
    for (const auto& [key, index] : binding.columns) {
        const double scale = scaleOfHeader(table.columns[static_cast<std::size_t>(index)]);
        if (scale > 0) binding.headerScale[key] = scale;
    }
    return binding;
}

}  // namespace gis::importer
