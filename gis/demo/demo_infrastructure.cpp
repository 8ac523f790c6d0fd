#include "gis/demo/demo_infrastructure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "gis/demo/demo_programme_data.hpp"
#include "gis/demo/geos_util.hpp"
#include "gis/demo/noise.hpp"

namespace gis::demo {

namespace {

double roundTo(double value, double step) { return std::round(value / step) * step; }

/// "YYYY-MM-DD" for a month counted from January 2020 (0) and a day.
std::string dateFromMonth(int monthIndex, int day) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2020 + monthIndex / 12, monthIndex % 12 + 1, day);
    return buf;
}

/// Start and deadline consistent with a status at the demo reference date (end of 2024).
void schedule(DemoInfrastructure& item, Prng& rng) {
    int start = 0, months = 0;
    if (item.status == "completed") {
        start = rng.uniformInt(14, 40);   // 03/2021 – 05/2023
        months = rng.uniformInt(6, 16);
    } else if (item.status == "under_construction") {
        start = rng.uniformInt(42, 53);   // 07/2023 – 06/2024
        months = rng.uniformInt(6, 15);
    } else {
        start = rng.uniformInt(60, 65);   // 01/2025 – 06/2025
        months = rng.uniformInt(6, 14);
    }
    item.startDate = dateFromMonth(start, rng.uniformInt(1, 28));
    // Deadlines in notices are usually the end of a month or quarter.
    static const int kMonthEnd[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int end = start + months;
    int lastDay = kMonthEnd[end % 12];
    if (end % 12 == 1 && (2020 + end / 12) % 4 == 0) lastDay = 29;
    item.deadline = dateFromMonth(end, lastDay);
}

/// A gently curving road from a to b, sampled every ~100 m. The bend is zero at both ends
/// so roads meet their junctions head-on.
LineString smoothPath(Vec2 a, Vec2 b, Prng& rng, double wiggle) {
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    CurveNoise bend(rng, std::max(1500.0, len / 1.3), 3);
    const Vec2 dir{(b.x - a.x) / len, (b.y - a.y) / len};
    const Vec2 normal{-dir.y, dir.x};
    const int steps = std::max(2, static_cast<int>(len / 100.0));
    LineString line;
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        const double off = wiggle * len * bend.at(t * len) * std::sin(std::numbers::pi * t);
        line.push_back({a.x + (b.x - a.x) * t + normal.x * off, a.y + (b.y - a.y) * t + normal.y * off});
    }
    return line;
}

/// A random point in the commune at least `margin` from its border and `spacing` from `avoid`.
/// Constraints relax step by step so the search always ends.
Vec2 pointInside(const CommuneWork& c, Prng& rng, double margin, const std::vector<Vec2>& avoid, double spacing) {
    const Bounds bb = Geometry{GeometryKind::Polygon, {}, {}, {c.shape}}.bounds();
    for (int relax = 0; relax < 6; ++relax) {
        for (int attempt = 0; attempt < 300; ++attempt) {
            const Vec2 p{rng.uniform(bb.minX, bb.maxX), rng.uniform(bb.minY, bb.maxY)};
            if (!pointInPolygon(c.shape, p) || distanceToBoundary(c.shape, p) < margin) continue;
            bool ok = true;
            for (const Vec2& q : avoid)
                if (std::hypot(p.x - q.x, p.y - q.y) < spacing) { ok = false; break; }
            if (ok) return p;
        }
        margin *= 0.6;
        spacing *= 0.6;
    }
    return c.centre;
}

/// A point near `anchor` (within `radius`) that is still well inside the commune.
Vec2 pointNear(const CommuneWork& c, Prng& rng, Vec2 anchor, double radius) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        const double ang = rng.uniform(0.0, 2.0 * std::numbers::pi);
        const double r = radius * std::sqrt(rng.uniform(0.2, 1.0));
        const Vec2 p{anchor.x + r * std::cos(ang), anchor.y + r * std::sin(ang)};
        if (pointInPolygon(c.shape, p) && distanceToBoundary(c.shape, p) > 150.0) return p;
    }
    return anchor;
}

Geometry pointGeometry(Vec2 p) {
    Geometry g;
    g.kind = GeometryKind::Point;
    g.points.push_back(p);
    return g;
}

Geometry lineGeometry(LineString line) {
    Geometry g;
    g.kind = GeometryKind::Line;
    g.lines.push_back(std::move(line));
    return g;
}

