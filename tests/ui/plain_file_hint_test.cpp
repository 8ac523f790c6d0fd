// The window on a plain map file (no project): until a field colours the map there is no ranking,
// and the right column says what to do instead of staying blank. Real GeoJSON through GDAL, the
// real workspace drawn in an ImGui context without a window.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <fstream>

#include "app/panels/widget_probe.hpp"
#include "app/platform/glfw_window.hpp"
#include "app/shell/controller.hpp"
#include "app/shell/workspace.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"
#include "tests/support/test_paths.hpp"
#include "tests/ui/headless_gl.hpp"
#include "tests/ui/imgui_test_context.hpp"

namespace {

/// Three square communes side by side with a population each.
void writeCommunes(const std::filesystem::path& path) {
    std::ofstream out(path);
    out << R"({"type": "FeatureCollection", "features": [)";
    for (int i = 0; i < 3; ++i) {
        const double x0 = 105.0 + 0.05 * i, x1 = x0 + 0.05;
        out << (i ? "," : "") << R"({"type": "Feature", "properties": {"ten_xa": "Xã )" << i << R"(", "dan_so": )" << 1000 * (i + 1)
            << R"(}, "geometry": {"type": "Polygon", "coordinates": [[[)" << x0 << ",21],[" << x1 << ",21],[" << x1 << ",21.05],["
            << x0 << ",21.05],[" << x0 << ",21]]]}}";
    }
    out << "]}";
}

}  // namespace

TEST_CASE("ui: a plain map file's right column says how to rank and what a project adds", "[ui]") {
    test::HeadlessGl gl;
    if (!gl.ready()) return;
    const auto file = test::scratchDir("ui_plain_file_hint") / "communes.geojson";
    writeCommunes(file);
    gis::scene::MapSourceSpec spec;
    spec.path = file.string();
    auto opened = shell::openMapSource(spec);
    REQUIRE(opened);
    {
        test::ImGuiTestContext ui(1400, 900);
        platform::UiFonts fonts;
        shell::Controller controller(std::move(opened->document), gl.draw(), opened->figures);
        shell::Workspace workspace(gl.draw());
        auto frames = [&] {
            for (int i = 0; i < 3; ++i) {
                ImGui::NewFrame();
                controller.applyPending();
                workspace.draw(controller, fonts);
                ImGui::Render();
            }
        };
        REQUIRE(controller.dashboard() == nullptr);  // a plain file, not a project
        controller.push(shell::ColorByField{""});
        frames();
        const auto hint = panels::widgetText("hint:plain-file");
        REQUIRE(hint);
        CHECK(hint->find("ntm-atlas init") != std::string::npos);

        // Coloured by a field, the column ranks the communes and the hint gives way.
        controller.push(shell::ColorByField{"dan_so"});
        frames();
        CHECK_FALSE(panels::widgetText("hint:plain-file"));
    }
}
