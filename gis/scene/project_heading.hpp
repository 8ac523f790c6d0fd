#pragma once
/// What a project map is called and whether it holds demo data, read from its units table.
#include <string>
#include <vector>

namespace gis::scene {

struct ProjectHeading {
    std::string title;    ///< e.g. "Huyện Thanh Lâm (mẫu) — kết quả xây dựng nông thôn mới"
    bool isDemo = false;  ///< any unit imported from the demo generator
    std::vector<std::string> assessmentDates;  ///< distinct as-of dates (YYYY-MM-DD), oldest first
};

/// Title from the project's single district (or province); the file name when there are
/// several or none; with `asOf`, the date the figures are at. Never fails: an unreadable
/// project gets its file name.
ProjectHeading readProjectHeading(const std::string& projectPath, const std::string& asOf = "");

/// "2024-12-31" → "31/12/2024" (Vietnamese date order); anything else unchanged.
std::string vietnameseDate(const std::string& isoDate);

}  // namespace gis::scene
