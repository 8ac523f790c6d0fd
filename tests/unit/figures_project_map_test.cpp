// The map view's layers from a project file: the demo district written through the store and
// read back in EPSG:3857, agreeing with the demo generator's own layers.
#include <catch2/catch.hpp>

#include <map>

#include "gis/demo/demo_district.hpp"
#include "gis/importer/demo_import.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"

using namespace gis;

namespace {

const data::VectorLayer* layerNamed(const std::vector<data::VectorLayer>& layers, const std::string& name) {
    for (const auto& l : layers)
        if (l.name == name) return &l;
    return nullptr;
}

std::string textOf(const data::VectorLayer& layer, const data::Feature& f, const std::string& field) {
    const int i = layer.fieldIndex(field);
    REQUIRE(i >= 0);
    return data::attributeAsText(f.attributes[static_cast<std::size_t>(i)]);
}

}  // namespace

TEST_CASE("model: isProjectFile tells projects from other GeoPackages and tables", "[model]") {
    const auto dir = test::scratchDir("model_is_project");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    CHECK(figures::isProjectFile(project));
    CHECK_FALSE(figures::isProjectFile(test::nationalCommunesGpkg().string()));
    CHECK_FALSE(figures::isProjectFile((test::sharedDir() / "data/real/epix_communesVN_codes/communesVN.csv").string()));
    CHECK_FALSE(figures::isProjectFile((dir / "missing.gpkg").string()));
}

TEST_CASE("model: project map layers of the demo district match the generator's own layers", "[model]") {
    const auto dir = test::scratchDir("model_project_map");
    const std::string project = (dir / "demo.gpkg").string();
    REQUIRE(store::createProject(project));
    auto written = importer::importDemoDistrict(project);
    REQUIRE(written);

    auto layers = figures::loadProjectMapLayers(project, "");
    REQUIRE(layers);
    REQUIRE(layers->size() >= 2);
    CHECK(layers->front().name == "communes");  // draw order: communes, borders, roads, villages, infrastructure
    std::vector<std::string> order;
    for (const auto& l : *layers) order.push_back(l.name);
    const std::vector<std::string> expectedOrder = {"communes", "districts", "provinces", "roads", "villages", "infrastructure"};
    std::size_t next = 0;
    for (const auto& name : order) {
        while (next < expectedOrder.size() && expectedOrder[next] != name) ++next;
        CHECK(next < expectedOrder.size());
    }

    // The district's border comes along for context, above the communes.
    const data::VectorLayer* districts = layerNamed(*layers, "districts");
    REQUIRE(districts != nullptr);
    CHECK(districts->features.size() == 1);

    const data::VectorLayer& communes = layers->front();
    for (const char* field : {"code", "name", "type", "criteria_met", "criteria_total", "criteria_pct", "tier", "disbursed_pct", "population"})
        CHECK(communes.fieldIndex(field) >= 0);
    // EPSG:3857 metres around Vietnam (lon 102–110 → x ≈ 1.13e7–1.23e7).
    REQUIRE(communes.bounds.valid());
    CHECK(communes.bounds.minX > 1.1e7);
    CHECK(communes.bounds.maxX < 1.25e7);

    const demo::DemoDistrict district = demo::generateDemoDistrict();
    const auto demoLayers = demo::demoMapLayers(district);
    const data::VectorLayer* demoCommunes = layerNamed(demoLayers, "communes");
    REQUIRE(demoCommunes != nullptr);
    CHECK(communes.features.size() == demoCommunes->features.size());
    std::map<std::string, std::string> demoMet;
    for (const auto& f : demoCommunes->features) demoMet[textOf(*demoCommunes, f, "code")] = textOf(*demoCommunes, f, "criteria_met");
    int compared = 0;
    for (const auto& f : communes.features) {
        const std::string code = textOf(communes, f, "code");
        REQUIRE(demoMet.count(code) == 1);
        CHECK(textOf(communes, f, "criteria_met") == demoMet[code]);
        const std::string tier = textOf(communes, f, "tier");
        CHECK((tier == "Chưa đạt chuẩn" || tier == "Đạt chuẩn NTM" || tier == "NTM nâng cao" || tier == "NTM kiểu mẫu" || tier.empty()));
        ++compared;
    }
    CHECK(compared > 10);
}
