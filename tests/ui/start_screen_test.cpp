// A file that does not open still opens the window: the start screen names the file and says why
// in plain words, and stays usable — open another file (typed or dropped), the demo map, quit.
// Drives the real panel in an ImGui context without a window, clicking its widgets by the
// positions they recorded, and opens the chosen file with the code the window uses.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/cli/project_demo.hpp"
#include "app/panels/start_screen.hpp"
#include "app/panels/widget_probe.hpp"
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"
#include "app/shell/workspace.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"
#include "tests/ui/headless_gl.hpp"
#include "tests/ui/imgui_test_context.hpp"

namespace {

/// The start screen in an ImGui context of its own (no platform backend, no GPU upload).
struct StartScreenDriver {
    test::ImGuiTestContext context;

    /// One frame; the user's choice of that frame (the last one that chose something is kept).
    panels::StartScreenAction frame(gis::Language language = gis::Language::Vi) {
        ImGui::NewFrame();
        panels::clearWidgets();
        panels::StartScreenAction action = screen.draw(fonts, language);
        ImGui::Render();
        if (action.kind != panels::StartScreenAction::Kind::None) last = action;
        return action;
    }
    /// Presses and releases the left button on a widget the screen recorded.
    bool click(const std::string& widget) {
        last = {};
        const auto at = panels::widgetCenter(widget);
        if (!at) return false;
        test::ImGuiTestContext::clickAt(*at, [this] { frame(); });
        return true;
    }

    panels::StartScreen screen;
    platform::UiFonts fonts;
    panels::StartScreenAction last;
};

std::string bytesOf(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("ui: a damaged project opens the start screen naming the file, and another file opens from it", "[ui][start]") {
    const auto dir = test::scratchDir("ui_start_screen");
    const std::string project = (dir / "thanh-lam.gpkg").string();
    REQUIRE(gis::store::createProject(project));
    REQUIRE(cli::writeDemoProject(project));
    // A copy cut short (a USB stick pulled out mid-copy).
    const std::string broken = (dir / "ban-sao-hong.gpkg").string();
    const std::string whole = bytesOf(project);
    std::ofstream(broken, std::ios::binary).write(whole.data(), static_cast<std::streamsize>(whole.size() / 3));

    gis::scene::MapSourceSpec spec;
    spec.path = broken;
    auto opened = shell::openMapSource(spec);
    REQUIRE_FALSE(opened);
    CHECK_THAT(opened.error().message, Catch::Contains("damaged or truncated"));

    StartScreenDriver ui;
    ui.screen.setError(broken, opened.error());
    ui.frame();
    ui.frame();
    // The reason, in plain words, with the file named; the technical message below it.
    REQUIRE(panels::widgetCenter("start:headline"));
    REQUIRE(panels::widgetCenter("start:error"));
    const std::string shown = ui.screen.shownText(gis::Language::Vi);
    CHECK_THAT(shown, Catch::Contains("Không mở được tệp") && Catch::Contains("ban-sao-hong.gpkg") &&
                          Catch::Contains("bị hỏng hoặc chưa được chép đủ") && Catch::Contains("damaged or truncated"));
    CHECK_THAT(ui.screen.shownText(gis::Language::En), Catch::Contains("The file could not be opened") && Catch::Contains("damaged or incomplete"));

    // It responds: the buttons answer, the path box is there.
    REQUIRE(panels::widgetCenter("start:path"));
    REQUIRE(ui.click("start:demo"));
    CHECK(ui.last.kind == panels::StartScreenAction::Kind::OpenDemo);
    REQUIRE(ui.click("start:quit"));
    CHECK(ui.last.kind == panels::StartScreenAction::Kind::Quit);
    REQUIRE(ui.click("start:menu:file"));  // File menu opens without choosing anything
    CHECK(ui.last.kind == panels::StartScreenAction::Kind::None);

    // Another file dropped on the window (or typed) is opened, with the code the window opens files with.
    ui.screen.offerFile(project);
    ui.frame();
    REQUIRE(ui.last.kind == panels::StartScreenAction::Kind::Open);
    CHECK(ui.last.path == project);
    spec.path = ui.last.path;
    auto next = shell::openMapSource(spec);
    REQUIRE(next);
    CHECK(next->figures != nullptr);  // a project: the dashboard

    // A file that opens no better keeps the screen, now naming that file.
    const std::string noise = (dir / "khong-phai-ban-do.gpkg").string();
    std::ofstream(noise, std::ios::binary) << std::string(4096, '\x5a');
    spec.path = noise;
    auto bad = shell::openMapSource(spec);
    REQUIRE_FALSE(bad);
    ui.screen.setError(noise, bad.error());
    ui.frame();
    CHECK_THAT(ui.screen.shownText(gis::Language::Vi), Catch::Contains("khong-phai-ban-do.gpkg") && Catch::Contains("không phải tệp dự án"));
    spec.path = (dir / "da-xoa.gpkg").string();
    auto missing = shell::openMapSource(spec);
    REQUIRE_FALSE(missing);
    ui.screen.setError(spec.path, missing.error());
    CHECK_THAT(ui.screen.shownText(gis::Language::Vi), Catch::Contains("da-xoa.gpkg") && Catch::Contains("Không tìm thấy tệp"));
}

TEST_CASE("ui: the project chosen on the start screen draws its dashboard", "[ui][start]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    const auto dir = test::scratchDir("ui_start_screen_open");
    const std::string project = (dir / "demo.gpkg").string();
    REQUIRE(gis::store::createProject(project));
    REQUIRE(cli::writeDemoProject(project));
    gis::scene::MapSourceSpec spec;
    spec.path = project;
    auto opened = shell::openMapSource(spec);
    REQUIRE(opened);
    {
        StartScreenDriver ui;  // the same ImGui context the start screen had
        shell::Controller controller(std::move(opened->document), gl.draw(), opened->figures);
        shell::Workspace workspace(gl.draw());
        for (int i = 0; i < 3; ++i) {
            ImGui::NewFrame();
            controller.applyPending();
            workspace.draw(controller, ui.fonts);
            ImGui::Render();
        }
        REQUIRE(controller.dashboard() != nullptr);
        CHECK_FALSE(controller.dashboard()->view.title.empty());
        CHECK(panels::widgetCenter("tab:ranking"));
    }
}
