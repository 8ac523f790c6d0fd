#include "gis/scene/layer_look.hpp"

#include "gis/style/field_style.hpp"

#include <cmath>
#include <map>

#include "gis/core/ascii_case.hpp"
#include "gis/scene/work_symbols.hpp"
#include "gis/style/classification.hpp"

namespace gis::scene {

namespace {

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

constexpr Rgba8 kVillageColor{70, 70, 70, 255};

}  // namespace

bool isBoundaryLayer(const std::string& layerName) { return layerName == "districts" || layerName == "provinces"; }

LayerStyle defaultLayerStyle(const std::string& layerName, GeometryKind kind) {
    LayerStyle style;
    const std::string name = asciiLower(layerName);
    if (isBoundaryLayer(layerName) && kind == GeometryKind::Polygon) {
        // Dark and wider than commune borders, province wider still: the administrative frame.
        style.outlineColor = Rgba8{70, 70, 80, 255};
        style.outlineWidthPx = layerName == "provinces" ? 3.2f : 2.2f;
        style.antialiasFillEdges = false;
        return style;
    }
    switch (kind) {
    case GeometryKind::Polygon:
        style.outlineColor = Rgba8{255, 255, 255, 255};
        style.outlineWidthPx = 1.2f;
        break;
    case GeometryKind::Line:
        style.outlineWidthPx = name.find("road") != std::string::npos ? 3.0f : 1.6f;
        // A light casing: dark lines then stand out on the red classes as well as the green.
        style.lineCasingPx = name.find("road") != std::string::npos ? 1.5f : 1.0f;
        break;
    case GeometryKind::Point:
        if (name.find("infrastructure") != std::string::npos) {
            // Planned works are what a briefing is about: large enough that shape and fill read
            // on a projector, distinct from village dots.
            style.pointSizePx = 20.0f;
            style.pointSymbol = workTypeLook("").shape;
        } else {
            style.pointSizePx = name.find("village") != std::string::npos ? 5.0f : 6.0f;
            style.pointSymbol = PointSymbol::Circle;
            // An opaque white halo: at 200/255 it let mid-tone classes (the criteria red, RdYlGn
            // green) through and the dark dot fell under 3:1 against both (style_line_contrast_test).
            style.pointStrokeColor = Rgba8{255, 255, 255, 255};
        }
        break;
    case GeometryKind::None:
        break;
    }
    return style;
}

void applyDefaultLook(MapLayer& layer) {
    const std::size_t count = layer.data.features.size();
    if (isBoundaryLayer(layer.data.name)) {
        // Transparent fill (premultiplied: all zero) so only the border shows.
        layer.colors = std::make_shared<const std::vector<Rgba8>>(count, Rgba8{0, 0, 0, 0});
        layer.legend = Legend{};
        layer.legend.entries.push_back({layer.style.outlineColor, layerDisplayName(layer.data.name), LegendEntry::Swatch::Line});
        return;
    }
    const std::string name = asciiLower(layer.data.name);
    const bool works = layer.data.fieldIndex("type") >= 0 && name.find("village") == std::string::npos;
    layer.legend = Legend{};
    layer.symbols.reset();
    if (layer.kind == GeometryKind::Point && works) {
        // Infrastructure: each type its shape and colour, each status its fill.
        auto colors = std::make_shared<std::vector<Rgba8>>(count);
        const int typeField = layer.data.fieldIndex("type");
        for (std::size_t f = 0; f < count; ++f)
            (*colors)[f] = workTypeLook(data::attributeAsText(layer.data.features[f].attributes[static_cast<std::size_t>(typeField)])).color;
        auto symbols = std::make_shared<const std::vector<FeatureSymbol>>(workSymbols(layer.data, layer.style.pointSymbol));
        layer.legend.entries = workPointLegend(*symbols, *colors);
        layer.colors = std::move(colors);
        layer.symbols = std::move(symbols);
    } else if (layer.kind == GeometryKind::Line) {
        // Roads: dash and width by status, a red casing when overdue.
        layer.colors = std::make_shared<const std::vector<Rgba8>>(count, kRoadColor);
        auto symbols = std::make_shared<const std::vector<FeatureSymbol>>(workSymbols(layer.data, PointSymbol::Bar));
        layer.legend.entries = roadLegend(*symbols, layerDisplayName(layer.data.name));
        layer.symbols = std::move(symbols);
    } else {
        const Rgba8 color = layer.kind == GeometryKind::Point ? kVillageColor : kPlainFillColor;
        layer.colors = std::make_shared<const std::vector<Rgba8>>(count, color);
        if (layer.kind == GeometryKind::Point)
            layer.legend.entries.push_back({color, name.find("village") != std::string::npos ? "Thôn" : layerDisplayName(layer.data.name),
                                            LegendEntry::Swatch::Point, layer.style.pointSymbol});
    }
}

std::string layerDisplayName(const std::string& layerName) {
    struct DisplayName { const char* layer; const char* display; };
    static constexpr DisplayName kNames[] = {
        {"communes", "Ranh giới xã"}, {"districts", "Ranh giới huyện"}, {"provinces", "Ranh giới tỉnh"}, {"roads", "Đường giao thông"}, {"villages", "Thôn, tổ dân phố"},
        {"infrastructure", "Công trình hạ tầng"}};
    for (const DisplayName& name : kNames)
        if (layerName == name.layer) return name.display;
    return layerName;
}

int pickLabelField(const data::VectorLayer& layer) {
    for (const char* candidate : {"name", "ten", "ten_xa", "commune_vn", "Tên xã", "NAME", "Name", "commune"}) {
        const int index = layer.fieldIndex(candidate);
        if (index >= 0) return index;
    }
    return -1;
}

std::string naturalIndicator(const data::VectorLayer& layer) {
    return layer.fieldIndex("criteria_met") >= 0 ? "criteria_met" : "";
}

Legend combinedLegend(const std::vector<MapLayer>& layers, std::size_t mainLayer, const std::vector<bool>& leftOut) {
    Legend legend = layers[mainLayer].legend;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (i == mainLayer || !layers[i].visible || (i < leftOut.size() && leftOut[i])) continue;
        for (const LegendEntry& entry : layers[i].legend.entries) legend.entries.push_back(entry);
    }
    return legend;
}

