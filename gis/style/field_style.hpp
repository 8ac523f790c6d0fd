#pragma once
/// Presets behind styleByField (declared in classification.hpp): which NTM fields get fixed
/// bands, which ramp and which Vietnamese legend title.
#include <string>

#include "gis/style/classification.hpp"

namespace gis::style {

/// Vietnamese display text of a code value used in the demo and the store ("under_construction"
/// → "Đang thi công", "waste_site" → "Điểm tập kết rác thải", "thi_tran" → "Thị trấn");
/// other values are returned unchanged.
std::string categoryLabelVi(const std::string& value);

/// The legend title of a field ("criteria_met" → "Số tiêu chí đạt (bộ 19 tiêu chí)");
/// unknown fields keep their name.
std::string fieldTitleVi(const std::string& fieldName);

}  // namespace gis::style
