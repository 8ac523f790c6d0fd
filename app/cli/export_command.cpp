// Placeholder: replaced by the real export command.
#include <cstdio>

#include "app/cli/commands.hpp"

namespace cli {
int runExport(const Args&) {
    std::fputs("ntm-atlas export: not built yet\n", stderr);
    return 2;
}
}  // namespace cli
