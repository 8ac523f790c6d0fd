// The translation table and the notices' number, money and date conventions.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "gis/dashboard/display_format.hpp"
#include "gis/dashboard/language.hpp"

using namespace gis::dashboard;

TEST_CASE("language: every text has a Vietnamese and an English wording", "[dashboard]") {
    std::set<std::string> vietnamese;
    for (int key = 0; key < static_cast<int>(Text::Count); ++key) {
        const std::string vi = tr(static_cast<Text>(key), Language::Vi);
        const std::string en = tr(static_cast<Text>(key), Language::En);
        INFO("key " << key);
        CHECK(vi != "?");
        CHECK(en != "?");
        CHECK_FALSE(vi.empty());
        CHECK_FALSE(en.empty());
        vietnamese.insert(vi);
    }
    CHECK(std::string(tr(Text::KpiCommunesAtStandard, Language::Vi)) == "Xã đạt chuẩn NTM");
    CHECK(std::string(tr(Text::KpiCommunesAtStandard, Language::En)) == "Communes at NTM standard");
    CHECK(parseLanguage("vi") == Language::Vi);
    CHECK(parseLanguage("en") == Language::En);
    CHECK_FALSE(parseLanguage("fr"));
}

TEST_CASE("display format: numbers, percentages, money and dates as the notices write them", "[dashboard]") {
    CHECK(formatPercent(73.68, Language::Vi) == "73,7 %");
    CHECK(formatPercent(73.68, Language::En) == "73.7 %");
    CHECK(formatNumber(1234.5, 1, Language::Vi) == "1.234,5");
    CHECK(formatNumber(1234.5, 1, Language::En) == "1,234.5");
    CHECK(formatMoney(850'000'000, Language::Vi) == "850,0 triệu đồng");
    CHECK(formatMoney(12'500'000'000, Language::Vi) == "12,50 tỷ đồng");
    CHECK(formatMoney(12'500'000'000, Language::En) == "12.50 billion VND");
    CHECK(formatMillions(312'500'000, Language::Vi) == "312,5 triệu đồng");
    CHECK(formatDate("2024-03-25") == "25/03/2024");
    CHECK(formatDate("not a date") == "not a date");
    CHECK(formatCount(14, 19) == "14/19");
}
