// The vertex limit of one feature (kMaxFeatureVertices) holds on load too, not only on import: a
// vector file or a project edited by another tool can hold a shape the import would have refused.
// Such a feature is left out with a warning naming it, its vertex count and the limit; the rest of
// the layer loads.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <numbers>
#include <string>

#include <ogr_geometry.h>

#include "gis/data/vector_reader.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/importer/demo_import.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"

using namespace gis;
namespace fs = std::filesystem;

namespace {

/// A closed wavy ring of `vertices` distinct vertices around (105.8, 21.0), `radius` degrees.
OGRLinearRing wavyRing(std::size_t vertices, double radius) {
    // Sized once: addPoint grows the array one point at a time (quadratic where realloc moves).
    OGRLinearRing ring;
    ring.setNumPoints(static_cast<int>(vertices) + 1);
    for (std::size_t i = 0; i < vertices; ++i) {
        const double t = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(vertices);
        const double r = radius * (1.0 + 0.005 * std::sin(2000 * t));
        ring.setPoint(static_cast<int>(i), 105.8 + r * std::cos(t), 21.0 + r * std::sin(t));
    }
    ring.setPoint(static_cast<int>(vertices), ring.getX(0), ring.getY(0));
    return ring;
}

std::string ringCoordinates(const OGRLinearRing& ring) {
    std::string out = "[";
    char buffer[64];
    for (int i = 0; i < ring.getNumPoints(); ++i) {
        std::snprintf(buffer, sizeof buffer, "%s[%.9f,%.9f]", i == 0 ? "" : ",", ring.getX(i), ring.getY(i));
        out += buffer;
    }
    return out + "]";
}

/// A GeoJSON file (EPSG:4326) with a small named square and a named wavy commune of `vertices`.
fs::path writeTwoCommunes(const fs::path& dir, std::size_t vertices) {
    const fs::path path = dir / "communes.geojson";
    std::ofstream out(path, std::ios::binary);
    out << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"name":"Xã Nhỏ"},"geometry":{"type":"Polygon","coordinates":[)"
        << "[[105.0,19.0],[105.01,19.0],[105.01,19.01],[105.0,19.01],[105.0,19.0]]]}},"
        << R"({"type":"Feature","properties":{"name":"Xã Lớn"},"geometry":{"type":"Polygon","coordinates":[)"
        << ringCoordinates(wavyRing(vertices, 0.05)) << "]}}]}";
    return path;
}

}  // namespace

TEST_CASE("A feature past the vertex limit is left out of a loaded layer, named in a warning", "[data][limits]") {
    const fs::path dir = test::scratchDir("load_vertex_limit_file");
    const fs::path file = writeTwoCommunes(dir, 5000);

    data::ReadOptions limited;
    limited.maxFeatureVertices = 1000;
    auto layer = data::readVectorLayer(file.string(), limited);
    REQUIRE(layer);
    REQUIRE(layer->features.size() == 1);
    CHECK(std::get<std::string>(layer->features[0].attributes[0]) == "Xã Nhỏ");
    REQUIRE(layer->warnings.size() == 1);
    CHECK_THAT(layer->warnings[0], Catch::Contains("communes.geojson") && Catch::Contains("Xã Lớn") &&
                                       Catch::Contains("5001 vertices") && Catch::Contains("at most 1000"));

    // The default is the import's limit, far above a commune: both load, no warning.
    auto whole = data::readVectorLayer(file.string());
    REQUIRE(whole);
    CHECK(whole->features.size() == 2);
    CHECK(whole->warnings.empty());
}

TEST_CASE("A project holding a shape past the vertex limit draws the rest and names the commune", "[figures][limits]") {
    const fs::path dir = test::scratchDir("load_vertex_limit_project");
    const std::string project = (dir / "project.gpkg").string();
    REQUIRE(store::createProject(project));
    REQUIRE(importer::importDemoDistrict(project));

    std::string commune;
    std::size_t communesBefore = 0;
    {
        auto layers = figures::loadProjectMapLayers(project, "");
        REQUIRE(layers);
        communesBefore = layers->front().features.size();
    }
    {
        // Written as another tool would: straight into the feature table, past the importer.
        auto db = store::Database::open(project, store::Database::Mode::ReadWrite);
        REQUIRE(db);
        commune = db->queryText("SELECT code FROM ntm_units WHERE level = 'commune' AND geom IS NOT NULL ORDER BY code LIMIT 1").value_or("");
        REQUIRE_FALSE(commune.empty());
        OGRPolygon huge;
        OGRLinearRing ring = wavyRing(data::kMaxFeatureVertices + 10, 0.02);
        huge.addRing(&ring);
        auto update = db->prepare("UPDATE ntm_units SET geom = ?1 WHERE code = ?2");
        REQUIRE(update);
        update->bindBlob(1, store::encodeGpkgGeometry(huge, 4326)).bind(2, commune);
        REQUIRE(update->run());
    }

    auto layers = figures::loadProjectMapLayers(project, "");
    REQUIRE(layers);
    const data::VectorLayer& communes = layers->front();
    REQUIRE(communes.name == "communes");
    CHECK(communes.features.size() == communesBefore - 1);
    bool named = false;
    for (const std::string& warning : communes.warnings)
        named = named || (warning.find(commune) != std::string::npos && warning.find("2000011 vertices") != std::string::npos &&
                          warning.find("at most 2000000") != std::string::npos);
    CHECK(named);
}
