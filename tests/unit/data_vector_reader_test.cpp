// readVectorLayer on real files written by ogr2ogr in every supported format and CRS, plus the
// error and repair paths on small hand-written files.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

#include "gis/data/text_encoding.hpp"
#include "gis/data/vector_reader.hpp"
#include "tests/support/test_paths.hpp"

namespace {

using gis::data::readVectorLayer;
using gis::data::ReadOptions;
using gis::data::VectorLayer;

void writeFile(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

/// Cuts Anh Sơn (Nghệ An) out of the national layer into `dir/name` with extra ogr2ogr options.
std::filesystem::path cutDistrict(const std::filesystem::path& dir, const std::string& name, const std::string& options) {
    const std::filesystem::path out = dir / name;
    const std::string cmd = "ogr2ogr " + options + " '" + out.string() + "' '" + test::nationalCommunesGpkg().string() +
                            "' communes -where \"district_vn = 'Huyện Anh Sơn'\"";
    std::string log;
    INFO(cmd << "\n" << log);
    REQUIRE(test::runCommand(cmd, &log) == 0);
    return out;
}

const VectorLayer& anhSonOriginal() {
    static const VectorLayer layer = [] {
        ReadOptions o;
        o.layerName = "communes";
        o.attributeFilter = "district_vn = 'Huyện Anh Sơn'";
        auto r = readVectorLayer(test::nationalCommunesGpkg().string(), o);
        REQUIRE(r.ok());
        return std::move(*r);
    }();
    return layer;
}

/// Every feature's bounds within `tolerance` metres of the original's (same feature order:
/// ogr2ogr keeps it). Vertex order may differ (the Shapefile writer re-orients rings).
void requireSameGeometry(const VectorLayer& read, double tolerance) {
    const VectorLayer& original = anhSonOriginal();
    REQUIRE(read.features.size() == original.features.size());
    for (std::size_t i = 0; i < read.features.size(); ++i) {
        const gis::Bounds a = read.features[i].geometry.bounds(), b = original.features[i].geometry.bounds();
        INFO("feature " << i);
        CHECK(std::abs(a.minX - b.minX) < tolerance);
        CHECK(std::abs(a.minY - b.minY) < tolerance);
        CHECK(std::abs(a.maxX - b.maxX) < tolerance);
        CHECK(std::abs(a.maxY - b.maxY) < tolerance);
        std::size_t va = 0, vb = 0;
        for (const auto& p : read.features[i].geometry.polygons) for (const auto& r : p.rings) va += r.size();
        for (const auto& p : original.features[i].geometry.polygons) for (const auto& r : p.rings) vb += r.size();
        CHECK(va == vb);
    }
}

std::string textOf(const VectorLayer& layer, std::size_t feature, const std::string& field) {
    const int index = layer.fieldIndex(field);
    REQUIRE(index >= 0);
    return gis::data::attributeAsText(layer.features[feature].attributes[static_cast<std::size_t>(index)]);
}

}  // namespace

TEST_CASE("Anh Sơn cut from the national layer reads the same in every format and CRS", "[data][reader]") {
    const auto dir = test::scratchDir("data_reader_formats");
    const VectorLayer& original = anhSonOriginal();
    REQUIRE(original.features.size() > 15);
    REQUIRE(original.sourceCrs == "EPSG:4326");
    CHECK(textOf(original, 0, "district_vn") == "Huyện Anh Sơn");
    // Anh Sơn is around 105.0°E 18.9°N: 11.69 Mm, 2.14 Mm in EPSG:3857
    CHECK(original.bounds.center().x == Approx(11.69e6).margin(0.05e6));
    CHECK(original.bounds.center().y == Approx(2.14e6).margin(0.05e6));
    for (const auto& f : original.features) {
        REQUIRE(f.geometry.kind == gis::GeometryKind::Polygon);
        for (const auto& p : f.geometry.polygons)
            for (const auto& r : p.rings) {
                REQUIRE(r.size() >= 3);
                const bool closed = r.front().x == r.back().x && r.front().y == r.back().y;
                CHECK_FALSE(closed);  // rings are open
            }
    }

    SECTION("GeoPackage") {
        auto r = readVectorLayer(cutDistrict(dir, "anh_son.gpkg", "-f GPKG").string());
        REQUIRE(r.ok());
        requireSameGeometry(*r, 1e-6);
        CHECK(textOf(*r, 0, "commune_vn") == textOf(original, 0, "commune_vn"));
    }
    SECTION("Shapefile with .cpg") {
        const auto path = cutDistrict(dir, "anh_son.shp", "-f 'ESRI Shapefile' -lco ENCODING=UTF-8");
        REQUIRE(std::filesystem::exists(dir / "anh_son.cpg"));
        auto r = readVectorLayer(path.string());
        REQUIRE(r.ok());
        requireSameGeometry(*r, 1e-6);
        CHECK(textOf(*r, 0, "commune_vn") == textOf(original, 0, "commune_vn"));
        CHECK(textOf(*r, 0, "district_v") == "Huyện Anh Sơn");  // DBF field names are cut to 10 chars
    }
    SECTION("GeoJSON") {
        auto r = readVectorLayer(cutDistrict(dir, "anh_son.geojson", "-f GeoJSON").string());
        REQUIRE(r.ok());
        requireSameGeometry(*r, 0.05);  // GeoJSON writes 15 significant digits
        CHECK(textOf(*r, 3, "commune_vn") == textOf(original, 3, "commune_vn"));
    }
    SECTION("KML") {
        auto r = readVectorLayer(cutDistrict(dir, "anh_son.kml", "-f KML").string());
        REQUIRE(r.ok());
        requireSameGeometry(*r, 0.05);
    }
    SECTION("GeoPackage in VN-2000 Nghệ An (EPSG:9208)") {
        auto r = readVectorLayer(cutDistrict(dir, "anh_son_vn2000.gpkg", "-f GPKG -t_srs EPSG:9208").string());
        REQUIRE(r.ok());
        CHECK(r->sourceCrs == "EPSG:9208");
        requireSameGeometry(*r, 1.0);
    }
    SECTION("Shapefile in VN-2000 Nghệ An (ESRI .prj without the EPSG code)") {
        auto r = readVectorLayer(
            cutDistrict(dir, "anh_son_vn2000.shp", "-f 'ESRI Shapefile' -lco ENCODING=UTF-8 -t_srs EPSG:9208").string());
        REQUIRE(r.ok());
        INFO("source CRS " << r->sourceCrs);
        requireSameGeometry(*r, 1.0);
    }
    SECTION("attribute filter") {
        ReadOptions o;
        o.attributeFilter = "commune_vn = '" + textOf(original, 0, "commune_vn") + "'";
        auto r = readVectorLayer(cutDistrict(dir, "anh_son_f.gpkg", "-f GPKG").string(), o);
        REQUIRE(r.ok());
        CHECK(r->features.size() == 1);
        o.attributeFilter = "no_such_field = 1";
        auto bad = readVectorLayer((dir / "anh_son_f.gpkg").string(), o);
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == gis::ErrorCode::Sql);
        CHECK(bad.error().message.find("anh_son_f.gpkg") != std::string::npos);
    }
}

