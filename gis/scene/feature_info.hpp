#pragma once
/// The attributes of one feature as a person reads them: Vietnamese field names, numbers in
/// Vietnamese format (73,7), dates as dd/mm/yyyy, codes of types and statuses in words.
#include <string>
#include <utility>
#include <vector>

#include "gis/data/vector_layer.hpp"

namespace gis::scene {

struct InfoRow {
    std::string label;  ///< e.g. "Số tiêu chí đạt"
    std::string value;  ///< e.g. "14/19 (73,7 %)" or "1.234.000.000 đ"; never empty (NULL rows are left out)
};

/// Rows for the side panel's information card, known NTM fields first in briefing order, then
/// any other field under its own name.
std::vector<InfoRow> featureInfoRows(const data::VectorLayer& layer, std::size_t featureIndex);

}  // namespace gis::scene
