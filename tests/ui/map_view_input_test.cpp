// The ImGui shell without a window: a real ImGui context (no platform backend) drives the map
// view and side panel for a few frames over the headless renderer, with mouse input set by the
// test. Checks hover, wheel zoom around the cursor and drag panning through the real panels, and
// lets IM_ASSERT catch ID and stack misuse.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cmath>

#include "app/cli/project_demo.hpp"
#include "app/panels/map_view.hpp"
#include "app/panels/side_panel.hpp"
#include "app/shell/controller.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "gis/store/schema.hpp"
#include "tests/support/png_read.hpp"
#include "tests/support/test_paths.hpp"

namespace {

/// Owns the ImGui context for one test.
struct ImGuiFrameDriver {
    ImGuiFrameDriver() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1200, 800);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->AddFontDefault();
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas; no GPU upload needed
    }
    ~ImGuiFrameDriver() { ImGui::DestroyContext(); }

    /// One frame of the workspace: side panel left, map right (as the app lays them out).
    void frame(shell::Controller& controller, panels::SidePanel& side, panels::MapView& map) {
        ImGui::NewFrame();
        controller.applyPending();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::Begin("workspace", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::BeginChild("side", ImVec2(kSideWidth, 0), true);
        side.draw(controller);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
        ImGui::BeginChild("map", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        mapOrigin = ImGui::GetCursorScreenPos();
        map.draw(controller);
        ImGui::EndChild();
        ImGui::End();
        ImGui::PopStyleVar();
        ImGui::Render();
        ImGui::GetIO().MouseWheel = 0.0f;  // the platform backend resets these per frame
    }

    static constexpr float kSideWidth = 300.0f;
    ImVec2 mapOrigin{};
};

/// The headless GL context and the renderer the panels draw with; WARNs when there is no GL.
struct HeadlessGl {
    HeadlessGl() : context(gis::render::HeadlessContext::create()), renderer(gis::makeError(gis::ErrorCode::GlUnavailable, "")) {
        if (!context) {
            WARN("no headless GL: " << context.error().message);
            return;
        }
        renderer = gis::render::Renderer::create();
        REQUIRE(renderer);
    }
    ~HeadlessGl() {
        if (renderer) renderer.value().reset();  // GL objects go before the context
    }
    bool ready() const { return context && renderer; }

    gis::Result<std::unique_ptr<gis::render::HeadlessContext>> context;
    gis::Result<std::unique_ptr<gis::render::Renderer>> renderer;
};

}  // namespace

