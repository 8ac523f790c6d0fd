#pragma once
/// One line of text as the overlay placed it: what a PDF sets as real text.
#include <string>

#include "gis/render/text_style.hpp"

namespace gis::render {

struct TextRun {
    std::string text;  ///< UTF-8 NFC
    float x = 0;       ///< pen start, frame pixels
    float baselineY = 0;
    TextStyle style;
};

}  // namespace gis::render
