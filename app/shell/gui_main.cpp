#include "app/shell/gui_main.hpp"

#include <imgui.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "app/cli/arg_parser.hpp"
#include "app/cli/project_demo.hpp"
#include "app/panels/start_screen.hpp"
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
    "                     [--briefing] [--read-only] [--lang vi|en] [--screenshot PNG] [--import FILE] [--layer NAME] [--s-srs CRS]\n";

int usageError(const std::string& message) {
    if (!message.empty()) std::fprintf(stderr, "ntm-atlas: %s\n", message.c_str());
    std::fputs(kGuiUsage, stderr);
    return 2;
}

}  // namespace

int runGui(const cli::Args& args) {
    const cli::ParsedArgs arguments = cli::parseArgs(
        args, {"layer", "s-srs", "color-by", "screenshot", "frames", "unit", "as-of", "bookmark", "lang", "import"}, {"briefing", "read-only"});
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
    opening.readOnly = arguments.flag("read-only");
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

    // A project gets the dashboard; any other vector file is a plain map. A file that does not
    // open still opens the window, on the start screen saying why (a double-clicked file must
    // never just give no window); wrong command-line options are refused before any window.
    std::shared_ptr<const gis::dashboard::ProjectFigures> figures;
    std::optional<gis::Error> openError;
    if (auto opened = shell::openProjectFigures(source.path); !opened) openError = opened.error();
    else figures = opened.value();
    if (figures) {
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
    } else if (!openError && (!arguments.value("unit").empty() || !opening.bookmark.empty())) {
        return usageError("--unit and --bookmark need an NTM Atlas project");
    }

    std::optional<gis::scene::MapDocument> document;
    if (!openError) {
        // The gap count is computed by the dashboard after opening, not read with the map.
        const bool computedField = opening.state.colorField == "gap_count" && figures != nullptr;
        auto opened = gis::scene::MapDocument::open(source, computedField ? std::string() : opening.state.colorField);
        if (opened) document.emplace(std::move(opened).value());
        else openError = opened.error();
    }
    if (openError) std::fprintf(stderr, "ntm-atlas: %s\n", openError->message.c_str());

    auto window = platform::GlfwWindow::open(document ? "NTM Atlas — " + document->title() + (document->isDemo() ? "  [DỮ LIỆU MẪU · demo data]" : "")
                                                      : std::string("NTM Atlas"),
                                             1600, 960);
    if (!window) {
        std::fprintf(stderr, "ntm-atlas: %s\n(use 'ntm-atlas export' where there is no display)\n", window.error().message.c_str());
        return 1;
    }
    auto renderer = gis::render::Renderer::create();
    if (!renderer) {
        std::fprintf(stderr, "ntm-atlas: %s\n", renderer.error().message.c_str());
        return 1;
    }
    auto screenshotDue = [&] { return !screenshotPath.empty() && --framesLeft == 0; };
    auto saveScreenshot = [&](const gis::render::Image& screenshot) {
        gis::Status written = gis::exporting::writePng(screenshot, screenshotPath);
        if (!written) std::fprintf(stderr, "ntm-atlas: %s\n", written.error().message.c_str());
        else std::printf("%s\n", screenshotPath.c_str());
    };

    // The start screen, until a file opens (or the user quits).
    std::unique_ptr<TemporaryDemoProject> laterDemo;
    if (openError) {
        panels::StartScreen start;
        start.setError(source.path, *openError);
        bool quit = false;
        while (!document && !quit) {
            if (window.value()->shouldClose()) return 1;
            window.value()->beginFrame(screenshotPath.empty());
            for (const std::string& dropped : window.value()->takeDroppedFiles()) start.offerFile(dropped);
            const panels::StartScreenAction action = start.draw(window.value()->fonts(), opening.language);
            const bool capture = screenshotDue();
            gis::render::Image screenshot;
            window.value()->endFrame(capture ? &screenshot : nullptr);
            if (capture) {
                saveScreenshot(screenshot);
                return 1;  // the file asked for did not open
            }
            gis::scene::MapSourceSpec next;
            switch (action.kind) {
                case panels::StartScreenAction::Kind::None: continue;
                case panels::StartScreenAction::Kind::Quit: quit = true; continue;
                case panels::StartScreenAction::Kind::Open: next.path = action.path; break;
                case panels::StartScreenAction::Kind::OpenDemo:
                    if (!laterDemo) laterDemo = std::make_unique<TemporaryDemoProject>(true);
                    next.path = laterDemo->path();
                    break;
            }
            auto opened = shell::openMapSource(next);
            if (!opened) {
                start.setError(next.path, opened.error());
                continue;
            }
            // A file opened from here starts in its default view (the command line's scope and slide were for the other file).
            figures = opened->figures;
            document.emplace(std::move(opened->document));
            opening.state = {};
            opening.scopeGiven = false;
            opening.bookmark.clear();
            window.value()->setTitle("NTM Atlas — " + document->title() + (document->isDemo() ? "  [DỮ LIỆU MẪU · demo data]" : ""));
        }
        if (quit) return 1;
    }
    {
        // GL owners (render target, renderer caches) die before the window's context.
        shell::Controller controller(std::move(*document), *renderer.value(), figures, opening);
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
            const bool capture = screenshotDue();
            gis::render::Image screenshot;
            window.value()->endFrame(capture ? &screenshot : nullptr);
            if (capture) {
                saveScreenshot(screenshot);
                break;
            }
        }
    }
    renderer.value().reset();
    return 0;
}
