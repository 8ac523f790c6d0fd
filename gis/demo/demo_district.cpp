#include "gis/demo/demo_district.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "gis/demo/commune_partition.hpp"
#include "gis/demo/demo_context.hpp"
#include "gis/demo/demo_infrastructure.hpp"
#include "gis/demo/demo_names.hpp"
#include "gis/demo/demo_programme_data.hpp"
#include "gis/demo/district_shape.hpp"
#include "gis/demo/geos_util.hpp"
#include "gis/demo/noise.hpp"

namespace gis::demo {

namespace {

// The demo sits in the lowland/midland of Thanh Hóa (north-central region). The shapes are
// built in a local metric frame and placed here with an equirectangular mapping, which is
// exact enough over 45 km and, being a pure function, keeps shared vertices shared.
constexpr double kCentreLon = 105.62;
constexpr double kCentreLat = 19.80;
constexpr double kMetresPerDegLat = 110574.0;
constexpr double kMetresPerDegLonEquator = 111320.0;

Vec2 toLonLat(Vec2 p) {
    const double cosLat = std::cos(kCentreLat * 3.14159265358979323846 / 180.0);
    return {kCentreLon + p.x / (kMetresPerDegLonEquator * cosLat), kCentreLat + p.y / kMetresPerDegLat};
}

void toLonLat(Geometry& g) {
    for (Vec2& p : g.points) p = toLonLat(p);
    for (LineString& l : g.lines) for (Vec2& p : l) p = toLonLat(p);
    for (Polygon& poly : g.polygons) for (Ring& r : poly.rings) for (Vec2& p : r) p = toLonLat(p);
}

Geometry polygonGeometry(const Polygon& p) {
    Geometry g;
    g.kind = GeometryKind::Polygon;
    g.polygons.push_back(p);
    return g;
}

/// The commune seat: the best of many random samples by distance to the border (a cheap
/// pole of inaccessibility), so labels and roads land well inside.
Vec2 communeSeat(const Polygon& shape, Prng& rng) {
    const Bounds bb = polygonGeometry(shape).bounds();
    Vec2 best = bb.center();
    double bestD = -1.0;
    for (int i = 0; i < 400; ++i) {
        const Vec2 p{rng.uniform(bb.minX, bb.maxX), rng.uniform(bb.minY, bb.maxY)};
        if (!pointInPolygon(shape, p)) continue;
        const double d = distanceToBoundary(shape, p);
        if (d > bestD) { bestD = d; best = p; }
    }
    return best;
}

/// Village points: spread over the commune, off the border, not on top of each other.
std::vector<Vec2> placeVillages(const Polygon& shape, double areaKm2, int count, Prng& rng) {
    const Bounds bb = polygonGeometry(shape).bounds();
    std::vector<Vec2> out;
    double spacing = 0.55 * std::sqrt(areaKm2 * 1e6 / count);
    double margin = 450.0;
    int attempts = 0;
    while (static_cast<int>(out.size()) < count) {
        const Vec2 p{rng.uniform(bb.minX, bb.maxX), rng.uniform(bb.minY, bb.maxY)};
        if (++attempts % 400 == 0) { spacing *= 0.8; margin *= 0.8; }  // relax for odd shapes
        if (!pointInPolygon(shape, p) || distanceToBoundary(shape, p) < margin) continue;
        bool ok = true;
        for (const Vec2& q : out)
            if (std::hypot(p.x - q.x, p.y - q.y) < spacing) { ok = false; break; }
        if (ok) out.push_back(p);
    }
    return out;
}

}  // namespace

DemoDistrict generateDemoDistrict(std::uint32_t seed) {
    Prng root(0x4E544D0000000000ull ^ seed);  // "NTM" in the high bytes: a distinct stream per seed
    Prng shapeRng = root.fork(1), fieldRng = root.fork(2), partRng = root.fork(3), communeRng = root.fork(4),
         dataRng = root.fork(5), infraRng = root.fork(6), taskRng = root.fork(7);
    const GeosContext ctx;
    const DemoAdminNames admin;

    // 1. Shapes.
    const DistrictShape shape = generateDistrictShape(ctx, shapeRng, 44000.0, 31000.0);
    DisplacementField field(fieldRng, 900.0, 11000.0, 3);
    const Bounds shapeBounds = polygonGeometry(shape.outline).bounds();
    Bounds fieldArea = shapeBounds;
    fieldArea.expand(Vec2{shapeBounds.minX - 3000.0, shapeBounds.minY - 3000.0});
    fieldArea.expand(Vec2{shapeBounds.maxX + 3000.0, shapeBounds.maxY + 3000.0});
    field.limitSlope(fieldArea, 0.6);
    // The township sits a little east of the middle, towards the river and the lowland.
    const Vec2 townSpot{shapeBounds.center().x + 0.1 * shapeBounds.width(), shapeBounds.center().y};
    const Partition part = partitionDistrict(ctx, shape.outline, partRng, 20, townSpot, field);

    // 2. Communes: the one nearest the district centre is the township; names run west → east.
    const Bounds db = polygonGeometry(part.district).bounds();
    std::vector<CommuneWork> communes(part.communes.size());
    const Vec2 townAt = field.apply(townSpot);
    std::size_t town = 0;
    double townD = 1e300;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        CommuneWork& c = communes[i];
        c.shape = part.communes[i];
        c.areaKm2 = polygonArea(c.shape) / 1e6;
        Prng r = communeRng.fork(i);
        c.centre = communeSeat(c.shape, r);
        const double d = std::hypot(c.centre.x - townAt.x, c.centre.y - townAt.y);
        if (d < townD) { townD = d; town = i; }
    }
    // The river commune: the one reaching farthest east near the middle of the river.
    std::size_t river = 0;
    double riverScore = -1e300;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        if (i == town) continue;
        double s = -1e300;
        for (const Vec2& p : communes[i].shape.rings[0]) s = std::max(s, p.x - 0.5 * std::abs(p.y));
        if (s > riverScore) { riverScore = s; river = i; }
    }
    communes[town].township = true;

    // GSO order: the township first, then communes by position (north-west first).
    std::vector<std::size_t> order(communes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (communes[a].township != communes[b].township) return communes[a].township;
        return communes[a].centre.x - 0.3 * communes[a].centre.y < communes[b].centre.x - 0.3 * communes[b].centre.y;
    });
    std::vector<CommuneWork> sorted;
    for (std::size_t i : order) sorted.push_back(communes[i]);
    const std::size_t riverSorted = static_cast<std::size_t>(std::find(order.begin(), order.end(), river) - order.begin());
    communes = std::move(sorted);

    std::size_t nameIndex = 0;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        CommuneWork& c = communes[i];
        char code[16];
        std::snprintf(code, sizeof code, "%05d", 99700 + 3 * static_cast<int>(i));  // GSO steps codes by 3
        c.code = code;
        if (c.township) {
            c.baseName = "Thanh Lâm";
            c.fullName = admin.townshipName;
        } else {
            c.baseName = i == riverSorted ? riverCommuneBaseName() : communeBaseNames()[nameIndex++];
            c.fullName = "Xã " + c.baseName;
        }
        // Development: lowland east and closeness to the township (0 … 1).
        const double east = std::clamp((c.centre.x - db.minX) / db.width(), 0.0, 1.0);
        const double near = std::clamp(1.0 - std::hypot(c.centre.x - townAt.x, c.centre.y - townAt.y) / 25000.0, 0.0, 1.0);
        c.development = std::clamp(0.65 * east + 0.35 * near, 0.0, 1.0);
        Prng r = communeRng.fork(100 + i);
        // Density ~70 people/km² in the hills to ~600 in the lowland; townships are denser.
        const double density = c.township ? r.uniform(900.0, 1300.0) : 55.0 + 330.0 * std::pow(c.development, 1.5) * r.uniform(0.8, 1.2);
        c.population = std::round(std::clamp(c.areaKm2 * density, 3000.0, 15000.0) * r.uniform(0.97, 1.0));
        const int villages = std::clamp(static_cast<int>(std::lround(c.population / 1400.0)), 4, 10);
        c.villages = placeVillages(c.shape, c.areaKm2, villages, r);
        c.villageNames = villageNames(villages, r.uniformInt(0, 7));
        if (c.township) {
            // A township has residential groups, not thôn; keep the level but name them so.
            for (int k = 0; k < villages; ++k) c.villageNames[static_cast<std::size_t>(k)] = "Tổ dân phố " + std::to_string(k + 1);
        }
    }

    // 3. Programme data, infrastructure, tasks.
    DemoDistrict out;
    out.assessments = generateAssessments(communes, dataRng);
    out.money = generateMoney(communes, dataRng);
    out.indicators = generateIndicators(communes, dataRng);
    out.infrastructure = generateInfrastructure(communes, part.district, out.assessments, infraRng);
    out.tasks = generateTasks(communes, out.infrastructure, out.assessments, out.money, taskRng);

    // 4. Units in WGS84.
    double totalPop = 0.0;
    for (const CommuneWork& c : communes) totalPop += c.population;
    const double districtArea = polygonArea(part.district) / 1e6;

    DemoUnit province;
    province.code = admin.provinceCode;
    province.name = admin.provinceName;
    province.level = "province";
    province.type = "tinh";
    // The demo covers one district only: the province's geometry is that district's outline.
    province.geometry = polygonGeometry(part.district);
    province.population = totalPop;
    province.areaKm2 = districtArea;
    out.units.push_back(province);

    DemoUnit district;
    district.code = admin.districtCode;
    district.name = admin.districtName;
    district.level = "district";
    district.type = "huyen";
    district.parentCode = admin.provinceCode;
    district.geometry = polygonGeometry(part.district);
    district.population = totalPop;
    district.areaKm2 = districtArea;
    out.units.push_back(district);

    for (const CommuneWork& c : communes) {
        DemoUnit u;
        u.code = c.code;
        u.name = c.fullName;
        u.level = "commune";
        u.type = c.township ? "thi_tran" : "xa";
        u.parentCode = admin.districtCode;
        u.geometry = polygonGeometry(c.shape);
        u.population = c.population;
        u.areaKm2 = std::round(c.areaKm2 * 100.0) / 100.0;
        out.units.push_back(std::move(u));
    }
    for (const CommuneWork& c : communes) {
        double rest = c.population;
        for (std::size_t k = 0; k < c.villages.size(); ++k) {
            DemoUnit v;
            char code[32];
            std::snprintf(code, sizeof code, "%s%02d", c.code.c_str(), static_cast<int>(k + 1));
            v.code = code;
            v.name = c.villageNames[k];
            v.level = "village";
            v.type = "thon";
            v.parentCode = c.code;
            v.geometry.kind = GeometryKind::Point;
            v.geometry.points.push_back(c.villages[k]);
            const double share = k + 1 == c.villages.size() ? rest : std::round(c.population / static_cast<double>(c.villages.size()));
            v.population = share;
            rest -= share;
            out.units.push_back(std::move(v));
        }
    }

    for (DemoUnit& u : out.units) toLonLat(u.geometry);
    for (DemoInfrastructure& it : out.infrastructure) toLonLat(it.geometry);
    return out;
}

}  // namespace gis::demo
