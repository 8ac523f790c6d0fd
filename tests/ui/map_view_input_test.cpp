// The ImGui shell without a window: a real ImGui context (no platform backend) drives the map
// view and side panel for a few frames over the headless renderer, with mouse input set by the
// test. Checks hover, wheel zoom around the cursor and drag panning through the real panels, and
// lets IM_ASSERT catch ID and stack misuse.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "app/cli/project_demo.hpp"
#include "app/panels/widget_probe.hpp"
#include "app/shell/controller.hpp"
#include "app/shell/workspace.hpp"
#include "gis/dashboard/project_figures.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/store/schema.hpp"
#include "tests/support/png_read.hpp"
#include "tests/support/test_paths.hpp"
#include "tests/ui/headless_gl.hpp"

namespace {

/// Owns the ImGui context for one test.
struct ImGuiFrameDriver {
    ImGuiFrameDriver() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1200, 800);
        io.DeltaTime = 1.0f / 60.0f;
        // What the GLFW backend sets up: the key indices the panels ask ImGui about.
        io.KeyMap[ImGuiKey_LeftArrow] = 263;
        io.KeyMap[ImGuiKey_RightArrow] = 262;
        io.KeyMap[ImGuiKey_PageUp] = 266;
        io.KeyMap[ImGuiKey_PageDown] = 267;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->AddFontDefault();
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas; no GPU upload needed
    }
    ~ImGuiFrameDriver() { ImGui::DestroyContext(); }

    /// One frame of the real workspace, laid out as the app lays it out.
    void frame(shell::Controller& controller, shell::Workspace& workspace) {
        ImGui::NewFrame();
        controller.applyPending();
        workspace.draw(controller, fonts);
        ImGui::Render();
        mapOrigin = workspace.mapOrigin();
        ImGui::GetIO().MouseWheel = 0.0f;  // the platform backend resets these per frame
    }
    /// Presses and releases the left button on a widget the panels recorded, over a few frames.
    bool click(shell::Controller& controller, shell::Workspace& workspace, const std::string& widget) {
        const auto at = panels::widgetCenter(widget);
        if (!at) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = *at;
        frame(controller, workspace);
        io.MouseDown[0] = true;
        frame(controller, workspace);
        io.MouseDown[0] = false;
        frame(controller, workspace);
        frame(controller, workspace);
        return true;
    }

    platform::UiFonts fonts;  ///< ImGui's default font only: the layout does not depend on Noto
    ImVec2 mapOrigin{};
};

std::string fixturesBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string demoProject(const std::string& name) {
    const std::string project = (test::scratchDir(name) / "demo.gpkg").string();
    if (!gis::store::createProject(project) || !cli::writeDemoProject(project)) FAIL("cannot write the demo project");
    return project;
}

gis::scene::MapDocument openMap(const std::string& project) {
    gis::scene::MapSourceSpec spec;
    spec.path = project;
    auto document = gis::scene::MapDocument::open(spec);
    if (!document) FAIL(document.error().message);
    return std::move(document).value();
}

std::shared_ptr<const gis::dashboard::ProjectFigures> openFigures(const std::string& project) {
    auto figures = gis::dashboard::ProjectFigures::open(project);
    if (!figures) FAIL(figures.error().message);
    return figures.value();
}

/// The demo project open in the real dashboard — controller and workspace — over the headless
/// renderer, as the window opens it.
struct DemoDashboard {
    DemoDashboard(gis::render::Renderer& renderer, const std::string& name)
        : project(demoProject(name)), figures(openFigures(project)), controller(openMap(project), renderer, figures), workspace(renderer) {}
    std::string project;
    std::shared_ptr<const gis::dashboard::ProjectFigures> figures;
    shell::Controller controller;
    shell::Workspace workspace;
};


}  // namespace

