// The GeoPackage fast path of readVectorLayer (gpkg_feature_rows.hpp) against the OGR path on real
// files: the same features, vertices, attributes and warnings; what it leaves to OGR (a damaged
// blob, a collection mixing dimensions) read the OGR way, with the file, layer and feature named.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "gis/data/gdal_error_capture.hpp"
#include "gis/data/gpkg_catalog.hpp"
#include "gis/data/gpkg_feature_rows.hpp"
#include "gis/data/ogr_geometry_convert.hpp"
#include "gis/data/vector_reader.hpp"
#include "tests/support/test_paths.hpp"

namespace fs = std::filesystem;
using gis::data::ReadOptions;
using gis::data::VectorLayer;

namespace {

VectorLayer readLayer(const fs::path& file, const std::string& layer, bool throughOgr, std::size_t vertexLimit = 0) {
    ReadOptions options;
    options.layerName = layer;
    options.throughOgr = throughOgr;
    options.maxFeatureVertices = vertexLimit;
    auto read = gis::data::readVectorLayer(file.string(), options);
    INFO(file << " " << layer << (throughOgr ? " (OGR)" : " (SQLite)") << ": " << (read ? "" : read.error().message));
    REQUIRE(read);
    return std::move(*read);
}

void requireSameVertices(const std::vector<gis::Vec2>& a, const std::vector<gis::Vec2>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].x == b[i].x);  // bit for bit: the same doubles, the same reprojection
        CHECK(a[i].y == b[i].y);
    }
}

void requireSameGeometry(const gis::Geometry& a, const gis::Geometry& b) {
    REQUIRE(a.kind == b.kind);
    requireSameVertices(a.points, b.points);
    REQUIRE(a.lines.size() == b.lines.size());
    for (std::size_t l = 0; l < a.lines.size(); ++l) requireSameVertices(a.lines[l], b.lines[l]);
    REQUIRE(a.polygons.size() == b.polygons.size());
    for (std::size_t p = 0; p < a.polygons.size(); ++p) {
        REQUIRE(a.polygons[p].rings.size() == b.polygons[p].rings.size());
        for (std::size_t r = 0; r < a.polygons[p].rings.size(); ++r) requireSameVertices(a.polygons[p].rings[r], b.polygons[p].rings[r]);
    }
}

void requireSameLayer(const VectorLayer& fast, const VectorLayer& ogr) {
    CHECK(fast.name == ogr.name);
    CHECK(fast.sourceCrs == ogr.sourceCrs);
    CHECK(fast.warnings == ogr.warnings);
    REQUIRE(fast.fields.size() == ogr.fields.size());
    for (std::size_t i = 0; i < fast.fields.size(); ++i) {
        CHECK(fast.fields[i].name == ogr.fields[i].name);
        CHECK(fast.fields[i].kind == ogr.fields[i].kind);
    }
    REQUIRE(fast.features.size() == ogr.features.size());
    for (std::size_t f = 0; f < fast.features.size(); ++f) {
        INFO("feature " << f << ", fid " << ogr.features[f].fid);
        CHECK(fast.features[f].fid == ogr.features[f].fid);
        CHECK(fast.features[f].attributes == ogr.features[f].attributes);
        requireSameGeometry(fast.features[f].geometry, ogr.features[f].geometry);
    }
}

/// The table behind a layer of `file` as readVectorLayer describes it to the fast path.
gis::data::GpkgTable tableOf(const fs::path& file, const std::string& layerName) {
    gis::data::ensureGdalRegistered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName(layerName.c_str());
    REQUIRE(layer != nullptr);
    gis::data::GpkgTable table{file.string(), layer->GetName(), layer->GetFIDColumn(), layer->GetGeometryColumn(), {}};
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldType type = defn->GetFieldDefn(i)->GetType();
        const auto kind = type == OFTReal ? gis::data::FieldKind::Real
                                          : (type == OFTString ? gis::data::FieldKind::Text : gis::data::FieldKind::Integer);
        table.fields.push_back({defn->GetFieldDefn(i)->GetNameRef(), kind, type == OFTInteger});
    }
    return table;
}

/// A copy of `source`'s first `count` communes (ogr2ogr keeps the fids' order).
fs::path cutCommunes(const fs::path& dir, const std::string& name, int count) {
    const fs::path out = dir / name;
    const std::string cmd = "ogr2ogr -f GPKG '" + out.string() + "' '" + test::nationalCommunesGpkg().string() +
                            "' communes -limit " + std::to_string(count);
    std::string log;
    INFO(cmd << "\n" << log);
    REQUIRE(test::runCommand(cmd, &log) == 0);
    return out;
}

}  // namespace

TEST_CASE("GeoPackage rows read through SQLite are what OGR reads: every layer of the national file", "[data][reader][gpkg]") {
    const fs::path national = test::nationalCommunesGpkg();
    for (const std::string layer : {"provinces", "districts", "communes"}) {
        INFO(layer);
        requireSameLayer(readLayer(national, layer, false), readLayer(national, layer, true));
    }
}

