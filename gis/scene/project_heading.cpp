#include "gis/scene/project_heading.hpp"

#include <filesystem>
#include <vector>

#include "gis/demo/demo_district.hpp"
#include "gis/store/database.hpp"

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

ProjectHeading readProjectHeading(const std::string& projectPath) {
    ProjectHeading heading;
    heading.title = std::filesystem::path(projectPath).stem().string();
    auto db = store::Database::open(projectPath, store::Database::Mode::ReadOnly);
    if (!db) return heading;
    for (const char* level : {"district", "province"}) {
        const std::vector<std::string> names = unitNames(*db, level);
        if (names.size() == 1) {
            heading.title = names.front() + kTitleSuffix;
            break;
        }
    }
    if (auto demo = db->prepare("SELECT 1 FROM ntm_units WHERE source = ?1 LIMIT 1")) {
        demo->bind(1, demo::kDemoMarker);
        heading.isDemo = demo->step();
    }
    return heading;
}

}  // namespace gis::scene