std::string communeRef(const CommuneWork& c) {
    return c.township ? "thị trấn " + c.baseName : "xã " + c.baseName;
}

DemoInfrastructure item(const char* type, std::string name, std::string status, double budget,
                        std::string department, const CommuneWork& c, Geometry geometry) {
    DemoInfrastructure it;
    it.type = type;
    it.name = std::move(name);
    it.status = std::move(status);
    it.budgetVnd = budget;
    it.department = std::move(department);
    it.unitCode = c.code;
    it.geometry = std::move(geometry);
    return it;
}

void addRoads(const std::vector<CommuneWork>& communes, std::size_t town, const Polygon& district, Prng& rng,
              std::vector<DemoInfrastructure>& out) {
    const CommuneWork& t = communes[town];
    const Ring& outline = district.rings[0];

    // Provincial road: enters in the west at about the township's latitude, passes through
    // the township, leaves across the river bridge in the east; drawn 2 km past the border.
    Vec2 west = outline[0], east = outline[0];
    double bestW = 1e300, bestE = -1e300;
    for (const Vec2& p : outline) {
        const double w = p.x + 3.0 * std::abs(p.y - t.centre.y - 2500.0);
        const double e = p.x - 3.0 * std::abs(p.y - t.centre.y + 1500.0);
        if (w < bestW) { bestW = w; west = p; }
        if (e > bestE) { bestE = e; east = p; }
    }
    west.x -= 2000.0;
    east.x += 2000.0;
    LineString provincial = smoothPath(west, t.centre, rng, 0.05);
    LineString eastPart = smoothPath(t.centre, east, rng, 0.05);
    provincial.insert(provincial.end(), eastPart.begin() + 1, eastPart.end());
    {
        DemoInfrastructure road = item("road", "Đường ĐT 519", "completed", 0.0, dept::kProvinceTransport, t,
                                       lineGeometry(std::move(provincial)));
        road.startDate = "2019-06-01";
        road.deadline = "2021-06-30";
        out.push_back(std::move(road));
    }

    // District roads ĐH 131…: to the farthest commune seat in each of six directions.
    struct Pick { std::size_t index; double dist; };
    std::vector<Pick> sectors(6, {town, 0.0});
    for (std::size_t i = 0; i < communes.size(); ++i) {
        if (i == town) continue;
        const double dx = communes[i].centre.x - t.centre.x, dy = communes[i].centre.y - t.centre.y;
        const double d = std::hypot(dx, dy);
        double ang = std::atan2(dy, dx) + std::numbers::pi;  // 0 = west, counter-clockwise
        const auto s = static_cast<std::size_t>(std::min(5.0, ang / (std::numbers::pi / 3.0)));
        if (d > 6000.0 && d > sectors[s].dist) sectors[s] = {i, d};
    }
    // ĐH 131 is the one the notice talks about: under construction, due 10/4/2024, overdue.
    static const char* kStatus[] = {"under_construction", "completed", "planned", "completed",
                                    "under_construction", "completed"};
    int number = 131;
    for (std::size_t s = 0; s < sectors.size(); ++s) {
        if (sectors[s].index == town) continue;
        const CommuneWork& c = communes[sectors[s].index];
        const int k = number - 131;
        // Draws in a fixed order (path, then budget), never two in one call's arguments: their
        // order there is unspecified, and gcc and clang builds made different demo districts.
        Geometry path = lineGeometry(smoothPath(t.centre, c.centre, rng, 0.07));
        const double budget = roundTo(rng.uniform(5.0e9, 15.0e9), 1e8);
        DemoInfrastructure road = item("road", "Đường ĐH " + std::to_string(number), kStatus[k % 6], budget,
                                       dept::kInfrastructure, c, std::move(path));
        if (number == 131) {
            road.startDate = "2023-03-15";
            road.deadline = "2024-04-10";
            road.budgetVnd = 14.8e9;
        } else {
            schedule(road, rng);
        }
        out.push_back(std::move(road));
        ++number;
    }
}

}  // namespace

