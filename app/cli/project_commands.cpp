// Placeholder until the project store lands (issue 3): init / import / summary.
#include <cstdio>

#include "app/cli/commands.hpp"

namespace cli {

namespace {
int notYet(const char* name) {
    std::fprintf(stderr, "ntm-atlas %s: the project store is not built yet\n", name);
    return 2;
}
}  // namespace

int runInit(const Args&) { return notYet("init"); }
int runImport(const Args&) { return notYet("import"); }
int runSummary(const Args&) { return notYet("summary"); }

}  // namespace cli
