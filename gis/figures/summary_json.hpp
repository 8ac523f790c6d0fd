#pragma once
/// The summary as JSON: one object per unit, plain numbers (Vietnamese formatting is for the UI).
#include <string>
#include <vector>

#include "gis/figures/summary.hpp"

namespace gis::figures {

/// One unit's object.
std::string summaryToJson(const UnitSummary& unit);
/// A JSON array of every unit's object.
std::string summariesToJson(const std::vector<UnitSummary>& units);

}  // namespace gis::figures
