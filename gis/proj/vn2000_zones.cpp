#include <string>
#include <unordered_map>
#include <vector>

#include "gis/core/assets.hpp"
#include "gis/data/text_encoding.hpp"
#include "gis/proj/transformer.hpp"

namespace gis::proj {
namespace {

/// Splits one CSV line, honouring double quotes (the PROJ strings contain commas).
std::vector<std::string> splitCsvLine(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back().push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back().push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back().push_back(c);
        }
    }
    return fields;
}

/// Matching key for a province name: folded, without the unit-type prefix, spaces and dashes,
/// so "Tỉnh Bà Rịa - Vũng Tàu", "Ba Ria-Vung Tau" and "bà rịa vũng tàu" all agree.
std::string provinceKey(const std::string& name) {
    // Drop remarks in parentheses, e.g. "Tỉnh Hà Tây (merged into Hà Nội …)".
    std::string folded = data::foldDiacritics(name.substr(0, name.find('(')));
    for (const char* prefix : {"thanh pho ", "tinh ", "tp. ", "tp "})
        if (folded.rfind(prefix, 0) == 0) {
            folded.erase(0, std::char_traits<char>::length(prefix));
            break;
        }
    std::string key;
    for (const char c : folded)
        if (c != ' ' && c != '-' && c != '.') key.push_back(c);
    return key;
}

struct ZoneTable {
    std::unordered_map<std::string, std::string> byCode;  ///< "01" → "EPSG:5897"
    std::unordered_map<std::string, std::string> byName;  ///< provinceKey → EPSG
};

const ZoneTable& zoneTable() {
    static const ZoneTable table = [] {
        ZoneTable t;
        const auto csv = findAsset("vn2000_zones.csv");
        if (!csv) return t;
        std::string_view text = *csv;
        std::vector<std::string> header;
        int codeCol = -1, nameCol = -1, asciiCol = -1, epsgCol = -1;
        while (!text.empty()) {
            const std::size_t eol = text.find('\n');
            const std::string_view line = text.substr(0, eol);
            text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
            if (line.empty() || line == "\r") continue;
            std::vector<std::string> fields = splitCsvLine(line);
            if (header.empty()) {
                header = fields;
                for (std::size_t i = 0; i < header.size(); ++i) {
                    if (header[i] == "province_code_63") codeCol = static_cast<int>(i);
                    if (header[i] == "province_name_63") nameCol = static_cast<int>(i);
                    if (header[i] == "province_name_ascii") asciiCol = static_cast<int>(i);
                    if (header[i] == "epsg_code") epsgCol = static_cast<int>(i);
                }
                continue;
            }
            if (codeCol < 0 || nameCol < 0 || epsgCol < 0) break;
            const auto at = [&](int col) { return col >= 0 && col < static_cast<int>(fields.size()) ? fields[col] : std::string(); };
            const std::string epsg = at(epsgCol);
            if (epsg.empty()) continue;
            if (!at(codeCol).empty()) t.byCode.emplace(at(codeCol), epsg);
            t.byName.emplace(provinceKey(at(nameCol)), epsg);
            if (asciiCol >= 0) t.byName.emplace(provinceKey(at(asciiCol)), epsg);
        }
        // Thừa Thiên Huế became the centrally run "Thành phố Huế" in 2025; accept both names.
        if (auto it = t.byName.find("hue"); it != t.byName.end()) t.byName.emplace("thuathienhue", it->second);
        if (auto it = t.byName.find("thuathienhue"); it != t.byName.end()) t.byName.emplace("hue", it->second);
        return t;
    }();
    return table;
}

}  // namespace

std::string vn2000ZoneForProvince(const std::string& provinceCodeOrName) {
    const ZoneTable& table = zoneTable();
    std::string trimmed = provinceCodeOrName;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
    if (trimmed.empty()) return {};
    if (trimmed.find_first_not_of("0123456789") == std::string::npos) {
        if (trimmed.size() == 1) trimmed.insert(0, "0");  // GSO codes are often written without the zero
        const auto it = table.byCode.find(trimmed);
        return it == table.byCode.end() ? std::string() : it->second;
    }
    const auto it = table.byName.find(provinceKey(trimmed));
    return it == table.byName.end() ? std::string() : it->second;
}

}  // namespace gis::proj
