#pragma once
/// What the window shows when the file it was asked to open cannot be opened (a damaged project,
/// a file that is not a map, a missing file, a project another program holds): the window opens
/// anyway, on this screen, with the file named and the reason in plain words, and stays usable —
/// File > Open another (type a path or drop a file on the window), open the demo map, or quit. A
/// user who double-clicked the file sees why nothing opened instead of a window that never came.
#include <string>

#include "gis/core/result.hpp"
#include "gis/core/translation.hpp"

namespace platform {
struct UiFonts;
}

namespace panels {

/// What the user asked for on the start screen this frame.
struct StartScreenAction {
    enum class Kind { None, Open, OpenDemo, Quit };
    Kind kind = Kind::None;
    std::string path;  ///< Open: the file to try
};

/// The reason an open failed, in words for someone who is not a programmer (the file named).
std::string plainOpenError(const std::string& file, const gis::Error& error, gis::Language language);

class StartScreen {
public:
    /// The file that could not be opened and why (the error's own message is kept as the detail).
    void setError(const std::string& file, const gis::Error& error);
    /// A file dropped on the window: it goes into the path box, and is opened at once.
    void offerFile(const std::string& path);
    /// Draws the whole window (between ImGui::NewFrame and ImGui::Render); returns the user's choice.
    StartScreenAction draw(const platform::UiFonts& fonts, gis::Language language);

    /// What the screen says (headline, plain reason, detail), for tests and for stderr.
    std::string shownText(gis::Language language) const;
    const std::string& file() const { return m_file; }

private:
    std::string m_file;
    gis::Error m_error;
    char m_path[1024] = {};
    bool m_openOffered = false;  ///< a dropped file waits to be opened
    bool m_focusPath = false;    ///< File > Open another… puts the cursor in the path box
};

}  // namespace panels
