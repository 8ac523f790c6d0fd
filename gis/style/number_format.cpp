#include "gis/style/number_format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace gis::style {

std::string formatNumberVi(double value, int decimals) {
    if (std::isnan(value)) return "–";
    if (std::isinf(value)) return value > 0 ? "∞" : "-∞";
    decimals = std::clamp(decimals, 0, 12);
    // to_chars is locale-independent and rounds the exact binary value correctly.
    char buf[512];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    std::string s(buf, res.ptr);

    bool negative = !s.empty() && s[0] == '-';
    if (negative) s.erase(0, 1);
    const std::size_t dot = s.find('.');
    const std::string intPart = s.substr(0, dot);
    const std::string fracPart = dot == std::string::npos ? "" : s.substr(dot + 1);
    // "-0,0" reads as a different number from "0,0" to most readers.
    if (negative && intPart.find_first_not_of('0') == std::string::npos &&
        fracPart.find_first_not_of('0') == std::string::npos)
        negative = false;

    std::string grouped;
    const std::size_t n = intPart.size();
    for (std::size_t i = 0; i < n; ++i) {
        grouped.push_back(intPart[i]);
        if ((n - i - 1) % 3 == 0 && i + 1 < n) grouped.push_back('.');
    }
    std::string out = negative ? "-" + grouped : grouped;
    if (!fracPart.empty()) out += "," + fracPart;
    return out;
}

std::string formatRangeVi(double lo, double hi, int decimals, const std::string& suffix) {
    std::string s = formatNumberVi(lo, decimals) + " – " + formatNumberVi(hi, decimals);
    if (!suffix.empty()) s += " " + suffix;
    return s;
}

int decimalsFor(const std::vector<double>& values) {
    for (int d = 0; d <= 3; ++d) {
        const double f = std::pow(10.0, d);
        bool exact = true;
        for (double v : values)
            if (std::isfinite(v) && std::abs(std::round(v * f) / f - v) > 1e-9 * std::max(1.0, std::abs(v))) { exact = false; break; }
        if (exact) return d;
    }
    for (int d = 1; d <= 3; ++d) {
        std::set<std::string> seen;
        std::set<double> distinct;
        for (double v : values)
            if (std::isfinite(v)) { seen.insert(formatNumberVi(v, d)); distinct.insert(v); }
        if (seen.size() == distinct.size()) return d;
    }
    return 3;
}

}  // namespace gis::style
