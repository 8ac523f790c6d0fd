#include "app/shell/gui_main.hpp"

#include <imgui.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "app/cli/arg_parser.hpp"
#include "app/cli/project_demo.hpp"
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"
#include "app/shell/workspace.hpp"
#include "gis/dashboard/project_figures.hpp"
#include "gis/export/png_export.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/model/iso_date.hpp"
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

}  // namespace

namespace {

constexpr const char* kGuiUsage =
    "usage: ntm-atlas gui [PROJECT_OR_VECTOR_FILE] [--unit CODE] [--as-of YYYY-MM-DD] [--color-by FIELD] [--bookmark NAME]\n"
    "                     [--briefing] [--lang vi|en] [--screenshot PNG] [--import FILE] [--layer NAME] [--s-srs CRS]\n";

int usageError(const std::string& message) {
    if (!message.empty()) std::fprintf(stderr, "ntm-atlas: %s\n", message.c_str());
    std::fputs(kGuiUsage, stderr);
    return 2;
}

}  // namespace

int runGui(const cli::Args& args) {
    const cli::ParsedArgs arguments = cli::parseArgs(
        args, {"layer", "s-srs", "color-by", "screenshot", "frames", "unit", "as-of", "bookmark", "lang", "import"}, {"briefing"});
    if (!arguments.error.empty() || arguments.positional.size() > 1) return usageError(arguments.error);
    gis::scene::MapSourceSpec source;
    if (!arguments.positional.empty() && arguments.positional[0] != "demo") source.path = arguments.positional[0];
    // No file: the demo district as a real project (a temporary file, removed on exit), so the
    // window shows what a district's own project shows, years included.
    const TemporaryDemoProject demoProject(source.path.empty());
    if (source.path.empty()) source.path = demoProject.path();
    source.layerName = arguments.value("layer");
    source.sourceCrs = arguments.value("s-srs");
    source.asOf = arguments.value("as-of");
    if (!source.asOf.empty() && !gis::model::isIsoDate(source.asOf)) return usageError("--as-of " + source.asOf + ": not a date (YYYY-MM-DD)");
    shell::OpeningState opening;
    opening.briefing = arguments.flag("briefing");
    opening.bookmark = arguments.value("bookmark");
    opening.state.colorField = arguments.value("color-by");
    if (const std::string lang = arguments.value("lang"); !lang.empty()) {
        const auto language = gis::parseLanguage(lang);
        if (!language) return usageError("--lang " + lang + ": vi or en");
        opening.language = *language;
    }
    const std::string screenshotPath = arguments.value("screenshot");
    int framesLeft = std::atoi(arguments.value("frames").c_str());
    if (!screenshotPath.empty() && framesLeft <= 0) framesLeft = 10;

    // A project gets the dashboard; any other vector file is a plain map.
    std::shared_ptr<const gis::dashboard::ProjectFigures> figures;
    if (gis::figures::isProjectFile(source.path)) {
        auto opened = gis::dashboard::ProjectFigures::open(source.path);
        if (!opened) {
            std::fprintf(stderr, "ntm-atlas: %s\n", opened.error().message.c_str());
            return 1;
        }
        figures = opened.value();
        if (const std::string unit = arguments.value("unit"); !unit.empty()) {
            if (!figures->tree().find(unit)) {
                std::fprintf(stderr, "ntm-atlas: --unit %s: no unit with that code in %s\n", unit.c_str(), source.path.c_str());
                return 1;
            }
            opening.state.scope = unit;
            opening.scopeGiven = true;
        }
        if (!opening.bookmark.empty()) {
            auto slides = gis::dashboard::readBookmarks(source.path);
            const bool found = slides && std::any_of(slides->begin(), slides->end(), [&](const auto& b) { return b.name == opening.bookmark; });
            if (!found) {
                std::fprintf(stderr, "ntm-atlas: --bookmark %s: no slide of that name in %s\n", opening.bookmark.c_str(), source.path.c_str());
                return 1;
            }
            // The slide's date decides which figures the map opens at.
            for (const auto& b : *slides)
                if (b.name == opening.bookmark)
                    if (auto state = gis::dashboard::parseState(b.state)) source.asOf = state->asOf;
        }
    } else if (!arguments.value("unit").empty() || !opening.bookmark.empty()) {
        return usageError("--unit and --bookmark need an NTM Atlas project");
    }

    // The gap count is computed by the dashboard after opening, not read with the map.
    const bool computedField = opening.state.colorField == "gap_count" && figures != nullptr;
    auto document = gis::scene::MapDocument::open(source, computedField ? std::string() : opening.state.colorField);
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
        shell::Controller controller(std::move(document.value()), *renderer.value(), figures, opening);
        shell::Workspace workspace(*renderer.value());
        // --import FILE: the import dialog opens on it, as if it had been dropped on the window.
        if (const std::string file = arguments.value("import"); !file.empty()) workspace.openImport(controller, file);
        std::string shownTitle;
        while (!window.value()->shouldClose()) {
            // The window's title follows the scope and date, like the map's.
            if (controller.dashboard() != nullptr && controller.dashboard()->view.title != shownTitle) {
                shownTitle = controller.dashboard()->view.title;
                window.value()->setTitle("NTM Atlas — " + shownTitle + (controller.document().isDemo() ? "  [DỮ LIỆU MẪU · demo data]" : ""));
            }
            const bool playing = controller.tick(ImGui::GetIO().DeltaTime);
            // Sleep between events unless a level of detail is being built, the dates play or a screenshot is due.
            window.value()->beginFrame(!controller.buildingDetail() && !playing && screenshotPath.empty());
            for (const std::string& dropped : window.value()->takeDroppedFiles()) workspace.openImport(controller, dropped);
            controller.applyPending();
            workspace.draw(controller, window.value()->fonts());
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
