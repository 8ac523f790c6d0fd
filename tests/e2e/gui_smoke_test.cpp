// The real window under Xvfb (when xvfb-run is installed): it opens on the demo, draws the map
// and the side panel, and writes a screenshot of the whole window.
#include <catch2/catch.hpp>

#include <string>

#include "tests/support/png_read.hpp"
#include "tests/support/test_paths.hpp"

namespace {
/// The window tests need a virtual display; without xvfb-run they say so and do not run.
bool haveXvfb() {
    std::string output;
    if (test::runCommand("command -v xvfb-run", &output) == 0) return true;
    WARN("xvfb-run not installed: window test not run");
    return false;
}
}  // namespace

TEST_CASE("gui: the window shows the demo map under Xvfb", "[e2e][gui]") {
    if (!haveXvfb()) return;
    std::string output;
    const auto dir = test::scratchDir("gui_smoke");
    const auto png = dir / "window.png";
    const int status = test::runUnderXvfb("'" + std::string(NTM_CLI_PATH) +
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

TEST_CASE("gui: the exact command line opens a project's dashboard in the state asked for", "[e2e][gui]") {
    if (!haveXvfb()) return;
    std::string output;
    const auto dir = test::scratchDir("gui_options");
    const std::string project = (dir / "demo.gpkg").string();
    const std::string cli = std::string("'") + NTM_CLI_PATH + "'";
    REQUIRE(test::runCommand(cli + " init '" + project + "' --demo", &output) == 0);
    const auto png = dir / "commune-en.png";
    const int status = test::runUnderXvfb(cli + " gui '" + project +
                                            "' --unit 999 --as-of 2023-12-31 --color-by disbursed_pct --lang en --briefing --screenshot '" +
                                            png.string() + "'",
                                        &output);
    INFO(output);
    REQUIRE(status == 0);
    const auto image = test::readRgba(png.string());
    REQUIRE(image);
    CHECK(image->width == 1600);
    CHECK(test::countColors(*image) > 300);

    // Wrong inputs are named, before any window opens.
    CHECK(test::runCommand(cli + " gui '" + project + "' --unit 12345 --screenshot x.png", &output) == 1);
    CHECK_THAT(output, Catch::Contains("--unit 12345") && Catch::Contains("no unit"));
    CHECK(test::runCommand(cli + " gui '" + project + "' --bookmark 'Không có' --screenshot x.png", &output) == 1);
    CHECK_THAT(output, Catch::Contains("no slide"));
    CHECK(test::runCommand(cli + " gui '" + project + "' --lang fr", &output) == 2);
    CHECK_THAT(output, Catch::Contains("--lang fr"));
    CHECK(test::runCommand(cli + " gui '" + project + "' --as-of 31/12/2023", &output) == 2);
}
