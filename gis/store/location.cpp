#include "gis/store/location.hpp"

#include <cctype>

namespace gis::store {
namespace {

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
    return true;
}

/// The end of a keyword/value value starting at `i`: a quoted value ('…' with \' and \\) or up to white space.
std::size_t valueEnd(std::string_view text, std::size_t i) {
    if (i < text.size() && text[i] == '\'') {
        for (++i; i < text.size(); ++i) {
            if (text[i] == '\\') {
                ++i;
                continue;
            }
            if (text[i] == '\'') return i + 1;
        }
        return text.size();
    }
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    return i;
}

}  // namespace

bool isPostgresLocation(std::string_view location) { return startsWithNoCase(location, "PG:"); }

std::string postgresConninfo(std::string_view location) {
    if (!isPostgresLocation(location)) return std::string(location);
    return std::string(location.substr(3));
}

std::string projectShortName(std::string_view location) {
    if (!isPostgresLocation(location)) {
        std::string name(location);
        const std::size_t slash = name.find_last_of('/');
        if (slash != std::string::npos) name.erase(0, slash + 1);
        const std::size_t dot = name.find_last_of('.');
        if (dot != std::string::npos && dot > 0) name.erase(dot);
        return name;
    }
    const std::string conninfo = postgresConninfo(location);
    const std::size_t key = conninfo.find("dbname");
    if (key == std::string::npos) return "PostgreSQL";
    std::size_t i = conninfo.find('=', key);
    if (i == std::string::npos) return "PostgreSQL";
    ++i;
    while (i < conninfo.size() && conninfo[i] == ' ') ++i;
    std::string name = conninfo.substr(i, valueEnd(conninfo, i) - i);
    if (name.size() >= 2 && name.front() == '\'') name = name.substr(1, name.size() - 2);
    return name;
}

std::string maskSecrets(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        // keyword/value: password = secret (libpq allows spaces around '=')
        if (startsWithNoCase(text.substr(i), "password") &&
            (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
            std::size_t j = i + 8;
            while (j < text.size() && text[j] == ' ') ++j;
            if (j < text.size() && text[j] == '=') {
                ++j;
                while (j < text.size() && text[j] == ' ') ++j;
                out += "password=***";
                i = valueEnd(text, j);
                continue;
            }
        }
        // URI: postgres[ql]://user:secret@host
        if (startsWithNoCase(text.substr(i), "postgres") && text.substr(i).find("://") != std::string_view::npos) {
            const std::size_t scheme = text.find("://", i);
            const std::size_t hostEnd = text.find_first_of(" /?", scheme + 3);
            const std::size_t at = text.rfind('@', hostEnd == std::string_view::npos ? text.size() : hostEnd);
            const std::size_t colon = text.find(':', scheme + 3);
            if (at != std::string_view::npos && at > scheme && colon != std::string_view::npos && colon < at) {
                out.append(text.substr(i, colon + 1 - i));
                out += "***";
                i = at;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace gis::store
