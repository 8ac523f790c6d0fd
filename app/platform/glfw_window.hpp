#pragma once
/// The desktop window: GLFW + an OpenGL 3.3 core context + the Dear ImGui backends.
/// This and its .cpp are the only app files with GL calls (context, clear, swap, screenshot).
#include <memory>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/render/image.hpp"

struct GLFWwindow;
struct ImFont;

namespace platform {

struct UiFonts {
    ImFont* regular = nullptr;  ///< normal type
    ImFont* large = nullptr;    ///< briefing mode (projector)
    ImFont* figure = nullptr;   ///< the headline figures (bold, large); briefing: figureLarge
    ImFont* figureLarge = nullptr;
    ImFont* strong = nullptr;   ///< titles of cards and sections (bold)
};

class GlfwWindow {
public:
    /// Opens the window and makes its context current; the error explains a missing display.
    static gis::Result<std::unique_ptr<GlfwWindow>> open(const std::string& title, int widthPx, int heightPx);
    ~GlfwWindow();
    GlfwWindow(const GlfwWindow&) = delete;
    GlfwWindow& operator=(const GlfwWindow&) = delete;

    bool shouldClose() const;
    /// Takes the window's events and starts an ImGui frame. With `mayWait`, an idle window sleeps
    /// until the next event (or two seconds) instead of redrawing at full speed: on a software
    /// renderer an idle busy loop would keep a core at 60 %.
    void beginFrame(bool mayWait);
    /// Renders ImGui over a cleared background and swaps. With `capture`, the finished frame is
    /// read back first (top row first), for screenshots.
    void endFrame(gis::render::Image* capture = nullptr);
    void setTitle(const std::string& title);
    /// F11 switches between a window and full screen on the monitor it is on (briefings).
    void toggleFullscreen();
    /// Files dropped on the window since the last call (the import dialog opens on them).
    std::vector<std::string> takeDroppedFiles();
    const UiFonts& fonts() const { return m_fonts; }

private:
    GlfwWindow() = default;
    gis::render::Image readBackBuffer(int width, int height) const;
    GLFWwindow* m_window = nullptr;
    UiFonts m_fonts;
    int m_framesAfterInput = 0;  ///< frames still drawn at full speed after the last input
    bool m_f11WasDown = false;
    int m_windowedX = 0, m_windowedY = 0, m_windowedWidth = 0, m_windowedHeight = 0;  ///< to leave full screen
};

}  // namespace platform