TEST_CASE("a file without a CRS is an error naming it, and reads with the override", "[data][reader]") {
    const auto dir = test::scratchDir("data_reader_nocrs");
    // CSV with WKT geometry in VN-2000 Hà Tĩnh metres (the README's worked example point).
    const auto path = dir / "ha_tinh_vn2000.csv";
    writeFile(path,
              "WKT,name\n"
              "\"POINT (542681.977 2028878.620)\",Hà Tĩnh\n"
              "\"POLYGON ((542600 2028800,542800 2028800,542800 2029000,542600 2029000,542600 2028800))\",Ô vuông\n");
    auto r = readVectorLayer(path.string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == gis::ErrorCode::BadCrs);
    CHECK(r.error().message.find(path.string()) != std::string::npos);
    CHECK(r.error().message.find("CRS") != std::string::npos);

    ReadOptions o;
    o.sourceCrsOverride = "EPSG:9209";
    auto ok = readVectorLayer(path.string(), o);
    REQUIRE(ok.ok());
    REQUIRE(ok->features.size() == 2);
    CHECK(ok->sourceCrs == "EPSG:9209");
    // EPSG:3857 of 105.9057°E 18.3428°N
    const gis::Vec2 p = ok->features[0].geometry.points.at(0);
    // (cs2cs +proj=longlat +datum=WGS84 +to EPSG:3857 gives 11789368.60 2077711.97)
    CHECK(p.x == Approx(11789368.60).margin(0.01));
    CHECK(p.y == Approx(2077711.97).margin(0.01));
    CHECK(ok->features[1].geometry.kind == gis::GeometryKind::Polygon);
    CHECK(ok->features[1].geometry.polygons.at(0).rings.at(0).size() == 4);
}

TEST_CASE("missing files and layers are errors naming them", "[data][reader]") {
    auto r = readVectorLayer("/nonexistent/x.gpkg");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == gis::ErrorCode::NotFound);
    CHECK(r.error().message.find("/nonexistent/x.gpkg") != std::string::npos);

    ReadOptions o;
    o.layerName = "no_such_layer";
    auto l = readVectorLayer(test::nationalCommunesGpkg().string(), o);
    REQUIRE_FALSE(l.ok());
    CHECK(l.error().message.find("no_such_layer") != std::string::npos);
    CHECK(l.error().message.find("communes") != std::string::npos);  // lists what exists

    const auto dir = test::scratchDir("data_reader_garbage_file");
    writeFile(dir / "not_vector.geojson", "this is not json");
    auto g = readVectorLayer((dir / "not_vector.geojson").string());
    REQUIRE_FALSE(g.ok());
    CHECK(g.error().message.find("not_vector.geojson") != std::string::npos);

    auto layers = gis::data::listLayers(test::nationalCommunesGpkg().string());
    REQUIRE(layers.ok());
    CHECK(std::find(layers->begin(), layers->end(), "communes") != layers->end());
}

