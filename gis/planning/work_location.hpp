#pragma once
/// Which commune-level units a work lies in: by its unit code when the sheet gave one (a work of
/// a village belongs to the village's commune), else by where it is — a point in the commune
/// polygon that covers it, a road in every commune it crosses (GEOS, prepared polygons, STRtree).
#include <string>
#include <vector>

#include "gis/figures/unit_tree.hpp"
#include "gis/store/project_reader.hpp"

namespace gis::planning {

/// For each work of `project.infrastructure` (same order), the codes of the commune-level units
/// it is in; empty when it names a district or province, or lies outside every commune.
/// `project` must be loaded with geometry for works without a unit code to be placed.
std::vector<std::vector<std::string>> communesOfWorks(const store::ProjectData& project, const figures::UnitTree& tree);

/// The commune-level unit at or above `unit` (itself for a commune, the parent of a village);
/// nullopt for districts and provinces.
std::optional<std::size_t> communeAtOrAbove(const figures::UnitTree& tree, std::size_t unit);

}  // namespace gis::planning
