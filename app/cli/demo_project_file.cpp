#include "app/cli/demo_project_file.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "app/cli/project_demo.hpp"
#include "gis/store/schema.hpp"

namespace cli {

gis::Result<DemoProjectFile> DemoProjectFile::create() {
    static std::atomic<int> counter{0};
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       ("ntm-atlas-demo-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".gpkg");
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    if (auto created = gis::store::createProject(path.string()); !created) return created.error();
    if (auto written = writeDemoProject(path.string()); !written) {
        std::filesystem::remove(path, ignored);
        return written.error();
    }
    DemoProjectFile file;
    file.m_path = path.string();
    return file;
}

DemoProjectFile::~DemoProjectFile() {
    if (m_path.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(m_path, ignored);
}

}  // namespace cli
