// Roads and point symbols must read on every class a commune can be filled with: the line (or
// symbol) against the fill, or else its light casing (halo) against the fill, and always the line
// against its own casing. Contrast is the WCAG ratio of relative luminances; 3:1 is the
// guideline's figure for graphical objects.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "gis/scene/layer_look.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/scene/work_symbols.hpp"
#include "gis/style/classification.hpp"

namespace {

double channel(std::uint8_t value) {
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(gis::Rgba8 c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

double contrast(gis::Rgba8 a, gis::Rgba8 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// `top` with its alpha over an opaque `bottom`.
gis::Rgba8 over(gis::Rgba8 top, gis::Rgba8 bottom) {
    const auto mix = [&](std::uint8_t t, std::uint8_t b) { return static_cast<std::uint8_t>(std::lround((t * top.a + b * (255 - top.a)) / 255.0)); };
    return {mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), 255};
}

std::vector<gis::Rgba8> everyFill() {
    std::vector<gis::Rgba8> fills{gis::scene::kPlainFillColor};
    for (const char* ramp : {"criteria", "YlGn", "Blues", "OrRd", "RdYlGn", "Purples"})
        for (int i = 0; i <= 20; ++i) fills.push_back(gis::style::sampleRamp(gis::style::rampById(ramp), i / 20.0));
    return fills;
}

}  // namespace

TEST_CASE("Roads stand out on every class of every ramp", "[style][unit]") {
    const gis::scene::LayerStyle road = gis::scene::defaultLayerStyle("roads", gis::GeometryKind::Line);
    REQUIRE(road.lineCasingPx > 0.0f);
    const gis::Rgba8 line = gis::scene::kRoadColor;
    CHECK(contrast(line, road.lineCasingColor) >= 4.5);
    for (const gis::Rgba8 fill : everyFill()) {
        INFO("fill " << int(fill.r) << "," << int(fill.g) << "," << int(fill.b));
        CHECK(std::max(contrast(line, fill), contrast(over(road.lineCasingColor, fill), fill)) >= 3.0);
    }
}

TEST_CASE("Point symbols stand out on every class of every ramp", "[style][unit]") {
    for (const std::string name : {"waste_sites", "villages"}) {
        gis::scene::MapLayer layer;
        layer.data.name = name;
        layer.data.features.resize(1);
        layer.kind = gis::GeometryKind::Point;
        layer.style = gis::scene::defaultLayerStyle(name, gis::GeometryKind::Point);
        gis::scene::applyDefaultLook(layer);
        REQUIRE(layer.colors);
        const gis::Rgba8 symbol = layer.colors->at(0);
        for (const gis::Rgba8 fill : everyFill()) {
            INFO(name << " on fill " << int(fill.r) << "," << int(fill.g) << "," << int(fill.b));
            const gis::Rgba8 halo = over(layer.style.pointStrokeColor, fill);
            CHECK(contrast(symbol, halo) >= 3.0);
            CHECK(std::max(contrast(symbol, fill), contrast(halo, fill)) >= 3.0);
        }
    }
}
