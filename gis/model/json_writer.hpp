#pragma once
/// A small streaming JSON writer (no third-party JSON library in our dependency set): strings are
/// escaped, numbers are plain (no locale), decimals fixed per value.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gis::model {

class JsonWriter {
public:
    /// `indent` spaces per level; 0 writes everything on one line.
    explicit JsonWriter(int indent = 2) : m_indent(indent) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(bool flag);
    /// A number rounded to `decimals` places ("73.7", "14.08").
    JsonWriter& value(double number, int decimals);
    JsonWriter& null();

    const std::string& str() const { return m_out; }

private:
    void beforeValue();
    void newline();
    std::string m_out;
    int m_indent;
    struct Level { bool array; bool empty; };
    std::vector<Level> m_stack;
    bool m_afterKey = false;
};

/// `text` as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view text);

}  // namespace gis::model
