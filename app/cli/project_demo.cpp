#include "app/cli/project_demo.hpp"

#include "gis/importer/demo_import.hpp"

namespace cli {

gis::Result<std::string> writeDemoProject(const std::string& projectPath) { return gis::importer::importDemoDistrict(projectPath); }

}  // namespace cli
