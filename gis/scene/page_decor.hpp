#pragma once
/// What a printed page shows around the map (title, subtitle, legend in columns, scale bar,
/// north arrow, figures beside the map, source and date line), as plain values in page pixels.
/// The overlay painter draws it with the same renderer as the screen; a PDF takes its text as
/// real text instead (RenderScene::textAsRuns).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gis/core/color.hpp"

namespace gis::scene {

/// An axis-aligned box in frame pixels (y down).
struct PixelRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    bool empty() const { return !(x1 > x0 && y1 > y0); }
};

/// How a line beside the map reads: a block heading, plain text, a quieter note, or a figure
/// that is on track (green) or behind (red), as the notices flag them.
enum class PageLineRole : std::uint8_t { Heading, Body, Muted, Good, Warning };

struct PageLine {
    std::string text;
    PageLineRole role = PageLineRole::Body;
    std::optional<Rgba8> marker;  ///< a small square before the text (criterion met / not met)
};

/// A scale bar whose length in pixels is `meters` on the ground at the map's latitude.
struct ScaleBarSpec {
    double meters = 0;
    float lengthPx = 0;
    int segments = 4;                     ///< alternating black and white blocks
    std::vector<std::string> tickLabels;  ///< at 0, the middle and the end: "0", "1", "2 km"
};

struct PageDecor {
    float pointPx = 1.0f;  ///< pixels per typographic point (dpi / 72): every size is in points
    PixelRect map;         ///< where the map shows; the paper covers the rest of the frame
    PixelRect header;      ///< title and subtitle
    PixelRect side;        ///< legend and figures (right of the map, or below it on portrait pages)
    PixelRect footer;      ///< source and export date
    std::string title;
    std::string subtitle;  ///< indicator and as-of date
    std::string legendHeading;  ///< e.g. "Chú giải"
    std::vector<PageLine> sideLines;  ///< after the legend: key figures, the commune's card
    ScaleBarSpec scaleBar;
    bool northArrow = true;
    std::string northLabel = "B";  ///< "B" (Bắc) / "N"
    std::string footerLeft;   ///< data source
    std::string footerRight;  ///< export date
};

}  // namespace gis::scene
