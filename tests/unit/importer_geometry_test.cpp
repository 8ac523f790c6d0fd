// Geometry on its way into the project: swapped axes, NaN and 1e308 coordinates, empty shapes,
// bow-ties and zero-area rings, and good geometry never replaced by worse. Real communes cut from
// the national layer; the defective shapes are written with GDAL as a user's GIS would.
#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <limits>

#include "gis/importer/importer.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "gis/importer/problem_report.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const noexcept { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

/// A copy of `source` (first layer) in which every geometry has x and y swapped: latitudes where
/// the longitudes belong, the mix-up of a lat/lon table turned into a layer.
std::string swappedCopy(const std::string& source, const std::string& target) {
    GDALAllRegister();
    DatasetPtr in(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR));
    REQUIRE(in);
    OGRLayer* from = in->GetLayer(0);
    DatasetPtr out(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(out);
    OGRLayer* to = out->CreateLayer("communes", from->GetSpatialRef(), wkbMultiPolygon, nullptr);
    for (int i = 0; i < from->GetLayerDefn()->GetFieldCount(); ++i) REQUIRE(to->CreateField(from->GetLayerDefn()->GetFieldDefn(i)) == OGRERR_NONE);
    for (auto& feature : *from) {
        OGRFeatureUniquePtr copy(OGRFeature::CreateFeature(to->GetLayerDefn()));
        copy->SetFrom(feature.get());
        copy->GetGeometryRef()->swapXY();
        REQUIRE(to->CreateFeature(copy.get()) == OGRERR_NONE);
    }
    return target;
}

/// One feature of a hand-made layer: a code, a name and a WKT shape ("" = no geometry).
struct Shape {
    std::string code, name, wkt;
    std::vector<std::pair<double, double>> ring;  ///< used instead of `wkt` when set (NaN and 1e308 have no WKT)
};

std::string writeShapes(const std::string& path, const std::vector<Shape>& shapes) {
    GDALAllRegister();
    DatasetPtr out(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(out);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    OGRLayer* layer = out->CreateLayer("xa", &wgs84, wkbPolygon, nullptr);
    OGRFieldDefn code("ma_xa", OFTString), name("ten_xa", OFTString);
    REQUIRE(layer->CreateField(&code) == OGRERR_NONE);
    REQUIRE(layer->CreateField(&name) == OGRERR_NONE);
    for (const Shape& s : shapes) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField(0, s.code.c_str());
        f->SetField(1, s.name.c_str());
        if (!s.ring.empty()) {
            OGRLinearRing ring;
            for (auto [x, y] : s.ring) ring.addPoint(x, y);
            OGRPolygon polygon;
            polygon.addRing(&ring);
            f->SetGeometry(&polygon);
        } else if (!s.wkt.empty()) {
            OGRGeometry* g = nullptr;
            REQUIRE(OGRGeometryFactory::createFromWkt(s.wkt.c_str(), nullptr, &g) == OGRERR_NONE);
            f->SetGeometryDirectly(g);
        }
        REQUIRE(layer->CreateFeature(f.get()) == OGRERR_NONE);
    }
    return path;
}

importer::ImportOptions shapeOptions() {
    importer::ImportOptions o;
    o.level = "commune";
    o.columnMap = {{"code", "ma_xa"}, {"name", "ten_xa"}};
    return o;
}

const model::Unit* unitOf(const store::ProjectData& data, const std::string& code) {
    for (const model::Unit& u : data.units)
        if (u.code == code) return &u;
    return nullptr;
}

store::ProjectData loadWithGeometry(const std::string& project) {
    auto db = store::openProject(project, false);
    REQUIRE(db);
    auto data = store::loadProjectData(*db, true);
    REQUIRE(data);
    return std::move(data.value());
}

std::string joined(const std::vector<std::string>& lines) {
    std::string all;
    for (const std::string& l : lines) all += l + "\n";
    return all;
}

const char* kGoodSquare = "POLYGON((105.00 19.00,105.05 19.00,105.05 19.05,105.00 19.05,105.00 19.00))";

}  // namespace