std::vector<DemoInfrastructure> generateInfrastructure(const std::vector<CommuneWork>& communes,
                                                       const Polygon& district,
                                                       const std::vector<DemoAssessment>& assessments, Prng& rng) {
    std::vector<DemoInfrastructure> out;
    std::size_t town = 0;
    for (std::size_t i = 0; i < communes.size(); ++i)
        if (communes[i].township) town = i;

    Prng roadRng = rng.fork(1);
    addRoads(communes, town, district, roadRng, out);

    for (std::size_t i = 0; i < communes.size(); ++i) {
        const CommuneWork& c = communes[i];
        Prng r = rng.fork(1000 + i);
        const std::string ref = communeRef(c);
        const std::string ubnd = "UBND " + ref;
        auto met = [&](int k) { return c.township ? r.chance(0.7) : criterionMet(assessments, c.code, k); };
        std::vector<Vec2> taken = c.villages;

        // Waste collection point, away from houses; new ones come with an access road.
        {
            const std::string status = met(17) ? "completed" : (r.chance(0.5) ? "planned" : "under_construction");
            const Vec2 p = pointInside(c, r, 500.0, taken, 900.0);
            taken.push_back(p);
            DemoInfrastructure w = item("waste_site", "Điểm tập kết rác thải " + ref, status,
                                        roundTo(r.uniform(3.0e8, 1.2e9), 1e7), dept::kEnvironment, c, pointGeometry(p));
            schedule(w, r);
            if (status != "completed") {
                // The access road starts at the nearest village.
                Vec2 from = c.centre;
                double best = 1e300;
                for (const Vec2& v : c.villages)
                    if (std::hypot(v.x - p.x, v.y - p.y) < best) { best = std::hypot(v.x - p.x, v.y - p.y); from = v; }
                Geometry path = lineGeometry(smoothPath(from, p, r, 0.08));
                const double budget = roundTo(r.uniform(3.0e8, 9.0e8), 1e7);
                DemoInfrastructure road = item("road", "Đường vào điểm tập kết rác thải " + ref, status, budget, ubnd, c,
                                               std::move(path));
                road.startDate = w.startDate;
                road.deadline = w.deadline;
                out.push_back(std::move(road));
            }
            out.push_back(std::move(w));
        }

        // Cultural houses: one or two per commune; where criterion 6 is short, upgrades.
        if (!c.villageNames.empty()) {
            const int count = r.uniformInt(1, 2);
            for (int k = 0; k < count; ++k) {
                const auto v = static_cast<std::size_t>(r.uniformInt(0, static_cast<int>(c.villages.size()) - 1));
                const bool upgrade = !met(6) && k == 0;
                std::string status = upgrade ? (r.chance(0.6) ? "planned" : "under_construction") : "completed";
                std::string village = c.villageNames[v];
                village[0] = 't';  // "Thôn Đông" → "thôn Đông" inside a name
                const Vec2 at = pointNear(c, r, c.villages[v], 250.0);
                const double budget = roundTo(upgrade ? r.uniform(5.0e8, 2.0e9) : r.uniform(8.0e8, 2.5e9), 1e7);
                DemoInfrastructure h = item("cultural_house", "Nhà văn hóa " + village + ", " + ref, status, budget,
                                            upgrade ? dept::kCulture : ubnd, c, pointGeometry(at));
                schedule(h, r);
                out.push_back(std::move(h));
            }
        }

        // One school per commune (the one the commune is working on).
        {
            static const char* kKinds[] = {"Trường Mầm non ", "Trường Tiểu học ", "Trường THCS "};
            const std::string status = met(5) ? "completed" : "under_construction";
            const Vec2 at = pointNear(c, r, c.centre, 700.0);
            const double budget = roundTo(r.uniform(3.0e9, 1.5e10), 1e8);
            const char* kind = kKinds[r.uniformInt(0, 2)];
            DemoInfrastructure s = item("school", std::string(kind) + c.baseName, status, budget, dept::kEducation, c,
                                        pointGeometry(at));
            schedule(s, r);
            out.push_back(std::move(s));
        }

        // Health station where it was (re)built in the period.
        if (c.township || r.chance(0.65)) {
            const std::string status = met(15) ? "completed" : "planned";
            const Vec2 at = pointNear(c, r, c.centre, 600.0);
            const double budget = roundTo(r.uniform(2.0e9, 6.0e9), 1e8);
            DemoInfrastructure s = item("health_station", "Trạm Y tế " + ref, status, budget, dept::kHealth, c, pointGeometry(at));
            schedule(s, r);
            out.push_back(std::move(s));
        }

        // Clean water works in about half of the rural communes.
        if (!c.township && r.chance(0.5) && !c.villageNames.empty()) {
            const auto v = static_cast<std::size_t>(r.uniformInt(0, static_cast<int>(c.villages.size()) - 1));
            std::string village = c.villageNames[v];
            village[0] = 't';
            const double u = r.uniform01();
            const std::string status = u < 0.5 ? "completed" : (u < 0.8 ? "under_construction" : "planned");
            const Vec2 at = pointNear(c, r, c.villages[v], 600.0);
            const double budget = roundTo(r.uniform(1.0e9, 8.0e9), 1e8);
            DemoInfrastructure s = item("clean_water", "Công trình cấp nước sạch " + village + ", " + ref, status, budget,
                                        dept::kAgriculture, c, pointGeometry(at));
            schedule(s, r);
            out.push_back(std::move(s));
        }
    }
    return out;
}

