#include "gis/importer/cell_values.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "gis/data/text_encoding.hpp"
#include "gis/model/iso_date.hpp"

namespace gis::importer {
namespace {

bool validDate(int y, int m, int d) { return model::isValidDate(y, m, d); }

std::string iso(int y, int m, int d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
    return buffer;
}

/// Splits "30/6/2024" into its numbers; empty when a part is not all digits or longer than a
/// year (atoi would wrap a long run of digits into some other, valid-looking day or month).
std::vector<int> numberParts(const std::string& text, std::vector<std::size_t>* widths) {
    std::vector<int> parts;
    std::string current;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            if (current.size() == 4) return {};
            current.push_back(c);
        } else if (c == '/' || c == '-' || c == '.') {
            if (current.empty()) return {};
            parts.push_back(std::atoi(current.c_str()));
            if (widths != nullptr) widths->push_back(current.size());
            current.clear();
        } else {
            return {};
        }
    }
    if (current.empty()) return {};
    parts.push_back(std::atoi(current.c_str()));
    if (widths != nullptr) widths->push_back(current.size());
    return parts;
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0 &&
           (s.size() == prefix.size() || s[prefix.size()] == ' ' || std::ispunct(static_cast<unsigned char>(s[prefix.size()])));
}

}  // namespace

std::optional<std::string> parseDate(const Cell& cell) {
    std::string text = cell.text;
    // "2024-06-30 00:00:00" from a date-time cell typed as text
    if (const auto space = text.find(' '); space != std::string::npos) text = text.substr(0, space);
    std::vector<std::size_t> widths;
    const auto parts = numberParts(text, &widths);
    if (parts.size() != 3) return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (widths[0] == 4) {  // year first: ISO or GDAL's 2024/06/30
        y = parts[0], m = parts[1], d = parts[2];
    } else if (widths[2] == 4) {  // Vietnamese day/month/year
        d = parts[0], m = parts[1], y = parts[2];
    } else {
        return std::nullopt;  // two-digit years are ambiguous; refuse rather than guess
    }
    if (!validDate(y, m, d)) return std::nullopt;
    return iso(y, m, d);
}

std::optional<CriterionCell> parseCriterionCell(const Cell& cell) {
    CriterionCell out;
    if (cell.number) {
        if (*cell.number == 1) out.status = model::CriterionStatus::Met;
        else if (*cell.number == 0) out.status = model::CriterionStatus::NotMet;
        else return std::nullopt;
        return out;
    }
    const std::string key = gis::data::foldDiacritics(cell.text);
    if (key.empty()) return out;  // an empty cell in a tick-box sheet means "not met"
    // Phrases may carry a note after them ("Chưa đạt (thiếu NVH)"); short tokens must stand alone,
    // so "có lẽ" is not read as "có".
    struct Word { const char* text; model::CriterionStatus status; bool phrase; };
    using S = model::CriterionStatus;
    // Longer phrases first: "chua dat" contains "dat".
    static const Word kWords[] = {
        {"chua dat", S::NotMet, true},       {"khong dat", S::NotMet, true},     {"dang thuc hien", S::InProgress, true},
        {"dang trien khai", S::InProgress, true}, {"dang xay dung", S::InProgress, true}, {"co ban dat", S::InProgress, true},
        {"in progress", S::InProgress, true}, {"not met", S::NotMet, true},      {"dat", S::Met, true},
        {"met", S::Met, false},  {"true", S::Met, false}, {"false", S::NotMet, false}, {"yes", S::Met, false},
        {"no", S::NotMet, false}, {"co", S::Met, false},  {"khong", S::NotMet, false}, {"x", S::Met, false},
        {"v", S::Met, false},    {"1", S::Met, false},    {"0", S::NotMet, false},     {"-", S::NotMet, false},
    };
    for (const Word& word : kWords) {
        const bool exact = key == word.text;
        if (!exact && !(word.phrase && startsWith(key, word.text))) continue;
        out.status = word.status;
        if (!exact) out.note = cell.text;  // "Chưa đạt (thiếu nhà văn hóa)"
        return out;
    }
    if (cell.text == "✓" || cell.text == "✔") {
        out.status = model::CriterionStatus::Met;
        return out;
    }
    return std::nullopt;
}

std::optional<double> parseNumber(const Cell& cell) {
    if (cell.number) return cell.number;
    std::string s;
    for (char c : cell.text)
        if (c != ' ' && c != '\xA0') s.push_back(c);
    // Drop a trailing currency word or symbol ("1.500.000 đ", "₫").
    while (!s.empty() && !std::isdigit(static_cast<unsigned char>(s.back()))) s.pop_back();
    if (s.empty()) return std::nullopt;
    const auto dots = std::count(s.begin(), s.end(), '.');
    const auto commas = std::count(s.begin(), s.end(), ',');
    const auto lastDot = s.rfind('.');
    const auto lastComma = s.rfind(',');
    std::string normal;
    if (dots > 0 && commas > 0) {
        const bool vietnamese = lastComma != std::string::npos && lastComma > lastDot;  // 1.500,5
        for (char c : s) {
            if (c == (vietnamese ? '.' : ',')) continue;
            normal.push_back(c == ',' ? '.' : c);
        }
    } else if (dots > 1 || (dots == 1 && s.size() - lastDot == 4)) {
        // 1.500.000 or 1.500: Vietnamese thousands (conventions.json: "1.500" is one thousand five hundred)
        for (char c : s) if (c != '.') normal.push_back(c);
    } else if (commas > 1) {
        for (char c : s) if (c != ',') normal.push_back(c);  // 1,500,000 (English grouping)
    } else {
        for (char c : s) normal.push_back(c == ',' ? '.' : c);  // 1,5 (Vietnamese decimal) or 2.5
    }
    char* end = nullptr;
    const double value = std::strtod(normal.c_str(), &end);
    if (end == normal.c_str() || *end != '\0' || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<std::int64_t> moneyInDong(double amount, double scale) {
    const double dong = amount * scale;
    if (!std::isfinite(dong) || dong < 0 || dong > kMaxMoneyDong) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(dong));
}

std::optional<std::pair<int, int>> parseCount(const Cell& cell) {
    if (cell.number) {
        if (*cell.number < 0 || std::floor(*cell.number) != *cell.number) return std::nullopt;
        return std::make_pair(static_cast<int>(*cell.number), 0);
    }
    const std::string& t = cell.text;
    std::size_t i = 0;
    auto readInt = [&](int& value) {
        while (i < t.size() && t[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) != 0) ++i;
        if (i == start || i - start > 3) return false;
        value = std::atoi(t.substr(start, i - start).c_str());
        return true;
    };
    int met = 0, total = 0;
    if (!readInt(met)) return std::nullopt;
    while (i < t.size() && t[i] == ' ') ++i;
    if (i < t.size() && t[i] == '/') {
        ++i;
        if (!readInt(total)) return std::nullopt;
    }
    // Anything after must be words ("tiêu chí"), not more digits.
    for (std::size_t k = i; k < t.size(); ++k)
        if (std::isdigit(static_cast<unsigned char>(t[k])) != 0) return std::nullopt;
    return std::make_pair(met, total);
}

double moneyUnitScale(const std::string& word) {
    const std::string key = gis::data::foldDiacritics(word);
    if (key == "dong" || key == "vnd" || key == "d") return 1;
    if (key == "nghin" || key == "ngan" || key == "nghin dong") return 1e3;
    if (key == "trieu" || key == "trieu dong" || key == "tr") return 1e6;
    if (key == "ty" || key == "ty dong") return 1e9;
    return 0;
}

}  // namespace gis::importer
