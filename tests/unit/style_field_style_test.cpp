// styleByField: NTM presets, Vietnamese legends, no-data handling and errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "gis/demo/demo_district.hpp"
#include "gis/style/classification.hpp"
#include "gis/style/color_ramps.hpp"
#include "gis/style/field_style.hpp"

using namespace gis::style;
using gis::data::AttributeValue;
using gis::data::FieldKind;
using gis::data::VectorLayer;

namespace {

VectorLayer polygonLayer(const std::string& field, FieldKind kind, const std::vector<AttributeValue>& values) {
    VectorLayer layer;
    layer.name = "communes";
    layer.fields = {{"code", FieldKind::Text}, {field, kind}};
    for (std::size_t i = 0; i < values.size(); ++i) {
        gis::data::Feature f;
        f.fid = static_cast<std::int64_t>(i + 1);
        f.geometry.kind = gis::GeometryKind::Polygon;
        f.geometry.polygons.push_back({{{{0, 0}, {1, 0}, {1, 1}}}});
        f.attributes = {AttributeValue{std::to_string(i)}, values[i]};
        layer.features.push_back(std::move(f));
    }
    return layer;
}

std::vector<std::string> legendTexts(const StyledField& s) {
    std::vector<std::string> out;
    for (const auto& e : s.legend.entries) out.push_back(e.text);
    return out;
}

AttributeValue i64(std::int64_t v) { return AttributeValue{v}; }

}  // namespace

TEST_CASE("styleByField: unknown field is an error naming field, layer and the available fields", "[unit][style]") {
    const VectorLayer layer = polygonLayer("criteria_met", FieldKind::Integer, {i64(19)});
    const auto r = styleByField(layer, "tieu_chi");
    REQUIRE(!r.ok());
    CHECK(r.error().code == gis::ErrorCode::NotFound);
    const std::string& m = r.error().message;
    CHECK(m.find("tieu_chi") != std::string::npos);
    CHECK(m.find("communes") != std::string::npos);
    CHECK(m.find("code, criteria_met") != std::string::npos);
}

TEST_CASE("styleByField: criteria_met uses the fixed bands of the 19-criteria set", "[unit][style]") {
    const VectorLayer layer = polygonLayer("criteria_met", FieldKind::Integer, {i64(8), i64(10), i64(14), i64(15), i64(18), i64(19)});
    const auto r = styleByField(layer, "criteria_met");
    REQUIRE(r.ok());
    CHECK(r->legend.title == "Số tiêu chí đạt (bộ 19 tiêu chí)");
    CHECK(legendTexts(*r) == std::vector<std::string>{"< 10", "10 – 14", "15 – 18", "19 (đạt chuẩn)"});
    const auto& c = r->featureColors;
    REQUIRE(c.size() == 6);
    CHECK(c[1] == c[2]);   // 10 and 14 share a band
    CHECK(c[3] == c[4]);   // 15 and 18 share a band
    CHECK(c[0] != c[1]);
    CHECK(c[4] != c[5]);
    CHECK(c[5] == rampById("criteria").stops.back());  // 19/19 is the ramp's green
    CHECK(c[0] == rampById("criteria").stops.front()); // < 10 is the ramp's red
    for (const auto& e : r->legend.entries) CHECK(e.swatch == gis::scene::LegendEntry::Swatch::Fill);
}

TEST_CASE("styleByField: a no-data row appears only when data is missing", "[unit][style]") {
    const auto complete = styleByField(polygonLayer("criteria_met", FieldKind::Integer, {i64(12), i64(19)}), "criteria_met");
    REQUIRE(complete.ok());
    const auto completeTexts = legendTexts(*complete);
    CHECK(std::count(completeTexts.begin(), completeTexts.end(), "Không có số liệu") == 0);

    const auto missing = styleByField(polygonLayer("criteria_met", FieldKind::Integer, {i64(12), AttributeValue{}}), "criteria_met");
    REQUIRE(missing.ok());
    const auto texts = legendTexts(*missing);
    CHECK(texts.back() == "Không có số liệu");
    CHECK(missing->featureColors[1] == missing->classification.noDataColor);
    CHECK(missing->legend.entries.back().color == missing->classification.noDataColor);
}

