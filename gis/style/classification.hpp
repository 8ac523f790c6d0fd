#pragma once
/// Classification and colours: pure functions from values to per-feature colours and a legend.
#include <string>
#include <string_view>
#include <vector>

#include "gis/core/color.hpp"
#include "gis/core/result.hpp"
#include "gis/data/vector_layer.hpp"
#include "gis/scene/render_scene.hpp"

namespace gis::style {

enum class ClassMethod { EqualInterval, Quantile, NaturalBreaks };

struct ColorRamp {
    std::string id;             ///< e.g. "criteria", "YlGn", "Blues", "OrRd", "RdYlGn"
    std::vector<Rgba8> stops;   ///< evenly spaced from low to high
};

/// A named ramp; unknown ids give "YlGn".
const ColorRamp& rampById(std::string_view id);
/// Linear interpolation along the ramp, t in [0, 1] (clamped).
Rgba8 sampleRamp(const ColorRamp& ramp, double t);

/// How values map to colours. Numeric: class i covers (breaks[i-1], breaks[i]] (the first class
/// starts at the minimum). Categorical: categories[i] → colors[i].
struct Classification {
    bool categorical = false;
    std::vector<double> breaks;           ///< numeric: ascending upper bounds, one per class
    std::vector<std::string> categories;  ///< categorical: one per class
    std::vector<Rgba8> colors;            ///< one per class
    std::vector<std::string> labels;      ///< legend text per class, Vietnamese number format
    Rgba8 noDataColor{200, 200, 200, 255};
    std::string noDataLabel = "Không có số liệu";
};

/// NaN values are "no data" and ignored when computing breaks.
Classification classifyNumeric(const std::vector<double>& values, ClassMethod method, int classCount, const ColorRamp& ramp);
Classification classifyCategorical(const std::vector<std::string>& values, const std::vector<Rgba8>& palette);

/// The colour of each value under a classification (noDataColor for NaN / unknown category).
std::vector<Rgba8> colorsFor(const Classification& classification, const std::vector<double>& values);
std::vector<Rgba8> colorsFor(const Classification& classification, const std::vector<std::string>& values);

/// Chooses a classification for a layer field: known NTM indicators get their presets
/// (criteria_met: fixed bands of the 19-criteria set; criteria_pct, disbursed_pct, poverty_rate,
/// tier), other numeric fields 5 quantile classes, text fields categories. Also returns per-
/// feature colours and a legend titled in Vietnamese.
struct StyledField {
    Classification classification;
    std::vector<Rgba8> featureColors;  ///< one per layer feature
    scene::Legend legend;
};
/// `numericValues`: the field's values when the caller keeps them as a column (MapDocument does),
/// one per feature; otherwise they are read from the features' attributes.
Result<StyledField> styleByField(const data::VectorLayer& layer, const std::string& fieldName,
                                 const std::vector<double>* numericValues = nullptr);

/// Vietnamese number format: decimal comma, '.' thousands separator: 1234567.891 → "1.234.567,89".
std::string formatNumberVi(double value, int decimals);

}  // namespace gis::style
