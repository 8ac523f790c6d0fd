#include "gis/model/unit_naming.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "gis/data/text_encoding.hpp"

namespace gis::model {
namespace {

/// Prefixes on the normalised (lower-case NFC) name, longest first so "thị xã" wins over "xã"
/// would-be matches; abbreviations as they appear in district sheets and old code lists.
const std::pair<const char*, const char*> kPrefixes[] = {
    {"thành phố ", "thanh_pho"}, {"thị trấn ", "thi_tran"}, {"thị xã ", "thi_xa"}, {"phường ", "phuong"},
    {"huyện ", "huyen"},         {"quận ", "quan"},         {"tỉnh ", "tinh"},    {"xã ", "xa"},
    {"thôn ", "thon"},           {"đặc khu ", "dac_khu"},   {"tp. ", "thanh_pho"}, {"tp.", "thanh_pho"},
    {"tx. ", "thi_xa"},          {"tx.", "thi_xa"},         {"tt. ", "thi_tran"}, {"tt.", "thi_tran"},
    {"p. ", "phuong"},           {"q. ", "quan"},           {"h. ", "huyen"},
};

/// Finds the prefix of an already-normalised name; returns its length (0 if none) and type.
std::pair<std::size_t, const char*> findPrefix(const std::string& normalized) {
    for (const auto& [prefix, type] : kPrefixes) {
        const std::string p(prefix);
        // Only strip when something follows: a unit literally called "Xã" keeps its name.
        if (normalized.size() > p.size() && normalized.compare(0, p.size(), p) == 0) return {p.size(), type};
    }
    return {0, ""};
}

std::string stripPrefix(const std::string& name) {
    std::string normalized = gis::data::normalizeForMatch(name);
    const auto [length, type] = findPrefix(normalized);
    (void)type;
    std::string rest = normalized.substr(length);
    while (!rest.empty() && rest.front() == ' ') rest.erase(rest.begin());
    return rest;
}

}  // namespace

std::string unitTypeFromName(const std::string& name) {
    return findPrefix(gis::data::normalizeForMatch(name)).second;
}

std::string unitTypeFor(const std::string& name, const std::string& level) {
    std::string type = unitTypeFromName(name);
    if (!type.empty()) return type;
    if (level == "commune") return "xa";
    if (level == "district") return "huyen";
    if (level == "province") return "tinh";
    if (level == "village") return "thon";
    return "";
}

std::string unitMatchKey(const std::string& name) { return stripPrefix(name); }

std::string unitFoldKey(const std::string& name) { return gis::data::foldDiacritics(stripPrefix(name)); }

int codeWidth(const std::string& level) {
    if (level == "province") return 2;
    if (level == "district") return 3;
    if (level == "commune") return 5;
    return 0;
}

std::string restoreCode(const std::string& code, const std::string& level) {
    const int width = codeWidth(level);
    if (code.empty() || width == 0) return code;
    if (!std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) return code;
    if (static_cast<int>(code.size()) >= width) return code;
    return std::string(static_cast<std::size_t>(width) - code.size(), '0') + code;
}

std::string parentLevel(const std::string& level) {
    if (level == "village") return "commune";
    if (level == "commune") return "district";
    if (level == "district") return "province";
    return "";
}

bool isKnownLevel(const std::string& level) {
    return level == "province" || level == "district" || level == "commune" || level == "village";
}

}  // namespace gis::model
