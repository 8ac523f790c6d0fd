// The map document classifies numeric fields from columns it reads at load (a first
// classification read one value from each feature's attribute vector, a cache miss each): the
// colours must be those of the attributes themselves, also after setFieldValues.
#include <catch2/catch.hpp>

#include <cmath>

#include "gis/data/layer_builder.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/style/classification.hpp"

using namespace gis;

namespace {

Geometry square(double x) {
    Geometry g;
    g.kind = GeometryKind::Polygon;
    g.polygons.push_back(Polygon{{Ring{{x, 0}, {x + 100, 0}, {x + 100, 100}, {x, 100}, {x, 0}}}});
    return g;
}

/// 200 communes with a real field (one value missing) and an integer one.
scene::LoadedSource communes() {
    using data::FieldKind;
    scene::LoadedSource source;
    data::VectorLayer layer = data::makeLayer("communes", "test", "EPSG:3857",
                                              {{"name", FieldKind::Text}, {"area", FieldKind::Real}, {"households", FieldKind::Integer}});
    for (int i = 0; i < 200; ++i) {
        const data::AttributeValue area = i == 17 ? data::AttributeValue() : data::AttributeValue(std::sqrt(i * 7.0 + 3.0));
        data::appendFeature(layer, square(i * 100.0), {std::string("Xã ") + std::to_string(i), area, std::int64_t{(i * 37) % 500}});
    }
    source.layers.push_back(std::move(layer));
    source.title = "test";
    return source;
}

const std::vector<Rgba8>& mainColors(const scene::MapDocument& document) {
    return *document.layers()[document.mainLayerIndex()].colors;
}

}  // namespace

TEST_CASE("numeric columns: a field coloured from its column gets the colours of its attributes", "[unit][scene][style]") {
    auto document = scene::MapDocument::fromLayers(communes(), "name");
    REQUIRE(document);
    const data::VectorLayer& data = document->layers()[document->mainLayerIndex()].data;
    for (const char* field : {"area", "households"}) {
        INFO(field);
        REQUIRE(document->colorBy(field));
        const auto fromAttributes = style::styleByField(data, field);  // no column: read from the features
        REQUIRE(fromAttributes);
        CHECK(mainColors(*document) == fromAttributes->featureColors);
        CHECK(document->layers()[document->mainLayerIndex()].legend.entries.size() == fromAttributes->legend.entries.size());
    }

    // New values for a field: its column follows, so the next colouring shows them.
    std::vector<double> values(200);
    for (int i = 0; i < 200; ++i) values[static_cast<std::size_t>(i)] = i < 100 ? 1.0 : 1000.0 + i;
    REQUIRE(document->setFieldValues("area", values));
    REQUIRE(document->colorBy("area"));
    const auto fromAttributes = style::styleByField(data, "area");
    REQUIRE(fromAttributes);
    CHECK(mainColors(*document) == fromAttributes->featureColors);
    CHECK(mainColors(*document)[0] != mainColors(*document)[199]);
}
