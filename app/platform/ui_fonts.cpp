#include "app/platform/ui_fonts.hpp"

#include <imgui.h>

#include "gis/render/font_files.hpp"

namespace platform {

UiFonts loadUiFonts() {
    ImGuiIO& io = ImGui::GetIO();
    // The builder copies the ranges into a vector that must outlive the atlas build, hence static.
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
        static const ImWchar kExtra[] = {0x00A0, 0x00FF, 0x2000, 0x206F, 0x20AB, 0x20AB, 0x2190, 0x21FF, 0x2200, 0x22FF, 0};
        builder.AddRanges(kExtra);
        builder.BuildRanges(&ranges);
    }
    UiFonts fonts;
    const std::string regularPath = gis::render::findFontFile(false);
    if (!regularPath.empty()) {
        fonts.regular = io.Fonts->AddFontFromFileTTF(regularPath.c_str(), 19.0f, nullptr, ranges.Data);
        fonts.large = io.Fonts->AddFontFromFileTTF(regularPath.c_str(), 28.0f, nullptr, ranges.Data);
    }
    const std::string boldPath = gis::render::findFontFile(true);
    if (!boldPath.empty()) {
        fonts.strong = io.Fonts->AddFontFromFileTTF(boldPath.c_str(), 19.0f, nullptr, ranges.Data);
        fonts.figure = io.Fonts->AddFontFromFileTTF(boldPath.c_str(), 34.0f, nullptr, ranges.Data);
        fonts.figureLarge = io.Fonts->AddFontFromFileTTF(boldPath.c_str(), 50.0f, nullptr, ranges.Data);
    }
    if (fonts.regular == nullptr) fonts.regular = io.Fonts->AddFontDefault();
    if (fonts.large == nullptr) fonts.large = fonts.regular;
    if (fonts.strong == nullptr) fonts.strong = fonts.regular;
    if (fonts.figure == nullptr) fonts.figure = fonts.large;
    if (fonts.figureLarge == nullptr) fonts.figureLarge = fonts.figure;
    return fonts;
}

}  // namespace platform
