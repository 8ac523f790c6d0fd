// parseDate on a text cell: whatever it accepts must be a real YYYY-MM-DD date made of the very
// numbers the cell holds (no wrap-around of long digit runs into a different day).
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz/fuzz_checks.hpp"
#include "gis/importer/cell_values.hpp"
#include "gis/model/iso_date.hpp"

namespace {

/// The digit runs of `text`, leading zeros dropped ("030/06/2024" → 30, 6, 2024).
std::vector<std::string> digitRuns(const std::string& text) {
    std::vector<std::string> runs;
    std::string run;
    auto flush = [&] {
        if (run.empty()) return;
        const auto first = run.find_first_not_of('0');
        runs.push_back(first == std::string::npos ? "0" : run.substr(first));
        run.clear();
    };
    for (char c : text) {
        if (c >= '0' && c <= '9') run.push_back(c);
        else flush();
    }
    flush();
    return runs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    gis::importer::Cell cell;
    cell.text = fuzz::bytes(data, size);
    const auto date = gis::importer::parseDate(cell);
    if (!date) return 0;
    fuzz::require(gis::model::isIsoDate(*date), "parseDate returned something that is not an ISO date");
    // The date part is what comes before a space ("2024-06-30 00:00:00").
    const std::string datePart = cell.text.substr(0, cell.text.find(' '));
    auto in = digitRuns(datePart);
    auto out = digitRuns(*date);  // year, month, day
    fuzz::require(in.size() == 3 && out.size() == 3, "parseDate accepted a date without three numbers");
    if (in[0].size() != 4 || in[0] != out[0]) std::swap(in[0], in[2]);  // day/month/year order
    fuzz::require(in == out, "parseDate returned a date made of other numbers than the cell's");
    return 0;
}
