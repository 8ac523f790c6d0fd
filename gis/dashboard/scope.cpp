#include "gis/dashboard/scope.hpp"

#include <algorithm>

#include "gis/dashboard/display_format.hpp"
#include "gis/data/text_encoding.hpp"

namespace gis::dashboard {
namespace {

bool isAdministrative(const model::Unit& unit) { return unit.level != "village"; }

std::vector<std::size_t> administrativeChildren(const ProjectFigures& figures, std::size_t unit) {
    std::vector<std::size_t> out;
    for (std::size_t c : figures.tree().children(unit))
        if (isAdministrative(figures.data().units[c])) out.push_back(c);
    return out;
}

std::vector<std::size_t> administrativeRoots(const ProjectFigures& figures) {
    std::vector<std::size_t> out;
    for (std::size_t r : figures.tree().roots())
        if (isAdministrative(figures.data().units[r])) out.push_back(r);
    return out;
}

/// "Xã Thành Sơn" without its type prefix, folded: "thanh son".
std::string foldedBareName(const std::string& name) {
    const std::string folded = data::foldDiacritics(name);
    for (const char* prefix : {"thi tran ", "thanh pho ", "thi xa ", "xa ", "phuong ", "huyen ", "quan ", "tinh "})
        if (folded.rfind(prefix, 0) == 0) return folded.substr(std::string(prefix).size());
    return folded;
}

}  // namespace

std::string defaultScope(const ProjectFigures& figures) {
    std::vector<std::size_t> level = administrativeRoots(figures);
    while (level.size() == 1) {
        const std::vector<std::size_t> below = administrativeChildren(figures, level.front());
        if (below.size() != 1) return figures.data().units[level.front()].code;
        level = below;
    }
    return "";
}

bool isScopeUnit(const ProjectFigures& figures, const std::string& code) {
    const auto unit = figures.tree().find(code);
    return unit && isAdministrative(figures.data().units[*unit]);
}

std::vector<BreadcrumbItem> breadcrumb(const ProjectFigures& figures, const std::string& scope, Language language) {
    std::vector<BreadcrumbItem> items;
    if (administrativeRoots(figures).size() != 1) items.push_back({"", tr(Text::WholeProject, language)});
    const auto unit = figures.tree().find(scope);
    if (!unit) return items;
    for (std::size_t u : figures.tree().pathTo(*unit)) items.push_back({figures.data().units[u].code, figures.data().units[u].name});
    return items;
}

std::vector<std::size_t> scopeChildren(const ProjectFigures& figures, const std::string& scope) {
    if (scope.empty()) {
        std::vector<std::size_t> roots = administrativeRoots(figures);
        return roots.size() == 1 ? administrativeChildren(figures, roots.front()) : roots;
    }
    const auto unit = figures.tree().find(scope);
    if (!unit || figures.data().units[*unit].level == "commune") return {};
    return administrativeChildren(figures, *unit);
}

std::vector<std::size_t> scopeCommunes(const ProjectFigures& figures, const std::string& scope) {
    if (scope.empty()) {
        std::vector<std::size_t> all;
        for (std::size_t i = 0; i < figures.data().units.size(); ++i)
            if (figures.data().units[i].level == "commune") all.push_back(i);
        return all;
    }
    const auto unit = figures.tree().find(scope);
    if (!unit) return {};
    return figures.tree().communesUnder(*unit);
}

std::optional<std::string> drillDownTarget(const ProjectFigures& figures, const std::string& scope, const std::string& communeCode) {
    const auto commune = figures.tree().find(communeCode);
    if (!commune) return std::nullopt;
    const std::vector<std::size_t> children = scopeChildren(figures, scope);
    for (std::size_t u : figures.tree().pathTo(*commune))
        if (std::find(children.begin(), children.end(), u) != children.end()) return figures.data().units[u].code;
    return std::nullopt;
}

std::vector<SearchHit> searchUnits(const ProjectFigures& figures, std::string_view query, std::size_t limit) {
    const std::string key = data::foldDiacritics(query);
    if (key.empty()) return {};
    const bool digits = key.find_first_not_of("0123456789") == std::string::npos;
    struct Scored {
        int score;
        std::size_t unit;
    };
    std::vector<Scored> scored;
    const auto& units = figures.data().units;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (!isAdministrative(units[i])) continue;
        int score = -1;
        if (digits) {
            // "6331" finds "06331": a code as a spreadsheet shows it, leading zeros lost.
            const std::string code = units[i].code;
            const std::string trimmed = code.substr(std::min(code.find_first_not_of('0'), code.size()));
            if (code == key || trimmed == key) score = 0;
            else if (code.rfind(key, 0) == 0) score = 2;
        } else {
            const std::string bare = foldedBareName(units[i].name);
            const std::string full = data::foldDiacritics(units[i].name);
            if (bare == key || full == key) score = 0;
            else if (bare.rfind(key, 0) == 0 || full.rfind(key, 0) == 0) score = 1;
            else if (full.find(key) != std::string::npos) score = 2;
        }
        if (score >= 0) scored.push_back({score, i});
    }
    std::stable_sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
        if (a.score != b.score) return a.score < b.score;
        return units[a.unit].code < units[b.unit].code;
    });
    std::vector<SearchHit> hits;
    for (const Scored& s : scored) {
        if (hits.size() >= limit) break;
        SearchHit hit{units[s.unit].code, units[s.unit].name, ""};
        std::vector<std::size_t> path = figures.tree().pathTo(s.unit);
        path.pop_back();
        for (auto it = path.rbegin(); it != path.rend(); ++it) hit.context += (hit.context.empty() ? "" : ", ") + units[*it].name;
        hits.push_back(std::move(hit));
    }
    return hits;
}

std::string scopeTitle(const ProjectFigures& figures, const std::string& scope, const std::string& asOf, Language language) {
    std::string name;
    if (const auto unit = figures.tree().find(scope)) name = figures.data().units[*unit].name;
    else {
        // The whole project: its top units by name when few ("Tỉnh Nghệ An, Tỉnh Huế"); never a file name.
        const std::vector<std::size_t> roots = administrativeRoots(figures);
        if (!roots.empty() && roots.size() <= 3)
            for (std::size_t r : roots) name += (name.empty() ? "" : ", ") + figures.data().units[r].name;
        else name = tr(Text::WholeProject, language);
    }
    if (asOf.empty()) return name;
    return name + " — " + tr(Text::FiguresAsOf, language) + " " + formatDate(asOf);
}

}  // namespace gis::dashboard
