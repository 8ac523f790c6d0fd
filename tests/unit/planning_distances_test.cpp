// Distance to facilities with real village points (GeoNames, via Who's On First) in Anh Sơn
// and schools at commune points: the k-d tree + ellipsoidal geodesic answer is checked against
// a brute force over every school in UTM zone 48N (an independent projection path, metres).
#include <catch2/catch.hpp>
#include <ogr_spatialref.h>

#include <cmath>

#include "gis/importer/importer.hpp"
#include "gis/planning/facility_distance.hpp"
#include "gis/planning/nearest_site.hpp"
#include "gis/store/gpkg_geometry.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

using namespace gis;

namespace {

std::string sh(const std::string& s) { return "'" + s + "'"; }

std::string villageProject(const std::filesystem::path& dir) {
    const std::string project = fixtures::makeProject(dir, false);
    const std::string villages = (dir / "thon.gpkg").string();
    const std::string wof = (test::sharedDir() / "data/real/whosonfirst_admin_vn/wof_vn.gpkg").string();
    REQUIRE(test::runCommand("ogr2ogr -f GPKG " + sh(villages) + " " + sh(wof) +
                             " localities_in_5_target_districts -where \"in_district_vn = 'Huyện Anh Sơn' AND in_gso_xa IS NOT NULL\"") == 0);
    importer::ImportOptions o;
    o.level = "village";
    o.columnMap = {{"code", "wof_id"}, {"name", "name"}, {"parent_code", "in_gso_xa"}};
    REQUIRE(importer::importFile(project, "units", villages, o));
    // A school at a point inside each commune: finished in the odd-numbered codes, planned in the others.
    const std::string schools = (dir / "truong.gpkg").string();
    REQUIRE(test::runCommand("ogr2ogr -f GPKG " + sh(schools) + " " + sh((dir / "anh_son.gpkg").string()) +
                             " -dialect sqlite -sql \"SELECT ST_PointOnSurface(geom) AS geom, 'Trường ' || commune_vn AS ten, "
                             "'Trường học' AS loai, CASE WHEN CAST(gso_xa AS INTEGER) % 2 = 1 THEN 'Hoàn thành' ELSE 'Kế hoạch' END "
                             "AS tinh_trang, gso_xa AS ma_xa FROM communes WHERE gso_xa IS NOT NULL\"") == 0);
    REQUIRE(importer::importFile(project, "infrastructure", schools, {}));
    return project;
}

/// Brute force in UTM 48N: planar metres to every school, no index, no geodesic.
double bruteForceMetres(const store::ProjectData& data, double lon, double lat, bool anyStatus) {
    OGRSpatialReference wgs84, utm;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    utm.importFromEPSG(32648);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs84, &utm));
    double vx = lon, vy = lat;
    ct->Transform(1, &vx, &vy);
    double best = INFINITY;
    for (const auto& w : data.infrastructure) {
        if (w.type != "school" || (!anyStatus && w.status != "completed")) continue;
        auto g = store::decodeGpkgGeometry(w.geometry);
        double x = g->toPoint()->getX(), y = g->toPoint()->getY();
        ct->Transform(1, &x, &y);
        best = std::min(best, std::hypot(x - vx, y - vy));
    }
    return best;
}

}  // namespace

TEST_CASE("distances: each village to the nearest school in metres on the ground, against a brute force in UTM", "[planning]") {
    const auto dir = test::scratchDir("planning_distances");
    const std::string project = villageProject(dir);
    auto db = store::openProject(project, false);
    auto data = store::loadProjectData(*db, true);
    REQUIRE(data);

    for (const bool anyStatus : {false, true}) {
        auto report = planning::computeFacilityDistances(*data, {"school", anyStatus, 2.0, ""});
        REQUIRE(report);
        REQUIRE(report->villages.size() > 40);
        int beyond = 0;
        for (const auto& v : report->villages) {
            INFO(v.unitCode << " " << v.unitName);
            REQUIRE(v.positioned);
            REQUIRE(v.distanceM);
            const double expected = bruteForceMetres(*data, v.lon, v.lat, anyStatus);
            // UTM's scale error near 105° E is below 0.1 %: both are metres on the ground.
            CHECK(*v.distanceM == Approx(expected).epsilon(0.002).margin(1.0));
            CHECK(v.beyond == (*v.distanceM > 2000.0));
            beyond += v.beyond ? 1 : 0;
            if (!anyStatus) CHECK(v.workStatus == "completed");
            CHECK_FALSE(v.communeCode.empty());
        }
        CHECK(report->beyondCount == beyond);
        // Farthest first.
        for (std::size_t i = 1; i < report->villages.size(); ++i) CHECK(*report->villages[i - 1].distanceM >= *report->villages[i].distanceM);
    }
    // More schools can only bring a village closer.
    auto completed = planning::computeFacilityDistances(*data, {"school", false, std::nullopt, ""});
    auto any = planning::computeFacilityDistances(*data, {"school", true, std::nullopt, ""});
    for (const auto& v : completed->villages) CHECK(*any->villages[any->byUnit.at(v.unitCode)].distanceM <= *v.distanceM + 1e-6);

    // One commune's villages; no markets at all: nothing measured, all beyond the threshold.
    auto tamSon = planning::computeFacilityDistances(*data, {"market", false, 2.0, "17341"});
    REQUIRE(tamSon);
    for (const auto& v : tamSon->villages) {
        CHECK(v.communeCode == "17341");
        CHECK_FALSE(v.distanceM);
        CHECK(v.beyond);
    }
    CHECK_FALSE(planning::computeFacilityDistances(*data, {"", false, std::nullopt, ""}));
    CHECK_FALSE(planning::computeFacilityDistances(*data, {"school", false, -1.0, ""}));
}

TEST_CASE("distances: the nearest site is the nearest on the WGS 84 ellipsoid", "[planning]") {
    // Hà Nội – Hồ Chí Minh City: 1,137 km on the ellipsoid (Karney); the index must return the
    // nearer of two sites even when the sphere would order them the other way by a hair.
    const planning::LonLat hanoi{105.8542, 21.0285}, hcmc{106.6297, 10.8231};
    CHECK(planning::geodesicMetres(hanoi, hcmc) == Approx(1'137'000).epsilon(0.005));
    std::vector<planning::LonLat> sites;
    for (int i = 0; i < 2000; ++i) sites.push_back({102.0 + (i % 50) * 0.15, 8.5 + (i / 50) * 0.38});
    const planning::NearestSite index(sites);
    for (const planning::LonLat q : {hanoi, hcmc, planning::LonLat{107.6, 16.46}}) {
        const auto hit = index.nearest(q);
        REQUIRE(hit);
        double best = INFINITY;
        for (const auto& s : sites) best = std::min(best, planning::geodesicMetres(q, s));
        CHECK(hit->metres == Approx(best).margin(1e-6));
    }
}