TEST_CASE("styleByField: percentage presets", "[unit][style]") {
    const auto d = styleByField(polygonLayer("disbursed_pct", FieldKind::Real,
                                             {AttributeValue{5.9}, AttributeValue{20.0}, AttributeValue{55.0}, AttributeValue{95.0}}),
                                "disbursed_pct");
    REQUIRE(d.ok());
    CHECK(d->legend.title == "Tỷ lệ giải ngân (%)");
    CHECK(d->legend.entries.size() == 5);
    CHECK(d->featureColors[0] == d->featureColors[1]);  // 20 is the upper bound of the first band
    CHECK(d->featureColors[0].r > d->featureColors[0].g);  // low disbursement is red
    CHECK(d->featureColors[3].g > d->featureColors[3].r);  // high is green

    const auto p = styleByField(polygonLayer("poverty_rate", FieldKind::Real,
                                             {AttributeValue{1.2}, AttributeValue{2.5}, AttributeValue{3.1}, AttributeValue{8.4},
                                              AttributeValue{9.0}, AttributeValue{15.25}, AttributeValue{17.0}}),
                                "poverty_rate");
    REQUIRE(p.ok());
    CHECK(p->legend.title == "Tỷ lệ hộ nghèo (%)");
    for (const auto& e : p->legend.entries) {
        INFO(e.text);
        CHECK(e.text.find(" %") != std::string::npos);
        CHECK(e.text.find('.') == std::string::npos);  // decimal comma only
    }
    const auto& b = p->classification.breaks;
    CHECK(std::is_sorted(b.begin(), b.end()));
    for (double x : b) CHECK(std::abs(x * 10 - std::round(x * 10)) < 1e-9);  // one decimal

    const auto c = styleByField(polygonLayer("criteria_pct", FieldKind::Real, {AttributeValue{73.7}, AttributeValue{100.0}}), "criteria_pct");
    REQUIRE(c.ok());
    CHECK(c->legend.entries.back().text == "100 %");
}

TEST_CASE("styleByField: tier and status keep a fixed order and colour", "[unit][style]") {
    const auto t1 = styleByField(polygonLayer("tier", FieldKind::Text,
                                              {AttributeValue{std::string("NTM nâng cao")}, AttributeValue{std::string("Chưa đạt chuẩn")},
                                               AttributeValue{std::string("Đạt chuẩn NTM")}}),
                                 "tier");
    const auto t2 = styleByField(polygonLayer("tier", FieldKind::Text,
                                              {AttributeValue{std::string("Đạt chuẩn NTM")}, AttributeValue{std::string("Chưa đạt chuẩn")}}),
                                 "tier");
    REQUIRE(t1.ok());
    REQUIRE(t2.ok());
    CHECK(legendTexts(*t1) == std::vector<std::string>{"Chưa đạt chuẩn", "Đạt chuẩn NTM", "NTM nâng cao"});
    CHECK(t1->legend.entries[1].color == t2->legend.entries[1].color);  // "Đạt chuẩn NTM" same colour in both

    const auto s = styleByField(polygonLayer("status", FieldKind::Text,
                                             {AttributeValue{std::string("completed")}, AttributeValue{std::string("planned")},
                                              AttributeValue{std::string("under_construction")}}),
                                "status");
    REQUIRE(s.ok());
    CHECK(legendTexts(*s) == std::vector<std::string>{"Kế hoạch", "Đang thi công", "Đã hoàn thành"});
    CHECK(categoryLabelVi("waste_site") == "Điểm tập kết rác thải");
    CHECK(categoryLabelVi("something else") == "something else");
}

TEST_CASE("styleByField: other numeric fields get 5 quantile classes, text fields categories", "[unit][style]") {
    std::vector<AttributeValue> pops;
    for (int i = 0; i < 20; ++i) pops.push_back(i64(3000 + 600 * i));
    const auto n = styleByField(polygonLayer("households", FieldKind::Integer, pops), "households");
    REQUIRE(n.ok());
    CHECK(n->legend.title == "households");
    CHECK(n->classification.breaks.size() == 5);
    CHECK(n->featureColors.front() == rampById("YlGn").stops.front());
    CHECK(n->featureColors.back() == rampById("YlGn").stops.back());
    for (const auto& e : n->legend.entries) CHECK(e.text.find(" – ") != std::string::npos);

    const auto t = styleByField(polygonLayer("district", FieldKind::Text,
                                             {AttributeValue{std::string("B")}, AttributeValue{std::string("A")}, AttributeValue{}}),
                                "district");
    REQUIRE(t.ok());
    CHECK(t->classification.categorical);
    CHECK(legendTexts(*t) == std::vector<std::string>{"A", "B", "Không có số liệu"});
}

TEST_CASE("styleByField styles every documented field of the demo layers", "[unit][style][demo]") {
    const auto layers = gis::demo::demoMapLayers(gis::demo::generateDemoDistrict(2024));
    const auto& communes = layers[0];
    for (const char* f : {"criteria_met", "criteria_pct", "tier", "disbursed_pct", "poverty_rate", "population", "type", "name"}) {
        INFO(f);
        const auto r = styleByField(communes, f);
        REQUIRE(r.ok());
        CHECK(r->featureColors.size() == communes.features.size());
        CHECK(!r->legend.entries.empty());
    }
    // The township has no criteria figures: its row is no-data.
    const auto met = styleByField(communes, "criteria_met");
    CHECK(met->legend.entries.back().text == "Không có số liệu");
    const auto roads = styleByField(layers[1], "status");
    REQUIRE(roads.ok());
    CHECK(roads->legend.entries.front().swatch == gis::scene::LegendEntry::Swatch::Line);
    const auto infra = styleByField(layers[3], "type");
    REQUIRE(infra.ok());
    CHECK(infra->legend.title == "Loại công trình");
    CHECK(infra->legend.entries.front().swatch == gis::scene::LegendEntry::Swatch::Point);
}
