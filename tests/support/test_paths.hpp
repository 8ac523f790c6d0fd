#pragma once
/// Where tests find real data, the source tree and a scratch directory.
#include <filesystem>
#include <string>

namespace test {

/// ../shared beside the project (real third-party data; never copied into the repo).
std::filesystem::path sharedDir();
/// The national commune layer (EPSG:4326, layer "communes").
std::filesystem::path nationalCommunesGpkg();
/// The project source tree.
std::filesystem::path sourceDir();
/// A fresh, empty directory under the build tree for this test (removed and recreated).
std::filesystem::path scratchDir(const std::string& testName);
/// Runs a shell command, returns its exit status; stdout+stderr are captured into `output`.
int runCommand(const std::string& command, std::string* output = nullptr);

}  // namespace test
