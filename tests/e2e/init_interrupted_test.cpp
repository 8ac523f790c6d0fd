// `ntm-atlas init` ended by SIGTERM (a logout, `kill`, Ctrl+C) at random moments: the new project
// is either there and whole, or nothing is — never a half-made `*.creating.gpkg` or its journal.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;

pid_t startInit(const std::string& project) {
    std::string cli = NTM_CLI_PATH, command = "init", target = project;
    char* argv[] = {cli.data(), command.data(), target.data(), nullptr};
    pid_t pid = 0;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const int rc = posix_spawn(&pid, cli.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

}  // namespace

TEST_CASE("init ended by SIGTERM leaves the whole project or nothing", "[e2e][crash]") {
    const auto dir = test::scratchDir("init_sigterm");
    std::mt19937 random(20261203);
    int killedWhileMaking = 0;
    for (int trial = 0; trial < 12; ++trial) {
        const fs::path project = dir / ("p" + std::to_string(trial) + ".gpkg");
        const fs::path making = project.string() + ".creating.gpkg";
        const pid_t pid = startInit(project.string());
        // The signal falls while the half-made file exists: wait until it appears (most of a run
        // is the process starting), then up to 20 ms more, spread over the making.
        int status = 0;
        bool ended = false;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!fs::exists(making) && std::chrono::steady_clock::now() < deadline)
            if ((ended = waitpid(pid, &status, WNOHANG) == pid)) break;
        if (!ended) {
            std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<long>(0, 20000)(random)));
            const bool wasMaking = fs::exists(making);
            ::kill(pid, SIGTERM);
            waitpid(pid, &status, 0);
            if (wasMaking && WIFSIGNALED(status)) ++killedWhileMaking;
        }
        INFO("trial " << trial << (WIFSIGNALED(status) ? ": ended by the signal" : ": finished first"));
        for (const auto& entry : fs::directory_iterator(dir))
            CHECK(entry.path().filename().string().find(".creating") == std::string::npos);
        if (fs::exists(project)) CHECK(gis::store::openProject(project.string(), false));
    }
    // If no signal landed while the file was being made, the test proved nothing.
    CHECK(killedWhileMaking > 0);
}