TEST_CASE("ui: hover names the commune, the wheel zooms around the cursor, dragging pans", "[ui]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    auto& renderer = gl.renderer;
    auto document = gis::scene::MapDocument::open(gis::scene::MapSourceSpec{});
    REQUIRE(document);

    ImGuiFrameDriver ui;
    {
        shell::Controller controller(std::move(document.value()), *renderer.value());
        shell::Workspace workspace(*renderer.value());
        ImGuiIO& io = ImGui::GetIO();

        io.MousePos = ImVec2(-1, -1);
        for (int i = 0; i < 3; ++i) ui.frame(controller, workspace);
        REQUIRE(controller.view().cameraInitialised);
        CHECK(workspace.map().lastStats().drawCalls > 0);

        // Hover over a commune's label point: the view reports that commune.
        const gis::Vec2 anchorPx = controller.view().camera.toPixel(controller.document().labelPoint(3).value());
        io.MousePos = ImVec2(ui.mapOrigin.x + static_cast<float>(anchorPx.x), ui.mapOrigin.y + static_cast<float>(anchorPx.y));
        ui.frame(controller, workspace);
        ui.frame(controller, workspace);
        REQUIRE(controller.view().hovered);
        CHECK(controller.view().hovered->layerIndex == controller.document().mainLayerIndex());

        // A click without dragging selects the commune; the side panel then shows its card.
        io.MouseDown[0] = true;
        ui.frame(controller, workspace);
        io.MouseDown[0] = false;
        ui.frame(controller, workspace);
        ui.frame(controller, workspace);
        REQUIRE(controller.view().selected);
        CHECK(controller.view().selected->layerIndex == controller.view().hovered->layerIndex);
        CHECK(controller.view().selected->featureIndex == controller.view().hovered->featureIndex);

        // Wheel: zoom in around the cursor; the point under it stays put.
        const gis::Vec2 cursorPx{io.MousePos.x - ui.mapOrigin.x, io.MousePos.y - ui.mapOrigin.y};
        const gis::Vec2 worldBefore = controller.view().camera.toWorld(cursorPx);
        const double scaleBefore = controller.view().camera.metersPerPixel;
        io.MouseWheel = 2.0f;
        ui.frame(controller, workspace);
        ui.frame(controller, workspace);
        CHECK(controller.view().camera.metersPerPixel < scaleBefore * 0.8);
        const gis::Vec2 worldAfter = controller.view().camera.toWorld(cursorPx);
        CHECK(std::hypot(worldAfter.x - worldBefore.x, worldAfter.y - worldBefore.y) < controller.view().camera.metersPerPixel);

        // Drag 40 px to the right: the map follows the mouse.
        const gis::Vec2 grabbed = worldAfter;
        io.MouseDown[0] = true;
        ui.frame(controller, workspace);
        for (int step = 1; step <= 4; ++step) {
            io.MousePos.x += 10.0f;
            ui.frame(controller, workspace);
        }
        io.MouseDown[0] = false;
        ui.frame(controller, workspace);
        ui.frame(controller, workspace);
        const gis::Vec2 grabbedPx = controller.view().camera.toPixel(grabbed);
        CHECK(grabbedPx.x == Approx(cursorPx.x + 40.0).margin(1.0));
        CHECK(grabbedPx.y == Approx(cursorPx.y).margin(1.0));
    }
}

