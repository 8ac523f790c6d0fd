// The demo district: deterministic, a clean partition, plausible programme figures.
#include <catch2/catch.hpp>

#include <geos_c.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include "gis/demo/demo_district.hpp"
#include "gis/demo/demo_serialize.hpp"

namespace {

using gis::demo::DemoDistrict;
using gis::demo::DemoUnit;

/// Generated once: every test reads the same district.
const DemoDistrict& demo() {
    static const DemoDistrict d = gis::demo::generateDemoDistrict(2024);
    return d;
}

std::vector<const DemoUnit*> unitsAt(const DemoDistrict& d, const std::string& level) {
    std::vector<const DemoUnit*> out;
    for (const DemoUnit& u : d.units)
        if (u.level == level) out.push_back(&u);
    return out;
}

struct Geos {
    GEOSContextHandle_t h = GEOS_init_r();
    ~Geos() { GEOS_finish_r(h); }
};

struct GeomDeleter {
    GEOSContextHandle_t h;
    void operator()(GEOSGeometry* g) const { if (g) GEOSGeom_destroy_r(h, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GEOSGeometry* ring(GEOSContextHandle_t h, const gis::Ring& r) {
    GEOSCoordSequence* s = GEOSCoordSeq_create_r(h, static_cast<unsigned>(r.size() + 1), 2);
    for (unsigned i = 0; i <= r.size(); ++i) GEOSCoordSeq_setXY_r(h, s, i, r[i % r.size()].x, r[i % r.size()].y);
    return GEOSGeom_createLinearRing_r(h, s);
}

GeomPtr toGeos(GEOSContextHandle_t h, const gis::Geometry& g) {
    std::vector<GEOSGeometry*> polys;
    for (const gis::Polygon& p : g.polygons) {
        std::vector<GEOSGeometry*> holes;
        for (std::size_t i = 1; i < p.rings.size(); ++i) holes.push_back(ring(h, p.rings[i]));
        polys.push_back(GEOSGeom_createPolygon_r(h, ring(h, p.rings[0]), holes.data(), static_cast<unsigned>(holes.size())));
    }
    return GeomPtr(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(), static_cast<unsigned>(polys.size())),
                   GeomDeleter{h});
}

double area(GEOSContextHandle_t h, const GEOSGeometry* g) {
    double a = 0;
    GEOSArea_r(h, g, &a);
    return a;
}

bool isNfc(const std::string& s) {
    utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
    const bool same = nfc && s == reinterpret_cast<const char*>(nfc);
    std::free(nfc);
    return same;
}

}  // namespace

TEST_CASE("demo district is deterministic for a seed", "[unit][demo]") {
    const std::string a = gis::demo::serializeDemoDistrict(gis::demo::generateDemoDistrict(2024));
    const std::string b = gis::demo::serializeDemoDistrict(gis::demo::generateDemoDistrict(2024));
    CHECK(a.size() > 10000);
    CHECK(a == b);
    CHECK(a == gis::demo::serializeDemoDistrict(demo()));
    const std::string other = gis::demo::serializeDemoDistrict(gis::demo::generateDemoDistrict(7));
    CHECK(other != a);
}

TEST_CASE("demo units: one province, one district, about 20 communes with one township", "[unit][demo]") {
    const DemoDistrict& d = demo();
    REQUIRE(unitsAt(d, "province").size() == 1);
    REQUIRE(unitsAt(d, "district").size() == 1);
    const auto communes = unitsAt(d, "commune");
    CHECK(communes.size() >= 18);
    CHECK(communes.size() <= 22);
    CHECK(std::count_if(communes.begin(), communes.end(), [](const DemoUnit* u) { return u->type == "thi_tran"; }) == 1);

    const DemoUnit& province = *unitsAt(d, "province")[0];
    const DemoUnit& district = *unitsAt(d, "district")[0];
    CHECK(province.code.size() == 2);
    CHECK(district.code.size() == 3);
    CHECK(district.parentCode == province.code);
    CHECK(district.name.find("(mẫu)") != std::string::npos);

    std::set<std::string> codes;
    double minArea = 1e9, maxArea = 0;
    for (const DemoUnit* c : communes) {
        CHECK(c->code.size() == 5);
        CHECK(c->parentCode == district.code);
        CHECK((c->name.rfind("Xã ", 0) == 0 || c->name.rfind("Thị trấn ", 0) == 0));
        CHECK(c->population >= 3000);
        CHECK(c->population <= 15000);
        CHECK(c->geometry.kind == gis::GeometryKind::Polygon);
        minArea = std::min(minArea, c->areaKm2);
        maxArea = std::max(maxArea, c->areaKm2);
        // Placed in the north-central region (Thanh Hóa-like).
        const gis::Bounds b = c->geometry.bounds();
        CHECK(b.minX > 105.2);
        CHECK(b.maxX < 106.1);
        CHECK(b.minY > 19.4);
        CHECK(b.maxY < 20.2);
    }
    for (const DemoUnit& u : d.units) {
        CHECK(codes.insert(u.code).second);
        CHECK(isNfc(u.name));
    }
    // Varied sizes: large mountain communes and small lowland ones.
    CHECK(maxArea > 2.5 * minArea);
    CHECK(district.areaKm2 > 900);
    CHECK(district.areaKm2 < 1600);
}

TEST_CASE("demo communes partition the district: valid, no gaps, no overlaps", "[unit][demo]") {
    const DemoDistrict& d = demo();
    Geos geos;
    const auto communes = unitsAt(d, "commune");
    std::vector<GeomPtr> geoms;
    double sum = 0.0;
    for (const DemoUnit* c : communes) {
        geoms.push_back(toGeos(geos.h, c->geometry));
        INFO(c->name);
        CHECK(GEOSisValid_r(geos.h, geoms.back().get()) == 1);
        sum += area(geos.h, geoms.back().get());
    }
    const GeomPtr district = toGeos(geos.h, unitsAt(d, "district")[0]->geometry);
    REQUIRE(GEOSisValid_r(geos.h, district.get()) == 1);
    const double districtArea = area(geos.h, district.get());

    std::vector<GEOSGeometry*> clones;
    for (const GeomPtr& g : geoms) clones.push_back(GEOSGeom_clone_r(geos.h, g.get()));
    const GeomPtr all(GEOSGeom_createCollection_r(geos.h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                  static_cast<unsigned>(clones.size())), GeomDeleter{geos.h});
    const GeomPtr uni(GEOSUnaryUnion_r(geos.h, all.get()), GeomDeleter{geos.h});
    CHECK(std::abs(area(geos.h, uni.get()) - districtArea) / districtArea < 0.005);
    CHECK(std::abs(sum - districtArea) / districtArea < 0.005);

    double overlap = 0.0;
    for (std::size_t i = 0; i < geoms.size(); ++i)
        for (std::size_t j = i + 1; j < geoms.size(); ++j) {
            const GeomPtr x(GEOSIntersection_r(geos.h, geoms[i].get(), geoms[j].get()), GeomDeleter{geos.h});
            overlap += area(geos.h, x.get());
        }
    CHECK(overlap / districtArea < 1e-6);
}

TEST_CASE("demo villages lie inside their commune", "[unit][demo]") {
    const DemoDistrict& d = demo();
    Geos geos;
    std::map<std::string, GeomPtr> communes;
    for (const DemoUnit* c : unitsAt(d, "commune")) communes.emplace(c->code, toGeos(geos.h, c->geometry));
    std::map<std::string, int> perCommune;
    for (const DemoUnit* v : unitsAt(d, "village")) {
        REQUIRE(v->geometry.kind == gis::GeometryKind::Point);
        REQUIRE(communes.count(v->parentCode) == 1);
        const GeomPtr pt(GEOSGeom_createPointFromXY_r(geos.h, v->geometry.points[0].x, v->geometry.points[0].y), GeomDeleter{geos.h});
        INFO(v->name << " of " << v->parentCode);
        CHECK(GEOSContains_r(geos.h, communes.at(v->parentCode).get(), pt.get()) == 1);
        ++perCommune[v->parentCode];
    }
    for (const auto& [code, count] : perCommune) {
        CHECK(count >= 4);
        CHECK(count <= 10);
    }
    CHECK(perCommune.size() == communes.size());
}

TEST_CASE("demo assessments are consistent and show a realistic 2024 spread", "[unit][demo]") {
    const DemoDistrict& d = demo();
    std::set<std::string> townships;
    for (const DemoUnit* c : unitsAt(d, "commune"))
        if (c->type == "thi_tran") townships.insert(c->code);

    int full = 0, under15 = 0, fourteen = 0, countOnly = 0, inProgress = 0;
    std::map<std::string, std::map<std::string, int>> byUnitYear;
    for (const auto& a : d.assessments) {
        CHECK(a.criteriaMet >= 0);
        CHECK(a.criteriaMet <= a.criteriaTotal);
        CHECK(townships.count(a.unitCode) == 0);
        if (a.detailed) {
            CHECK(static_cast<int>(a.met.size()) == a.criteriaMet);
            for (int k : a.inProgress) CHECK(std::find(a.met.begin(), a.met.end(), k) == a.met.end());
            for (int k : a.met) { CHECK(k >= 1); CHECK(k <= 19); }
            inProgress += static_cast<int>(a.inProgress.size());
        }
        if (a.setId != "ntm_xa_2021_2025") continue;
        byUnitYear[a.unitCode][a.asOf] = a.criteriaMet;
        if (a.asOf != "2024-12-31") continue;
        full += a.criteriaMet == 19;
        under15 += a.criteriaMet < 15;
        fourteen += a.criteriaMet == 14;
        countOnly += !a.detailed;
    }
    CHECK(full >= 3);
    CHECK(under15 >= 2);
    CHECK(fourteen >= 1);
    CHECK(countOnly >= 1);
    CHECK(inProgress > 0);
    // Every commune assessed for 2021–2024, never getting worse.
    for (const auto& [unit, years] : byUnitYear) {
        CHECK(years.size() == 4);
        int last = 0;
        for (const auto& [date, met] : years) { CHECK(met >= last); last = met; }
    }
}

TEST_CASE("demo money, tasks and indicators are plausible", "[unit][demo]") {
    const DemoDistrict& d = demo();
    double minRate = 1.0, maxRate = 0.0;
    std::map<std::string, std::pair<double, double>> yearEnd;
    for (const auto& m : d.money) {
        CHECK(m.programmeId == "ntp_ntm_2021_2025");
        CHECK((m.capitalType == "dtpt" || m.capitalType == "su_nghiep"));
        CHECK(m.planVnd > 0);
        CHECK(m.disbursedVnd >= 0);
        CHECK(m.disbursedVnd <= m.planVnd);
        if (m.date == "2024-12-31") {
            yearEnd[m.unitCode].first += m.planVnd;
            yearEnd[m.unitCode].second += m.disbursedVnd;
        }
    }
    for (const auto& [unit, pd] : yearEnd) {
        minRate = std::min(minRate, pd.second / pd.first);
        maxRate = std::max(maxRate, pd.second / pd.first);
    }
    CHECK(minRate < 0.15);
    CHECK(maxRate > 0.85);

    bool dh131 = false;
    for (const auto& t : d.tasks) {
        CHECK(t.sourceDocument.find("45/TB-UBND") != std::string::npos);
        CHECK((t.status == "open" || t.status == "done"));
        CHECK(t.deadline.size() == 10);
        dh131 = dh131 || (t.text.find("ĐH 131") != std::string::npos && t.deadline == "2024-04-10");
    }
    CHECK(dh131);

    for (const auto& i : d.infrastructure) {
        CHECK(!i.name.empty());
        CHECK((i.status == "planned" || i.status == "under_construction" || i.status == "completed"));
        if (i.budgetVnd > 0) { CHECK(i.budgetVnd >= 3e8); CHECK(i.budgetVnd <= 1.5e10); }
        CHECK(isNfc(i.name));
    }
    for (const auto& ind : d.indicators) {
        CHECK(ind.name == "poverty_rate");
        CHECK(ind.value >= 0);
        CHECK(ind.value < 40);
    }
}

TEST_CASE("demo map layers are in EPSG:3857 with the documented fields", "[unit][demo]") {
    const auto layers = gis::demo::demoMapLayers(demo());
    REQUIRE(layers.size() == 4);
    CHECK(layers[0].name == "communes");
    CHECK(layers[1].name == "roads");
    CHECK(layers[2].name == "villages");
    CHECK(layers[3].name == "infrastructure");
    for (const auto& layer : layers) {
        CHECK(layer.sourcePath == "demo");
        REQUIRE(layer.bounds.valid());
        // Web-Mercator metres around lon 105.6°, lat 19.8°.
        CHECK(layer.bounds.minX > 11.6e6);
        CHECK(layer.bounds.maxX < 11.85e6);
        CHECK(layer.bounds.minY > 2.2e6);
        CHECK(layer.bounds.maxY < 2.3e6);
        for (std::size_t i = 0; i < layer.features.size(); ++i) {
            CHECK(layer.features[i].fid == static_cast<std::int64_t>(i + 1));
            CHECK(layer.features[i].attributes.size() == layer.fields.size());
        }
    }
    const auto& communes = layers[0];
    for (const char* f : {"code", "name", "type", "criteria_met", "criteria_total", "criteria_pct", "tier", "disbursed_pct",
                          "poverty_rate", "population"})
        CHECK(communes.fieldIndex(f) >= 0);
    const int type = communes.fieldIndex("type"), met = communes.fieldIndex("criteria_met"),
              tier = communes.fieldIndex("tier"), pct = communes.fieldIndex("criteria_pct");
    std::set<std::string> tiers;
    for (const auto& f : communes.features) {
        const auto& t = std::get<std::string>(f.attributes[static_cast<std::size_t>(type)]);
        if (t == "thi_tran") {
            CHECK(std::holds_alternative<std::monostate>(f.attributes[static_cast<std::size_t>(met)]));
            CHECK(std::holds_alternative<std::monostate>(f.attributes[static_cast<std::size_t>(tier)]));
        } else {
            REQUIRE(std::holds_alternative<std::int64_t>(f.attributes[static_cast<std::size_t>(met)]));
            const auto m = std::get<std::int64_t>(f.attributes[static_cast<std::size_t>(met)]);
            CHECK(std::get<double>(f.attributes[static_cast<std::size_t>(pct)]) == Approx(std::round(1000.0 * m / 19) / 10.0));
            tiers.insert(std::get<std::string>(f.attributes[static_cast<std::size_t>(tier)]));
        }
    }
    CHECK(tiers.count("Chưa đạt chuẩn") == 1);
    CHECK(tiers.count("Đạt chuẩn NTM") == 1);
    for (const auto& f : layers[1].features) CHECK(f.geometry.kind == gis::GeometryKind::Line);
    for (const auto& f : layers[2].features) CHECK(f.geometry.kind == gis::GeometryKind::Point);
    for (const auto& f : layers[3].features) CHECK(f.geometry.kind == gis::GeometryKind::Point);
}
