#pragma once
/// An ImGui context for one UI test without a window: ImGui's default font (its atlas built, no
/// GPU upload), no .ini file, a display of `width` × `height`, 60 frames a second.
#include <imgui.h>

namespace test {

struct ImGuiTestContext {
    explicit ImGuiTestContext(float width = 1200, float height = 800) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int atlasWidth = 0, atlasHeight = 0;
        io.Fonts->AddFontDefault();
        io.Fonts->GetTexDataAsRGBA32(&pixels, &atlasWidth, &atlasHeight);
    }
    ~ImGuiTestContext() { ImGui::DestroyContext(); }
    ImGuiTestContext(const ImGuiTestContext&) = delete;
    ImGuiTestContext& operator=(const ImGuiTestContext&) = delete;

    /// Presses and releases the left button at `at`, `frame()` drawing each step (and one more after).
    template <class Frame>
    static void clickAt(ImVec2 at, Frame&& frame) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        frame();
    }
};

}  // namespace test
