#pragma once
/// Dates are kept as ISO text (YYYY-MM-DD) everywhere in the store, so they sort and compare as strings.
#include <string>

namespace gis::model {

/// Whether `text` is a real calendar date written YYYY-MM-DD (years 1900–2200).
bool isIsoDate(const std::string& text);

/// Whether year/month/day form a real calendar date (years 1900–2200).
bool isValidDate(int year, int month, int day);

}  // namespace gis::model