TEST_CASE("importer: a layer with latitude and longitude swapped is refused, naming every feature, project unchanged", "[importer]") {
    const auto dir = test::scratchDir("importer_geometry_swapped");
    const std::string project = fixtures::makeProject(dir, false);  // Anh Sơn's communes with good geometry
    const std::string wgs84 = fixtures::cutDistrict(dir, "Huyện Anh Sơn", "EPSG:4326", "anh_son_wgs84.gpkg");
    const std::string swapped = swappedCopy(wgs84, (dir / "anh_son_swapped.gpkg").string());
    const std::string before = fixtures::readBytes(project);

    importer::ImportOptions o;
    o.level = "commune";
    o.fallbackCodeField = "commune_id";
    o.columnMap = {{"code", "gso_xa"}, {"name", "commune_vn"}, {"parent_code", "gso_huyen"}, {"parent_name", "district_vn"}};
    auto result = importer::importFile(project, "units", swapped, o);
    REQUIRE_FALSE(result);
    const std::string& message = result.error().message;
    INFO(message);

    // Every feature is named by fid and name (read from the file, not written into the test):
    // the first 20 in the message, all of them in the problem report beside the project.
    const std::string report = fixtures::readBytes(importer::problemReportPath(project, "units", swapped));
    GDALAllRegister();
    DatasetPtr in(GDALDataset::Open(swapped.c_str(), GDAL_OF_VECTOR));
    REQUIRE(in);
    int features = 0;
    for (auto& feature : *in->GetLayer(0)) {
        ++features;
        const std::string line = "feature " + std::to_string(feature->GetFID()) + ": '" + feature->GetFieldAsString("commune_vn") +
                                 "': longitude and latitude look swapped";
        if (features <= 20) CHECK_THAT(message, Catch::Contains(line));
        CHECK_THAT(report, Catch::Contains("feature " + std::to_string(feature->GetFID()) + "\"") &&
                               Catch::Contains(feature->GetFieldAsString("commune_vn")));
    }
    CHECK(features > 10);
    CHECK_THAT(message, Catch::Contains(std::to_string(features) + " problems") && Catch::Contains("the project keeps the geometry"));
    CHECK(fixtures::readBytes(project) == before);
}

TEST_CASE("importer: NaN and 1e308 coordinates and zero-area rings are refused, a bow-tie is repaired with a warning", "[importer]") {
    const auto dir = test::scratchDir("importer_geometry_defects");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<Shape> shapes = {
        {"90001", "Xã Vô Định", "", {{105.0, 19.0}, {105.1, nan}, {105.1, 19.1}, {105.0, 19.0}}},
        {"90002", "Xã Khổng Lồ", "", {{105.0, 19.0}, {1e308, 19.0}, {1e308, 1e308}, {105.0, 19.0}}},
        {"90003", "Xã Bướm", "POLYGON((105 19,105.1 19.1,105.1 19,105 19.1,105 19))", {}},
        {"90004", "Xã Phẳng", "POLYGON((105 19,105.1 19.1,105.2 19.2,105 19))", {}},
        {"90005", "Xã Rỗng", "POLYGON EMPTY", {}},
        {"90006", "Xã Vuông", kGoodSquare, {}},
    };
    const std::string layer = writeShapes((dir / "xa.gpkg").string(), shapes);
    const std::string before = fixtures::readBytes(project);

    SECTION("all together: every bad shape is a problem line, nothing is imported") {
        auto result = importer::importFile(project, "units", layer, shapeOptions());
        REQUIRE_FALSE(result);
        const std::string& message = result.error().message;
        INFO(message);
        CHECK_THAT(message, Catch::Contains("3 problems"));
        CHECK_THAT(message, Catch::Contains("xa.gpkg, layer 'xa', feature 1: 'Xã Vô Định': coordinates that are not numbers"));
        CHECK_THAT(message, Catch::Contains("feature 2: 'Xã Khổng Lồ'") && Catch::Contains("outside Vietnam"));
        CHECK_THAT(message, Catch::Contains("feature 4: 'Xã Phẳng'") && Catch::Contains("zero-area"));
        CHECK_THAT(message, !Catch::Contains("Xã Bướm") && !Catch::Contains("Xã Vuông"));
        CHECK(fixtures::readBytes(project) == before);
    }
    SECTION("the good ones alone: the bow-tie is repaired and said so, the empty one comes in without a shape") {
        importer::ImportOptions o = shapeOptions();
        o.where = "ma_xa IN ('90003', '90005', '90006')";
        auto report = importer::importFile(project, "units", layer, o);
        REQUIRE(report);
        const std::string warnings = joined(report->warnings);
        INFO(warnings);
        CHECK_THAT(warnings, Catch::Contains("feature 3: 'Xã Bướm': invalid polygon") && Catch::Contains("repaired with GEOS MakeValid"));
        CHECK_THAT(warnings, Catch::Contains("feature 5: 'Xã Rỗng': empty geometry, imported without a shape"));
        CHECK_THAT(warnings, !Catch::Contains("Xã Vuông"));
        const auto data = loadWithGeometry(project);
        const model::Unit* bowtie = unitOf(data, "90003");
        REQUIRE(bowtie != nullptr);
        const auto stored = store::decodeGpkgGeometry(bowtie->geometry);
        REQUIRE(stored);
        CHECK(stored->IsValid());
        CHECK(stored->toMultiPolygon()->get_Area() == Approx(0.005).epsilon(1e-6));  // the two triangles of the bow-tie
        const model::Unit* empty = unitOf(data, "90005");
        REQUIRE(empty != nullptr);
        CHECK(empty->geometry.empty());
    }
}

