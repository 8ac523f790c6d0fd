#include "gis/data/vector_layer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace gis::data {
namespace {

struct NumberVisitor {
    double operator()(std::monostate) const { return std::numeric_limits<double>::quiet_NaN(); }
    double operator()(std::int64_t v) const { return static_cast<double>(v); }
    double operator()(double v) const { return v; }
    double operator()(const std::string& text) const {
        // Trim blanks; accept the whole string only (no "12abc" → 12).
        std::size_t begin = text.find_first_not_of(" \t\r\n");
        if (begin == std::string::npos) return std::numeric_limits<double>::quiet_NaN();
        std::size_t end = text.find_last_not_of(" \t\r\n") + 1;
        if (text[begin] == '+') ++begin;
        double value = 0.0;
        const auto [ptr, ec] = std::from_chars(text.data() + begin, text.data() + end, value);
        if (ec != std::errc() || ptr != text.data() + end) return std::numeric_limits<double>::quiet_NaN();
        return value;
    }
};

struct TextVisitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const {
        if (std::isnan(v)) return "NaN";
        if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
        // Shortest text that reads back to the same double: "2.5" not "2.500000".
        char buffer[64];
        const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
        if (ec != std::errc()) return std::to_string(v);
        return std::string(buffer, ptr);
    }
    std::string operator()(const std::string& text) const { return text; }
};

}  // namespace

double attributeAsNumber(const AttributeValue& value) { return std::visit(NumberVisitor{}, value); }

std::vector<double> numericColumn(const VectorLayer& layer, std::size_t fieldIndex) {
    std::vector<double> column;
    column.reserve(layer.features.size());
    for (const Feature& f : layer.features)
        column.push_back(fieldIndex < f.attributes.size() ? attributeAsNumber(f.attributes[fieldIndex]) : std::nan(""));
    return column;
}

std::string attributeAsText(const AttributeValue& value) { return std::visit(TextVisitor{}, value); }

}  // namespace gis::data
