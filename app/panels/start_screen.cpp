#include "app/panels/start_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "app/panels/ui_helpers.hpp"
#include "app/panels/widget_probe.hpp"
#include "app/platform/glfw_window.hpp"

namespace panels {
namespace {

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

const char* pick(gis::Language language, const char* vi, const char* en) { return language == gis::Language::En ? en : vi; }

std::string headline(gis::Language language) { return pick(language, "Không mở được tệp", "The file could not be opened"); }

std::string detailLine(const gis::Error& error, gis::Language language) {
    return std::string(pick(language, "Chi tiết kỹ thuật: ", "Technical detail: ")) + error.message;
}

/// The big type of the screen: a projector at the back of a meeting room must read it.
ImFont* bigFont(const platform::UiFonts& fonts) { return fonts.figureLarge != nullptr ? fonts.figureLarge : fonts.figure; }

}  // namespace

std::string plainOpenError(const std::string& file, const gis::Error& error, gis::Language language) {
    const std::string name = std::filesystem::path(file).filename().string();
    const std::string& m = error.message;
    std::string reason;
    if (error.code == gis::ErrorCode::NotFound || contains(m, "no such") || contains(m, "No such") || contains(m, "does not exist"))
        reason = pick(language, "Không tìm thấy tệp này: có thể nó đã bị chuyển đi, đổi tên hoặc xoá.",
                      "There is no such file: it may have been moved, renamed or deleted.");
    else if (error.code == gis::ErrorCode::Busy)
        reason = pick(language, "Một chương trình khác đang ghi vào tệp này. Hãy đợi chương trình đó xong rồi mở lại.",
                      "Another program is writing to this file. Wait until it has finished, then open it again.");
    else if (error.code == gis::ErrorCode::UnsupportedFormat || contains(m, "not a GeoPackage") || contains(m, "not a vector file") || contains(m, "supported format") || contains(m, "not recognized") ||
             contains(m, "not supported") || contains(m, "unsupported"))
        reason = pick(language, "Đây không phải tệp dự án NTM Atlas, cũng không phải tệp bản đồ mà chương trình đọc được.",
                      "This is neither an NTM Atlas project nor a map file the program can read.");
    else if (contains(m, "damaged") || contains(m, "truncated") || contains(m, "malformed") || contains(m, "corrupt"))
        reason = pick(language,
                      "Tệp dự án bị hỏng hoặc chưa được chép đủ (bản sao bị ngắt giữa chừng, hoặc ổ đĩa đã đầy). Hãy mở bản sao lưu gần nhất.",
                      "The project file is damaged or incomplete (a copy cut short, or a disk that was full). Open your latest backup copy.");
    else if (contains(m, "newer"))
        reason = pick(language, "Tệp được tạo bởi phiên bản NTM Atlas mới hơn. Hãy cập nhật chương trình để mở nó.",
                      "The file was written by a newer version of NTM Atlas. Update the program to open it.");
    else if (error.code == gis::ErrorCode::BadCrs || contains(m, "CRS") || contains(m, "coordinate"))
        reason = pick(language, "Tệp bản đồ không cho biết hệ toạ độ (thiếu tệp .prj?), nên không đặt được lên bản đồ.",
                      "The map file does not say its coordinate system (a missing .prj?), so it cannot be placed on the map.");
    else
        reason = pick(language, "Chương trình không đọc được tệp này.", "The program could not read this file.");
    return "“" + name + "” — " + reason;
}

void StartScreen::setError(const std::string& file, const gis::Error& error) {
    m_file = file;
    m_error = error;
    m_openOffered = false;
}

void StartScreen::offerFile(const std::string& path) {
    std::snprintf(m_path, sizeof m_path, "%s", path.c_str());
    m_openOffered = true;
}

std::string StartScreen::shownText(gis::Language language) const {
    return headline(language) + "\n" + m_file + "\n" + plainOpenError(m_file, m_error, language) + "\n" + detailLine(m_error, language);
}

StartScreenAction StartScreen::draw(const platform::UiFonts& fonts, gis::Language language) {
    StartScreenAction action;
    if (m_openOffered) {
        m_openOffered = false;
        action = {StartScreenAction::Kind::Open, m_path};
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (fonts.regular != nullptr) ImGui::PushFont(fonts.large != nullptr ? fonts.large : fonts.regular);
    if (ImGui::Begin("start screen", nullptr, kFlags)) {
        if (ImGui::BeginMenuBar()) {
            if (ImGui::BeginMenu(pick(language, "Tệp", "File"))) {
                if (ImGui::MenuItem(pick(language, "Mở tệp khác…", "Open another file…"))) m_focusPath = true;
                if (ImGui::MenuItem(pick(language, "Mở bản đồ mẫu", "Open the demo map"))) action = {StartScreenAction::Kind::OpenDemo, {}};
                ImGui::Separator();
                if (ImGui::MenuItem(pick(language, "Thoát", "Quit"))) action = {StartScreenAction::Kind::Quit, {}};
                ImGui::EndMenu();
            }
            recordWidget("start:menu:file");
            ImGui::EndMenuBar();
        }
        const float width = std::min(viewport->WorkSize.x - 80.0f, 1200.0f);
        ImGui::SetCursorPos(ImVec2(std::max(40.0f, (viewport->WorkSize.x - width) * 0.5f), viewport->WorkSize.y * 0.14f));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        if (ImFont* big = bigFont(fonts)) ImGui::PushFont(big);
        ImGui::TextColored(kWarningColor, "%s", headline(language).c_str());
        if (bigFont(fonts) != nullptr) ImGui::PopFont();
        recordWidget("start:headline");
        ImGui::Spacing();
        ImGui::TextWrapped("%s", plainOpenError(m_file, m_error, language).c_str());  // the large type: the reason is what must be read
        recordWidget("start:error");
        ImGui::Spacing();
        ImGui::TextColored(kMutedColor, "%s", m_file.c_str());
        ImGui::PushFont(fonts.regular != nullptr ? fonts.regular : ImGui::GetFont());
        ImGui::TextColored(kMutedColor, "%s", detailLine(m_error, language).c_str());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();

        ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() * 1.5f));
        ImGui::TextUnformatted(pick(language, "Mở tệp khác — gõ đường dẫn, hoặc kéo thả tệp vào cửa sổ:",
                                    "Open another file — type its path, or drop it on the window:"));
        if (m_focusPath) {
            ImGui::SetKeyboardFocusHere();
            m_focusPath = false;
        }
        const float buttonWidth = ImGui::CalcTextSize(pick(language, "Mở", "Open")).x + ImGui::GetStyle().FramePadding.x * 4;
        ImGui::SetNextItemWidth(width - buttonWidth - ImGui::GetStyle().ItemSpacing.x);
        const bool entered = ImGui::InputText("##path", m_path, sizeof m_path, ImGuiInputTextFlags_EnterReturnsTrue);
        recordWidget("start:path");
        ImGui::SameLine();
        ImGui::BeginDisabled(m_path[0] == '\0');
        if ((ImGui::Button(pick(language, "Mở", "Open"), ImVec2(buttonWidth, 0)) || entered) && m_path[0] != '\0')
            action = {StartScreenAction::Kind::Open, m_path};
        ImGui::EndDisabled();
        recordWidget("start:open");
        ImGui::Spacing();
        if (ImGui::Button(pick(language, "Mở bản đồ mẫu", "Open the demo map"))) action = {StartScreenAction::Kind::OpenDemo, {}};
        recordWidget("start:demo");
        ImGui::SameLine();
        if (ImGui::Button(pick(language, "Thoát", "Quit"))) action = {StartScreenAction::Kind::Quit, {}};
        recordWidget("start:quit");
        ImGui::EndGroup();
    }
    ImGui::End();
    if (fonts.regular != nullptr) ImGui::PopFont();
    return action;
}

}  // namespace panels
