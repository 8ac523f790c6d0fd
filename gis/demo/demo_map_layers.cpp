#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <optional>

#include "gis/demo/demo_context.hpp"
#include "gis/demo/demo_district.hpp"
#include "gis/data/layer_builder.hpp"
#include "gis/model/work_schedule.hpp"
#include "gis/proj/transformer.hpp"

namespace gis::demo {

namespace {

using data::AttributeValue;
using data::Feature;
using data::Field;
using data::FieldKind;
using data::VectorLayer;

/// WGS84 → EPSG:3857 through PROJ like every other layer. Should PROJ be unusable (no
/// proj.db), the spherical Web-Mercator formula is used: it is the exact definition of
/// EPSG:3857, not an approximation, so the demo still opens.
class ToDisplayCrs {
public:
    ToDisplayCrs() {
        auto t = proj::Transformer::create("EPSG:4326", "EPSG:3857");
        if (t) m_transformer.emplace(std::move(t.value()));
    }

    Vec2 operator()(Vec2 lonLat) const {
        Vec2 p = lonLat;
        if (m_transformer && m_transformer->forward(p)) return p;
        constexpr double kEarthRadius = 6378137.0;
        constexpr double deg = std::numbers::pi / 180.0;
        return {kEarthRadius * lonLat.x * deg,
                kEarthRadius * std::log(std::tan(std::numbers::pi / 4.0 + lonLat.y * deg / 2.0))};
    }

