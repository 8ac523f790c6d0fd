#include "tests/support/test_paths.hpp"

#include <array>
#include <cstdlib>
#include <cstring>
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

int runUnderXvfb(const std::string& command, std::string* output) {
    constexpr const char* kMarker = "[status of the program under Xvfb: ";
    // The inner shell prints the program's status last; single quotes inside are escaped for it.
    std::string quoted;
    for (char c : command) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    std::string text;
    const int xvfbStatus =
        runCommand("xvfb-run -a -s '-screen 0 1600x1000x24' sh -c '" + quoted + "; echo \"" + kMarker + "$?]\"'", &text);
    int status = xvfbStatus == 0 ? -1 : xvfbStatus;  // no marker: the display did not start
    if (const auto at = text.rfind(kMarker); at != std::string::npos) {
        status = std::atoi(text.c_str() + at + std::strlen(kMarker));
        const auto end = text.find('\n', at);
        text.erase(at, end == std::string::npos ? std::string::npos : end + 1 - at);
    }
    if (output != nullptr) *output = text;
    return status;
}

}  // namespace test
