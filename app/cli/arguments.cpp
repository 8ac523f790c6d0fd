#include "app/cli/arguments.hpp"

#include <charconv>

namespace cli {

Arguments::Arguments(const Args& args, std::set<std::string> flags) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        if (word.size() > 2 && word.rfind("--", 0) == 0) {
            const auto equals = word.find('=');
            if (equals != std::string::npos) {
                m_options.emplace_back(word.substr(0, equals), word.substr(equals + 1));
            } else if (flags.count(word) != 0) {
                m_flagsGiven.insert(word);
            } else if (i + 1 < args.size()) {
                m_options.emplace_back(word, args[++i]);
            } else {
                m_error = "option " + word + " needs a value";
            }
        } else {
            m_positional.push_back(word);
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    std::optional<std::string> found;
    for (const auto& [key, text] : m_options)
        if (key == name) found = text;  // the last one wins, as in most CLIs
    return found;
}

std::vector<std::string> Arguments::values(const std::string& name) const {
    std::vector<std::string> found;
    for (const auto& [key, text] : m_options)
        if (key == name) found.push_back(text);
    return found;
}

bool Arguments::flag(const std::string& name) const { return m_flagsGiven.count(name) != 0; }

std::vector<std::string> Arguments::unknownOptions(const std::set<std::string>& known) const {
    std::vector<std::string> unknown;
    for (const auto& [key, text] : m_options)
        if (known.count(key) == 0) unknown.push_back(key);
    for (const std::string& key : m_flagsGiven)
        if (known.count(key) == 0) unknown.push_back(key);
    return unknown;
}

std::optional<int> parseIntOption(const std::string& name, const std::string& text, int minValue, int maxValue, std::string& error) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < minValue || value > maxValue) {
        error = name + " must be a whole number from " + std::to_string(minValue) + " to " + std::to_string(maxValue) +
                ", got '" + text + "'";
        return std::nullopt;
    }
    return value;
}

}  // namespace cli
