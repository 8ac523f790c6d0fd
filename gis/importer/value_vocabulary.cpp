#include "gis/importer/value_vocabulary.hpp"

#include <cctype>
#include <cstdio>
#include <optional>

#include "gis/data/text_encoding.hpp"
#include "gis/importer/cell_values.hpp"

namespace gis::importer {
namespace {

bool contains(const std::string& haystack, const char* needle) { return haystack.find(needle) != std::string::npos; }

std::string endOfMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, kDays[month - 1] + (month == 2 && leap ? 1 : 0));
    return buffer;
}

/// The last 4-digit number in the text (the year), or 0.
int lastYear(const std::string& s) {
    for (std::size_t i = s.size(); i >= 4; --i) {
        const std::string part = s.substr(i - 4, 4);
        bool digits = true;
        for (char c : part) digits = digits && std::isdigit(static_cast<unsigned char>(c)) != 0;
        const bool bounded = (i == s.size() || std::isdigit(static_cast<unsigned char>(s[i])) == 0) &&
                             (i == 4 || std::isdigit(static_cast<unsigned char>(s[i - 5])) == 0);
        if (digits && bounded) return std::atoi(part.c_str());
    }
    return 0;
}

}  // namespace

std::string programmeIdOf(const std::string& text, const std::vector<store::Programme>& programmes) {
    const std::string key = gis::data::foldDiacritics(text);
    if (key.empty()) return {};
    for (const store::Programme& p : programmes)
        if (key == gis::data::foldDiacritics(p.id) || key == gis::data::foldDiacritics(p.shortName) ||
            key == gis::data::foldDiacritics(p.nameVi))
            return p.id;
    auto pick = [&](const char* prefix) -> std::string {
        for (const store::Programme& p : programmes)
            if (p.id.rfind(prefix, 0) == 0) return p.id;
        return {};
    };
    if (key == "ntm" || contains(key, "nong thon moi") || contains(key, "xdntm")) return pick("ntp_ntm");
    if (key == "gnbv" || contains(key, "giam ngheo")) return pick("ntp_gnbv");
    if (key == "dtts" || key == "1719" || contains(key, "dan toc thieu so") || contains(key, "dtts")) return pick("ntp_dtts");
    return {};
}

std::string capitalTypeOf(const std::string& text) {
    const std::string key = gis::data::foldDiacritics(text);
    if (key.empty()) return {};
    if (key == "dtpt" || contains(key, "dau tu")) return "dtpt";
    if (key == "su nghiep" || key == "su_nghiep" || key == "sn" || contains(key, "su nghiep")) return "su_nghiep";
    return "?";
}

std::string infrastructureTypeOf(const std::string& text) {
    const std::string key = gis::data::foldDiacritics(text);
    struct Word { const char* needle; const char* id; };
    static const Word kWords[] = {
        {"rac", "waste_site"},          {"waste", "waste_site"},       {"nha van hoa", "cultural_house"},
        {"cultural", "cultural_house"}, {"truong", "school"},          {"school", "school"},
        {"tram y te", "health_station"}, {"health", "health_station"}, {"nuoc sach", "clean_water"},
        {"cap nuoc", "clean_water"},    {"water", "clean_water"},      {"cho", "market"},
        {"thuy loi", "irrigation"},     {"kenh", "irrigation"},        {"the thao", "sports"},
        {"duong", "road"},              {"road", "road"},              {"cau", "bridge"},
    };
    for (const Word& w : kWords) {
        const std::string needle(w.needle);
        // whole words only: "cho" must not match "chong"
        for (std::size_t pos = key.find(needle); pos != std::string::npos; pos = key.find(needle, pos + 1)) {
            const bool startOk = pos == 0 || key[pos - 1] == ' ' || key[pos - 1] == '_';
            const std::size_t end = pos + needle.size();
            const bool endOk = end == key.size() || key[end] == ' ' || key[end] == '_';
            if (startOk && endOk) return w.id;
        }
    }
    std::string slug;
    for (char c : key) slug.push_back(std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_');
    return slug;
}

std::string infrastructureStatusOf(const std::string& text) {
    const std::string key = gis::data::foldDiacritics(text);
    if (key == "planned" || contains(key, "ke hoach") || contains(key, "chuan bi") || contains(key, "chua trien khai") ||
        contains(key, "quy hoach") || contains(key, "du kien"))
        return "planned";
    if (key == "under_construction" || key == "under construction" || contains(key, "dang"))
        return "under_construction";
    if (key == "completed" || contains(key, "hoan thanh") || contains(key, "xong") || contains(key, "dua vao su dung") ||
        contains(key, "da xay"))
        return "completed";
    return {};
}

std::string taskStatusOf(const std::string& text) {
    const std::string key = gis::data::foldDiacritics(text);
    if (key.empty() || key == "open" || contains(key, "chua") || contains(key, "dang")) return "open";
    if (key == "done" || contains(key, "hoan thanh") || contains(key, "xong") || contains(key, "da thuc hien")) return "done";
    return {};
}

std::optional<std::string> taskDeadlineOf(const std::string& text) {
    const std::string key = gis::data::foldDiacritics(text);
    if (key.empty() || contains(key, "thuong xuyen")) return std::string();
    // A plain date anywhere after "trước ngày" / "ngày": take the last whitespace-separated token that parses.
    std::string token;
    std::optional<std::string> date;
    for (std::size_t i = 0; i <= key.size(); ++i) {
        if (i == key.size() || key[i] == ' ') {
            Cell cell;
            cell.text = token;
            if (auto parsed = parseDate(cell)) date = parsed;
            token.clear();
        } else {
            token.push_back(key[i]);
        }
    }
    if (date) return date;
    const int year = lastYear(key);
    if (year == 0) return std::nullopt;
    if (const auto q = key.find("quy "); q != std::string::npos) {
        const std::string roman = key.substr(q + 4, key.find_first_of(" /", q + 4) - (q + 4));
        int quarter = 0;
        if (roman == "i" || roman == "1") quarter = 1;
        if (roman == "ii" || roman == "2") quarter = 2;
        if (roman == "iii" || roman == "3") quarter = 3;
        if (roman == "iv" || roman == "4") quarter = 4;
        if (quarter == 0) return std::nullopt;
        return endOfMonth(year, quarter * 3);
    }
    if (const auto t = key.find("thang "); t != std::string::npos) {
        const int month = std::atoi(key.c_str() + t + 6);
        if (month < 1 || month > 12) return std::nullopt;
        return endOfMonth(year, month);
    }
    if (contains(key, "6 thang dau")) return endOfMonth(year, 6);
    if (contains(key, "nam ")) return endOfMonth(year, 12);
    return std::nullopt;
}

}  // namespace gis::importer
