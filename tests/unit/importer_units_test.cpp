// Importing real commune polygons cut from the national layer and reprojected into VN-2000.
#include <catch2/catch.hpp>
#include <gdal_priv.h>

#include <filesystem>

#include "gis/importer/importer.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;

namespace {

store::ProjectData load(const std::string& project) {
    auto db = store::openProject(project, false);
    REQUIRE(db);
    auto data = store::loadProjectData(*db, true);
    REQUIRE(data);
    return std::move(data).value();
}

const model::Unit* findUnit(const store::ProjectData& data, const std::string& code) {
    for (const auto& u : data.units)
        if (u.code == code) return &u;
    return nullptr;
}

/// Envelope of a commune in the national (WGS 84) layer.
OGREnvelope nationalEnvelope(const std::string& gsoXa) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(test::nationalCommunesGpkg().string().c_str(), GDAL_OF_VECTOR));
    OGRLayer* layer = ds->GetLayerByName("communes");
    layer->SetAttributeFilter(("gso_xa = '" + gsoXa + "'").c_str());
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    OGREnvelope env;
    f->GetGeometryRef()->getEnvelope(&env);
    return env;
}

}  // namespace

TEST_CASE("importer: units from VN-2000 GeoPackages land in WGS 84 with codes, types and parents", "[importer]") {
    const auto dir = test::scratchDir("importer_units_vn2000");
    const std::string project = fixtures::makeProject(dir, true);
    const auto data = load(project);

    const model::Unit* ngheAn = findUnit(data, "40");
    REQUIRE(ngheAn != nullptr);
    CHECK(ngheAn->level == "province");
    const model::Unit* anhSon = findUnit(data, "424");
    REQUIRE(anhSon != nullptr);
    CHECK(anhSon->name == "Huyện Anh Sơn");
    CHECK(anhSon->type == "huyen");
    CHECK(anhSon->parentCode == "40");

    int anhSonUnits = 0, townships = 0;
    for (const auto& u : data.units)
        if (u.parentCode == "424") {
            ++anhSonUnits;
            townships += u.type == "thi_tran" ? 1 : 0;
        }
    CHECK(anhSonUnits == 21);  // 20 xã + Thị trấn Anh Sơn, including the 3 without a GSO code (parent found by name)
    CHECK(townships == 1);

    // Xã Bình Sơn (17338): reprojected from EPSG:9208 back to WGS 84, same place as the national layer.
    const model::Unit* binhSon = findUnit(data, "17338");
    REQUIRE(binhSon != nullptr);
    const auto geometry = store::decodeGpkgGeometry(binhSon->geometry);
    REQUIRE(geometry);
    OGREnvelope env;
    geometry->getEnvelope(&env);
    const OGREnvelope expected = nationalEnvelope("17338");
    CHECK(env.MinX == Approx(expected.MinX).margin(1e-6));
    CHECK(env.MaxY == Approx(expected.MaxY).margin(1e-6));

    // The Thanh Hóa cut came in through EPSG:5897 and sits where it should too.
    const model::Unit* trieuSonBinhSon = findUnit(data, "15769");
    REQUIRE(trieuSonBinhSon != nullptr);
    const auto other = store::decodeGpkgGeometry(trieuSonBinhSon->geometry);
    REQUIRE(other);
    other->getEnvelope(&env);
    CHECK(env.MinX == Approx(nationalEnvelope("15769").MinX).margin(1e-6));
}