TEST_CASE("invalid polygons are repaired, garbage is skipped with a warning, nulls survive", "[data][reader]") {
    const auto dir = test::scratchDir("data_reader_repair");
    const auto path = dir / "bad.geojson";
    writeFile(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","id":1,"properties":{"name":"bowtie"},"geometry":{"type":"Polygon","coordinates":[[[105,18],[105.01,18.01],[105.01,18],[105,18.01],[105,18]]]}},
{"type":"Feature","id":2,"properties":{"name":"flat"},"geometry":{"type":"Polygon","coordinates":[[[105,18],[105.01,18],[105.02,18],[105,18]]]}},
{"type":"Feature","id":3,"properties":{"name":"null geometry"},"geometry":null},
{"type":"Feature","id":4,"properties":{"name":"two points"},"geometry":{"type":"Polygon","coordinates":[[[105,18],[105.01,18.01],[105,18]]]}},
{"type":"Feature","id":5,"properties":{"name":"good"},"geometry":{"type":"MultiPolygon","coordinates":[[[[106,18],[106.01,18],[106.01,18.01],[106,18.01],[106,18]]],[[[106.1,18],[106.11,18],[106.11,18.01],[106.1,18]]]]}},
{"type":"Feature","id":6,"properties":{"name":"empty"},"geometry":{"type":"Polygon","coordinates":[]}}
]})");
    auto r = readVectorLayer(path.string());
    REQUIRE(r.ok());
    std::vector<std::string> names;
    for (std::size_t i = 0; i < r->features.size(); ++i) names.push_back(textOf(*r, i, "name"));
    CHECK(names == std::vector<std::string>{"bowtie", "null geometry", "good", "empty"});

    const auto& bowtie = r->features[0].geometry;
    CHECK(bowtie.kind == gis::GeometryKind::Polygon);
    CHECK(bowtie.polygons.size() == 2);  // MakeValid splits the bowtie into its two triangles
    CHECK(r->features[1].geometry.kind == gis::GeometryKind::None);
    CHECK(r->features[2].geometry.polygons.size() == 2);  // multipolygon flattened
    CHECK(r->features[3].geometry.kind == gis::GeometryKind::None);

    auto warningAbout = [&](int fid) {
        for (const auto& w : r->warnings)
            if (w.find("fid " + std::to_string(fid) + ":") != std::string::npos) return w;
        return std::string();
    };
    CHECK(warningAbout(1).find("repaired") != std::string::npos);
    CHECK(warningAbout(1).find(path.string()) != std::string::npos);
    CHECK(warningAbout(2).find("skipped") != std::string::npos);
    CHECK(warningAbout(4).find("skipped") != std::string::npos);
    CHECK(warningAbout(2).find("layer \"bad\"") != std::string::npos);
    CHECK(warningAbout(5).empty());
}

TEST_CASE("Vietnamese text comes out NFC, legacy encodings decode", "[data][reader][text]") {
    const auto dir = test::scratchDir("data_reader_text");
    // "Xã Thạch Hà" with decomposed marks: a + U+0300, a + U+0323
    const std::string nfd = "Xa\xCC\x83 Tha\xCC\xA3\x63h Ha\xCC\x80";
    REQUIRE(nfd != "Xã Thạch Hà");
    writeFile(dir / "nfd.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":")" + nfd +
                                       R"("},"geometry":{"type":"Point","coordinates":[105.9,18.3]}}]})");
    auto r = readVectorLayer((dir / "nfd.geojson").string());
    REQUIRE(r.ok());
    CHECK(textOf(*r, 0, "name") == "Xã Thạch Hà");
    CHECK(r->features[0].geometry.kind == gis::GeometryKind::Point);

    // A CSV in TCVN3 bytes ("Ch©u §èc" is "Châu Đốc" read as Latin-1): read with encoding = TCVN3.
    writeFile(dir / "tcvn3.csv", "WKT,name\n\"POINT (105.1 10.7)\",Ch\xA9u \xA7\xE8\x63\n");
    ReadOptions o;
    o.sourceCrsOverride = "EPSG:4326";
    o.encoding = "TCVN3";
    auto t = readVectorLayer((dir / "tcvn3.csv").string(), o);
    REQUIRE(t.ok());
    CHECK(textOf(*t, 0, "name") == "Châu Đốc");
}