std::string shortLabel(const std::string& name) {
    // Built with append (not operator+) to dodge a gcc 12 -Wrestrict false positive.
    struct Abbreviation { const char* prefix; const char* replacement; };
    static constexpr Abbreviation kAbbreviations[] = {{"Xã ", ""}, {"Thị trấn ", "TT. "}, {"Phường ", "P. "}};
    for (const Abbreviation& abbreviation : kAbbreviations) {
        const std::string prefix = abbreviation.prefix;
        if (!startsWith(name, prefix)) continue;
        std::string label = abbreviation.replacement;
        label.append(name, prefix.size(), std::string::npos);
        return label;
    }
    return name;
}

std::string describeFeature(const data::VectorLayer& layer, std::size_t featureIndex, const std::string& colorField, Language language) {
    const data::Feature& feature = layer.features.at(featureIndex);
    auto text = [&](const char* field) {
        const int index = layer.fieldIndex(field);
        return index >= 0 ? data::attributeAsText(feature.attributes[static_cast<std::size_t>(index)]) : std::string();
    };
    auto number = [&](const std::string& field) {
        const int index = layer.fieldIndex(field);
        return index >= 0 ? data::attributeAsNumber(feature.attributes[static_cast<std::size_t>(index)]) : std::nan("");
    };
    // Vietnamese writes 73,7 and 1.234; English swaps the two separators.
    auto formatted = [&](double value, int decimals) {
        std::string s = style::formatNumberVi(value, decimals);
        if (language == Language::En)
            for (char& c : s) c = c == '.' ? ',' : c == ',' ? '.' : c;
        return s;
    };
    const int labelField = pickLabelField(layer);
    std::string line = labelField >= 0 ? data::attributeAsText(feature.attributes[static_cast<std::size_t>(labelField)])
                                       : "#" + std::to_string(feature.fid);
    const double met = number("criteria_met");
    const double total = number("criteria_total");
    if (!std::isnan(met) && !std::isnan(total) && total > 0) {
        line += " — " + formatted(met, 0) + "/" + formatted(total, 0) + " " + localize("tiêu chí", language) + " (" +
                formatted(100.0 * met / total, 1) + " %)";
    } else if (!colorField.empty() && layer.fieldIndex(colorField) >= 0) {
        const double value = number(colorField);
        line += " — " + localize(style::fieldTitleVi(colorField), language) + ": " +
                (std::isnan(value) ? localize(text(colorField.c_str()), language) : formatted(value, std::floor(value) == value ? 0 : 1));
    }
    const std::string status = text("status");
    // The tooltip speaks like the legend: status in words, overdue said.
    if (status == "planned") line += " — " + localize("kế hoạch", language);
    else if (status == "under_construction") line += " — " + localize("đang thi công", language);
    else if (status == "completed") line += " — " + localize("hoàn thành", language);
    else if (!status.empty()) line += " — " + status;
    if (number("overdue") == 1.0) line += " — " + localize("quá hạn", language);
    return line;
}

Legend localizeLegend(Legend legend, Language language) {
    if (language == Language::Vi) return legend;
    legend.title = localize(legend.title, language);
    for (LegendEntry& entry : legend.entries) entry.text = localize(entry.text, language);
    return legend;
}

}  // namespace gis::scene
