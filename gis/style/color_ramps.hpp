#pragma once
/// Colour ramps and the qualitative palette. rampById() and sampleRamp() are declared in
/// classification.hpp; this header adds the lists.
#include <string>
#include <vector>

#include "gis/core/color.hpp"
#include "gis/style/classification.hpp"

namespace gis::style {

/// Ids of every built-in ramp, in display order.
const std::vector<std::string>& rampIds();

/// Qualitative palette for categories (12 colours that read on a light map and on each other).
const std::vector<Rgba8>& qualitativePalette();

/// The no-data grey used by every classification.
inline constexpr Rgba8 kNoDataColor{200, 200, 200, 255};

}  // namespace gis::style
