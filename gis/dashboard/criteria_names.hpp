#pragma once
/// Names of criteria and criteria sets in the dashboard's language. The project stores the
/// Vietnamese names; the national sets' English names come from our embedded copy of the
/// reference (assets/criteria_sets.json). A provincial set has its Vietnamese names only.
#include <string>

#include "gis/core/translation.hpp"
#include "gis/dashboard/project_figures.hpp"

namespace gis::dashboard {

std::string criteriaSetName(const ProjectFigures& figures, const std::string& setId, Language language);
std::string criterionName(const ProjectFigures& figures, const std::string& setId, int number, Language language);

}  // namespace gis::dashboard