TEST_CASE("the fast path reads a real GeoPackage table itself, vertex for vertex what OGR decodes", "[data][reader][gpkg]") {
    const fs::path national = test::nationalCommunesGpkg();
    const auto rows = gis::data::readGpkgRows(tableOf(national, "districts"), gis::data::kMaxFeatureVertices);
    REQUIRE(rows);  // not left to OGR: the national file is a plain GeoPackage

    GDALDatasetUniquePtr ds(GDALDataset::Open(national.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = ds->GetLayerByName("districts");
    REQUIRE(rows->features.size() == static_cast<std::size_t>(layer->GetFeatureCount()));
    REQUIRE(rows->refusedVertices.size() == rows->features.size());
    std::size_t i = 0;
    for (auto& feature : *layer) {
        INFO("fid " << feature->GetFID());
        CHECK(rows->refusedVertices[i] == 0);
        const gis::data::Feature& read = rows->features[i++];
        CHECK(read.fid == feature->GetFID());
        requireSameGeometry(read.geometry, gis::data::convertOgrGeometry(feature->GetGeometryRef()));
        const int nameField = feature->GetFieldIndex("district_vn");
        CHECK(std::get<std::string>(read.attributes[static_cast<std::size_t>(nameField)]) == feature->GetFieldAsString(nameField));
    }
}

TEST_CASE("a damaged geometry blob in a GeoPackage is an error naming the file, layer and feature", "[data][reader][gpkg]") {
    const fs::path dir = test::scratchDir("data_gpkg_rows_damaged");
    const fs::path file = cutCommunes(dir, "damaged.gpkg", 40);
    // Feature fid 8's blob cut to 60 bytes: its header and the start of its WKB, the rest gone.
    std::string log;
    REQUIRE(test::runCommand("ogrinfo -q '" + file.string() + "' -sql \"UPDATE communes SET geom = substr(geom, 1, 60) WHERE fid = 8\"",
                             &log) == 0);
    CHECK_FALSE(gis::data::readGpkgRows(tableOf(file, "communes"), gis::data::kMaxFeatureVertices));  // left to OGR

    ReadOptions options;
    options.layerName = "communes";
    auto read = gis::data::readVectorLayer(file.string(), options);
    REQUIRE_FALSE(read);
    CHECK_THAT(read.error().message, Catch::Contains(file.string()) && Catch::Contains("layer \"communes\"") &&
                                         Catch::Contains("at feature fid 8") && Catch::Contains("Unable to read geometry"));
    options.throughOgr = true;  // the same message either way
    auto throughOgr = gis::data::readVectorLayer(file.string(), options);
    REQUIRE_FALSE(throughOgr);
    CHECK(throughOgr.error().message == read.error().message);
}

TEST_CASE("the fast path refuses a shape past the vertex limit by name, as the OGR path does", "[data][reader][gpkg][limits]") {
    const fs::path dir = test::scratchDir("data_gpkg_rows_limit");
    const fs::path file = cutCommunes(dir, "communes.gpkg", 60);
    const VectorLayer fast = readLayer(file, "communes", false, 10);
    const VectorLayer ogr = readLayer(file, "communes", true, 10);
    REQUIRE_FALSE(fast.warnings.empty());  // a few of the first 60 communes have more than 10 vertices (at most 14)
    CHECK_THAT(fast.warnings[0], Catch::Contains("communes.gpkg") && Catch::Contains("feature fid") &&
                                     Catch::Contains("(\"") && Catch::Contains("at most 10 "));
    requireSameLayer(fast, ogr);
}

TEST_CASE("a GeoPackage collection mixing dimensions goes the OGR way, with its note", "[data][reader][gpkg]") {
    const fs::path dir = test::scratchDir("data_gpkg_rows_mixed");
    const fs::path json = dir / "mixed.geojson";
    std::ofstream(json) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Xã Một"},"geometry":{"type":"Polygon","coordinates":[[[105,18],[105.01,18],[105.01,18.01],[105,18]]]}},
{"type":"Feature","properties":{"name":"Xã Hai"},"geometry":{"type":"GeometryCollection","geometries":[
  {"type":"Polygon","coordinates":[[[106,18],[106.01,18],[106.01,18.01],[106,18]]]},{"type":"Point","coordinates":[106.5,18.5]}]}}]})";
    const fs::path file = dir / "mixed.gpkg";
    REQUIRE(test::runCommand("ogr2ogr -f GPKG '" + file.string() + "' '" + json.string() + "' -nln mixed") == 0);
    CHECK_FALSE(gis::data::readGpkgRows(tableOf(file, "mixed"), gis::data::kMaxFeatureVertices));
    const VectorLayer fast = readLayer(file, "mixed", false);
    REQUIRE(fast.warnings.size() == 1);
    CHECK_THAT(fast.warnings[0], Catch::Contains("fid 2") && Catch::Contains("were dropped"));
    requireSameLayer(fast, readLayer(file, "mixed", true));
}