TEST_CASE("ui: a project's figures step through the dates, and the current view exports at 2x", "[ui]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    auto& renderer = gl.renderer;
    const std::string project = demoProject("ui_years");
    gis::scene::MapSourceSpec spec;
    spec.path = project;
    auto document = gis::scene::MapDocument::open(spec);
    REQUIRE(document);
    auto figures = gis::dashboard::ProjectFigures::open(project);
    REQUIRE(figures);

    auto criteriaMetTotal = [](const gis::scene::MapDocument& doc) {
        const gis::scene::MapLayer& communes = doc.layers()[doc.mainLayerIndex()];
        const int field = communes.data.fieldIndex("criteria_met");
        double total = 0;
        for (const auto& feature : communes.data.features) {
            const double value = gis::data::attributeAsNumber(feature.attributes[static_cast<std::size_t>(field)]);
            if (value == value) total += value;
        }
        return total;
    };
    const double latest = criteriaMetTotal(*document);

    ImGuiFrameDriver ui;
    {
        shell::Controller controller(std::move(document.value()), *renderer.value(), figures.value());
        shell::Workspace workspace(*renderer.value());
        ui.frame(controller, workspace);
        CHECK(controller.document().title() == "Huyện Thanh Lâm (mẫu) — số liệu đến 31/12/2024");
        controller.push(shell::ShowFiguresAsOf{"2021-12-31"});
        ui.frame(controller, workspace);
        ui.frame(controller, workspace);
        CHECK(controller.document().source().asOf == "2021-12-31");
        CHECK(controller.document().title() == "Huyện Thanh Lâm (mẫu) — số liệu đến 31/12/2021");
        // The demo's communes only improve: 2021 has fewer criteria met than the latest year.
        CHECK(criteriaMetTotal(controller.document()) < latest);
        CHECK(workspace.map().lastStats().drawCalls > 0);
        // One step forward goes to the next real date of the figures (a disbursement date).
        controller.push(shell::StepDate{+1});
        ui.frame(controller, workspace);
        CHECK(controller.dashboard()->view.asOf == figures.value()->dates()[1]);

        // Export of the current view at 2×: the same frame, twice the pixels, through the same renderer.
        const std::string png = (test::scratchDir("ui_export") / "view.png").string();
        controller.push(shell::ExportView{png, 2});
        ui.frame(controller, workspace);
        const auto image = test::readRgba(png);
        REQUIRE(image);
        CHECK(image->width == controller.view().camera.frameWidthPx * 2);
        CHECK(image->height == controller.view().camera.frameHeightPx * 2);
    }
}

