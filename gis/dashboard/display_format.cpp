#include "gis/dashboard/display_format.hpp"

#include <cmath>
#include <cstdio>

#include "gis/style/classification.hpp"

namespace gis::dashboard {

std::string formatNumber(double value, int decimals, Language language) {
    std::string vi = style::formatNumberVi(value, decimals);  // "1.234,5"
    if (language == Language::Vi) return vi;
    for (char& c : vi) c = c == '.' ? ',' : c == ',' ? '.' : c;  // swap the two separators
    return vi;
}

std::string formatPercent(double value, Language language) { return formatNumber(value, 1, language) + " %"; }

std::string formatMillions(std::int64_t vnd, Language language) {
    const double millions = static_cast<double>(vnd) / 1e6;
    return formatNumber(millions, 1, language) + (language == Language::Vi ? " triệu đồng" : " million VND");
}

std::string formatMoney(std::int64_t vnd, Language language) {
    if (std::llabs(vnd) < 1'000'000'000LL) return formatMillions(vnd, language);
    const double billions = static_cast<double>(vnd) / 1e9;
    return formatNumber(billions, 2, language) + (language == Language::Vi ? " tỷ đồng" : " billion VND");
}

std::string formatDate(const std::string& isoDate) {
    if (isoDate.size() != 10 || isoDate[4] != '-' || isoDate[7] != '-') return isoDate;
    return isoDate.substr(8, 2) + "/" + isoDate.substr(5, 2) + "/" + isoDate.substr(0, 4);
}

std::string tierName(const std::string& tier, Language language) {
    if (tier == "ntm_nang_cao") return tr(Text::TierAdvanced, language);
    if (tier == "ntm_kieu_mau") return tr(Text::TierModel, language);
    if (tier == "ntm") return tr(Text::TierNtm, language);
    return tr(Text::TierNone, language);
}

std::string formatCount(int part, int whole) { return std::to_string(part) + "/" + std::to_string(whole); }

}  // namespace gis::dashboard
