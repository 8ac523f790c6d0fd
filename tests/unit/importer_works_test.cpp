// Infrastructure from real vector layers: points and lines made from Nam Đông's communes in
// VN-2000 (zone 107°00′, EPSG:9214), matched to their communes, polygons refused.
#include <catch2/catch.hpp>

#include "gis/importer/importer.hpp"
#include "gis/figures/summary.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;

namespace {

std::string makeNamDongProject(const std::filesystem::path& dir, std::string& communes) {
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(store::createProject(project));
    communes = fixtures::cutDistrict(dir, "Huyện Nam Đông", "EPSG:9214", "nam_dong.gpkg");
    importer::ImportOptions o;
    o.level = "commune";
    o.columnMap = {{"code", "gso_xa"}, {"name", "commune_vn"}, {"parent_code", "gso_huyen"}, {"parent_name", "district_vn"}};
    REQUIRE(importer::importFile(project, "units", communes, o));
    return project;
}

std::string derive(const std::filesystem::path& dir, const std::string& source, const std::string& name, const std::string& sql) {
    const std::string out = (dir / name).string();
    REQUIRE(test::runCommand("ogr2ogr -f GPKG '" + out + "' '" + source + "' -dialect sqlite -sql \"" + sql + "\"") == 0);
    return out;
}

}  // namespace

TEST_CASE("importer: point and line layers in VN-2000 become infrastructure of their communes", "[importer]") {
    const auto dir = test::scratchDir("importer_works_layers");
    std::string communes;
    const std::string project = makeNamDongProject(dir, communes);

    // A health station at each commune's centroid; the header spellings a district layer uses.
    const std::string stations = derive(dir, communes, "tram_y_te.gpkg",
                                        "SELECT ST_PointOnSurface(geom) AS geom, 'Trạm y tế ' || commune_vn AS ten, "
                                        "'Trạm y tế' AS loai, 'Hoàn thành' AS tinh_trang, gso_xa AS ma_xa FROM communes");
    auto report = importer::importFile(project, "infrastructure", stations, {});
    REQUIRE(report);
    CHECK(report->recordsWritten == 11);

    // Roads: commune boundaries as lines, no type column (a line layer is a road layer).
    const std::string roads = derive(dir, communes, "duong.gpkg",
                                     "SELECT ST_ExteriorRing(ST_GeometryN(geom, 1)) AS geom, 'Đường trục ' || commune AS ten, "
                                     "'Đang thi công' AS tinh_trang, 1500 AS kinh_phi FROM communes WHERE gso_xa IN ('20164', '20167')");
    importer::ImportOptions money;
    money.moneyUnit = "trieu";
    REQUIRE(importer::importFile(project, "infrastructure", roads, money));

    auto db = store::openProject(project, false);
    auto data = store::loadProjectData(*db, true);
    REQUIRE(data);
    REQUIRE(data->infrastructure.size() == 13);
    int roadsSeen = 0;
    for (const auto& item : data->infrastructure) {
        const auto geometry = store::decodeGpkgGeometry(item.geometry);
        REQUIRE(geometry);
        OGREnvelope env;
        geometry->getEnvelope(&env);
        CHECK(env.MinX > 107.3);  // back in WGS 84 longitudes, around Nam Đông
        CHECK(env.MaxX < 107.9);
        if (item.type == "road") {
            ++roadsSeen;
            CHECK(item.status == "under_construction");
            CHECK(item.budgetVnd == 1'500'000'000);
            CHECK(wkbFlatten(geometry->getGeometryType()) == wkbLineString);
        } else {
            CHECK(item.type == "health_station");
            CHECK_FALSE(item.unitCode.empty());
        }
    }
    CHECK(roadsSeen == 2);

    auto summary = figures::computeSummary(*data, {"2024-12-31", "483"});
    REQUIRE(summary);
    CHECK(summary->front().infrastructure.at("health_station").at("completed") == 11);
}

TEST_CASE("importer: polygons are not infrastructure", "[importer]") {
    const auto dir = test::scratchDir("importer_works_polygons");
    std::string communes;
    const std::string project = makeNamDongProject(dir, communes);
    const std::string before = fixtures::readBytes(project);
    const std::string areas = derive(dir, communes, "vung.gpkg",
                                     "SELECT geom, commune_vn AS ten, 'Chợ' AS loai, 'Kế hoạch' AS tinh_trang FROM communes");
    auto result = importer::importFile(project, "infrastructure", areas, {});
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error().message, Catch::Contains("vung.gpkg") && Catch::Contains("feature 1") &&
                                           Catch::Contains("infrastructure must be a point or a line"));
    CHECK(fixtures::readBytes(project) == before);
}
