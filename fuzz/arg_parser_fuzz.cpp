// The command-line parser with the export command's options: the input is split at NUL bytes
// into arguments. A successful parse may only hold options the command declared, and
// parseIntOption (--dpi, --width) may only return values within its bounds.
#include <string>
#include <vector>

#include "app/cli/arg_parser.hpp"
#include "fuzz/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    const std::string input = fuzz::bytes(data, size);
    std::vector<std::string> args;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= input.size(); ++i) {
        if (i == input.size() || input[i] == '\0') {
            args.push_back(input.substr(start, i - start));
            start = i + 1;
        }
    }
    static const std::set<std::string> kValues = {"out", "width", "height", "layer", "color-by", "extent", "s-srs",
                                                  "as-of", "unit", "paper", "dpi", "title", "where"};
    static const std::set<std::string> kSwitches = {"landscape", "portrait", "help"};
    const cli::ParsedArgs parsed = cli::parseArgs(args, kValues, kSwitches);
    if (!parsed.error.empty()) return 0;
    for (const auto& [name, value] : parsed.values) fuzz::require(kValues.count(name) == 1, "parseArgs kept an undeclared option");
    for (const auto& name : parsed.flags) fuzz::require(kSwitches.count(name) == 1, "parseArgs kept an undeclared switch");
    for (const auto& [canonical, column] : parsed.maps)
        fuzz::require(!canonical.empty() && !column.empty(), "parseArgs kept an empty --map side");
    std::string error;
    if (const auto width = cli::parseIntOption("width", parsed.value("width"), 1, 16384, error))
        fuzz::require(*width >= 1 && *width <= 16384, "parseIntOption out of its bounds");
    return 0;
}
