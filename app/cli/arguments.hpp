#pragma once
/// Minimal "--name value" / "--flag" parsing shared by the subcommands.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/cli/commands.hpp"

namespace cli {

class Arguments {
public:
    /// `flags` are options without a value (e.g. "--demo"); every other "--x" takes the next word.
    Arguments(const Args& args, std::set<std::string> flags);

    const std::vector<std::string>& positional() const { return m_positional; }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;  ///< repeated options (e.g. --map)
    bool flag(const std::string& name) const;
    /// Parse problems and options nobody asked for: checked by `unknownOptions`.
    const std::string& error() const { return m_error; }
    /// Options given that are not in `known` (values and flags), for a clear usage error.
    std::vector<std::string> unknownOptions(const std::set<std::string>& known) const;

private:
    std::vector<std::string> m_positional;
    std::vector<std::pair<std::string, std::string>> m_options;
    std::set<std::string> m_flagsGiven;
    std::string m_error;
};

/// Parses an integer option in [minValue, maxValue]; sets `error` and returns nullopt otherwise.
std::optional<int> parseIntOption(const std::string& name, const std::string& text, int minValue, int maxValue, std::string& error);

}  // namespace cli
