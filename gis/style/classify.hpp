#pragma once
/// The break algorithms behind classifyNumeric (declared in classification.hpp), exposed so
/// they can be tested and reused. All ignore NaN and return ascending upper bounds, the last
/// one ≥ the maximum.
#include <string>
#include <vector>

#include "gis/style/classification.hpp"

namespace gis::style {

/// Equal intervals on a "nice" step (1, 2, 2.5, 5 × 10ⁿ) starting at a multiple of the step:
/// 0…100 in 5 classes → 20, 40, 60, 80, 100. May give fewer than `classCount` classes.
std::vector<double> equalIntervalBreaks(const std::vector<double>& values, int classCount);

/// Quantile breaks (each class holds about the same number of values); duplicate breaks are
/// merged. For large magnitudes (max ≥ 1000, e.g. population) the inner breaks are rounded
/// to two significant digits when that keeps them strictly increasing.
std::vector<double> quantileBreaks(const std::vector<double>& values, int classCount);

/// Natural breaks (Jenks / Fisher optimal 1-D classification: minimum within-class sum of
/// squared deviations). Exact for up to 3000 values; larger inputs are sampled evenly from
/// the sorted values (keeping min and max).
std::vector<double> jenksBreaks(const std::vector<double>& values, int classCount);

/// The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) ≥ x (x > 0).
double niceCeil(double x);

/// Legend texts for numeric classes: "lo – hi" (first lo = minValue) with `suffix`; a class
/// whose bounds print equal shows one number.
std::vector<std::string> rangeLabels(const std::vector<double>& breaks, double minValue, int decimals,
                                     const std::string& suffix = "");

}  // namespace gis::style
