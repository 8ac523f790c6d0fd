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
/// Runs `command` (a shell command line) on a fresh virtual display (xvfb-run -a, 1600x1000x24)
/// and returns the command's own exit status. xvfb-run's status is not used: it is 5 when it
/// fails to remove its temporary directory afterwards, which happens now and then on a loaded
/// machine and says nothing about the program under test.
int runUnderXvfb(const std::string& command, std::string* output = nullptr);

}  // namespace test
