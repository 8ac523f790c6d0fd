#include "gis/dashboard/dashboard_state.hpp"

#include <cstdlib>
#include <sstream>

#include "gis/store/project_reader.hpp"
#include "gis/store/project_writer.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/transaction.hpp"

namespace gis::dashboard {
namespace {

std::string number(double v) {
    std::ostringstream out;
    out.precision(17);
    out << v;
    return out.str();
}

std::optional<double> parseNumber(const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) return std::nullopt;
    return v;
}

}  // namespace

std::string serializeState(const DashboardState& state) {
    std::string out;
    auto put = [&](const char* key, const std::string& value) { out += std::string(key) + "=" + value + "\n"; };
    put("scope", state.scope);
    put("as_of", state.asOf);
    put("color_by", state.colorField);
    put("ranking_set", state.rankingSet);
    const UnitFilter& f = state.filter;
    if (f.unmetCriterion) put("filter.unmet_criterion", std::to_string(*f.unmetCriterion));
    if (f.tier) put("filter.tier", *f.tier);
    if (f.disbursedBelowPct) put("filter.disbursed_below", number(*f.disbursedBelowPct));
    if (f.workType) put("filter.work_type", *f.workType);
    if (f.workStatus) put("filter.work_status", *f.workStatus);
    if (f.overdueTasksOnly) put("filter.overdue_tasks", "1");
    if (state.view) {
        put("view.x", number(state.view->centerX));
        put("view.y", number(state.view->centerY));
        put("view.mpp", number(state.view->metersPerPixel));
    }
    return out;
}

Result<DashboardState> parseState(const std::string& text) {
    DashboardState state;
    std::istringstream in(text);
    std::string line;
    MapView view;
    int viewParts = 0;
    int lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.empty()) continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos) return makeError(ErrorCode::BadInput, "slide line " + std::to_string(lineNumber) + ": no '=' in \"" + line + "\"");
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        auto numeric = [&]() -> Result<double> {
            const auto v = parseNumber(value);
            if (!v) return makeError(ErrorCode::BadInput, "slide line " + std::to_string(lineNumber) + ": " + key + " is not a number");
            return *v;
        };
        if (key == "scope") state.scope = value;
        else if (key == "as_of") state.asOf = value;
        else if (key == "color_by") state.colorField = value;
        else if (key == "ranking_set") state.rankingSet = value;
        else if (key == "filter.tier") state.filter.tier = value;
        else if (key == "filter.work_type") state.filter.workType = value;
        else if (key == "filter.work_status") state.filter.workStatus = value;
        else if (key == "filter.overdue_tasks") state.filter.overdueTasksOnly = value == "1";
        else if (key == "filter.unmet_criterion" || key == "filter.disbursed_below" || key.rfind("view.", 0) == 0) {
            auto v = numeric();
            if (!v) return v.error();
            if (key == "filter.unmet_criterion") state.filter.unmetCriterion = static_cast<int>(*v);
            else if (key == "filter.disbursed_below") state.filter.disbursedBelowPct = *v;
            else if (key == "view.x") view.centerX = *v, ++viewParts;
            else if (key == "view.y") view.centerY = *v, ++viewParts;
            else if (key == "view.mpp") view.metersPerPixel = *v, ++viewParts;
        }
        // Anything else comes from a newer build: skipped, so the slide still opens.
    }
    if (viewParts == 3 && view.metersPerPixel > 0) state.view = view;
    return state;
}

Result<std::vector<model::Bookmark>> readBookmarks(const std::string& projectPath) {
    auto db = store::openProject(projectPath, false);
    if (!db) return db.error();
    return store::loadBookmarks(*db);
}

Status saveBookmark(const std::string& projectPath, const std::string& name, const DashboardState& state) {
    if (name.empty()) return makeError(ErrorCode::BadInput, "a slide needs a name");
    auto db = store::openProject(projectPath, true);
    if (!db) return db.error();
    store::Transaction tx(*db);
    if (!tx.began()) return makeError(ErrorCode::Sql, projectPath + ": " + tx.beginError());
    auto existing = store::loadBookmarks(*db);
    if (!existing) return existing.error();
    int position = 0;
    for (const model::Bookmark& b : *existing) {
        if (b.name == name) {
            position = b.position;
            break;
        }
        position = std::max(position, b.position + 1);
    }
    store::ProjectWriter writer(*db);
    if (auto put = writer.putBookmark({name, position, serializeState(state)}); !put) return put;
    return tx.commit();
}

Status deleteBookmark(const std::string& projectPath, const std::string& name) {
    auto db = store::openProject(projectPath, true);
    if (!db) return db.error();
    store::Transaction tx(*db);
    if (!tx.began()) return makeError(ErrorCode::Sql, projectPath + ": " + tx.beginError());
    store::ProjectWriter writer(*db);
    if (auto removed = writer.deleteBookmark(name); !removed) return removed;
    return tx.commit();
}

}  // namespace gis::dashboard