TEST_CASE("ui: pick a scope, select a commune from the ranking, filter, step the slides", "[ui]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    auto& renderer = gl.renderer;

    ImGuiFrameDriver ui;
    {
        DemoDashboard demo(*renderer.value(), "ui_dashboard");
        const std::string& project = demo.project;
        shell::Controller& controller = demo.controller;
        shell::Workspace& workspace = demo.workspace;
        ImGui::GetIO().MousePos = ImVec2(-1, -1);
        for (int i = 0; i < 3; ++i) ui.frame(controller, workspace);
        const shell::DashboardSession& session = *controller.dashboard();
        const std::string district = session.state.scope;
        CHECK(district == "999");
        REQUIRE(session.view.ranking.rows.size() == 20);

        // The breadcrumb's province step widens the scope; the ranking then lists its district.
        REQUIRE(ui.click(controller, workspace, "crumb:38"));
        CHECK(controller.dashboard()->state.scope == "38");
        REQUIRE(controller.dashboard()->view.ranking.rows.size() == 1);
        CHECK(controller.dashboard()->view.ranking.rows[0].code == district);
        // A double-click on one of its communes goes one level down: to the commune's district.
        {
            const gis::Vec2 px = controller.view().camera.toPixel(controller.document().labelPoint(3).value());
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(ui.mapOrigin.x + static_cast<float>(px.x), ui.mapOrigin.y + static_cast<float>(px.y));
            ui.frame(controller, workspace);
            for (int click = 0; click < 2; ++click) {
                io.MouseDown[0] = true;
                ui.frame(controller, workspace);
                io.MouseDown[0] = false;
                ui.frame(controller, workspace);
            }
            ui.frame(controller, workspace);
            CHECK(controller.dashboard()->state.scope == district);
        }
        // The breadcrumb back up, then the district row opens the district again, and the map fits it.
        REQUIRE(ui.click(controller, workspace, "crumb:38"));
        REQUIRE(ui.click(controller, workspace, "rank:" + district));
        CHECK(controller.dashboard()->state.scope == district);

        // A commune picked in the ranking is selected on the map and its card opens.
        const std::string commune = controller.dashboard()->view.ranking.rows[5].code;
        REQUIRE(ui.click(controller, workspace, "rank:" + commune));
        CHECK(controller.dashboard()->selectedUnit == commune);
        REQUIRE(controller.view().selected);
        CHECK(controller.document().featureCode(controller.view().selected->featureIndex) == commune);
        REQUIRE(controller.dashboard()->view.card);
        CHECK(controller.dashboard()->view.card->code == commune);

        // The overdue-tasks filter: fewer rows, and the communes that fail it dim on the map.
        REQUIRE(ui.click(controller, workspace, "filter:overdue"));
        CHECK(controller.dashboard()->state.filter.overdueTasksOnly);
        const std::size_t kept = controller.dashboard()->view.ranking.rows.size();
        CHECK(kept < 20);
        for (const auto& row : controller.dashboard()->view.ranking.rows) CHECK(row.overdueTasks > 0);
        const auto& emphasis = controller.document().emphasis();
        CHECK(static_cast<std::size_t>(std::count(emphasis.begin(), emphasis.end(), gis::scene::Emphasis::Dimmed)) == 20 - kept);

        // Two slides saved in the project; the arrow keys step between them.
        controller.push(shell::SaveSlide{"Quá hạn"});
        ui.frame(controller, workspace);
        controller.push(shell::SetFilter{{}});
        controller.push(shell::ColorByField{"disbursed_pct"});
        controller.push(shell::SaveSlide{"Giải ngân"});
        ui.frame(controller, workspace);
        REQUIRE(controller.dashboard()->slides.size() == 2);
        REQUIRE(ui.click(controller, workspace, "slide:0"));
        CHECK(controller.dashboard()->currentSlide == 0);
        CHECK(controller.dashboard()->state.filter.overdueTasksOnly);
        CHECK(controller.document().layers()[controller.document().mainLayerIndex()].colorField == "criteria_met");
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[io.KeyMap[ImGuiKey_RightArrow]] = true;
        ui.frame(controller, workspace);
        io.KeysDown[io.KeyMap[ImGuiKey_RightArrow]] = false;
        ui.frame(controller, workspace);
        CHECK(controller.dashboard()->currentSlide == 1);
        CHECK_FALSE(controller.dashboard()->state.filter.active());
        CHECK(controller.document().layers()[controller.document().mainLayerIndex()].colorField == "disbursed_pct");
        // The slides are in the project file: a new reading finds them.
        auto slides = gis::dashboard::readBookmarks(project);
        REQUIRE(slides);
        CHECK(slides->size() == 2);
    }
}

