// A money cell as the importer reads it: the amount (parseNumber) times the unit of --money-unit
// (moneyUnitScale: "tỷ đồng", "triệu") rounded to đồng (moneyInDong). Input: the unit word, a
// newline, the cell text. Whatever is accepted must be a non-negative amount within the limit.
#include <cstdint>

#include "fuzz/fuzz_checks.hpp"
#include "gis/importer/cell_values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    const std::string input = fuzz::bytes(data, size);
    const auto newline = input.find('\n');
    const std::string unit = newline == std::string::npos ? std::string("dong") : input.substr(0, newline);
    gis::importer::Cell cell;
    cell.text = newline == std::string::npos ? input : input.substr(newline + 1);
    const double scale = gis::importer::moneyUnitScale(unit);
    const auto amount = gis::importer::parseNumber(cell);
    if (!amount || scale == 0) return 0;
    const auto dong = gis::importer::moneyInDong(*amount, scale);
    if (!dong) return 0;
    fuzz::require(*dong >= 0, "moneyInDong returned a negative amount");
    fuzz::require(*dong <= static_cast<std::int64_t>(gis::importer::kMaxMoneyDong), "moneyInDong above its limit");
    return 0;
}
