// Ranking communes the way a notice does: highest first, ties share a rank, no figure = unranked.
#include <catch2/catch.hpp>

#include <cmath>

#include "gis/scene/ranking.hpp"

using namespace gis;

TEST_CASE("ranking: highest first, ties share a rank, missing figures last and unranked", "[unit][scene]") {
    data::VectorLayer layer;
    layer.fields = {{"name", data::FieldKind::Text}, {"disbursed_pct", data::FieldKind::Real}};
    const std::vector<data::AttributeValue> values = {5.9, 48.3, std::monostate{}, 48.3, 94.5};
    for (const auto& value : values) {
        data::Feature feature;
        feature.attributes = {std::string("x"), value};
        layer.features.push_back(feature);
    }
    const auto ranked = scene::rankByField(layer, "disbursed_pct");
    REQUIRE(ranked.size() == 5);
    CHECK(ranked[0].featureIndex == 4);
    CHECK(ranked[0].rank == 1);
    CHECK(ranked[1].featureIndex == 1);  // equal values keep layer order
    CHECK(ranked[2].featureIndex == 3);
    CHECK(ranked[1].rank == 2);
    CHECK(ranked[2].rank == 2);
    CHECK(ranked[3].featureIndex == 0);
    CHECK(ranked[3].rank == 4);
    CHECK(ranked[4].featureIndex == 2);
    CHECK(ranked[4].rank == 0);
    CHECK(std::isnan(ranked[4].value));

    CHECK(scene::rankByField(layer, "name").empty());     // text: nothing to rank
    CHECK(scene::rankByField(layer, "missing").empty());
}
