#pragma once
/// Argument parsing shared by every subcommand: positional arguments plus --name VALUE options.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cli {

struct ParsedArgs {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;           ///< last value of each --option
    std::vector<std::pair<std::string, std::string>> maps; ///< every --map canonical=column
    std::set<std::string> flags;                          ///< switches without a value
    std::string error;                                    ///< set when parsing failed

    std::string value(const std::string& name) const {
        const auto it = values.find(name);
        return it == values.end() ? std::string() : it->second;
    }
    bool flag(const std::string& name) const { return flags.count(name) != 0; }
};

/// `valueOptions`: options that take a value (--layer X); `switches`: options that do not (--demo).
/// Unknown options are an error naming them. Accepts --opt=value too.
ParsedArgs parseArgs(const std::vector<std::string>& args, const std::set<std::string>& valueOptions,
                     const std::set<std::string>& switches);

/// Parses a whole number option in [minValue, maxValue]; sets `error` (naming the option) and
/// returns nullopt otherwise.
std::optional<int> parseIntOption(const std::string& name, const std::string& text, int minValue, int maxValue, std::string& error);

}  // namespace cli
