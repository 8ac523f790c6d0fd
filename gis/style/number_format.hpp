#pragma once
/// Vietnamese number formatting for legends and labels (formatNumberVi is declared in
/// classification.hpp). Never uses the C/C++ locale: vi_VN is not installed everywhere and
/// a host application may have switched the global locale.
#include <string>
#include <vector>

#include "gis/style/classification.hpp"

namespace gis::style {

/// "lo – hi" with an en dash, plus " suffix" when given: (73.68, 85, 1, "%") → "73,7 – 85,0 %".
std::string formatRangeVi(double lo, double hi, int decimals, const std::string& suffix = "");

/// The fewest decimals (0–3) that print every value exactly, or failing that, that keep
/// every printed value distinct (at least 1). For choosing legend precision.
int decimalsFor(const std::vector<double>& values);

}  // namespace gis::style
