#include "app/cli/arg_parser.hpp"

#include <charconv>

namespace cli {

ParsedArgs parseArgs(const std::vector<std::string>& args, const std::set<std::string>& valueOptions,
                     const std::set<std::string>& switches) {
    ParsedArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            out.positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos && name.compare(0, 3, "map") != 0) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (switches.count(name) != 0) {
            out.flags.insert(name);
            continue;
        }
        if (name == "map" || name.rfind("map=", 0) == 0) {
            std::string spec;
            if (name.rfind("map=", 0) == 0) {
                spec = name.substr(4);
            } else if (i + 1 < args.size()) {
                spec = args[++i];
            } else {
                out.error = "--map needs canonical=column";
                return out;
            }
            const auto eq = spec.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
                out.error = "--map " + spec + ": expected canonical=column (e.g. --map unit_name=\"Tên đơn vị\")";
                return out;
            }
            out.maps.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
            continue;
        }
        if (valueOptions.count(name) == 0) {
            out.error = "unknown option --" + name;
            return out;
        }
        if (inlineValue) {
            out.values[name] = *inlineValue;
        } else if (i + 1 < args.size()) {
            out.values[name] = args[++i];
        } else {
            out.error = "--" + name + " needs a value";
            return out;
        }
    }
    return out;
}

std::optional<int> parseIntOption(const std::string& name, const std::string& text, int minValue, int maxValue, std::string& error) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < minValue || value > maxValue) {
        error = "--" + name + " must be a whole number from " + std::to_string(minValue) + " to " + std::to_string(maxValue) +
                ", got '" + text + "'";
        return std::nullopt;
    }
    return value;
}

}  // namespace cli
