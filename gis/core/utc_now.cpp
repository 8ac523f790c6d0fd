#include "gis/core/utc_now.hpp"

#include <ctime>

namespace gis {

std::string utcNowFormatted(const char* strftimeFormat) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, strftimeFormat, &tm);
    return buffer;
}

}  // namespace gis
