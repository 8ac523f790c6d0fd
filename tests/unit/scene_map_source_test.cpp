// A plain file's layers are read side by side (gis/scene/map_source.cpp) but come back in the
// order the user named them, bottom first; a missing one among them is the error, named.
#include <catch2/catch.hpp>

#include <string>

#include "gis/scene/map_source.hpp"
#include "tests/support/test_paths.hpp"

namespace fs = std::filesystem;

namespace {

/// One GeoPackage with three layers cut from the national communes: 30, 20 and 10 of them.
fs::path threeLayers(const fs::path& dir) {
    const fs::path out = dir / "three.gpkg";
    const std::string source = "'" + test::nationalCommunesGpkg().string() + "' communes";
    for (const auto& [name, count] : {std::pair<const char*, int>{"big", 30}, {"middle", 20}, {"small", 10}}) {
        const std::string cmd = "ogr2ogr -f GPKG " + std::string(fs::exists(out) ? "-update " : "") + "'" + out.string() + "' " +
                                source + " -nln " + name + " -limit " + std::to_string(count);
        std::string log;
        INFO(cmd << "\n" << log);
        REQUIRE(test::runCommand(cmd, &log) == 0);
    }
    return out;
}

gis::Result<gis::scene::LoadedSource> load(const fs::path& file, const std::string& layers) {
    gis::scene::MapSourceSpec spec;
    spec.path = file.string();
    spec.layerName = layers;
    return gis::scene::loadMapSource(spec);
}

}  // namespace

TEST_CASE("map source: a plain file's layers come back in the order named, whichever is read first", "[unit][scene]") {
    auto loaded = load(threeLayers(test::scratchDir("map_source_order")), "small,big,middle");
    INFO((loaded ? "" : loaded.error().message));
    REQUIRE(loaded);
    REQUIRE(loaded->layers.size() == 3);
    CHECK(loaded->layers[0].name == "small");
    CHECK(loaded->layers[0].features.size() == 10);
    CHECK(loaded->layers[1].name == "big");
    CHECK(loaded->layers[1].features.size() == 30);
    CHECK(loaded->layers[2].name == "middle");
    CHECK(loaded->layers[2].features.size() == 20);
    CHECK(loaded->title.rfind("small", 0) == 0);  // the first named layer titles the map
}

TEST_CASE("map source: a missing layer among several is the error, named with the file", "[unit][scene]") {
    auto loaded = load(threeLayers(test::scratchDir("map_source_missing")), "big,nope,middle");
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error().message, Catch::Contains("nope") && Catch::Contains("three.gpkg"));
}
