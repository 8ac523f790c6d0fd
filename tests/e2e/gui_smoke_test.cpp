// The real window under Xvfb (when xvfb-run is installed): it opens on the demo, draws the map
// and the side panel, and writes a screenshot of the whole window.
#include <catch2/catch.hpp>

#include <string>

#include "tests/support/png_read.hpp"
#include "tests/support/test_paths.hpp"

TEST_CASE("gui: the window shows the demo map under Xvfb", "[e2e][gui]") {
    std::string output;
    if (test::runCommand("command -v xvfb-run", &output) != 0) {
        WARN("xvfb-run not installed: window test not run");
        return;
    }
    const auto dir = test::scratchDir("gui_smoke");
    const auto png = dir / "window.png";
    const int status = test::runCommand("xvfb-run -a -s '-screen 0 1600x1000x24' '" + std::string(NTM_CLI_PATH) +
                                            "' --screenshot '" + png.string() + "' --frames 6",
                                        &output);
    INFO(output);
    REQUIRE(status == 0);
    const auto image = test::readRgba(png.string());
    REQUIRE(image);
    CHECK(image->width == 1600);
    CHECK(image->height == 960);
    CHECK(test::countColors(*image) > 300);
}
