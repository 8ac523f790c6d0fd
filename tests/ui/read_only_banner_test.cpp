// A project the user may not write: the window opens it with the read-only banner at the top of
// the side panel and leaves out what would write — the card's criterion and task buttons, the
// slide name and its save button, the import button — while a planner's window on the same
// project offers all of them. What the panels do not offer is refused too when it comes another
// way (a sheet dropped on the window, a command pushed), and the file stays byte for byte as it was.
//
// Read-only here is a GeoPackage without write permission on it or its folder
// (gis::store::mayWriteProject). Root writes any file whatever its permissions, so when the
// tests run as root the same read-only state comes from the window's view-only mode instead
// (`ntm-atlas gui --read-only`, OpeningState::readOnly), which the controller treats exactly as a
// user who may not write; mayWriteProject on the read-only file is then only checked as non-root.
// The PostgreSQL case (a login in ntm_reader) is in tests/store/shared_store_test.cpp.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/cli/project_demo.hpp"
#include "app/panels/widget_probe.hpp"
#include "app/shell/controller.hpp"
#include "app/shell/workspace.hpp"
#include "gis/core/translation.hpp"
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
    platform::UiFonts fonts;
};

/// Takes write permission away from the project and its folder; gives it back on the way out
/// (so the scratch folder can be cleaned), also when a check fails.
struct WithoutWritePermission {
    explicit WithoutWritePermission(std::filesystem::path file) : m_file(std::move(file)) {
        ::chmod(m_file.c_str(), 0444);
        ::chmod(m_file.parent_path().c_str(), 0555);
    }
    ~WithoutWritePermission() {
        ::chmod(m_file.parent_path().c_str(), 0755);
        ::chmod(m_file.c_str(), 0644);
    }
    std::filesystem::path m_file;
};

/// A commune of the demo whose card has a checklist and, if any has one, tasks.
std::string communeWithChecklist(const gis::dashboard::ProjectFigures& figures) {
    std::string code;
    for (const auto& s : figures.summaryAt(figures.latestDate()))
        if (s.level == "commune" && s.detailed) {
            if (code.empty()) code = s.code;
            if (s.tasksOpen > 0) return s.code;
        }
    return code;
}

}  // namespace

TEST_CASE("ui: a read-only project shows the banner and offers no edit, import or slide saving", "[ui][readonly]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    const auto scratch = test::scratchDir("ui_read_only");
    const auto dir = scratch / "du-an";
    std::filesystem::create_directories(dir);
    const std::string project = (dir / "thanh-lam.gpkg").string();
    REQUIRE(gis::store::createProject(project));
    REQUIRE(cli::writeDemoProject(project));
    const std::string sheet = (scratch / "ket_qua.csv").string();
    std::ofstream(sheet) << "Tên xã,Số tiêu chí đạt,Ngày\nThành Sơn,15/19,31/12/2025\n";
    gis::scene::MapSourceSpec spec;
    spec.path = project;

    std::string commune;
    {
        // A planner's window on the same file: everything the read-only window must leave out is there.
        REQUIRE(gis::store::mayWriteProject(project));
        auto opened = shell::openMapSource(spec);
        REQUIRE(opened);
        commune = communeWithChecklist(*opened->figures);
        REQUIRE_FALSE(commune.empty());
        Frames ui;
        shell::Controller controller(std::move(opened->document), gl.draw(), opened->figures);
        shell::Workspace workspace(gl.draw());
        controller.push(shell::SelectUnit{commune});
        for (int i = 0; i < 3; ++i) ui.frame(controller, workspace);
        REQUIRE(controller.dashboard() != nullptr);
        CHECK_FALSE(controller.dashboard()->readOnly);
        CHECK_FALSE(panels::widgetCenter("banner:read-only"));
        CHECK(panels::widgetCenter("criterion:1"));
        CHECK(panels::widgetCenter("slide:save"));
        CHECK(panels::widgetCenter("import:open"));
    }

    const std::string before = bytesOf(project);
    const bool root = ::geteuid() == 0;
    WithoutWritePermission readOnlyFile(project);
    shell::OpeningState opening;
    if (root) {
        // Root may write the file anyway: see the comment at the top.
        opening.readOnly = true;
    } else {
        CHECK_FALSE(gis::store::mayWriteProject(project));
    }
    auto opened = shell::openMapSource(spec);
    REQUIRE(opened);
    {
        Frames ui;
        shell::Controller controller(std::move(opened->document), gl.draw(), opened->figures, opening);
        shell::Workspace workspace(gl.draw());
        controller.push(shell::SelectUnit{commune});
        for (int i = 0; i < 3; ++i) ui.frame(controller, workspace);
        REQUIRE(controller.dashboard() != nullptr);
        CHECK(controller.dashboard()->readOnly);
        REQUIRE(controller.dashboard()->view.card);
        CHECK(controller.dashboard()->view.card->code == commune);

        // The banner, in the window's language, says what is left: view, present, export.
        REQUIRE(panels::widgetCenter("banner:read-only"));
        REQUIRE(panels::widgetText("banner:read-only"));
        CHECK(*panels::widgetText("banner:read-only") == gis::tr(gis::Text::ReadOnlyProject, gis::Language::Vi));
        CHECK_THAT(*panels::widgetText("banner:read-only"), Catch::Contains("Chỉ xem"));
        controller.push(shell::SetLanguage{gis::Language::En});
        ui.frame(controller, workspace);
        ui.frame(controller, workspace);
        REQUIRE(panels::widgetText("banner:read-only"));
        CHECK(*panels::widgetText("banner:read-only") == gis::tr(gis::Text::ReadOnlyProject, gis::Language::En));

        // Not offered: the card's edit buttons, the slide's save, the import.
        for (const auto& c : controller.dashboard()->view.card->criteria) CHECK_FALSE(panels::widgetCenter("criterion:" + std::to_string(c.number)));
        for (const auto& t : controller.dashboard()->view.card->tasks) CHECK_FALSE(panels::widgetCenter("task:" + std::to_string(t.id)));
        CHECK_FALSE(panels::widgetCenter("slide:save"));
        CHECK_FALSE(panels::widgetCenter("import:open"));
        // What is left works: the slides list, the export, the ranking.
        CHECK(panels::widgetCenter("export:go"));
        CHECK(panels::widgetCenter("tab:ranking"));

        // A sheet dropped on the window (or --import) opens no import dialog; it says why.
        workspace.openImport(controller, sheet);
        ui.frame(controller, workspace);
        ui.frame(controller, workspace);
        CHECK_FALSE(controller.importOpen());
        CHECK_FALSE(panels::widgetCenter("import:commit"));
        CHECK(controller.view().statusMessage == gis::tr(gis::Text::ReadOnlyProject, gis::Language::En));

        // Commands the panels do not offer are refused when they come anyway (a key, a stale click).
        const std::size_t slides = controller.dashboard()->slides.size();
        controller.push(shell::SaveSlide{"Họp tháng 12"});
        controller.push(shell::EditCriterion{commune, 1, gis::model::CriterionStatus::NotMet});
        controller.push(shell::UndoEdit{});
        ui.frame(controller, workspace);
        CHECK(controller.dashboard()->slides.size() == slides);
        CHECK(controller.dashboard()->undoLabel.empty());
        CHECK(controller.view().statusMessage == gis::tr(gis::Text::ReadOnlyProject, gis::Language::En));
    }
    CHECK(bytesOf(project) == before);
}