namespace {

/// Forty communes with one more column of each declared type in `columns` ("NAME TYPE"), every
/// row given a value, the first row NULL.
fs::path communesWithColumns(const fs::path& dir, const std::string& name, const std::vector<std::string>& columns) {
    const fs::path file = cutCommunes(dir, name, 40);
    for (const std::string& column : columns) {
        // Through ogrinfo: the table's R-tree triggers call GDAL's SQL functions (ST_IsEmpty).
        const std::string columnName = column.substr(0, column.find(' '));
        for (const std::string& sql : {"ALTER TABLE communes ADD COLUMN " + column,
                                      "UPDATE communes SET " + columnName + " = CASE WHEN fid = 1 THEN NULL ELSE fid * 37 % 11 - 3 END"}) {
            std::string log;
            INFO(sql << "\n" << log);
            REQUIRE(test::runCommand("ogrinfo -q '" + file.string() + "' -sql \"" + sql + "\"", &log) == 0);
        }
    }
    return file;
}

}  // namespace

TEST_CASE("a plain GeoPackage layer is described from its own tables as OGR describes it, for each plain column type",
          "[data][reader][gpkg]") {
    const fs::path dir = test::scratchDir("data_gpkg_catalog_types");
    const fs::path file = communesWithColumns(dir, "types.gpkg", {"a INT", "b SMALLINT", "c TINYINT", "d BOOLEAN", "e FLOAT",
                                                                   "f DOUBLE", "g TEXT(12)", "h integer", "i MEDIUMINT", "j REAL"});
    const auto described = gis::data::describePlainGpkgLayer(file.string(), "communes");
    REQUIRE(described);  // read without OGR
    CHECK(described->crs == "EPSG:4326");
    CHECK(described->table.fidColumn == "fid");
    CHECK(described->table.geometryColumn == "geom");
    const VectorLayer fast = readLayer(file, "communes", false);
    const VectorLayer ogr = readLayer(file, "communes", true);
    REQUIRE(fast.fields.size() >= 10);
    CHECK(fast.fields.back().name == "j");
    CHECK(std::get<double>(fast.features[1].attributes.back()) == 2 * 37 % 11 - 3);  // the values are there, not NULLs
    CHECK(std::holds_alternative<std::monostate>(fast.features[0].attributes.back()));
    requireSameLayer(fast, ogr);
    // OGR's own view of the same table, field by field (32-bit where OGR reads 32 bits).
    const gis::data::GpkgTable fromOgr = tableOf(file, "communes");
    REQUIRE(fromOgr.fields.size() == described->table.fields.size());
    for (std::size_t i = 0; i < fromOgr.fields.size(); ++i) {
        INFO(fromOgr.fields[i].name);
        CHECK(described->table.fields[i].name == fromOgr.fields[i].name);
        CHECK(described->table.fields[i].kind == fromOgr.fields[i].kind);
        CHECK(described->table.fields[i].int32 == fromOgr.fields[i].int32);
    }
}

TEST_CASE("a GeoPackage layer the catalog is not sure of is read through OGR, as before", "[data][reader][gpkg]") {
    const fs::path dir = test::scratchDir("data_gpkg_catalog_unsure");
    SECTION("a column type OGR skips (VARCHAR) or converts itself (DATE)") {
        for (const std::string column : {"v VARCHAR", "d DATE"}) {
            INFO(column);
            const fs::path file = communesWithColumns(dir, column.substr(0, 1) + ".gpkg", {column});
            CHECK_FALSE(gis::data::describePlainGpkgLayer(file.string(), "communes"));
            requireSameLayer(readLayer(file, "communes", false), readLayer(file, "communes", true));
        }
    }
    SECTION("a layer named in another case, which OGR still finds") {
        const fs::path file = cutCommunes(dir, "case.gpkg", 20);
        CHECK_FALSE(gis::data::describePlainGpkgLayer(file.string(), "COMMUNES"));
        const VectorLayer read = readLayer(file, "COMMUNES", false);
        CHECK(read.name == "communes");
        CHECK(read.features.size() == 20);
    }
    SECTION("a file that is no GeoPackage, and a missing layer, keep OGR's messages") {
        const fs::path notGpkg = dir / "table.gpkg";
        std::ofstream(notGpkg) << "name,value\nA,1\n";
        CHECK_FALSE(gis::data::describePlainGpkgLayer(notGpkg.string(), "communes"));
        ReadOptions options;
        options.layerName = "communes";
        CHECK_FALSE(gis::data::readVectorLayer(notGpkg.string(), options));
        const fs::path file = cutCommunes(dir, "missing.gpkg", 5);
        options.layerName = "roads";
        auto missing = gis::data::readVectorLayer(file.string(), options);
        REQUIRE_FALSE(missing);
        CHECK_THAT(missing.error().message, Catch::Contains("no layer \"roads\"") && Catch::Contains("communes"));
    }
}
