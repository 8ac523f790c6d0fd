#include <algorithm>
#include <proj.h>
// Transformer against the reference implementation (cs2cs, run here), including the VN-2000
// TOWGS84 rotation-sign pitfall.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <random>
#include <sstream>
#include <thread>

#include "gis/proj/transformer.hpp"
#include "tests/support/test_paths.hpp"

namespace {

// Position Vector signs, as PROJ itself emits for EPSG:4756 (EPSG:6960 is Coordinate Frame).
const std::string kVn2000HaTinhFlipped =
    "+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 "
    "+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs +type=crs";
// The Coordinate Frame signs pasted into +towgs84: the common mistake.
const std::string kVn2000HaTinhUnflipped =
    "+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 "
    "+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs +type=crs";

/// Runs cs2cs on one lon/lat point (WGS84) to `targetCrs`; returns easting, northing.
gis::Vec2 cs2cs(const std::string& targetCrs, double lon, double lat) {
    std::ostringstream cmd;
    cmd.precision(12);
    // "+proj=longlat +datum=WGS84" input order is lon lat, like our normalised order.
    cmd << "echo '" << lon << " " << lat << "' | cs2cs -f '%.6f' +proj=longlat +datum=WGS84 +type=crs +to " << targetCrs;
    std::string out;
    REQUIRE(test::runCommand(cmd.str(), &out) == 0);
    std::istringstream in(out);
    gis::Vec2 p;
    in >> p.x >> p.y;
    return p;
}

double distance(gis::Vec2 a, gis::Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

TEST_CASE("WGS84 to VN-2000 Hà Tĩnh (EPSG:9209) matches cs2cs and round-trips", "[proj]") {
    auto t = gis::proj::Transformer::create("EPSG:4326", "EPSG:9209");
    REQUIRE(t.ok());
    gis::Vec2 p{105.9057, 18.3428};  // lon, lat: normalised order even though EPSG:4326 is lat/lon
    REQUIRE(t->forward(p));
    // The README's worked example, and cs2cs run now.
    CHECK(p.x == Approx(542681.977).margin(0.001));
    CHECK(p.y == Approx(2028878.620).margin(0.001));
    std::string out;
    REQUIRE(test::runCommand("echo '18.3428 105.9057' | cs2cs -f '%.6f' EPSG:4326 EPSG:9209", &out) == 0);
    std::istringstream in(out);
    gis::Vec2 ref;
    in >> ref.x >> ref.y;
    CHECK(distance(p, ref) < 0.001);

    gis::Vec2 back = p;
    REQUIRE(t->inverse(back));
    // 1e-8° ≈ 1 mm
    CHECK(std::abs(back.x - 105.9057) < 1e-8);
    CHECK(std::abs(back.y - 18.3428) < 1e-8);
}

TEST_CASE("hand-written VN-2000 PROJ string with the flipped +towgs84 signs matches cs2cs", "[proj]") {
    auto t = gis::proj::Transformer::create("EPSG:4326", kVn2000HaTinhFlipped);
    REQUIRE(t.ok());
    for (const gis::Vec2 wgs : {gis::Vec2{105.9057, 18.3428}, gis::Vec2{105.2, 18.05}, gis::Vec2{106.4, 18.7}}) {
        gis::Vec2 p = wgs;
        REQUIRE(t->forward(p));
        CHECK(distance(p, cs2cs(kVn2000HaTinhFlipped, wgs.x, wgs.y)) < 0.001);
        gis::Vec2 back = p;
        REQUIRE(t->inverse(back));
        gis::Vec2 again = back;
        REQUIRE(t->forward(again));
        CHECK(distance(again, p) < 0.001);  // round trip in metres
    }
    // and equals the EPSG definition
    auto epsg = gis::proj::Transformer::create("EPSG:4326", "EPSG:9209");
    REQUIRE(epsg.ok());
    gis::Vec2 a{105.9057, 18.3428}, b{105.9057, 18.3428};
    REQUIRE(t->forward(a));
    REQUIRE(epsg->forward(b));
    CHECK(distance(a, b) < 0.001);
}

TEST_CASE("the unflipped (Coordinate Frame) rotation signs are ~0.7 m off at Hà Tĩnh", "[proj]") {
    // PROJ 9.1 takes +towgs84 rotations as Position Vector; pasting EPSG:6960's Coordinate Frame
    // values unchanged rotates the wrong way. PROJ 9.1 does not detect it.
    auto right = gis::proj::Transformer::create("EPSG:4326", kVn2000HaTinhFlipped);
    auto wrong = gis::proj::Transformer::create("EPSG:4326", kVn2000HaTinhUnflipped);
    REQUIRE(right.ok());
    REQUIRE(wrong.ok());
    gis::Vec2 a{105.9057, 18.3428}, b{105.9057, 18.3428};
    REQUIRE(right->forward(a));
    REQUIRE(wrong->forward(b));
    const double d = distance(a, b);
    INFO("difference " << d << " m");
    CHECK(d > 0.5);
    CHECK(d < 1.0);
}

TEST_CASE("array transform equals point transform", "[proj]") {
    auto t = gis::proj::Transformer::create("EPSG:4326", "EPSG:3857");
    REQUIRE(t.ok());
    std::vector<gis::Vec2> pts{{105.0, 21.0}, {106.7, 10.8}, {108.2, 16.05}};
    std::vector<gis::Vec2> copy = pts;
    REQUIRE(t->forward(pts));
    for (std::size_t i = 0; i < pts.size(); ++i) {
        REQUIRE(t->forward(copy[i]));
        CHECK(pts[i].x == copy[i].x);
        CHECK(pts[i].y == copy[i].y);
    }
    CHECK(pts[0].x == Approx(11688546.533).margin(0.01));
}

TEST_CASE("a transformer may be used on another thread (sequentially)", "[proj]") {
    auto t = gis::proj::Transformer::create("EPSG:4326", "EPSG:3857");
    REQUIRE(t.ok());
    gis::Vec2 p{105.0, 21.0};
    bool ok = false;
    std::thread([&] { ok = t->forward(p); }).join();
    CHECK(ok);
    CHECK(p.x == Approx(11688546.533).margin(0.01));
}

TEST_CASE("unknown CRS is a BadCrs error naming it", "[proj]") {
    auto t = gis::proj::Transformer::create("EPSG:999999", "EPSG:3857");
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().code == gis::ErrorCode::BadCrs);
    CHECK(t.error().message.find("EPSG:999999") != std::string::npos);
}

TEST_CASE("VN-2000 zone by province code or name", "[proj]") {
    using gis::proj::vn2000ZoneForProvince;
    CHECK(vn2000ZoneForProvince("40") == "EPSG:9208");  // Nghệ An 104°45′
    CHECK(vn2000ZoneForProvince("Nghệ An") == "EPSG:9208");
    CHECK(vn2000ZoneForProvince("Tỉnh Hà Tĩnh") == "EPSG:9209");
    CHECK(vn2000ZoneForProvince("ha tinh") == "EPSG:9209");
    CHECK(vn2000ZoneForProvince("Thanh Hoá") == "EPSG:5897");  // old-style tone mark
    CHECK(vn2000ZoneForProvince("Thanh Hóa") == "EPSG:5897");
    CHECK(vn2000ZoneForProvince("Lạng Sơn") == "EPSG:9215");
    CHECK(vn2000ZoneForProvince("Thừa Thiên Huế") == "EPSG:9214");
    CHECK(vn2000ZoneForProvince("Huế") == "EPSG:9214");
    CHECK(vn2000ZoneForProvince("Bà Rịa-Vũng Tàu") == vn2000ZoneForProvince("Bà Rịa - Vũng Tàu"));
    CHECK_FALSE(vn2000ZoneForProvince("Bà Rịa - Vũng Tàu").empty());
    CHECK(vn2000ZoneForProvince("1") == "EPSG:5897");  // Hà Nội, code without the leading zero
    CHECK(vn2000ZoneForProvince("Atlantis").empty());
    CHECK(vn2000ZoneForProvince("").empty());
}

TEST_CASE("WGS 84 to Web Mercator in bulk and point by point: the same bits, within a micrometre of PROJ, and PROJ's refusals", "[proj]") {
    auto bulk = gis::proj::Transformer::create("EPSG:4326", "EPSG:3857");
    auto single = gis::proj::Transformer::create("EPSG:4326", "EPSG:3857");
    REQUIRE(bulk);
    REQUIRE(single);
    // PROJ itself, as proj_create_crs_to_crs makes the operation (lat/lon axis order).
    PJ* proj = proj_create_crs_to_crs(nullptr, "EPSG:4326", "EPSG:3857", nullptr);
    REQUIRE(proj != nullptr);
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> lon(-180.0, 180.0), lat(-89.0, 89.0), vnLon(102.0, 110.0), vnLat(8.0, 24.0);
    std::vector<gis::Vec2> points{{-180.0, 0.0}, {180.0, 0.0}, {0.0, 89.0}, {0.0, -89.0}, {0.0, 0.0}, {105.85, 21.03}};
    for (int i = 0; i < 20001; ++i) points.push_back(i % 2 ? gis::Vec2{lon(random), lat(random)} : gis::Vec2{vnLon(random), vnLat(random)});
    std::vector<gis::Vec2> fast = points;
    REQUIRE(bulk->forward(fast));
    std::size_t differing = 0;
    double farthest = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        gis::Vec2 p = points[i];
        REQUIRE(single->forward(p));
        differing += (p.x != fast[i].x || p.y != fast[i].y) ? 1 : 0;
        PJ_COORD c = proj_trans(proj, PJ_FWD, proj_coord(points[i].y, points[i].x, 0.0, HUGE_VAL));
        farthest = std::max({farthest, std::fabs(c.xy.x - fast[i].x), std::fabs(c.xy.y - fast[i].y)});
    }
    proj_destroy(proj);
    CHECK(differing == 0);  // whichever call projects a point, its map position is the same
    CHECK(farthest < 1e-6);  // metres: 0.1 µm near ±89°, 4 nm in Vietnam
    CHECK(farthest > 0.0);   // (not PROJ itself: were it, this test would not check the formula)

    // Outside the box the bulk path hands over to PROJ: longitudes it wraps, latitudes it refuses.
    std::vector<gis::Vec2> wrapped{{190.0, 10.0}, {105.0, 10.0}};
    gis::Vec2 expected{190.0, 10.0};
    REQUIRE(single->forward(expected));
    REQUIRE(bulk->forward(wrapped));
    CHECK(wrapped[0].x == expected.x);
    std::vector<gis::Vec2> pole{{105.0, 90.0}, {105.0, 10.0}};
    gis::Vec2 expectedPole{105.0, 90.0};
    REQUIRE(single->forward(expectedPole));
    REQUIRE(bulk->forward(pole));
    CHECK(pole[0].y == expectedPole.y);
    std::vector<gis::Vec2> beyond{{105.0, 91.0}, {105.0, 10.0}};
    CHECK_FALSE(bulk->forward(beyond));
    std::vector<gis::Vec2> nan{{std::nan(""), 10.0}};
    CHECK_FALSE(bulk->forward(nan));
}
