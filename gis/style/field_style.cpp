#include "gis/style/field_style.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "gis/style/classify.hpp"
#include "gis/style/color_ramps.hpp"
#include "gis/style/number_format.hpp"

namespace gis::style {

namespace {

using data::FieldKind;
using data::VectorLayer;

/// A categorical field whose values have a meaning and therefore a fixed order and colour.
struct FixedCategory {
    const char* value;
    const char* color;
};

// Tiers: orange for "not yet", then greens getting darker with the higher standards.
const std::vector<FixedCategory> kTierCategories = {
    {"Chưa đạt chuẩn", "#fdae61"}, {"Đạt chuẩn NTM", "#a6d96a"}, {"NTM nâng cao", "#1a9641"}, {"NTM kiểu mẫu", "#00552e"}};
// Work status: grey-blue (not started), orange (in progress), green (done).
const std::vector<FixedCategory> kStatusCategories = {
    {"planned", "#8da0cb"}, {"under_construction", "#fd8d3c"}, {"completed", "#31a354"},
    {"open", "#fd8d3c"}, {"done", "#31a354"}};
const std::vector<FixedCategory> kTypeCategories = {
    {"waste_site", "#8c6d31"}, {"road", "#636363"}, {"cultural_house", "#e7298a"}, {"school", "#3182bd"},
    {"health_station", "#e31a1c"}, {"clean_water", "#17becf"},
    {"xa", "#a6d854"}, {"phuong", "#fc8d62"}, {"thi_tran", "#8da0cb"}};

scene::LegendEntry::Swatch swatchFor(const VectorLayer& layer) {
    for (const data::Feature& f : layer.features) {
        switch (f.geometry.kind) {
            case GeometryKind::Polygon: return scene::LegendEntry::Swatch::Fill;
            case GeometryKind::Line: return scene::LegendEntry::Swatch::Line;
            case GeometryKind::Point: return scene::LegendEntry::Swatch::Point;
            case GeometryKind::None: break;
        }
    }
    return scene::LegendEntry::Swatch::Fill;
}

/// Fixed bands: breaks, labels and colours given by the preset.
Classification fixedBands(std::vector<double> breaks, std::vector<std::string> labels, std::vector<Rgba8> colors) {
    Classification c;
    c.breaks = std::move(breaks);
    c.labels = std::move(labels);
    c.colors = std::move(colors);
    c.noDataColor = kNoDataColor;
    return c;
}

std::vector<Rgba8> sampleAt(const ColorRamp& ramp, std::initializer_list<double> ts) {
    std::vector<Rgba8> out;
    for (double t : ts) out.push_back(sampleRamp(ramp, t));
    return out;
}

/// Categories in the preset's order first (only those present), then any others sorted.
Classification fixedCategories(const std::vector<std::string>& values, const std::vector<FixedCategory>& preset) {
    Classification c = classifyCategorical(values, qualitativePalette());
    Classification ordered;
    ordered.categorical = true;
    ordered.noDataColor = kNoDataColor;
    for (const FixedCategory& fc : preset)
        if (std::find(c.categories.begin(), c.categories.end(), fc.value) != c.categories.end()) {
            ordered.categories.push_back(fc.value);
            ordered.colors.push_back(parseHexColor(fc.color));
        }
    std::size_t extra = 0;
    for (const std::string& cat : c.categories)
        if (std::find(ordered.categories.begin(), ordered.categories.end(), cat) == ordered.categories.end()) {
            ordered.categories.push_back(cat);
            ordered.colors.push_back(qualitativePalette()[extra++ % qualitativePalette().size()]);
        }
    for (const std::string& cat : ordered.categories) ordered.labels.push_back(categoryLabelVi(cat));
    return ordered;
}

bool isPresetCategorical(const std::string& field, const std::vector<FixedCategory>** preset) {
    if (field == "tier") { *preset = &kTierCategories; return true; }
    if (field == "status") { *preset = &kStatusCategories; return true; }
    if (field == "type") { *preset = &kTypeCategories; return true; }
    return false;
}

std::string fieldList(const VectorLayer& layer) {
    std::string s;
    for (const data::Field& f : layer.fields) s += (s.empty() ? "" : ", ") + f.name;
    return s.empty() ? "(không có)" : s;
}

}  // namespace

std::string categoryLabelVi(const std::string& value) {
    static const std::map<std::string, std::string> labels = {
        {"planned", "Kế hoạch"},
        {"under_construction", "Đang thi công"},
        {"completed", "Đã hoàn thành"},
        {"open", "Đang thực hiện"},
        {"done", "Đã hoàn thành"},
        {"waste_site", "Điểm tập kết rác thải"},
        {"road", "Đường giao thông"},
        {"cultural_house", "Nhà văn hóa"},
        {"school", "Trường học"},
        {"health_station", "Trạm y tế"},
        {"clean_water", "Công trình nước sạch"},
        {"xa", "Xã"},
        {"phuong", "Phường"},
        {"thi_tran", "Thị trấn"},
        {"thon", "Thôn"},
    };
    const auto it = labels.find(value);
    return it == labels.end() ? value : it->second;
}

std::string fieldTitleVi(const std::string& fieldName) {
    static const std::map<std::string, std::string> titles = {
        {"criteria_met", "Số tiêu chí đạt (bộ 19 tiêu chí)"},
        {"criteria_pct", "Tỷ lệ tiêu chí đạt (%)"},
        {"disbursed_pct", "Tỷ lệ giải ngân (%)"},
        {"gap_count", "Tiêu chí chưa đạt chưa có công trình"},
        {"poverty_rate", "Tỷ lệ hộ nghèo (%)"},
        {"tier", "Mức đạt chuẩn nông thôn mới"},
        {"status", "Tình trạng"},
        {"type", "Loại"},
        {"population", "Dân số (người)"},
        {"area_km2", "Diện tích (km²)"},
        {"budget", "Kinh phí (đồng)"},
        {"name", "Tên"},
        {"department", "Đơn vị chủ trì"},
    };
    const auto it = titles.find(fieldName);
    return it == titles.end() ? fieldName : it->second;
}

Result<StyledField> styleByField(const VectorLayer& layer, const std::string& fieldName, const std::vector<double>* numericValues) {
    const int index = layer.fieldIndex(fieldName);
    if (index < 0)
        return makeError(ErrorCode::NotFound, "Lớp \"" + layer.name + "\" không có trường \"" + fieldName +
                                                  "\". Các trường hiện có: " + fieldList(layer) + ".");
    const auto fi = static_cast<std::size_t>(index);
    const FieldKind kind = layer.fields[fi].kind;
    const bool numeric = kind == FieldKind::Integer || kind == FieldKind::Real;

    StyledField out;
    out.legend.title = fieldTitleVi(fieldName);
    bool anyMissing = false;
    const std::vector<FixedCategory>* preset = nullptr;

    if (numeric && !isPresetCategorical(fieldName, &preset)) {
        const std::vector<double> values = numericValues != nullptr && numericValues->size() == layer.features.size()
                                               ? *numericValues
                                               : data::numericColumn(layer, fi);
        for (double v : values) anyMissing = anyMissing || !std::isfinite(v);
        double maxValue = -std::numeric_limits<double>::infinity(), minValue = std::numeric_limits<double>::infinity();
        for (double v : values)
            if (std::isfinite(v)) { maxValue = std::max(maxValue, v); minValue = std::min(minValue, v); }
        const bool any = std::isfinite(maxValue);

        Classification& c = out.classification;
        if (fieldName == "criteria_met") {
            // The 19-criteria set's meaningful bands: the 2025 target is "no commune under 15".
            const ColorRamp& r = rampById("criteria");
            c = fixedBands({9, 14, 18, 19}, {"< 10", "10 – 14", "15 – 18", "19 (đạt chuẩn)"}, sampleAt(r, {0.0, 0.27, 0.68, 1.0}));
        } else if (fieldName == "gap_count") {
            // Unmet criteria that nothing planned will fix: none is good, three or more is an alarm.
            const ColorRamp& r = rampById("RdYlGn");
            c = fixedBands({0, 1, 2, std::max(3.0, any ? maxValue : 3.0)},
                           {"Không thiếu", "1 tiêu chí", "2 tiêu chí", "3 tiêu chí trở lên"}, sampleAt(r, {0.9, 0.45, 0.25, 0.02}));
        } else if (fieldName == "criteria_pct") {
            const ColorRamp& r = rampById("criteria");
            c = fixedBands({50, 75, 90, 99.95, 100}, {"< 50 %", "50 – 75 %", "75 – 90 %", "90 – < 100 %", "100 %"},
                           sampleAt(r, {0.0, 0.25, 0.5, 0.75, 1.0}));
        } else if (fieldName == "disbursed_pct") {
            // Fixed 20-point bands so maps of different dates compare; RdYlGn: low is bad.
            const ColorRamp& r = rampById("RdYlGn");
            c = fixedBands({20, 40, 60, 80, std::max(100.0, any ? maxValue : 100.0)},
                           {"0 – 20 %", "20 – 40 %", "40 – 60 %", "60 – 80 %", "> 80 %"},
                           sampleAt(r, {0.05, 0.3, 0.5, 0.72, 0.95}));
        } else if (fieldName == "poverty_rate" && any) {
            // Natural breaks, rounded up to one decimal so the legend shows what is drawn.
            c = classifyNumeric(values, ClassMethod::NaturalBreaks, 5, rampById("OrRd"));
            std::vector<double> rounded;
            for (double b : c.breaks) {
                const double r = std::ceil(b * 10.0 - 1e-9) / 10.0;
                if (rounded.empty() || r > rounded.back()) rounded.push_back(r);
            }
            c.breaks = rounded;
            c.colors.clear();
            for (std::size_t i = 0; i < rounded.size(); ++i)
                c.colors.push_back(sampleRamp(rampById("OrRd"), rounded.size() == 1 ? 1.0 : static_cast<double>(i) / static_cast<double>(rounded.size() - 1)));
            c.labels = rangeLabels(c.breaks, std::floor(minValue * 10.0) / 10.0, 1, "%");
        } else if (any) {
            c = classifyNumeric(values, ClassMethod::Quantile, 5, rampById("YlGn"));
        } else {
            c.noDataColor = kNoDataColor;
        }
        out.featureColors = colorsFor(c, values);
    } else {
        std::vector<std::string> values;
        values.reserve(layer.features.size());
        for (const data::Feature& f : layer.features) {
            std::string s = fi < f.attributes.size() ? data::attributeAsText(f.attributes[fi]) : std::string();
            anyMissing = anyMissing || s.empty();
            values.push_back(std::move(s));
        }
        if (preset || isPresetCategorical(fieldName, &preset)) {
            out.classification = fixedCategories(values, *preset);
            if (fieldName == "type") {
                // "Loại công trình" for infrastructure codes, "Loại đơn vị" for admin units.
                const bool admin = std::all_of(out.classification.categories.begin(), out.classification.categories.end(),
                                               [](const std::string& v) { return v == "xa" || v == "phuong" || v == "thi_tran"; });
                out.legend.title = admin ? "Loại đơn vị hành chính" : "Loại công trình";
            }
        } else {
            out.classification = classifyCategorical(values, qualitativePalette());
        }
        out.featureColors = colorsFor(out.classification, values);
    }

    const scene::LegendEntry::Swatch swatch = swatchFor(layer);
    const Classification& c = out.classification;
    for (std::size_t i = 0; i < c.colors.size() && i < c.labels.size(); ++i)
        out.legend.entries.push_back({c.colors[i], c.labels[i], swatch});
    if (anyMissing) out.legend.entries.push_back({c.noDataColor, c.noDataLabel, swatch});
    return out;
}

}  // namespace gis::style
