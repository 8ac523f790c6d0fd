// The legend lists exactly the infrastructure types and statuses on the map, and works get
// the symbol of their type and status.
#include <catch2/catch.hpp>

#include <algorithm>

#include "gis/data/layer_builder.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/scene/work_symbols.hpp"

using namespace gis;

namespace {

Geometry pointAt(double x, double y) {
    Geometry g;
    g.kind = GeometryKind::Point;
    g.points.push_back({x, y});
    return g;
}

Geometry lineFrom(double x, double y) {
    Geometry g;
    g.kind = GeometryKind::Line;
    g.lines.push_back({{x, y}, {x + 500.0, y + 200.0}});
    return g;
}

Geometry square(double x, double y) {
    Geometry g;
    g.kind = GeometryKind::Polygon;
    g.polygons.push_back(Polygon{{Ring{{x, y}, {x + 1000, y}, {x + 1000, y + 1000}, {x, y + 1000}, {x, y}}}});
    return g;
}

/// Communes, two roads (completed; under construction and overdue) and three works: a completed
/// school, a planned market that is overdue, and a completed health station whose (stale)
/// overdue flag must be ignored.
scene::LoadedSource sampleSource() {
    using data::FieldKind;
    scene::LoadedSource source;
    data::VectorLayer communes = data::makeLayer("communes", "test", "EPSG:3857", {{"name", FieldKind::Text}});
    data::appendFeature(communes, square(0, 0), {std::string("Xã A")});
    data::VectorLayer roads = data::makeLayer("roads", "test", "EPSG:3857",
                                              {{"status", FieldKind::Text}, {"overdue", FieldKind::Integer}});
    data::appendFeature(roads, lineFrom(100, 100), {std::string("completed"), std::int64_t{0}});
    data::appendFeature(roads, lineFrom(100, 400), {std::string("under_construction"), std::int64_t{1}});
    data::VectorLayer works = data::makeLayer("infrastructure", "test", "EPSG:3857",
                                              {{"type", FieldKind::Text}, {"status", FieldKind::Text}, {"overdue", FieldKind::Integer}});
    data::appendFeature(works, pointAt(200, 200), {std::string("school"), std::string("completed"), std::int64_t{0}});
    data::appendFeature(works, pointAt(300, 300), {std::string("market"), std::string("planned"), std::int64_t{1}});
    data::appendFeature(works, pointAt(400, 400), {std::string("health_station"), std::string("completed"), std::int64_t{1}});
    source.layers.push_back(std::move(communes));
    source.layers.push_back(std::move(roads));
    source.layers.push_back(std::move(works));
    source.title = "test";
    return source;
}

std::vector<std::string> legendTexts(const scene::Legend& legend) {
    std::vector<std::string> texts;
    for (const scene::LegendEntry& entry : legend.entries) texts.push_back(entry.text);
    return texts;
}

bool has(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

}  // namespace

TEST_CASE("legend: only the work types and statuses present are listed", "[unit][scene][legend]") {
    auto document = scene::MapDocument::fromLayers(sampleSource());
    REQUIRE(document);
    const scene::RenderScene scene = document->buildScene(document->fitCamera(800, 600));
    const std::vector<std::string> texts = legendTexts(scene.legend);

    CHECK(has(texts, "Trường học"));
    CHECK(has(texts, "Chợ"));
    CHECK(has(texts, "Trạm y tế"));
    for (const char* absent : {"Nhà văn hóa", "Nước sạch", "Thủy lợi", "Thể thao", "Cầu", "Điểm tập kết rác thải", "Công trình khác"})
        CHECK_FALSE(has(texts, absent));
    CHECK(has(texts, "Hoàn thành"));
    CHECK(has(texts, "Kế hoạch"));
    CHECK_FALSE(has(texts, "Đang thi công"));  // no point work is under construction
    CHECK(has(texts, "Quá hạn, chưa hoàn thành"));
    CHECK(has(texts, "Đường giao thông — Hoàn thành"));
    CHECK(has(texts, "Đường giao thông — Đang thi công"));
    CHECK_FALSE(has(texts, "Đường giao thông — Kế hoạch"));
    CHECK(has(texts, "Đường giao thông — quá hạn"));

    // Swatches are the real symbols: the school entry is the school's shape, the planned one hollow.
    for (const scene::LegendEntry& entry : scene.legend.entries) {
        if (entry.text == "Trường học") {
            CHECK(entry.swatch == scene::LegendEntry::Swatch::Point);
            CHECK(entry.pointSymbol == scene::workTypeLook("school").shape);
            CHECK(entry.status == scene::WorkStatus::Completed);
        }
        if (entry.text == "Kế hoạch") CHECK(entry.status == scene::WorkStatus::Planned);
        if (entry.text == "Quá hạn, chưa hoàn thành") CHECK(entry.overdue);
    }
}

TEST_CASE("legend: a hidden layer's works leave the legend", "[unit][scene][legend]") {
    auto document = scene::MapDocument::fromLayers(sampleSource());
    REQUIRE(document);
    document->setLayerVisible(2, false);
    document->setLayerVisible(1, false);
    const std::vector<std::string> texts = legendTexts(document->buildScene(document->fitCamera(800, 600)).legend);
    CHECK_FALSE(has(texts, "Trường học"));
    CHECK_FALSE(has(texts, "Hoàn thành"));
    CHECK_FALSE(has(texts, "Quá hạn, chưa hoàn thành"));
    CHECK_FALSE(has(texts, "Đường giao thông — Hoàn thành"));
}

TEST_CASE("work symbols: shape by type, fill by status, overdue only when not completed", "[unit][scene][symbols]") {
    auto document = scene::MapDocument::fromLayers(sampleSource());
    REQUIRE(document);
    const scene::MapLayer& works = document->layers()[2];
    REQUIRE(works.symbols);
    REQUIRE(works.symbols->size() == 3);
    const auto& s = *works.symbols;
    CHECK(s[0].shape == scene::workTypeLook("school").shape);
    CHECK(s[1].shape == scene::workTypeLook("market").shape);
    CHECK(s[0].shape != s[1].shape);
    CHECK(s[1].status == scene::WorkStatus::Planned);
    CHECK(s[1].overdue == 1);
    CHECK(s[2].overdue == 0);  // completed works are never late
    CHECK((*works.colors)[0] == scene::workTypeLook("school").color);

    const scene::MapLayer& roads = document->layers()[1];
    REQUIRE(roads.symbols);
    CHECK((*roads.symbols)[1].status == scene::WorkStatus::UnderConstruction);
    CHECK((*roads.symbols)[1].overdue == 1);
}

TEST_CASE("work types: every known type has its own shape and its own colour", "[unit][scene][symbols]") {
    const auto& looks = scene::workTypeLooks();
    for (std::size_t a = 0; a < looks.size(); ++a)
        for (std::size_t b = a + 1; b < looks.size(); ++b) {
            INFO(looks[a].type << " vs " << looks[b].type);
            CHECK(looks[a].shape != looks[b].shape);
            CHECK_FALSE(looks[a].color == looks[b].color);
        }
    CHECK(std::string(scene::workTypeLook("sân phơi").label) == "Công trình khác");
}
