#include "gis/scene/feature_info.hpp"

#include <cmath>
#include <set>

#include "gis/scene/project_heading.hpp"
#include "gis/style/classification.hpp"

namespace gis::scene {

namespace {

/// Known fields in the order a briefing reads them, with their Vietnamese names.
struct KnownField {
    const char* field;
    const char* label;
    int decimals;        ///< for numbers
    const char* suffix;  ///< unit after the number
};
constexpr KnownField kKnownFields[] = {
    {"name", "Tên", 0, ""},
    {"code", "Mã", 0, ""},
    {"type", "Loại", 0, ""},
    {"tier", "Danh hiệu", 0, ""},
    {"criteria_pct", "Tỷ lệ tiêu chí đạt", 1, " %"},
    {"disbursed_pct", "Tỷ lệ giải ngân", 1, " %"},
    {"poverty_rate", "Tỷ lệ hộ nghèo", 2, " %"},
    {"population", "Dân số", 0, " người"},
    {"area_km2", "Diện tích", 1, " km²"},
    {"status", "Tình trạng", 0, ""},
    {"budget", "Kinh phí", 0, " đồng"},
    {"deadline", "Hạn hoàn thành", 0, ""},
    {"department", "Đơn vị phụ trách", 0, ""},
    {"commune", "Thuộc xã", 0, ""},
};

/// Codes the data model stores, in the words of a notice.
struct Wording {
    const char* code;
    const char* words;
};
constexpr Wording kWordings[] = {
    {"xa", "Xã"}, {"phuong", "Phường"}, {"thi_tran", "Thị trấn"}, {"thon", "Thôn"},
    {"planned", "Kế hoạch"}, {"under_construction", "Đang thi công"}, {"completed", "Hoàn thành"},
    {"waste_site", "Điểm tập kết rác thải"}, {"road", "Đường giao thông"}, {"cultural_house", "Nhà văn hóa"},
    {"school", "Trường học"}, {"health_station", "Trạm y tế"}, {"clean_water", "Nước sạch"},
};

std::string inWords(const std::string& code) {
    for (const Wording& wording : kWordings)
        if (code == wording.code) return wording.words;
    return code;
}

std::string formatValue(const data::AttributeValue& value, const KnownField* known) {
    if (std::holds_alternative<std::monostate>(value)) return "";
    if (std::holds_alternative<std::string>(value)) {
        const std::string& text = std::get<std::string>(value);
        return known != nullptr && std::string(known->field) == "deadline" ? vietnameseDate(text) : inWords(text);
    }
    const double number = data::attributeAsNumber(value);
    if (std::isnan(number)) return "";
    const int decimals = known != nullptr ? known->decimals : (std::floor(number) == number ? 0 : 2);
    return style::formatNumberVi(number, decimals) + (known != nullptr ? known->suffix : "");
}

}  // namespace

std::vector<InfoRow> featureInfoRows(const data::VectorLayer& layer, std::size_t featureIndex) {
    std::vector<InfoRow> rows;
    const data::Feature& feature = layer.features.at(featureIndex);
    std::set<int> shown;
    auto field = [&](const char* name) { return layer.fieldIndex(name); };
    auto valueOf = [&](int index) -> const data::AttributeValue& { return feature.attributes[static_cast<std::size_t>(index)]; };

    for (const KnownField& known : kKnownFields) {
        const int index = field(known.field);
        if (index < 0) continue;
        shown.insert(index);
        const std::string text = formatValue(valueOf(index), &known);
        if (!text.empty()) rows.push_back({known.label, text});
        // The committee's sentence: "đạt 14/19 tiêu chí", right after the tier.
        if (std::string(known.field) == "tier") {
            const int met = field("criteria_met"), total = field("criteria_total");
            if (met >= 0 && total >= 0) {
                shown.insert(met);
                shown.insert(total);
                const double m = data::attributeAsNumber(valueOf(met)), t = data::attributeAsNumber(valueOf(total));
                if (!std::isnan(m) && !std::isnan(t))
                    rows.push_back({"Số tiêu chí đạt", style::formatNumberVi(m, 0) + "/" + style::formatNumberVi(t, 0)});
            }
        }
    }
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        if (shown.count(static_cast<int>(i)) != 0) continue;
        const std::string text = formatValue(feature.attributes[i], nullptr);
        if (!text.empty()) rows.push_back({layer.fields[i].name, text});
    }
    return rows;
}

}  // namespace gis::scene
