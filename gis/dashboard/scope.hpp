#pragma once
/// The dashboard's scope: the unit whose figures the header, map and ranking show (province →
/// district → commune; no district level in the two-tier administration since 1/7/2025).
/// An empty scope code is the whole project (several provinces or districts side by side).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gis/core/translation.hpp"
#include "gis/dashboard/project_figures.hpp"

namespace gis::dashboard {

struct BreadcrumbItem {
    std::string code;  ///< "" = the whole project
    std::string name;  ///< "Tỉnh Nghệ An", "Huyện Anh Sơn"
};

/// The scope a project opens at: the topmost unit that has more than one child (a district
/// project opens on its district, not on a province shell), or "" with several top units.
std::string defaultScope(const ProjectFigures& figures);

/// Whether `code` names a unit the dashboard can scope to (province, district or commune).
bool isScopeUnit(const ProjectFigures& figures, const std::string& code);

/// From the top down to the scope itself; starts with the whole project only when the project
/// has several top units.
std::vector<BreadcrumbItem> breadcrumb(const ProjectFigures& figures, const std::string& scope, Language language);

/// The units one level below the scope (what the ranking lists and a double-click enters):
/// districts of a province, communes of a district (or of a province without districts);
/// empty for a commune. Villages are never listed.
std::vector<std::size_t> scopeChildren(const ProjectFigures& figures, const std::string& scope);

/// Commune-level units inside the scope (all communes for the whole project).
std::vector<std::size_t> scopeCommunes(const ProjectFigures& figures, const std::string& scope);

/// Where a double-click on commune `communeCode` leads: the child of the scope that holds it
/// (its district when the scope is a province), or nullopt when it is not inside the scope.
std::optional<std::string> drillDownTarget(const ProjectFigures& figures, const std::string& scope, const std::string& communeCode);

struct SearchHit {
    std::string code;
    std::string name;     ///< "Xã Thành Sơn"
    std::string context;  ///< its parents: "Huyện Anh Sơn, Tỉnh Nghệ An"
};

/// Units whose name or GSO code matches `query`, with or without diacritics ("thanh son",
/// "Thành Sơn", "17332"); exact names first, then names starting with it, then the rest.
std::vector<SearchHit> searchUnits(const ProjectFigures& figures, std::string_view query, std::size_t limit = 12);

/// "Huyện Bắc Sơn — số liệu đến 22/04/2024"; the project's name for the whole project.
std::string scopeTitle(const ProjectFigures& figures, const std::string& scope, const std::string& asOf, Language language);

}  // namespace gis::dashboard
