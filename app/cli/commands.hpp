#pragma once
/// Subcommands of `ntm-atlas`. Each takes the arguments after its name and returns the exit code.
/// They link only gis/ (no ImGui, no GLFW).
#include <string>
#include <vector>

namespace cli {

using Args = std::vector<std::string>;

int runExport(const Args& args);   ///< ntm-atlas export SOURCE --out PNG [--width W --height H ...]
int runInit(const Args& args);     ///< ntm-atlas init PROJECT [--demo]
int runImport(const Args& args);   ///< ntm-atlas import PROJECT KIND FILE [options]
int runSummary(const Args& args);  ///< ntm-atlas summary PROJECT [--unit CODE] [--as-of DATE] --json
int runGaps(const Args& args);       ///< ntm-atlas gaps PROJECT [--unit CODE] [--as-of DATE] [--json]
int runDistances(const Args& args);  ///< ntm-atlas distances PROJECT --type TYPE [--max-km K] [--unit CODE] [--any-status] [--json]
int runHistory(const Args& args);    ///< ntm-atlas history PROJECT [--unit CODE] [--json]
int runAtlas(const Args& args);      ///< ntm-atlas atlas PROJECT --unit DISTRICT --out atlas.pdf|FOLDER/
int runCopy(const Args& args);       ///< ntm-atlas copy SOURCE DEST (GeoPackage ⇄ PostgreSQL, a whole project)

}  // namespace cli