TEST_CASE("ui: hover names the commune, the wheel zooms around the cursor, dragging pans", "[ui]") {
    HeadlessGl gl;
    if (!gl.ready()) return;
    auto& renderer = gl.renderer;
    auto document = gis::scene::MapDocument::open(gis::scene::MapSourceSpec{});
    REQUIRE(document);

    ImGuiFrameDriver ui;
    {
        shell::Controller controller(std::move(document.value()), *renderer.value());
        panels::SidePanel side;
        panels::MapView map(*renderer.value());
        ImGuiIO& io = ImGui::GetIO();

        io.MousePos = ImVec2(-1, -1);
        for (int i = 0; i < 3; ++i) ui.frame(controller, side, map);
        REQUIRE(controller.view().cameraInitialised);
        CHECK(map.lastStats().drawCalls > 0);

        // Hover over a commune's label point: the view reports that commune.
        const gis::scene::MapLayer& communes = controller.document().layers()[controller.document().mainLayerIndex()];
        const gis::Vec2 anchorPx = controller.view().camera.toPixel(communes.labelPoints[3]);
        io.MousePos = ImVec2(ui.mapOrigin.x + static_cast<float>(anchorPx.x), ui.mapOrigin.y + static_cast<float>(anchorPx.y));
        ui.frame(controller, side, map);
        ui.frame(controller, side, map);
        REQUIRE(controller.view().hovered);
        CHECK(controller.view().hovered->layerIndex == controller.document().mainLayerIndex());

        // A click without dragging selects the commune; the side panel then shows its card.
        io.MouseDown[0] = true;
        ui.frame(controller, side, map);
        io.MouseDown[0] = false;
        ui.frame(controller, side, map);
        ui.frame(controller, side, map);
        REQUIRE(controller.view().selected);
        CHECK(controller.view().selected->layerIndex == controller.view().hovered->layerIndex);
        CHECK(controller.view().selected->featureIndex == controller.view().hovered->featureIndex);

        // Wheel: zoom in around the cursor; the point under it stays put.
        const gis::Vec2 cursorPx{io.MousePos.x - ui.mapOrigin.x, io.MousePos.y - ui.mapOrigin.y};
        const gis::Vec2 worldBefore = controller.view().camera.toWorld(cursorPx);
        const double scaleBefore = controller.view().camera.metersPerPixel;
        io.MouseWheel = 2.0f;
        ui.frame(controller, side, map);
        ui.frame(controller, side, map);
        CHECK(controller.view().camera.metersPerPixel < scaleBefore * 0.8);
        const gis::Vec2 worldAfter = controller.view().camera.toWorld(cursorPx);
        CHECK(std::hypot(worldAfter.x - worldBefore.x, worldAfter.y - worldBefore.y) < controller.view().camera.metersPerPixel);

        // Drag 40 px to the right: the map follows the mouse.
        const gis::Vec2 grabbed = worldAfter;
        io.MouseDown[0] = true;
        ui.frame(controller, side, map);
        for (int step = 1; step <= 4; ++step) {
            io.MousePos.x += 10.0f;
            ui.frame(controller, side, map);
        }
        io.MouseDown[0] = false;
        ui.frame(controller, side, map);
        ui.frame(controller, side, map);
        const gis::Vec2 grabbedPx = controller.view().camera.toPixel(grabbed);
        CHECK(grabbedPx.x == Approx(cursorPx.x + 40.0).margin(1.0));
        CHECK(grabbedPx.y == Approx(cursorPx.y).margin(1.0));
    }
}

TEST_CASE("ui: a project's figures step through the years from the side panel's dates", "[ui]") {
    HeadlessGl gl;
    if (!gl.ready()) return;
    auto& renderer = gl.renderer;
    const std::string project = (test::scratchDir("ui_years") / "demo.gpkg").string();
    REQUIRE(gis::store::createProject(project));
    REQUIRE(cli::writeDemoProject(project));
    gis::scene::MapSourceSpec spec;
    spec.path = project;
    auto document = gis::scene::MapDocument::open(spec);
    REQUIRE(document);
    CHECK(document->asOfChoices() == std::vector<std::string>{"2021-12-31", "2022-12-31", "2023-12-31", "2024-12-31"});

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
        shell::Controller controller(std::move(document.value()), *renderer.value());
        panels::SidePanel side;
        panels::MapView map(*renderer.value());
        ui.frame(controller, side, map);
        controller.push(shell::ShowFiguresAsOf{"2021-12-31"});
        ui.frame(controller, side, map);
        ui.frame(controller, side, map);
        CHECK(controller.document().source().asOf == "2021-12-31");
        CHECK(controller.document().title().find("31/12/2021") != std::string::npos);
        // The demo's communes only improve: 2021 has fewer criteria met than the latest year.
        CHECK(criteriaMetTotal(controller.document()) < latest);
        CHECK(map.lastStats().drawCalls > 0);

        // Export of the current view at 2×: the same frame, twice the pixels, through the same renderer.
        const std::string png = (test::scratchDir("ui_export") / "view.png").string();
        controller.push(shell::ExportView{png, 2});
        ui.frame(controller, side, map);
        const auto image = test::readRgba(png);
        REQUIRE(image);
        CHECK(image->width == controller.view().camera.frameWidthPx * 2);
        CHECK(image->height == controller.view().camera.frameHeightPx * 2);
    }
}
