#include "gis/render/legend_swatch.hpp"

#include <algorithm>
#include <cmath>

namespace gis::render {

namespace {

constexpr Rgba8 kSwatchBorder{70, 70, 70, 255};
constexpr Rgba8 kSymbolHalo{255, 255, 255, 255};
constexpr Rgba8 kLineCasing{255, 255, 255, 255};
constexpr Rgba8 kOverdueCasing{219, 13, 13, 255};  // segment.vert's kOverdueCasing

/// A line swatch as segment.vert draws the line of that status: casing (red when overdue), then
/// solid, long-dashed (under construction) or thin short-dashed (planned), at 1.3× map width.
void addLineSwatch(OverlayBatch& batch, const scene::LegendEntry& entry, float x0, float x1, float cy, float s) {
    const float half = 1.3f * 1.5f * s;  // roads are 3 px wide on the map
    float coreHalf = half;
    float on = 0.0f, off = 0.0f;
    if (entry.status == scene::WorkStatus::Planned) {
        coreHalf = half * 0.6f;
        on = 2.2f * half;
        off = 1.8f * half;
    } else if (entry.status == scene::WorkStatus::UnderConstruction) {
        on = 4.0f * half;
        off = 2.5f * half;
    }
    const float casing = 1.3f * 1.5f * s;
    batch.rect(x0 - casing, cy - coreHalf - casing, x1 + casing, cy + coreHalf + casing, entry.overdue ? kOverdueCasing : kLineCasing);
    if (on <= 0.0f) {
        batch.rect(x0, cy - coreHalf, x1, cy + coreHalf, entry.color);
        return;
    }
    for (float x = x0; x < x1; x += on + off) batch.rect(x, cy - coreHalf, std::min(x + on, x1), cy + coreHalf, entry.color);
}

}  // namespace

void drawLegendSwatch(OverlayBatch& batch, const scene::LegendEntry& entry, float x, float cy, float size, float s) {
    switch (entry.swatch) {
        case scene::LegendEntry::Swatch::Fill: {
            const float top = std::round(cy - size * 0.5f);
            batch.rect(x, top, x + size, top + size, entry.color);
            batch.frame(x, top, x + size, top + size, std::max(1.0f, std::round(s)), kSwatchBorder);
            break;
        }
        case scene::LegendEntry::Swatch::Line:
            addLineSwatch(batch, entry, x, x + size, cy, s);
            break;
        case scene::LegendEntry::Swatch::Note:
            break;
        case scene::LegendEntry::Swatch::Point:
            // The real symbol (same GLSL as the map), a little smaller so an overdue ring fits the row.
            batch.symbol(x + size * 0.5f, cy, size * 0.36f, entry.pointSymbol, entry.status, entry.overdue, entry.color,
                         kSymbolHalo);
            break;
    }
}

}  // namespace gis::render
