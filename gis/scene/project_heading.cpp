#include "gis/scene/project_heading.hpp"

#include <filesystem>
#include <vector>

#include "gis/demo/demo_district.hpp"
#include "gis/store/database.hpp"
#include "gis/store/location.hpp"

namespace gis::scene {

namespace {

constexpr const char* kTitleSuffix = " — kết quả xây dựng nông thôn mới";

std::vector<std::string> unitNames(store::Database& db, const char* level) {
    std::vector<std::string> names;
    auto statement = db.prepare("SELECT name FROM ntm_units WHERE level = ?1 ORDER BY code LIMIT 2");
    if (!statement) return names;
    statement->bind(1, level);
    while (statement->step()) names.push_back(statement->text(0));
    return names;
}

}  // namespace

std::string vietnameseDate(const std::string& isoDate) {
    if (isoDate.size() == 10 && isoDate[4] == '-' && isoDate[7] == '-')
        return isoDate.substr(8, 2) + "/" + isoDate.substr(5, 2) + "/" + isoDate.substr(0, 4);
    return isoDate;
}

ProjectHeading readProjectHeading(const std::string& projectPath, const std::string& asOf) {
    ProjectHeading heading;
    heading.title = store::projectShortName(projectPath);
    auto db = store::Database::open(projectPath, store::Database::Mode::ReadOnly);
    if (!db) return heading;
    if (auto dates = db->prepare("SELECT DISTINCT as_of FROM ntm_assessments ORDER BY as_of"))
        while (dates->step()) heading.assessmentDates.push_back(dates->text(0));
    for (const char* level : {"district", "province"}) {
        const std::vector<std::string> names = unitNames(*db, level);
        if (names.size() == 1) {
            heading.title = names.front() + kTitleSuffix;
            break;
        }
    }
    if (!asOf.empty()) heading.title += " (số liệu đến " + vietnameseDate(asOf) + ")";
    if (auto demo = db->prepare("SELECT 1 FROM ntm_units WHERE source = ?1 LIMIT 1")) {
        demo->bind(1, demo::kDemoMarker);
        heading.isDemo = demo->step();
    }
    return heading;
}

}  // namespace gis::scene
