// The translation table and the notices' number, money and date conventions.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "gis/dashboard/display_format.hpp"
#include "gis/core/translation.hpp"

using namespace gis;
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

#include "gis/importer/demo_import.hpp"
#include "gis/scene/layer_look.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"

namespace {
/// Whether UTF-8 text holds a Vietnamese letter (a Latin letter with diacritics, or đ/Đ):
/// code points U+00C0–U+1EF9 except the ×/÷ signs. Dashes, ², ² and % are not letters.
bool hasVietnameseLetter(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        std::uint32_t cp = c;
        int length = 1;
        if (c >= 0xF0) { cp = c & 0x07; length = 4; }
        else if (c >= 0xE0) { cp = c & 0x0F; length = 3; }
        else if (c >= 0xC0) { cp = c & 0x1F; length = 2; }
        for (int k = 1; k < length && i + static_cast<std::size_t>(k) < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        if (cp >= 0xC0 && cp <= 0x1EF9 && cp != 0xD7 && cp != 0xF7) return true;
        i += static_cast<std::size_t>(length);
    }
    return false;
}
}  // namespace

TEST_CASE("translation: every map text of the demo project has its English wording", "[dashboard]") {
    for (const std::string& vi : mapTexts()) {
        INFO(vi);
        CHECK_FALSE(hasVietnameseLetter(localize(vi, Language::En)));
        CHECK(localize(vi, Language::Vi) == vi);
    }
    const std::string project = (test::scratchDir("translation_map") / "demo.gpkg").string();
    REQUIRE(store::createProject(project));
    REQUIRE(importer::importDemoDistrict(project));
    scene::MapSourceSpec spec;
    spec.path = project;
    auto document = scene::MapDocument::open(spec);
    REQUIRE(document);
    document->setLanguage(Language::En);
    int checked = 0;
    for (const char* field : {"criteria_met", "tier", "disbursed_pct", "poverty_rate", "population", "criteria_pct", "type"}) {
        REQUIRE(document->colorBy(field));
        const scene::RenderScene scene = document->buildScene(document->fitCamera(800, 600));
        INFO(field << ": " << scene.legend.title);
        CHECK_FALSE(hasVietnameseLetter(scene.legend.title));
        for (const scene::LegendEntry& entry : scene.legend.entries) {
            INFO(entry.text);
            CHECK_FALSE(hasVietnameseLetter(entry.text));
            ++checked;
        }
    }
    CHECK(checked > 40);
    for (const scene::MapLayer& layer : document->layers()) CHECK_FALSE(hasVietnameseLetter(localize(scene::layerDisplayName(layer.data.name), Language::En)));
    // A tooltip in English: the commune keeps its name, the words are English.
    const std::string tooltip = document->describe({document->mainLayerIndex(), 3});
    CHECK_THAT(tooltip, Catch::Contains(" criteria ("));
    CHECK_THAT(tooltip, !Catch::Contains("tiêu chí"));
}
