// The number-like cells of a district sheet: parseNumber ("1.500.000", "1,5", "2.5 đ"), parseCount
// ("14/19 tiêu chí") and parseCriterionCell ("Chưa đạt (thiếu NVH)"). The first byte picks the
// parser. Numbers must be finite, counts within what three digits hold.
#include <cmath>

#include "fuzz/fuzz_checks.hpp"
#include "gis/importer/cell_values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    if (size == 0) return 0;
    gis::importer::Cell cell;
    cell.text = fuzz::bytes(data + 1, size - 1);
    switch (data[0] % 3) {
        case 0:
            if (const auto number = gis::importer::parseNumber(cell))
                fuzz::require(std::isfinite(*number), "parseNumber returned a value that is not finite");
            break;
        case 1:
            if (const auto count = gis::importer::parseCount(cell)) {
                fuzz::require(count->first >= 0 && count->first <= 999, "parseCount: met out of range");
                fuzz::require(count->second >= 0 && count->second <= 999, "parseCount: total out of range");
            }
            break;
        default:
            if (const auto criterion = gis::importer::parseCriterionCell(cell))
                fuzz::require(criterion->note.empty() || criterion->note == cell.text, "parseCriterionCell: note is not the cell");
            break;
    }
    return 0;
}