TEST_CASE("importer: no geometry or bad geometry over a unit's good geometry is refused for that row", "[importer]") {
    const auto dir = test::scratchDir("importer_geometry_keep_good");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    REQUIRE(importer::importFile(project, "units", writeShapes((dir / "good.gpkg").string(), {{"90006", "Xã Vuông", kGoodSquare, {}}}),
                                 shapeOptions()));
    const std::string before = fixtures::readBytes(project);

    std::string file;
    std::string expected;
    SECTION("an empty geometry") {
        file = writeShapes((dir / "empty.gpkg").string(), {{"90006", "Xã Vuông", "POLYGON EMPTY", {}}});
        expected = "empty geometry would replace the good geometry 90006 has";
    }
    SECTION("no geometry at all") {
        file = writeShapes((dir / "none.gpkg").string(), {{"90006", "Xã Vuông", "", {}}});
        expected = "no geometry would replace the good geometry 90006 has";
    }
    SECTION("a zero-area ring") {
        file = writeShapes((dir / "flat.gpkg").string(), {{"90006", "Xã Vuông", "POLYGON((105 19,105.1 19.1,105.2 19.2,105 19))", {}}});
        expected = "the project keeps the geometry it has for 90006";
    }
    INFO("layer: " << file);
    auto result = importer::importFile(project, "units", file, shapeOptions());
    REQUIRE_FALSE(result);
    INFO(result.error().message);
    CHECK_THAT(result.error().message, Catch::Contains("feature 1: 'Xã Vuông'") && Catch::Contains(expected));
    CHECK(fixtures::readBytes(project) == before);

    // A sheet of attributes only (no geometry column) still updates the unit and keeps its shape.
    const std::string csv = fixtures::writeSheet(dir / "dan_so.csv", "CSV", "dan_so", {{"Mã xã"}, {"Tên xã"}, {"Dân số"}},
                                                 {{"90006", "Xã Vuông", "4200"}});
    REQUIRE(importer::importFile(project, "units", csv, importer::ImportOptions{.level = "commune"}));
    const auto data = loadWithGeometry(project);
    const model::Unit* unit = unitOf(data, "90006");
    REQUIRE(unit != nullptr);
    CHECK(unit->population == Approx(4200));
    CHECK_FALSE(unit->geometry.empty());
}

TEST_CASE("importer: a negative population and an infinite or impossible area are refused", "[importer]") {
    const auto dir = test::scratchDir("importer_units_measures");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    const std::string before = fixtures::readBytes(project);
    const std::string csv = fixtures::writeSheet(dir / "xa.csv", "CSV", "xa", {{"Mã xã"}, {"Tên xã"}, {"Dân số"}, {"Diện tích (km2)"}},
                                                 {{"20164", "Xã Hương Phú", "-5", "12,5"},
                                                  {"20167", "Xã Hương Sơn", "3200", "Inf"},
                                                  {"20170", "Xã Hương Lộc", "2800", "1e308"},
                                                  {"20173", "Xã Hương Hòa", "5100", "40"}});
    auto result = importer::importFile(project, "units", csv, importer::ImportOptions{.level = "commune"});
    REQUIRE_FALSE(result);
    const std::string& message = result.error().message;
    INFO(message);
    CHECK_THAT(message, Catch::Contains("3 problems"));
    CHECK_THAT(message, Catch::Contains("row 2, column 'Dân số' = '-5': negative population"));
    CHECK_THAT(message, Catch::Contains("row 3, column 'Diện tích (km2)' = 'Inf'"));
    CHECK_THAT(message, Catch::Contains("row 4, column 'Diện tích (km2)' = '1e308': impossible area"));
    CHECK(fixtures::readBytes(project) == before);
}
