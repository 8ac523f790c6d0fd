// The information card reads like a notice: Vietnamese names, 73,7 %, dd/mm/yyyy, words for codes.
#include <catch2/catch.hpp>

#include "gis/scene/feature_info.hpp"

using namespace gis;

namespace {

std::string valueOf(const std::vector<scene::InfoRow>& rows, const std::string& label) {
    for (const scene::InfoRow& row : rows)
        if (row.label == label) return row.value;
    return "<missing>";
}

}  // namespace

TEST_CASE("feature info: a commune's figures as a committee quotes them", "[unit][scene]") {
    data::VectorLayer layer;
    layer.fields = {{"code", data::FieldKind::Text},         {"name", data::FieldKind::Text},
                    {"type", data::FieldKind::Text},         {"criteria_met", data::FieldKind::Integer},
                    {"criteria_total", data::FieldKind::Integer}, {"criteria_pct", data::FieldKind::Real},
                    {"tier", data::FieldKind::Text},         {"disbursed_pct", data::FieldKind::Real},
                    {"population", data::FieldKind::Real},   {"note", data::FieldKind::Text},
                    {"poverty_rate", data::FieldKind::Real}};
    data::Feature feature;
    feature.attributes = {std::string("16279"), std::string("Xã Thành Sơn"), std::string("xa"), std::int64_t{14},
                          std::int64_t{19}, 73.68, std::string("Chưa đạt chuẩn"), 5.9, 12345.0, std::string("vùng núi"),
                          std::monostate{}};
    layer.features.push_back(feature);

    const auto rows = scene::featureInfoRows(layer, 0);
    REQUIRE_FALSE(rows.empty());
    CHECK(rows.front().label == "Tên");
    CHECK(valueOf(rows, "Loại") == "Xã");
    CHECK(valueOf(rows, "Số tiêu chí đạt") == "14/19");
    CHECK(valueOf(rows, "Tỷ lệ tiêu chí đạt") == "73,7 %");
    CHECK(valueOf(rows, "Tỷ lệ giải ngân") == "5,9 %");
    CHECK(valueOf(rows, "Dân số") == "12.345 người");
    CHECK(valueOf(rows, "note") == "vùng núi");           // unknown fields keep their own name
    CHECK(valueOf(rows, "Tỷ lệ hộ nghèo") == "<missing>");  // NULL rows are left out
}

TEST_CASE("feature info: works show status in words and deadlines as dd/mm/yyyy", "[unit][scene]") {
    data::VectorLayer layer;
    layer.fields = {{"type", data::FieldKind::Text}, {"status", data::FieldKind::Text}, {"deadline", data::FieldKind::Date},
                    {"budget", data::FieldKind::Real}};
    data::Feature feature;
    feature.attributes = {std::string("road"), std::string("under_construction"), std::string("2024-04-10"), 14800000000.0};
    layer.features.push_back(feature);
    const auto rows = scene::featureInfoRows(layer, 0);
    CHECK(valueOf(rows, "Loại") == "Đường giao thông");
    CHECK(valueOf(rows, "Tình trạng") == "Đang thi công");
    CHECK(valueOf(rows, "Hạn hoàn thành") == "10/04/2024");
    CHECK(valueOf(rows, "Kinh phí") == "14.800.000.000 đồng");
}
