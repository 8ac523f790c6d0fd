#include "gis/demo/demo_serialize.hpp"

#include <charconv>

namespace gis::demo {

namespace {

void num(std::string& out, double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
    out.append(buf, r.ptr);
    out.push_back(' ');
}

void geometry(std::string& out, const Geometry& g) {
    out += "geom " + std::to_string(static_cast<int>(g.kind)) + "\n";
    for (const Vec2& p : g.points) { num(out, p.x); num(out, p.y); }
    for (const LineString& l : g.lines) {
        out += "\n line ";
        for (const Vec2& p : l) { num(out, p.x); num(out, p.y); }
    }
    for (const Polygon& poly : g.polygons)
        for (const Ring& r : poly.rings) {
            out += "\n ring ";
            for (const Vec2& p : r) { num(out, p.x); num(out, p.y); }
        }
    out += "\n";
}

void ints(std::string& out, const std::vector<int>& v) {
    for (int i : v) out += std::to_string(i) + ",";
    out += " ";
}

}  // namespace

std::string serializeDemoDistrict(const DemoDistrict& d) {
    std::string out;
    for (const DemoUnit& u : d.units) {
        out += "unit " + u.code + "|" + u.name + "|" + u.level + "|" + u.type + "|" + u.parentCode + " ";
        num(out, u.population);
        num(out, u.areaKm2);
        geometry(out, u.geometry);
    }
    for (const DemoAssessment& a : d.assessments) {
        out += "assessment " + a.unitCode + "|" + a.setId + "|" + a.asOf + "|" + (a.detailed ? "1" : "0") + " ";
        ints(out, a.met);
        ints(out, a.inProgress);
        out += std::to_string(a.criteriaMet) + "/" + std::to_string(a.criteriaTotal) + "\n";
    }
    for (const DemoMoney& m : d.money) {
        out += "money " + m.unitCode + "|" + m.programmeId + "|" + std::to_string(m.year) + "|" + m.capitalType + "|" + m.date + " ";
        num(out, m.planVnd);
        num(out, m.disbursedVnd);
        out += "\n";
    }
    for (const DemoInfrastructure& i : d.infrastructure) {
        out += "infra " + i.type + "|" + i.name + "|" + i.status + "|" + i.startDate + "|" + i.deadline + "|" + i.department + "|" + i.unitCode + " ";
        num(out, i.budgetVnd);
        geometry(out, i.geometry);
    }
    for (const DemoTask& t : d.tasks)
        out += "task " + t.text + "|" + t.responsible + "|" + t.unitCode + "|" + t.deadline + "|" + t.status + "|" + t.sourceDocument + "\n";
    for (const DemoIndicator& i : d.indicators) {
        out += "indicator " + i.unitCode + "|" + i.name + "|" + std::to_string(i.year) + " ";
        num(out, i.value);
        out += "\n";
    }
    return out;
}

}  // namespace gis::demo
