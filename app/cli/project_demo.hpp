#pragma once
/// `init --demo`: the generated demo district written through the importers' own store code.
#include <string>

#include "gis/core/result.hpp"

namespace cli {

/// Writes the demo district into an existing empty project; returns a one-line description.
gis::Result<std::string> writeDemoProject(const std::string& projectPath);

}  // namespace cli
