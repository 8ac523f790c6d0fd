// The real window under Xvfb on a file that does not open: the window opens anyway, on the start
// screen with the error (the screenshot shows it), the message also goes to stderr, and the exit
// status says the file was not opened.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/support/png_read.hpp"
#include "tests/support/test_paths.hpp"

TEST_CASE("gui: a damaged project opens the window on the start screen with the error shown", "[e2e][gui]") {
    std::string output;
    if (test::runCommand("command -v xvfb-run", &output) != 0) {
        WARN("xvfb-run not installed: window test not run");
        return;
    }
    const auto dir = test::scratchDir("gui_open_error");
    const std::string cli = std::string("'") + NTM_CLI_PATH + "'";
    const std::string project = (dir / "demo.gpkg").string();
    REQUIRE(test::runCommand(cli + " init '" + project + "' --demo", &output) == 0);
    std::string whole;
    {
        std::ifstream in(project, std::ios::binary);
        whole.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto broken = dir / "broken.gpkg";
    std::ofstream(broken, std::ios::binary).write(whole.data(), static_cast<std::streamsize>(whole.size() / 3));
    const auto png = dir / "start-screen.png";
    const int status = test::runUnderXvfb(cli + " gui '" + broken.string() + "' --screenshot '" +
                                            png.string() + "'",
                                        &output);
    INFO(output);
    CHECK(status == 1);
    CHECK_THAT(output, Catch::Contains("broken.gpkg") && Catch::Contains("damaged or truncated"));
    const auto image = test::readRgba(png.string());
    REQUIRE(image);
    CHECK(image->width == 1600);
    CHECK(test::countColors(*image) > 20);  // text drawn, not an empty window
}
