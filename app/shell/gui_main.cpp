#include "app/shell/gui_main.hpp"

#include <imgui.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "app/cli/arg_parser.hpp"
#include "app/cli/project_demo.hpp"
#include "app/panels/map_view.hpp"
#include "app/panels/side_panel.hpp"
#include "app/panels/status_bar.hpp"
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"
#include "gis/export/png_export.hpp"
#include "gis/scene/map_document.hpp"
#include "gis/store/schema.hpp"

namespace {

/// The demo written through the project store into the temp folder; empty path (and the
/// in-memory demo) if that fails.
class TemporaryDemoProject {
public:
    explicit TemporaryDemoProject(bool wanted) {
        if (!wanted) return;
        const std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("ntm-atlas-demo-" + std::to_string(::getpid()) + ".gpkg");
        std::filesystem::remove(path);
        if (!gis::store::createProject(path.string()) || !cli::writeDemoProject(path.string())) {
            std::filesystem::remove(path);
            return;
        }
        m_path = path.string();
    }
    ~TemporaryDemoProject() {
        if (!m_path.empty()) std::filesystem::remove(m_path);
    }
    TemporaryDemoProject(const TemporaryDemoProject&) = delete;
    TemporaryDemoProject& operator=(const TemporaryDemoProject&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

constexpr float kSidePanelWidth = 300.0f;
constexpr float kSidePanelWidthBriefing = 420.0f;

/// Lays out the one full-window ImGui window: side panel | map, status bar below.
void drawWorkspace(shell::Controller& controller, panels::SidePanel& sidePanel, panels::MapView& mapView,
                   const platform::UiFonts& fonts) {
    const bool briefing = controller.view().briefingMode;
    ImGui::PushFont(briefing ? fonts.large : fonts.regular);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    if (ImGui::Begin("workspace", nullptr, kFlags)) {
        const float statusHeight = ImGui::GetFrameHeightWithSpacing() + 4.0f;
        const float sideWidth = briefing ? kSidePanelWidthBriefing : kSidePanelWidth;
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 10));
        ImGui::BeginChild("side", ImVec2(sideWidth, -statusHeight), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
        sidePanel.draw(controller);
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::SameLine(0, 0);
        ImGui::BeginChild("map", ImVec2(0, -statusHeight), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        mapView.draw(controller);
        ImGui::EndChild();
        panels::drawStatusBar(controller, mapView.lastStats());
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopFont();
}

}  // namespace

int runGui(const cli::Args& args) {
    const cli::ParsedArgs arguments = cli::parseArgs(args, {"layer", "s-srs", "color-by", "screenshot", "frames"}, {});
    if (!arguments.error.empty() || arguments.positional.size() > 1) {
        if (!arguments.error.empty()) std::fprintf(stderr, "ntm-atlas: %s\n", arguments.error.c_str());
        std::fprintf(stderr, "usage: ntm-atlas [gui] [FILE] [--layer NAME] [--color-by FIELD] [--screenshot PNG --frames N]\n");
        return 2;
    }
    gis::scene::MapSourceSpec source;
    if (!arguments.positional.empty() && arguments.positional[0] != "demo") source.path = arguments.positional[0];
    // No file: the demo district as a real project (a temporary file, removed on exit), so the
    // window shows what a district's own project shows, years included.
    const TemporaryDemoProject demoProject(source.path.empty());
    if (source.path.empty()) source.path = demoProject.path();
    source.layerName = arguments.value("layer");
    source.sourceCrs = arguments.value("s-srs");
    const std::string screenshotPath = arguments.value("screenshot");
    int framesLeft = std::atoi(arguments.value("frames").c_str());
    if (!screenshotPath.empty() && framesLeft <= 0) framesLeft = 10;

    auto document = gis::scene::MapDocument::open(source, arguments.value("color-by"));
    if (!document) {
        std::fprintf(stderr, "ntm-atlas: %s\n", document.error().message.c_str());
        return 1;
    }
    const std::string windowTitle = "NTM Atlas — " + document->title() + (document->isDemo() ? "  [DỮ LIỆU MẪU · demo data]" : "");
    auto window = platform::GlfwWindow::open(windowTitle, 1600, 960);
    if (!window) {
        std::fprintf(stderr, "ntm-atlas: %s\n(use 'ntm-atlas export' where there is no display)\n", window.error().message.c_str());
        return 1;
    }
    auto renderer = gis::render::Renderer::create();
    if (!renderer) {
        std::fprintf(stderr, "ntm-atlas: %s\n", renderer.error().message.c_str());
        return 1;
    }
    {
        // GL owners (render target, renderer caches) die before the window's context.
        shell::Controller controller(std::move(document.value()), *renderer.value());
        panels::SidePanel sidePanel;
        panels::MapView mapView(*renderer.value());
        while (!window.value()->shouldClose()) {
            // Sleep between events unless a level of detail is being built or a screenshot is due.
            window.value()->beginFrame(!controller.buildingDetail() && screenshotPath.empty());
            controller.applyPending();
            drawWorkspace(controller, sidePanel, mapView, window.value()->fonts());
            const bool capture = !screenshotPath.empty() && --framesLeft == 0;
            gis::render::Image screenshot;
            window.value()->endFrame(capture ? &screenshot : nullptr);
            if (capture) {
                gis::Status written = gis::exporting::writePng(screenshot, screenshotPath);
                if (!written) std::fprintf(stderr, "ntm-atlas: %s\n", written.error().message.c_str());
                else std::printf("%s\n", screenshotPath.c_str());
                break;
            }
        }
    }
    renderer.value().reset();
    return 0;
}
