#include "gis/style/color_ramps.hpp"

#include <algorithm>
#include <cmath>

namespace gis::style {

namespace {

ColorRamp makeRamp(const char* id, std::initializer_list<const char*> hex) {
    ColorRamp r;
    r.id = id;
    for (const char* h : hex) r.stops.push_back(parseHexColor(h));
    return r;
}

// Sequential and diverging schemes from ColorBrewer 2.0 (Cynthia A. Brewer, Pennsylvania State
// University; colour specifications under the Apache License 2.0). The near-white first class
// of the sequential schemes is dropped: on a light basemap it reads as "no data".
const std::vector<ColorRamp>& ramps() {
    static const std::vector<ColorRamp> all = {
        // Criteria completion: red (few criteria) → orange → yellow → light green → green (19/19).
        makeRamp("criteria", {"#d7301f", "#fc8d59", "#fee08b", "#a6d96a", "#1a9850"}),
        makeRamp("YlGn", {"#f7fcb9", "#d9f0a3", "#addd8e", "#78c679", "#41ab5d", "#238443", "#006837", "#004529"}),
        makeRamp("Blues", {"#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"}),
        makeRamp("OrRd", {"#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#b30000", "#7f0000"}),
        makeRamp("RdYlGn", {"#a50026", "#d73027", "#f46d43", "#fdae61", "#fee08b", "#ffffbf", "#d9ef8b", "#a6d96a",
                            "#66bd63", "#1a9850", "#006837"}),
        makeRamp("Purples", {"#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#54278f", "#3f007d"}),
    };
    return all;
}

std::uint8_t lerp8(std::uint8_t a, std::uint8_t b, double t) {
    return static_cast<std::uint8_t>(std::lround(a + (static_cast<double>(b) - a) * t));
}

}  // namespace

const std::vector<std::string>& rampIds() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v;
        for (const ColorRamp& r : ramps()) v.push_back(r.id);
        return v;
    }();
    return ids;
}

const ColorRamp& rampById(std::string_view id) {
    for (const ColorRamp& r : ramps())
        if (r.id == id) return r;
    return ramps()[1];  // YlGn
}

Rgba8 sampleRamp(const ColorRamp& ramp, double t) {
    if (ramp.stops.empty()) return kNoDataColor;
    if (ramp.stops.size() == 1 || !(t > 0.0)) return ramp.stops.front();  // also NaN → first stop
    if (t >= 1.0) return ramp.stops.back();
    const double pos = t * static_cast<double>(ramp.stops.size() - 1);
    const auto i = static_cast<std::size_t>(pos);
    const double f = pos - static_cast<double>(i);
    const Rgba8& a = ramp.stops[i];
    const Rgba8& b = ramp.stops[std::min(i + 1, ramp.stops.size() - 1)];
    return Rgba8{lerp8(a.r, b.r, f), lerp8(a.g, b.g, f), lerp8(a.b, b.b, f), lerp8(a.a, b.a, f)};
}

const std::vector<Rgba8>& qualitativePalette() {
    // ColorBrewer Set2 followed by the stronger Dark2 hues: soft enough for area fills,
    // distinct enough for points.
    static const std::vector<Rgba8> palette = [] {
        std::vector<Rgba8> p;
        for (const char* h : {"#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3",
                              "#1b9e77", "#d95f02", "#7570b3", "#e7298a"})
            p.push_back(parseHexColor(h));
        return p;
    }();
    return palette;
}

}  // namespace gis::style
