#pragma once
/// The current UTC time in a strftime format: "%Y-%m-%d" for today's date, "%Y-%m-%dT%H:%M:%SZ"
/// for the store's timestamps. One clock for every layer (figures and store alike).
#include <string>

namespace gis {

std::string utcNowFormatted(const char* strftimeFormat);

}  // namespace gis
