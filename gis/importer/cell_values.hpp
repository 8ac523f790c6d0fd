#pragma once
/// Parsing the values district sheets really contain: Vietnamese dates and numbers, "Đạt"/"x"/1,
/// "14/19", codes that Excel turned into numbers.
#include <cstdint>
#include <optional>
#include <string>

#include "gis/importer/source_table.hpp"
#include "gis/model/ntm_types.hpp"

namespace gis::importer {

/// YYYY-MM-DD from a date cell, "2024-06-30", "2024/06/30", "30/6/2024", "30-06-2024", "30.6.2024";
/// nullopt when it does not parse or is not a real calendar date.
std::optional<std::string> parseDate(const Cell& cell);

/// A criterion cell: Đạt / x / 1 / TRUE / Có → met; Chưa đạt / Không đạt / 0 / FALSE / empty → not met;
/// Đang thực hiện / Đang triển khai → in progress. Extra words become the note. nullopt: unreadable.
struct CriterionCell {
    model::CriterionStatus status = model::CriterionStatus::NotMet;
    std::string note;
};
std::optional<CriterionCell> parseCriterionCell(const Cell& cell);

/// A money cell in đồng: numeric cells times `scale`; text in Vietnamese ("1.500.000", "1,5") or
/// English ("1,500,000.5") style. nullopt when it does not parse. Negative values are returned
/// as they are (the caller reports them).
std::optional<double> parseNumber(const Cell& cell);

/// The largest amount of money one cell may hold, in đồng: 1,000,000 tỷ, five times the whole
/// national programme. Far below 2^63 (9.2e18), so a sum of thousands of such cells still fits.
inline constexpr double kMaxMoneyDong = 1e15;

/// A parsed amount times its unit's scale, rounded to whole đồng; nullopt when negative, not
/// finite or above kMaxMoneyDong (converting a larger double to 64 bits would wrap or be undefined).
std::optional<std::int64_t> moneyInDong(double amount, double scale);

/// "14", "14/19", "14 / 19 tiêu chí" → (met, total or 0).
std::optional<std::pair<int, int>> parseCount(const Cell& cell);

/// Multiplier of a --money-unit word: dong 1, nghin 1e3, trieu 1e6, ty 1e9; 0 when unknown.
double moneyUnitScale(const std::string& word);

}  // namespace gis::importer
