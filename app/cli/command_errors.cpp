#include "app/cli/command_errors.hpp"

#include <cstdio>

#include "gis/store/location.hpp"

namespace cli {

std::string masked(const std::string& text) { return gis::store::maskSecrets(text); }

int reportFailure(const char* command, const std::string& message) {
    std::fprintf(stderr, "ntm-atlas %s: %s\n", command, masked(message).c_str());
    return 1;
}

}  // namespace cli
