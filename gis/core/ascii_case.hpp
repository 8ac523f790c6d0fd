#pragma once
/// Case of ASCII letters only (file extensions, SQL type names, driver and field names): bytes of
/// UTF-8 text outside A-Z and a-z pass through untouched, whatever the locale.
#include <string>

namespace gis {

inline std::string asciiLower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

inline std::string asciiUpper(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

}  // namespace gis