TEST_CASE("importer: a file without a CRS needs --s-srs", "[importer]") {
    const auto dir = test::scratchDir("importer_units_no_crs");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    const std::string gpkg = fixtures::cutDistrict(dir, "Huyện Bắc Sơn", "EPSG:9215", "bac_son.gpkg");
    const std::string shp = (dir / "bac_son.shp").string();
    REQUIRE(test::runCommand("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=UTF-8 '" + shp + "' '" + gpkg + "'") == 0);
    std::filesystem::remove(dir / "bac_son.prj");  // what many district offices actually have

    importer::ImportOptions o;
    o.level = "commune";
    o.columnMap = {{"code", "gso_xa"}, {"name", "commune_vn"}};
    const std::string before = fixtures::readBytes(project);
    auto failed = importer::importFile(project, "units", shp, o);
    REQUIRE_FALSE(failed);
    CHECK_THAT(failed.error().message, Catch::Contains("no coordinate reference system") && Catch::Contains("--s-srs"));
    CHECK(fixtures::readBytes(project) == before);

    o.sourceSrs = "EPSG:9215";
    auto report = importer::importFile(project, "units", shp, o);
    REQUIRE(report);
    CHECK(report->recordsWritten == 20);
    const auto data = load(project);
    const model::Unit* vuSon = findUnit(data, "06355");
    REQUIRE(vuSon != nullptr);
    OGREnvelope env;
    store::decodeGpkgGeometry(vuSon->geometry)->getEnvelope(&env);
    CHECK(env.MinX == Approx(nationalEnvelope("06355").MinX).margin(1e-6));
}

TEST_CASE("importer: a geometry of the wrong kind and duplicated codes are refused, project unchanged", "[importer]") {
    const auto dir = test::scratchDir("importer_units_bad");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    const std::string gpkg = fixtures::cutDistrict(dir, "Huyện Nam Đông", "EPSG:9214", "nam_dong.gpkg");
    const std::string before = fixtures::readBytes(project);
    importer::ImportOptions o;
    o.level = "commune";
    o.columnMap = {{"code", "gso_xa"}, {"name", "commune_vn"}};

    SECTION("boundaries turned into lines") {
        const std::string lines = (dir / "lines.gpkg").string();
        REQUIRE(test::runCommand("ogr2ogr -f GPKG -nlt MULTILINESTRING '" + lines + "' '" + gpkg + "'") == 0);
        auto result = importer::importFile(project, "units", lines, o);
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("feature") && Catch::Contains("Multi Line String") &&
                                               Catch::Contains("must be a polygon"));
    }
    SECTION("the same code twice") {
        const std::string csv = fixtures::writeSheet(dir / "dup.csv", "CSV", "dup", {{"Mã xã"}, {"Tên xã"}},
                                                     {{"20164", "Xã Hương Phú"}, {"20167", "Xã Hương Sơn"}, {"20164", "Xã Hương Phú"}});
        auto result = importer::importFile(project, "units", csv, o = importer::ImportOptions{.level = "commune"});
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("row 4") && Catch::Contains("duplicated code 20164") &&
                                               Catch::Contains("also at row 2"));
    }
    SECTION("an empty file") {
        std::ofstream((dir / "empty.csv").string()).close();
        auto result = importer::importFile(project, "units", (dir / "empty.csv").string(), o);
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("empty.csv: the file is empty"));
    }
    CHECK(fixtures::readBytes(project) == before);
}

TEST_CASE("importer: a truncated GeoPackage source is refused as damaged", "[importer]") {
    const auto dir = test::scratchDir("importer_units_truncated_source");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    const std::string gpkg = fixtures::cutDistrict(dir, "Huyện Nam Đông", "EPSG:9214", "nam_dong.gpkg");
    const std::string bytes = fixtures::readBytes(gpkg);
    const std::string cut = (dir / "nam_dong_cut.gpkg").string();
    std::ofstream(cut, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size() * 2 / 3));
    const std::string before = fixtures::readBytes(project);
    importer::ImportOptions o;
    o.level = "commune";
    o.columnMap = {{"code", "gso_xa"}, {"name", "commune_vn"}};
    auto result = importer::importFile(project, "units", cut, o);
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error().message, Catch::Contains("nam_dong_cut.gpkg") && Catch::Contains("damaged or truncated"));
    CHECK(fixtures::readBytes(project) == before);
}
