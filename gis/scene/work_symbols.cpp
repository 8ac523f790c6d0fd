#include "gis/scene/work_symbols.hpp"

#include <algorithm>
#include <cmath>

namespace gis::scene {

namespace {

// Colours: saturated mid-to-dark hues that are neither the ramps' red nor their green (the
// choropleth owns those, and red is the overdue ring), far apart in hue, each paired with its
// own shape so two works never differ by colour alone (colour-blind viewers, grey print-outs).
// Every symbol also gets a dark casing and a white halo (see shaders/_symbols.glsl).
const std::vector<WorkTypeLook> kLooks = {
    {"school", "Trường học", PointSymbol::Triangle, {30, 90, 220, 255}},
    {"health_station", "Trạm y tế", PointSymbol::Cross, {200, 30, 150, 255}},
    {"cultural_house", "Nhà văn hóa", PointSymbol::Pentagon, {120, 60, 180, 255}},
    {"clean_water", "Nước sạch", PointSymbol::Circle, {0, 170, 220, 255}},
    {"irrigation", "Thủy lợi", PointSymbol::Hexagon, {0, 118, 118, 255}},
    {"market", "Chợ", PointSymbol::Square, {240, 125, 0, 255}},
    {"sports", "Thể thao", PointSymbol::Star, {235, 185, 0, 255}},
    {"waste_site", "Điểm tập kết rác thải", PointSymbol::TriangleDown, {125, 82, 50, 255}},
    {"bridge", "Cầu", PointSymbol::Hourglass, {95, 105, 125, 255}},
    {"road", "Đường giao thông", PointSymbol::Bar, kRoadColor},
    {"", "Công trình khác", PointSymbol::Diamond, {128, 128, 128, 255}},
};

/// Status entries use one neutral symbol, so they read as "how full", not as another type.
constexpr Rgba8 kStatusSwatchColor{90, 90, 90, 255};

std::string textField(const data::Feature& feature, int field) {
    return field >= 0 ? data::attributeAsText(feature.attributes[static_cast<std::size_t>(field)]) : std::string();
}

constexpr WorkStatus kStatusOrder[] = {WorkStatus::Completed, WorkStatus::UnderConstruction, WorkStatus::Planned};

}  // namespace

const std::vector<WorkTypeLook>& workTypeLooks() { return kLooks; }

const WorkTypeLook& workTypeLook(const std::string& type) {
    for (const WorkTypeLook& look : kLooks)
        if (type == look.type) return look;
    return kLooks.back();
}

WorkStatus parseWorkStatus(const std::string& status) {
    if (status == "planned") return WorkStatus::Planned;
    if (status == "under_construction") return WorkStatus::UnderConstruction;
    return WorkStatus::Completed;
}

const char* workStatusLabel(WorkStatus status) {
    switch (status) {
        case WorkStatus::Planned: return "Kế hoạch";
        case WorkStatus::UnderConstruction: return "Đang thi công";
        case WorkStatus::Completed: break;
    }
    return "Hoàn thành";
}

std::vector<FeatureSymbol> workSymbols(const data::VectorLayer& layer, PointSymbol fallbackShape) {
    const int typeField = layer.fieldIndex("type");
    const int statusField = layer.fieldIndex("status");
    const int overdueField = layer.fieldIndex("overdue");
    std::vector<FeatureSymbol> symbols(layer.features.size());
    for (std::size_t f = 0; f < layer.features.size(); ++f) {
        const data::Feature& feature = layer.features[f];
        FeatureSymbol& symbol = symbols[f];
        symbol.shape = typeField >= 0 ? workTypeLook(textField(feature, typeField)).shape : fallbackShape;
        symbol.status = parseWorkStatus(textField(feature, statusField));
        const double overdue =
            overdueField >= 0 ? data::attributeAsNumber(feature.attributes[static_cast<std::size_t>(overdueField)]) : 0.0;
        // A completed work is never late, whatever an imported column says.
        symbol.overdue = overdue > 0.5 && symbol.status != WorkStatus::Completed ? 1 : 0;
    }
    return symbols;
}

std::vector<LegendEntry> workPointLegend(const std::vector<FeatureSymbol>& symbols, const std::vector<Rgba8>& colors) {
    std::vector<LegendEntry> entries;
    // Types in the fixed legend order, one entry per (shape, colour) present: a type is its look.
    for (const WorkTypeLook& look : kLooks) {
        bool present = false;
        for (std::size_t f = 0; f < symbols.size() && !present; ++f)
            present = symbols[f].shape == look.shape && f < colors.size() && colors[f] == look.color;
        if (present) entries.push_back({look.color, look.label, LegendEntry::Swatch::Point, look.shape});
    }
    for (WorkStatus status : kStatusOrder)
        if (std::any_of(symbols.begin(), symbols.end(), [&](const FeatureSymbol& s) { return s.status == status; }))
            entries.push_back({kStatusSwatchColor, workStatusLabel(status), LegendEntry::Swatch::Point, PointSymbol::Circle, status});
    if (std::any_of(symbols.begin(), symbols.end(), [](const FeatureSymbol& s) { return s.overdue != 0; }))
        entries.push_back({kStatusSwatchColor, "Quá hạn, chưa hoàn thành", LegendEntry::Swatch::Point, PointSymbol::Circle,
                           WorkStatus::Planned, true});
    return entries;
}

std::vector<LegendEntry> roadLegend(const std::vector<FeatureSymbol>& symbols, const std::string& layerLabel) {
    std::vector<LegendEntry> entries;
    std::size_t statusesPresent = 0;
    for (WorkStatus status : kStatusOrder)
        if (std::any_of(symbols.begin(), symbols.end(), [&](const FeatureSymbol& s) { return s.status == status; })) ++statusesPresent;
    for (WorkStatus status : kStatusOrder) {
        if (std::none_of(symbols.begin(), symbols.end(), [&](const FeatureSymbol& s) { return s.status == status; })) continue;
        // A layer of finished roads only (or without status) needs no status in its entry.
        std::string text = layerLabel;
        if (statusesPresent > 1 || status != WorkStatus::Completed) text += std::string(" — ") + workStatusLabel(status);
        entries.push_back({kRoadColor, text, LegendEntry::Swatch::Line, PointSymbol::Circle, status});
    }
    if (std::any_of(symbols.begin(), symbols.end(), [](const FeatureSymbol& s) { return s.overdue != 0; }))
        entries.push_back({kRoadColor, layerLabel + " — quá hạn", LegendEntry::Swatch::Line, PointSymbol::Circle,
                           WorkStatus::UnderConstruction, true});
    return entries;
}

}  // namespace gis::scene
