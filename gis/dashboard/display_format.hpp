#pragma once
/// Numbers, percentages, money and dates as the notices write them: 73,7 %, 1.234,5,
/// 25/03/2024, 850,0 triệu đồng / 12,5 tỷ đồng; English uses 73.7 % and the same dates.
#include <cstdint>
#include <string>

#include "gis/core/translation.hpp"

namespace gis::dashboard {

/// 1234.5 → "1.234,5" (vi) / "1,234.5" (en).
std::string formatNumber(double value, int decimals, Language language);
/// 73.68 → "73,7 %" (vi) / "73.7 %" (en): one decimal, a space before the sign.
std::string formatPercent(double value, Language language);
/// Money in đồng as a notice writes it: below one tỷ in triệu đồng (one decimal), from one
/// tỷ up in tỷ đồng (two decimals): "850,0 triệu đồng", "12,50 tỷ đồng"; en: "million VND".
std::string formatMoney(std::int64_t vnd, Language language);
/// Money in triệu đồng always (a gap against a milestone): "312,5 triệu đồng".
std::string formatMillions(std::int64_t vnd, Language language);
/// "2024-03-25" → "25/03/2024" in both languages; anything else unchanged.
std::string formatDate(const std::string& isoDate);
/// The NTM tier in words: "" → "Chưa đạt chuẩn", "ntm" → "Đạt chuẩn NTM", "ntm_nang_cao",
/// "ntm_kieu_mau" (English: "Not yet at standard", "NTM standard", …).
std::string tierName(const std::string& tier, Language language);

/// "14/19" as the notices count criteria.
std::string formatCount(int part, int whole);

}  // namespace gis::dashboard
