// A sheet with a long problem list in the window's import dialog: the first 20 lines, the count
// of the rest, and the whole list written on request to the CSV report beside the project, whose
// path the dialog then shows; the project is not touched.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "app/cli/project_demo.hpp"
#include "app/panels/problem_list_view.hpp"
#include "app/panels/widget_probe.hpp"
#include "app/shell/controller.hpp"
#include "app/shell/workspace.hpp"
#include "gis/importer/problem_report.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"
#include "tests/ui/headless_gl.hpp"
#include "tests/ui/imgui_test_context.hpp"

namespace {

std::string bytesOf(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Frames {
    test::ImGuiTestContext context{1600, 1200};
    void frame(shell::Controller& controller, shell::Workspace& workspace) {
        ImGui::NewFrame();
        controller.applyPending();
        workspace.draw(controller, fonts);
        ImGui::Render();
    }
    bool click(shell::Controller& controller, shell::Workspace& workspace, const std::string& widget) {
        const auto at = panels::widgetCenter(widget);
        if (!at) return false;
        test::ImGuiTestContext::clickAt(*at, [&] { frame(controller, workspace); });
        return true;
    }
    platform::UiFonts fonts;
};

}  // namespace

TEST_CASE("ui: an import with 35 problems lists 20, counts the rest and writes all of them to the CSV report", "[ui][import]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    const auto dir = test::scratchDir("ui_import_problems");
    const std::string project = (dir / "demo.gpkg").string();
    REQUIRE(gis::store::createProject(project));
    REQUIRE(cli::writeDemoProject(project));
    const std::string sheet = (dir / "ket_qua_sai_ngay.csv").string();
    {
        std::ofstream out(sheet);
        out << "Tên xã,Số tiêu chí đạt,Ngày\n";
        for (int i = 0; i < 35; ++i) out << "Thành Sơn,15/19,31/02/2025\n";  // no 31 February: one problem a row
    }
    const std::string before = bytesOf(project);
    {
        Frames ui;
        gis::scene::MapSourceSpec spec;
        spec.path = project;
        auto opened = shell::openMapSource(spec);
        REQUIRE(opened);
        shell::Controller controller(std::move(opened->document), gl.draw(), opened->figures);
        shell::Workspace workspace(gl.draw());
        ui.frame(controller, workspace);
        workspace.openImport(controller, sheet);
        ui.frame(controller, workspace);
        ui.frame(controller, workspace);
        REQUIRE(controller.importOpen());
        const auto& preview = controller.importSession()->lastPreview();
        REQUIRE(preview);
        REQUIRE(preview->problems.size() >= 35);
        CHECK(panels::moreProblemsLine(preview->problems.size(), gis::Language::En) ==
              "… and " + std::to_string(preview->problems.size() - 20) + " more problems (20 of " + std::to_string(preview->problems.size()) + " shown)");
        REQUIRE(panels::widgetCenter("problems:more"));
        REQUIRE(ui.click(controller, workspace, "problems:write"));
        ui.frame(controller, workspace);

        const std::string report = gis::importer::problemReportPath(project, preview->kind, sheet);
        REQUIRE(std::filesystem::exists(report));
        const std::string csv = bytesOf(report);
        CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);  // BOM: Excel reads it as UTF-8
        std::size_t rows = 0;
        std::istringstream lines(csv);
        for (std::string line; std::getline(lines, line);) rows += line.empty() ? 0 : 1;
        CHECK(rows == preview->problems.size() + 1);  // header + every problem
        CHECK_THAT(csv, Catch::Contains("31/02/2025"));
    }
    CHECK(bytesOf(project) == before);
}
