#include "app/panels/legend_key.hpp"

#include <imgui.h>

#include <cmath>

namespace panels {
namespace {

ImU32 toImColor(gis::Rgba8 c) { return IM_COL32(c.r, c.g, c.b, c.a); }

/// A point symbol in `color`: filled, lower half filled, or hollow, as on the map.
void drawPointSwatch(ImDrawList* draw, ImVec2 c, float r, const gis::scene::LegendEntry& entry) {
    using gis::scene::PointSymbol;
    const ImU32 fill = toImColor(entry.color);
    const ImU32 outline = IM_COL32(40, 40, 40, 255);
    int sides = 0;  // 0 = circle
    float rotation = 0.0f;
    switch (entry.pointSymbol) {
    case PointSymbol::Square: sides = 4; rotation = 0.785f; break;
    case PointSymbol::Diamond: sides = 4; break;
    case PointSymbol::Triangle: sides = 3; rotation = -1.5708f; break;
    case PointSymbol::TriangleDown: sides = 3; rotation = 1.5708f; break;
    case PointSymbol::Pentagon: sides = 5; rotation = -1.5708f; break;
    case PointSymbol::Hexagon: sides = 6; break;
    case PointSymbol::Star: sides = 5; rotation = -1.5708f; break;
    case PointSymbol::Cross: case PointSymbol::Hourglass: case PointSymbol::Bar: sides = 4; break;
    case PointSymbol::Circle: break;
    }
    ImVec2 points[8];
    for (int i = 0; i < sides; ++i) {
        const float a = rotation + 6.2832f * static_cast<float>(i) / static_cast<float>(sides);
        points[i] = ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a));
    }
    auto shape = [&](ImU32 color, bool filled) {
        if (sides == 0) {
            if (filled) draw->AddCircleFilled(c, r, color, 20);
            else draw->AddCircle(c, r, color, 20, 1.5f);
        } else if (filled) {
            draw->AddConvexPolyFilled(points, sides, color);
        } else {
            draw->AddPolyline(points, sides, color, ImDrawFlags_Closed, 1.5f);
        }
    };
    const bool half = entry.status == gis::scene::WorkStatus::UnderConstruction;
    if (entry.status == gis::scene::WorkStatus::Completed) shape(fill, true);
    if (half) {
        draw->PushClipRect(ImVec2(c.x - r - 1, c.y), ImVec2(c.x + r + 1, c.y + r + 1), true);
        shape(fill, true);
        draw->PopClipRect();
    }
    shape(outline, false);
    if (entry.overdue) draw->AddCircle(c, r + 3.0f, IM_COL32(210, 30, 30, 255), 24, 2.0f);
}

}  // namespace

void drawLegendKey(const gis::scene::Legend& legend, gis::Language language) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float size = ImGui::GetTextLineHeight();
    for (const gis::scene::LegendEntry& entry : legend.entries) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 centre(at.x + size * 0.8f, at.y + size * 0.5f);
        switch (entry.swatch) {
        case gis::scene::LegendEntry::Swatch::Fill:
            draw->AddRectFilled(ImVec2(at.x + 2, at.y + 2), ImVec2(at.x + size * 1.6f - 2, at.y + size - 2), toImColor(entry.color));
            break;
        case gis::scene::LegendEntry::Swatch::Line: {
            const float thickness = entry.status == gis::scene::WorkStatus::Planned ? 1.5f : 3.0f;
            if (entry.overdue) draw->AddLine(ImVec2(at.x, centre.y), ImVec2(at.x + size * 1.6f, centre.y), IM_COL32(210, 30, 30, 255), thickness + 3);
            if (entry.status == gis::scene::WorkStatus::Completed) {
                draw->AddLine(ImVec2(at.x, centre.y), ImVec2(at.x + size * 1.6f, centre.y), toImColor(entry.color), thickness);
            } else {
                for (float x = at.x; x < at.x + size * 1.6f; x += 7.0f)  // dashed like the map
                    draw->AddLine(ImVec2(x, centre.y), ImVec2(std::min(x + 4.0f, at.x + size * 1.6f), centre.y), toImColor(entry.color), thickness);
            }
            break;
        }
        case gis::scene::LegendEntry::Swatch::Point: drawPointSwatch(draw, centre, size * 0.38f, entry); break;
        case gis::scene::LegendEntry::Swatch::Note: break;  // a line of text only ("zoom in to see the symbols")
        }
        ImGui::Dummy(ImVec2(size * 1.9f, size));
        ImGui::SameLine();
        ImGui::TextUnformatted(gis::localize(entry.text, language).c_str());
    }
}

}  // namespace panels
