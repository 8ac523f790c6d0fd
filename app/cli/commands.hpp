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
int runSummary(const Args& args);
int runAtlas(const Args& args);    ///< ntm-atlas atlas PROJECT --unit DISTRICT --out atlas.pdf|FOLDER/  ///< ntm-atlas summary PROJECT [--unit CODE] [--as-of DATE] --json

}  // namespace cli