TEST_CASE("ui: a planner edits a criterion from the card, undoes it with Ctrl+Z, and opens the gap list", "[ui]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    auto& renderer = gl.renderer;
    ImGuiFrameDriver ui;
    {
        DemoDashboard demo(*renderer.value(), "ui_planner");
        const std::string& project = demo.project;
        shell::Controller& controller = demo.controller;
        shell::Workspace& workspace = demo.workspace;
        // A commune whose card has a checklist (detailed assessment) with criterion 2 met or not.
        std::string commune;
        for (const auto& s : demo.figures->summaryAt(demo.figures->latestDate()))
            if (s.level == "commune" && s.detailed && commune.empty()) commune = s.code;
        REQUIRE_FALSE(commune.empty());
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1600, 1200);
        io.MousePos = ImVec2(-1, -1);
        for (int i = 0; i < 2; ++i) ui.frame(controller, workspace);
        REQUIRE(ui.click(controller, workspace, "rank:" + commune));
        REQUIRE(controller.dashboard()->view.card);
        const auto statusOf2 = [&] {
            for (const auto& c : controller.dashboard()->view.card->criteria)
                if (c.number == 2) return c.status;
            FAIL("no criterion 2 on the card");
            return gis::model::CriterionStatus::NotMet;
        };
        const auto before = statusOf2();

        // Click the status of criterion 2: a new assessment at today's date, the card shows it.
        ui.frame(controller, workspace);  // the card's table settles its columns in its second frame
        REQUIRE(ui.click(controller, workspace, "criterion:2"));
        CHECK(controller.view().statusMessage.empty());
        REQUIRE(controller.dashboard()->view.card);
        CHECK(statusOf2() != before);
        CHECK(controller.dashboard()->view.asOf == gis::figures::todayIso());
        CHECK_FALSE(controller.dashboard()->undoLabel.empty());
        REQUIRE_FALSE(controller.dashboard()->unitHistory.empty());
        CHECK(controller.dashboard()->unitHistory.front().action == "edit");

        // Ctrl+Z: back as it was, in the file too.
        io.KeyCtrl = true;
        io.KeysDown['Z'] = true;
        ui.frame(controller, workspace);
        io.KeysDown['Z'] = false;
        io.KeyCtrl = false;
        ui.frame(controller, workspace);
        CHECK(statusOf2() == before);
        CHECK(controller.dashboard()->undoLabel.empty());
        CHECK_FALSE(controller.dashboard()->redoLabel.empty());
        auto reread = gis::dashboard::ProjectFigures::open(project);
        REQUIRE(reread);
        CHECK(reread.value()->latestDate() == "2024-12-31");  // the edited assessment is gone

        // The gap list: opening it colours the map by gaps and lists the scope's gaps.
        REQUIRE(ui.click(controller, workspace, "tab:gaps"));
        ui.frame(controller, workspace);
        CHECK(controller.document().layers()[controller.document().mainLayerIndex()].colorField == "gap_count");
        REQUIRE(controller.dashboard()->gaps);
        CHECK_FALSE(controller.dashboard()->gaps->gaps.empty());
        const auto& first = controller.dashboard()->gaps->gaps.front();
        REQUIRE(ui.click(controller, workspace, "gap:" + first.unitCode + ":" + std::to_string(first.criterion)));
        CHECK(controller.dashboard()->selectedUnit == first.unitCode);
    }
}

