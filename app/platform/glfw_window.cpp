#include "app/platform/glfw_window.hpp"

#include <epoxy/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstring>

#include "app/platform/ui_fonts.hpp"

namespace platform {

namespace {
std::string g_lastGlfwError;
std::vector<std::string> g_droppedFiles;  ///< filled by GLFW's drop callback (one window per process)
void onDrop(GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; ++i) g_droppedFiles.emplace_back(paths[i]);
}
void onGlfwError(int code, const char* description) {
    g_lastGlfwError = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}
}  // namespace

gis::Result<std::unique_ptr<GlfwWindow>> GlfwWindow::open(const std::string& title, int widthPx, int heightPx) {
    glfwSetErrorCallback(onGlfwError);
    if (glfwInit() == GLFW_FALSE)
        return gis::makeError(gis::ErrorCode::GlUnavailable, "cannot open a window (no display?): " + g_lastGlfwError);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(widthPx, heightPx, title.c_str(), nullptr, nullptr);
    if (window == nullptr) {
        glfwTerminate();
        return gis::makeError(gis::ErrorCode::GlUnavailable, "cannot create an OpenGL 3.3 window: " + g_lastGlfwError);
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    std::unique_ptr<GlfwWindow> self(new GlfwWindow());
    self->m_window = window;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is ours; no imgui.ini in the user's folder
    ImGui::StyleColorsLight();
    ImGui::GetStyle().WindowRounding = 4.0f;
    ImGui::GetStyle().FrameRounding = 4.0f;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    glfwSetDropCallback(window, onDrop);  // ImGui's backend installs no drop callback of its own
    ImGui_ImplOpenGL3_Init("#version 330 core");
    self->m_fonts = loadUiFonts();
    return self;
}

GlfwWindow::~GlfwWindow() {
    if (m_window == nullptr) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

bool GlfwWindow::shouldClose() const { return glfwWindowShouldClose(m_window) != 0; }

void GlfwWindow::beginFrame(bool mayWait) {
    // ImGui settles hover, tooltips and layout over a few frames after an input.
    constexpr int kFramesAfterInput = 4;
    constexpr double kIdleWaitSeconds = 2.0;
    if (mayWait && m_framesAfterInput == 0) glfwWaitEventsTimeout(kIdleWaitSeconds);
    else glfwPollEvents();
    // F11 is read here (ImGui 1.86 has no key name for it): full screen for a briefing.
    const bool f11Down = glfwGetKey(m_window, GLFW_KEY_F11) == GLFW_PRESS;
    if (f11Down && !m_f11WasDown) toggleFullscreen();
    m_f11WasDown = f11Down;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

    const ImGuiIO& io = ImGui::GetIO();
    bool input = io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f || io.InputQueueCharacters.Size > 0;
    for (bool down : io.MouseDown) input = input || down;
    for (bool down : io.KeysDown) input = input || down;
    m_framesAfterInput = input ? kFramesAfterInput : std::max(0, m_framesAfterInput - 1);
}

std::vector<std::string> GlfwWindow::takeDroppedFiles() {
    std::vector<std::string> files;
    files.swap(g_droppedFiles);
    return files;
}

void GlfwWindow::toggleFullscreen() {
    if (glfwGetWindowMonitor(m_window) != nullptr) {
        glfwSetWindowMonitor(m_window, nullptr, m_windowedX, m_windowedY, m_windowedWidth, m_windowedHeight, GLFW_DONT_CARE);
        return;
    }
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (monitor == nullptr) return;
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (mode == nullptr) return;
    glfwGetWindowPos(m_window, &m_windowedX, &m_windowedY);
    glfwGetWindowSize(m_window, &m_windowedWidth, &m_windowedHeight);
    glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

void GlfwWindow::endFrame(gis::render::Image* capture) {
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width, height);
    glClearColor(0.95f, 0.95f, 0.95f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (capture != nullptr) *capture = readBackBuffer(width, height);
    glfwSwapBuffers(m_window);
}

gis::render::Image GlfwWindow::readBackBuffer(int width, int height) const {
    gis::render::Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<std::size_t>(width) * height * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);  // before the swap: the back buffer holds the finished frame
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    // GL rows run bottom-up; images are top row first.
    const std::size_t rowBytes = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> row(rowBytes);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* top = image.rgba.data() + static_cast<std::size_t>(y) * rowBytes;
        std::uint8_t* bottom = image.rgba.data() + static_cast<std::size_t>(height - 1 - y) * rowBytes;
        std::memcpy(row.data(), top, rowBytes);
        std::memcpy(top, bottom, rowBytes);
        std::memcpy(bottom, row.data(), rowBytes);
    }
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
    return image;
}

void GlfwWindow::setTitle(const std::string& title) { glfwSetWindowTitle(m_window, title.c_str()); }

}  // namespace platform
