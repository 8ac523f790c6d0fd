#pragma once
/// Font weight, size and colour of a run of text: shared by the glyph atlas, the overlay
/// layout and the PDF writer (which sets the same runs as real text). No font code here.
#include "gis/core/color.hpp"

namespace gis::render {

enum class FontWeight { Regular, Bold };

/// Size and look of one run of text. Sizes are em sizes in pixels.
struct TextStyle {
    float sizePx = 14.0f;
    FontWeight weight = FontWeight::Regular;
    Rgba8 color{30, 30, 30, 255};
    Rgba8 haloColor{255, 255, 255, 0};  ///< alpha 0 = no halo
    float haloPx = 0.0f;
};

/// Extent of a laid-out line of text, in pixels relative to the pen start on the baseline.
struct TextExtent {
    float width = 0.0f;    ///< advance of the whole run
    float ascent = 0.0f;   ///< above the baseline (positive)
    float descent = 0.0f;  ///< below the baseline (positive)
};

}  // namespace gis::render