std::vector<DemoTask> generateTasks(const std::vector<CommuneWork>& communes,
                                    const std::vector<DemoInfrastructure>& infrastructure,
                                    const std::vector<DemoAssessment>& assessments,
                                    const std::vector<DemoMoney>& money, Prng& rng) {
    std::vector<DemoTask> out;
    auto findCommune = [&](const std::string& code) -> const CommuneWork* {
        for (const CommuneWork& c : communes)
            if (c.code == code) return &c;
        return nullptr;
    };
    auto task = [&](std::string text, std::string responsible, std::string unit, std::string deadline, std::string status) {
        out.push_back({std::move(text), std::move(responsible), std::move(unit), std::move(deadline), std::move(status),
                       kNoticeDocument});
    };

    for (const DemoInfrastructure& it : infrastructure) {
        const CommuneWork* c = findCommune(it.unitCode);
        if (!c) continue;
        const std::string ref = communeRef(*c);
        if (it.type == "road" && it.name == "Đường ĐH 131") {
            task("Hoàn thành đường ĐH 131 trước 10/4/2024", dept::kInfrastructure, it.unitCode, "2024-04-10", "open");
        } else if (it.type == "waste_site" && it.status != "completed") {
            // "Xây dựng điểm tập kết rác thải và đường vào": some done since the notice.
            const char* status = rng.chance(0.25) ? "done" : "open";  // drawn first, as before (see addRoads)
            const char* deadline = rng.chance(0.5) ? "2024-06-30" : "2024-09-30";
            task("Xây dựng điểm tập kết rác thải và đường vào " + ref, "UBND " + ref, it.unitCode, deadline, status);
        } else if (it.type == "cultural_house" && it.status != "completed") {
            std::string what = it.name.substr(std::string("Nhà văn hóa ").size());
            task("Nâng cấp nhà văn hóa " + what, dept::kCulture, it.unitCode, "2024-10-31",
                 it.status == "under_construction" && rng.chance(0.4) ? "done" : "open");
        }
    }

    // Communes one criterion short: complete the recognition file.
    for (const DemoAssessment& a : assessments) {
        if (a.setId != kCommuneSetId || a.asOf != "2024-12-31" || a.criteriaMet != 18) continue;
        const CommuneWork* c = findCommune(a.unitCode);
        if (!c) continue;
        task("Hoàn thiện hồ sơ đề nghị xét công nhận " + communeRef(*c) + " đạt chuẩn nông thôn mới năm 2024",
             dept::kNtmOffice, a.unitCode, "2024-11-30", rng.chance(0.5) ? "done" : "open");
    }

    // Slow disbursers (below 30 % of the 2024 plan at year end).
    for (const CommuneWork& c : communes) {
        double plan = 0, paid = 0;
        for (const DemoMoney& m : money)
            if (m.unitCode == c.code && m.year == 2024 && m.date == "2024-12-31") { plan += m.planVnd; paid += m.disbursedVnd; }
        if (plan > 0 && paid / plan < 0.30)
            task("Đẩy nhanh tiến độ giải ngân vốn Chương trình MTQG xây dựng nông thôn mới năm 2024 " + communeRef(c),
                 dept::kFinance, c.code, "2024-09-30", "open");
    }

    // The weakest commune gets a general instruction on the hardest criteria.
    const DemoAssessment* weakest = nullptr;
    for (const DemoAssessment& a : assessments)
        if (a.setId == kCommuneSetId && a.asOf == "2024-12-31" && (!weakest || a.criteriaMet < weakest->criteriaMet)) weakest = &a;
    if (weakest)
        if (const CommuneWork* c = findCommune(weakest->unitCode))
            task("Xây dựng kế hoạch nâng cao thu nhập, giảm tỷ lệ hộ nghèo đa chiều " + communeRef(*c), dept::kAgriculture,
                 c->code, "2025-06-30", "open");
    return out;
}

}  // namespace gis::demo
