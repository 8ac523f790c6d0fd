#include "tests/support/test_paths.hpp"

#include <array>
#include <cstdio>
#include <sys/wait.h>

namespace test {

std::filesystem::path sharedDir() { return NTM_SHARED_DIR; }

std::filesystem::path nationalCommunesGpkg() {
    return sharedDir() / "data/real/censusVN2009_communes_c2016/vn_admin_c2016_wgs84.gpkg";
}

std::filesystem::path sourceDir() { return NTM_SOURCE_DIR; }

std::filesystem::path scratchDir(const std::string& testName) {
    const std::filesystem::path dir = std::filesystem::path(NTM_BINARY_DIR) / "test-scratch" / testName;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

int runCommand(const std::string& command, std::string* output) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) return -1;
    std::array<char, 4096> buffer{};
    std::string text;
    while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) text += buffer.data();
    const int status = pclose(pipe);
    if (output != nullptr) *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace test
