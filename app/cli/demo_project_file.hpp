#pragma once
/// The demo district written to a temporary project file, for commands that need a project's
/// figures (printed pages, scopes, the atlas) when given `demo`. Removed when it goes out of scope.
#include <string>

#include "gis/core/result.hpp"

namespace cli {

class DemoProjectFile {
public:
    /// Writes the demo through the project store into a fresh file in the temp folder.
    static gis::Result<DemoProjectFile> create();
    ~DemoProjectFile();
    DemoProjectFile(DemoProjectFile&& other) noexcept : m_path(std::move(other.m_path)) { other.m_path.clear(); }
    DemoProjectFile& operator=(DemoProjectFile&&) = delete;
    DemoProjectFile(const DemoProjectFile&) = delete;
    DemoProjectFile& operator=(const DemoProjectFile&) = delete;
    const std::string& path() const { return m_path; }

private:
    DemoProjectFile() = default;
    std::string m_path;
};

}  // namespace cli
