// The window on a shared project opened by a login that may only read (role ntm_reader): the
// side panel says so at once, in a banner, and does not offer what would fail — saving a slide,
// importing. The same project opened by an editor shows neither banner nor gap. Drives the real
// panels in an ImGui context over the headless renderer (no window), as the ui tests do.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/panels/widget_probe.hpp"
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"
#include "app/shell/workspace.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/store_backends.hpp"
#include "tests/support/test_paths.hpp"
#include "tests/ui/headless_gl.hpp"
#include "tests/ui/imgui_test_context.hpp"

namespace {

/// Opens `location` as the window does and draws a few frames; which of the widgets were drawn.
struct DrawnPanels {
    bool banner = false, saveSlide = false, import = false, readOnly = false;
};

DrawnPanels drawWindowOn(const std::string& location, gis::render::Renderer& renderer) {
    gis::scene::MapSourceSpec spec;
    spec.path = location;
    auto opened = shell::openMapSource(spec);
    REQUIRE(opened);
    test::ImGuiTestContext context;
    platform::UiFonts fonts;
    shell::Controller controller(std::move(opened->document), renderer, opened->figures);
    shell::Workspace workspace(renderer);
    for (int i = 0; i < 3; ++i) {
        ImGui::NewFrame();
        panels::clearWidgets();
        controller.applyPending();
        workspace.draw(controller, fonts);
        ImGui::Render();
    }
    REQUIRE(controller.dashboard() != nullptr);
    return {panels::widgetCenter("banner:read-only").has_value(), panels::widgetCenter("slides:save").has_value(),
            panels::widgetCenter("import:open").has_value(), controller.dashboard()->readOnly};
}

}  // namespace

TEST_CASE("store: a read-only login sees the banner and no slide saving or import, an editor sees neither banner nor gap", "[store][ui]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    const auto dir = test::scratchDir("store_read_only_window");
    const std::string project = test::freshProjectLocation(gis::store::Backend::Postgres, "read_only_window");
    storefx::importAnhSon(project, dir);
    // Login roles are the server's, shared by the tests running at once: a lost race is retried.
    test::pg::adminExecRetrying("postgres",
                                "DO $$ BEGIN "
                                "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lanh_dao') THEN "
                                "CREATE ROLE lanh_dao LOGIN PASSWORD 'xem-thoi' IN ROLE ntm_reader; END IF; "
                                "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ke_hoach') THEN "
                                "CREATE ROLE ke_hoach LOGIN PASSWORD 'sua-duoc' IN ROLE ntm_editor; END IF; END $$");
    const std::string database = project.substr(project.find("dbname=") + 7, project.find(' ', project.find("dbname=")) - project.find("dbname=") - 7);

    const DrawnPanels leader = drawWindowOn(test::pg::location(database, "lanh_dao", "xem-thoi"), gl.draw());
    CHECK(leader.readOnly);
    CHECK(leader.banner);
    CHECK_FALSE(leader.saveSlide);
    CHECK_FALSE(leader.import);

    const DrawnPanels planner = drawWindowOn(test::pg::location(database, "ke_hoach", "sua-duoc"), gl.draw());
    CHECK_FALSE(planner.readOnly);
    CHECK_FALSE(planner.banner);
    CHECK(planner.saveSlide);
}
