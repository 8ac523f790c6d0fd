#pragma once
/// What a project map is called and whether it holds demo data, read from its units table.
#include <string>

namespace gis::scene {

struct ProjectHeading {
    std::string title;    ///< e.g. "Huyện Thanh Lâm (mẫu) — kết quả xây dựng nông thôn mới"
    bool isDemo = false;  ///< any unit imported from the demo generator
};

/// Title from the project's single district (or province); the file name when there are
/// several or none. Never fails: an unreadable project gets its file name.
ProjectHeading readProjectHeading(const std::string& projectPath);

}  // namespace gis::scene