TEST_CASE("ui: a report page exports from the window, and an existing file is replaced only after asking", "[ui]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    auto& renderer = gl.renderer;
    ImGuiFrameDriver ui;
    {
        DemoDashboard demo(*renderer.value(), "ui_export_page");
        const std::string& project = demo.project;
        shell::Controller& controller = demo.controller;
        shell::Workspace& workspace = demo.workspace;
        ImGui::GetIO().DisplaySize = ImVec2(1600, 1200);
        for (int i = 0; i < 2; ++i) ui.frame(controller, workspace);
        const std::string pdf = (test::scratchDir("ui_export_page_out") / "trang.pdf").string();
        std::filesystem::remove(pdf);
        controller.push(shell::ExportPage{pdf, false, true, 150});
        ui.frame(controller, workspace);
        INFO(controller.view().statusMessage);
        REQUIRE(std::filesystem::exists(pdf));
        const auto size = std::filesystem::file_size(pdf);
        CHECK(size > 10'000);
        CHECK_FALSE(controller.view().overwriteQuestion);

        // Again: the window asks; "Ghi đè" in the dialog writes it.
        const auto firstWrite = std::filesystem::last_write_time(pdf);
        controller.push(shell::ExportPage{pdf, false, false, 150});
        ui.frame(controller, workspace);
        REQUIRE(controller.view().overwriteQuestion);
        ui.frame(controller, workspace);  // the dialog opens
        REQUIRE(ui.click(controller, workspace, "export:replace"));
        CHECK_FALSE(controller.view().overwriteQuestion);
        CHECK(std::filesystem::last_write_time(pdf) >= firstWrite);
        CHECK_THAT(controller.view().statusMessage, Catch::Contains(pdf));

        // The dialog's preview: the same page, small (A4 landscape at 60 dpi: 297 mm → 702 px, 210 mm → 496 px).
        controller.push(shell::PreviewPage{false, true});
        ui.frame(controller, workspace);
        REQUIRE(controller.view().pagePreview);
        CHECK(controller.view().pagePreview->width == 702);
        CHECK(controller.view().pagePreview->height == 496);
        const test::RgbaImage preview{controller.view().pagePreview->width, controller.view().pagePreview->height,
                                      controller.view().pagePreview->rgba};
        CHECK(test::countColors(preview) > 50);

        // Never over the project itself.
        controller.push(shell::ExportView{project, 1});
        ui.frame(controller, workspace);
        CHECK_FALSE(controller.view().overwriteQuestion);
        CHECK_THAT(controller.view().statusMessage, Catch::Contains(project));
        auto stillAProject = gis::dashboard::ProjectFigures::open(project);
        if (!stillAProject) FAIL(stillAProject.error().message << " / status: " << controller.view().statusMessage);
    }
}

TEST_CASE("ui: a sheet dropped on the window is previewed, a misspelt commune remembered as an alias, then imported", "[ui]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    auto& renderer = gl.renderer;
    const auto dir = test::scratchDir("ui_import_sheet");
    const std::string sheet = (dir / "ket_qua_q1.csv").string();
    {
        std::ofstream out(sheet);
        out << "Tên xã,Số tiêu chí đạt,Ngày\nThành Sơnn,15/19,31/03/2025\nHòa Bình,12/19,31/03/2025\n";
    }
    ImGuiFrameDriver ui;
    {
        DemoDashboard demo(*renderer.value(), "ui_import");
        const std::string& project = demo.project;
        shell::Controller& controller = demo.controller;
        shell::Workspace& workspace = demo.workspace;
        ImGui::GetIO().DisplaySize = ImVec2(1600, 1200);
        ui.frame(controller, workspace);
        workspace.openImport(controller, sheet);  // what a drop on the window does
        ui.frame(controller, workspace);
        ui.frame(controller, workspace);
        REQUIRE(controller.importOpen());
        const auto& preview = controller.importSession()->lastPreview();
        REQUIRE(preview);
        CHECK(preview->kind == "criteria");  // guessed from the headers
        CHECK(preview->rowCount == 2);
        CHECK_FALSE(preview->problems.empty());
        REQUIRE(preview->unmatched.size() == 1);
        CHECK(preview->unmatched[0].value == "Thành Sơnn");
        REQUIRE_FALSE(preview->unmatched[0].candidateCodes.empty());
        CHECK(preview->unmatched[0].candidateCodes[0] == "99703");
        const std::string before = fixturesBytes(project);

        // "Ghi nhớ": the name is an alias of Xã Thành Sơn from now on; the preview is clean.
        REQUIRE(ui.click(controller, workspace, "import:alias:Thành Sơnn"));
        REQUIRE(controller.importSession()->lastPreview());
        CHECK(controller.importSession()->lastPreview()->problems.empty());
        CHECK(controller.importSession()->lastPreview()->recordsToWrite == 2);

        // "Nhập": on a worker, with progress; then the figures are read again.
        REQUIRE(ui.click(controller, workspace, "import:commit"));
        for (int i = 0; i < 500 && controller.importSession()->running(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            controller.tick(0.01);
            ui.frame(controller, workspace);
        }
        controller.tick(0.01);
        ui.frame(controller, workspace);
        INFO(controller.importSession()->error());
        REQUIRE(controller.importSession()->report());
        CHECK(controller.importSession()->report()->recordsWritten == 2);
        CHECK(controller.figures()->latestDate() == "2025-03-31");
        CHECK(fixturesBytes(project) != before);
        controller.push(shell::SelectUnit{"99703"});
        ui.frame(controller, workspace);
        REQUIRE(controller.dashboard()->view.card);
        CHECK(controller.dashboard()->view.card->headline.rfind("15/19", 0) == 0);
    }
}
