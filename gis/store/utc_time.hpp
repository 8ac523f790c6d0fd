#pragma once
/// The current time as the store writes it: "YYYY-MM-DDTHH:MM:SSZ" in UTC.
#include <string>

namespace gis::store {

std::string utcNowText();

}  // namespace gis::store