    Geometry operator()(Geometry g) const {
        if (m_transformer && m_transformer->forward(g)) return g;
        for (Vec2& p : g.points) p = (*this)(p);
        for (LineString& l : g.lines) for (Vec2& p : l) p = (*this)(p);
        for (Polygon& poly : g.polygons) for (Ring& r : poly.rings) for (Vec2& p : r) p = (*this)(p);
        return g;
    }

private:
    std::optional<proj::Transformer> m_transformer;
};

VectorLayer makeLayer(std::string name, std::vector<Field> fields) {
    return data::makeLayer(std::move(name), "demo", "EPSG:4326", std::move(fields));
}

void addFeature(VectorLayer& layer, const ToDisplayCrs& project, const Geometry& wgs84,
                std::vector<AttributeValue> attributes) {
    data::appendFeature(layer, project(wgs84), std::move(attributes));
}

AttributeValue text(const std::string& s) { return data::textOrNull(s); }
AttributeValue integer(double v) { return AttributeValue{static_cast<std::int64_t>(std::llround(v))}; }
AttributeValue real(double v, int decimals) {
    if (!std::isfinite(v)) return AttributeValue{};
    const double f = std::pow(10.0, decimals);
    return AttributeValue{std::round(v * f) / f};
}

/// The latest assessment of a unit against a set (by as-of date), or nullptr.
const DemoAssessment* latestAssessment(const DemoDistrict& d, const std::string& unit, const std::string& set) {
    const DemoAssessment* best = nullptr;
    for (const DemoAssessment& a : d.assessments)
        if (a.unitCode == unit && a.setId == set && (!best || a.asOf > best->asOf)) best = &a;
    return best;
}

/// Disbursed / plan (%) of the latest year and latest date of the NTM programme, or NaN.
double latestDisbursedPct(const DemoDistrict& d, const std::string& unit) {
    int year = 0;
    std::string date;
    for (const DemoMoney& m : d.money)
        if (m.unitCode == unit && m.programmeId == kNtmProgrammeId && (m.year > year || (m.year == year && m.date > date))) {
            year = m.year;
            date = m.date;
        }
    double plan = 0.0, paid = 0.0;
    for (const DemoMoney& m : d.money)
        if (m.unitCode == unit && m.programmeId == kNtmProgrammeId && m.year == year && m.date == date) {
            plan += m.planVnd;
            paid += m.disbursedVnd;
        }
    return plan > 0.0 ? 100.0 * paid / plan : std::nan("");
}

double latestIndicator(const DemoDistrict& d, const std::string& unit, const std::string& name) {
    int year = 0;
    double value = std::nan("");
    for (const DemoIndicator& i : d.indicators)
        if (i.unitCode == unit && i.name == name && i.year > year) { year = i.year; value = i.value; }
    return value;
}

}  // namespace

std::vector<data::VectorLayer> demoMapLayers(const DemoDistrict& district) {
    const ToDisplayCrs project;
    VectorLayer communes = makeLayer("communes", {{"code", FieldKind::Text},
                                                  {"name", FieldKind::Text},
                                                  {"type", FieldKind::Text},
                                                  {"criteria_met", FieldKind::Integer},
                                                  {"criteria_total", FieldKind::Integer},
                                                  {"criteria_pct", FieldKind::Real},
                                                  {"tier", FieldKind::Text},
                                                  {"disbursed_pct", FieldKind::Real},
                                                  {"poverty_rate", FieldKind::Real},
                                                  {"population", FieldKind::Integer},
                                                  {"area_km2", FieldKind::Real}});
    VectorLayer roads = makeLayer("roads", {{"name", FieldKind::Text}, {"status", FieldKind::Text}, {"overdue", FieldKind::Integer}});
    VectorLayer villages = makeLayer("villages", {{"name", FieldKind::Text}, {"code", FieldKind::Text}, {"commune", FieldKind::Text}});
    VectorLayer infra = makeLayer("infrastructure", {{"type", FieldKind::Text},
                                                     {"name", FieldKind::Text},
                                                     {"status", FieldKind::Text},
                                                     {"budget", FieldKind::Integer},
                                                     {"deadline", FieldKind::Date},
                                                     {"department", FieldKind::Text},
                                                     {"overdue", FieldKind::Integer}});

    std::map<std::string, std::string> communeNames;
    for (const DemoUnit& u : district.units) {
        if (u.level != "commune") continue;
        communeNames[u.code] = u.name;
        AttributeValue met, total, pct, tier;
        if (u.type != "thi_tran") {  // townships are not assessed with the commune set
            if (const DemoAssessment* a = latestAssessment(district, u.code, kCommuneSetId)) {
                met = integer(a->criteriaMet);
                total = integer(a->criteriaTotal);
                pct = real(100.0 * a->criteriaMet / a->criteriaTotal, 1);
                const DemoAssessment* nc = latestAssessment(district, u.code, kAdvancedSetId);
                if (nc && nc->criteriaMet == nc->criteriaTotal) tier = std::string("NTM nâng cao");
                else if (a->criteriaMet == a->criteriaTotal) tier = std::string("Đạt chuẩn NTM");
                else tier = std::string("Chưa đạt chuẩn");
            }
        }
        addFeature(communes, project, u.geometry,
                   {u.code, u.name, u.type, met, total, pct, tier, real(latestDisbursedPct(district, u.code), 1),
                    real(latestIndicator(district, u.code, "poverty_rate"), 2), integer(u.population), real(u.areaKm2, 2)});
    }
    for (const DemoUnit& u : district.units)
        if (u.level == "village") addFeature(villages, project, u.geometry, {u.name, u.code, text(communeNames[u.parentCode])});

    for (const DemoInfrastructure& it : district.infrastructure) {
        // Late at the demo's "today", like a project map at its as-of date.
        const AttributeValue overdue = integer(model::isWorkOverdue(it.status, it.deadline, kDemoReferenceDate) ? 1 : 0);
        if (it.geometry.kind == GeometryKind::Line) {
            addFeature(roads, project, it.geometry, {it.name, it.status, overdue});
        } else {
            addFeature(infra, project, it.geometry,
                       {it.type, it.name, it.status, it.budgetVnd > 0 ? integer(it.budgetVnd) : AttributeValue{},
                        text(it.deadline), text(it.department), overdue});
        }
    }
    std::vector<VectorLayer> out;
    out.push_back(std::move(communes));
    out.push_back(std::move(roads));
    out.push_back(std::move(villages));
    out.push_back(std::move(infra));
    return out;
}

}  // namespace gis::demo
